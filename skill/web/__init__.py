"""The Flask web service: ``create_app()`` serves /alexa, /healthz and the simulator."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask

from skill.builder import build_skill
from skill.config import Config
from skill.router import default_router
from skill.web import alexa, security
from skill.web.security import PrivateFlask

log = logging.getLogger(__name__)


def create_app(config: Config | Mapping[str, Any] | None = None) -> Flask:
    """App factory. ``config`` is a Config, a mapping of environment-style settings
    (CLINIC_NAME, CARE_TEAM_PHONE, ALEXA_SKILL_ID, ALEXA_VERIFY, SIMULATOR), or None
    for the process environment."""
    if isinstance(config, Config):
        settings = config
    else:
        settings = Config.from_env(
            None if config is None else {k: str(v) for k, v in config.items()}
        )
    app = PrivateFlask(__name__, static_folder=None)  # static files: the simulator's
    security.init_app(app)  # CSP, no framing, nosniff, no referrer: on every response
    app.config["SKILL_CONFIG"] = settings
    app.extensions["skill"] = build_skill(settings)
    alexa.init_app(app)  # POST /alexa (verified unless ALEXA_VERIFY=off) and GET /healthz
    if settings.simulator:  # SIMULATOR=off in production: no page, no /api
        from skill.web.simulator import bp as simulator

        app.register_blueprint(simulator)
    # The simulator routes every question and /alexa routes free-form ones: load the
    # samples now (about a second), not on a user's first question.
    default_router()
    return app

"""The Flask web service: ``create_app()`` serves /alexa, /healthz and the simulator."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

try:
    import cryptography  # noqa: F401 - request signature checks (verify.py, certs.py)
    from flask import Flask
except ImportError as missing:  # the core install (the Lambda function) has no web stack
    raise ImportError(
        f"the web service needs {missing.name}, in the web extra: "
        "pip install 'si-recovery-skill[web]'"
    ) from missing

from skill.alexa.builder import build_skill
from skill.config import Config
from skill.content import loader
from skill.content.spec import Content
from skill.nlu.router import router_for
from skill.web import alexa, security
from skill.web.security import PrivateFlask

log = logging.getLogger(__name__)


def create_app(
    config: Config | Mapping[str, Any] | None = None, *, content: Content | None = None,
    locale: str | None = None,
) -> Flask:
    """App factory. ``config`` is a Config, a mapping of environment-style settings
    (CLINIC_NAME, CARE_TEAM_PHONE, ALEXA_SKILL_ID, ALEXA_VERIFY, SIMULATOR), or None
    for the process environment; ``content`` is what the skill says (default: its own,
    ``si-skill serve --root DIR`` gives another); ``locale`` is the simulator's first
    choice of locale (``si-skill serve --locale``; default en-US)."""
    if isinstance(config, Config):
        settings = config
    else:
        settings = Config.from_env(
            None if config is None else {k: str(v) for k, v in config.items()}
        )
    app = PrivateFlask(__name__, static_folder=None)  # static files: the simulator's
    security.init_app(app)  # CSP, no framing, nosniff, no referrer: on every response
    content = content or loader.load_content()
    # The simulator routes every question and /alexa routes free-form ones: load the
    # samples now (about a second), not on a user's first question. Every locale's
    # router shares them (skill.nlu.localized).
    router_for(content)
    app.config["SKILL_CONFIG"] = settings
    app.extensions["skill"] = build_skill(settings, content=content)
    alexa.init_app(app)  # POST /alexa (verified unless ALEXA_VERIFY=off) and GET /healthz
    if settings.simulator:  # SIMULATOR=off in production: no page, no /api
        from skill.web.simulator import CONTENT_KEY, LOCALE_KEY
        from skill.web.simulator import bp as simulator

        app.extensions[CONTENT_KEY] = content  # the simulator routes with the skill's samples
        app.config[LOCALE_KEY] = locale
        app.register_blueprint(simulator)
    return app

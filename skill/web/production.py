"""Production mode: what ``si-skill serve --production`` and ``skill.web.wsgi:app`` run.

Secure by default, and it will not start otherwise:

* request verification is on; ``ALEXA_VERIFY=off`` is refused (it is for ``--dev``);
* ``ALEXA_SKILL_ID`` is required, so only this skill's requests are answered;
  ``ALEXA_SKILL_ID=any`` answers every skill's, with a loud warning at start-up;
* the simulator (``/`` and ``/api``, which answer anyone without verification) is off
  unless ``SIMULATOR=on`` is given, which is warned about too.

Settings still fail closed (see ``skill.config``): a word that is not on/off is refused.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from flask import Flask

from skill.config import ANY_SKILL, Config, ConfigError
from skill.content import loader
from skill.content.spec import Content
from skill.web import create_app

log = logging.getLogger(__name__)


def production_config(env: Mapping[str, str] | None = None) -> Config:
    """The Config production runs with, or ConfigError saying what to set."""
    env = os.environ if env is None else env
    config = Config.from_env({"SIMULATOR": "off", **env})  # off unless given
    if not config.verify_requests:
        raise ConfigError("production mode verifies every request: unset ALEXA_VERIFY "
                          "(ALEXA_VERIFY=off is for local development, si-skill serve --dev)")
    if not env.get("ALEXA_SKILL_ID", "").strip():
        raise ConfigError("production mode needs ALEXA_SKILL_ID, your skill's id "
                          "(amzn1.ask.skill.…), so that only its requests are answered; "
                          f"ALEXA_SKILL_ID={ANY_SKILL} answers every skill's requests")
    return config


def content_of(env: Mapping[str, str]) -> Content | None:
    """``CONTENT_ROOT`` (set by ``si-skill serve --production --root DIR``): the content
    to serve instead of the package's own; ContentError when it cannot be loaded."""
    given = env.get("CONTENT_ROOT", "").strip()
    if not given:
        return None
    if not loader.is_content_root(Path(given)):
        raise ConfigError(f"CONTENT_ROOT={given} holds no intents/ and responses.yaml")
    return loader.load_content(Path(given))


def create_production_app(env: Mapping[str, str] | None = None) -> Flask:
    """The app in production mode, configured from ``env`` (the process environment)."""
    env = os.environ if env is None else env
    config = production_config(env)
    app = create_app(config, content=content_of(env))  # warns if ALEXA_SKILL_ID=any
    if config.simulator:
        log.warning("SIMULATOR IS ON in production mode: / and /api answer anyone, "
                    "without request verification. Turn it off (unset SIMULATOR) on a "
                    "public server.")
    return app

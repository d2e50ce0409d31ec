"""WSGI target for production: ``skill.web.wsgi:app``, the app in production mode.

``si-skill serve --production`` runs this app under waitress; another WSGI server may
load it too. Configured from the environment (see ``skill.web.production``): request
verification on, ``ALEXA_SKILL_ID`` required (``any`` answers every skill, with a
warning), the simulator off unless ``SIMULATOR=on``. A setting that is missing or not
understood stops the import with a message saying what to set.
"""

from __future__ import annotations

from skill.config import ConfigError
from skill.web.production import create_production_app

try:
    app = create_production_app()
except ConfigError as error:
    raise SystemExit(f"skill.web.wsgi: {error}") from None

"""WSGI target for production servers: ``gunicorn -w 2 -b 127.0.0.1:8000 skill.web.wsgi:app``.

Configured from the environment (CLINIC_NAME, CARE_TEAM_PHONE, ALEXA_SKILL_ID,
ALEXA_VERIFY); request verification is on unless ALEXA_VERIFY=off.
"""

from __future__ import annotations

from skill.web import create_app

app = create_app()

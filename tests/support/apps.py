"""The web app as production runs it, for tests that sign requests with the test CA."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask

from skill.web import create_app
from skill.web.alexa import VERIFIER_KEY
from skill.web.verify import RequestVerifier
from tests.support.alexa_pki import NOW, SKILL_ID, Pki
from tests.support.config import PHONE


def verified_app(pki: Pki, fetch: Callable[[str], bytes] | None = None,
                 store: Any = None) -> Flask:
    """The production app (verification on, a skill id) trusting only the test root."""
    app = create_app({"ALEXA_SKILL_ID": SKILL_ID, "CARE_TEAM_PHONE": PHONE})
    app.extensions[VERIFIER_KEY] = RequestVerifier(
        skill_id=SKILL_ID, fetcher=pki.fetcher(fetch=fetch, store=store), clock=lambda: NOW)
    return app

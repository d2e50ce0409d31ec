"""The web simulator: a page at ``/`` and its JSON API under ``/api``.

The page talks to the same in-process skill object as ``si-skill chat`` (through
``Conversation``), never through ``POST /alexa``'s request verification. The server
keeps no session state: every reply carries the session (id, attributes, new, ended)
and the page sends it back with the next utterance, exactly as Alexa round-trips
session attributes. Any worker can answer any turn.

    POST /api/session {locale}           -> {"session": {...}, "turn": {...}, "raw": {...},
                                             "apl": {...} | null, "locale": "en-US"}
    POST /api/ask {session, text, locale} -> the same, plus "explain" (how the router decided)

The simulated device has a screen, so answers carry the APL datasources an Echo Show
would get. ``locale`` is optional (en-US, or ``si-skill serve --locale``) and must be one
the skill has a model for; the skill answers in it and the router reads its vocabulary.

A POST that is not ``application/json`` gets a 415 (so a cross-site form cannot call
the API); bad input gets a 400 JSON error. The user's words are never logged.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any, Final

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from skill import jsonsafe
from skill.alexa import envelope
from skill.alexa.conversation import Conversation, Turn
from skill.content import loader
from skill.jsonsafe import JSONRejected
from skill.nlu.localized import router_for
from skill.nlu.router import Explanation
from skill.web import security

log = logging.getLogger(__name__)

# An utterance is one spoken sentence; 500 characters is several sentences already.
MAX_TEXT_CHARS: Final = 500
# The whole request body: the text plus the echoed session attributes (a few hundred
# bytes in practice); anything near this limit is not our page talking.
MAX_BODY_BYTES: Final = 32 * 1024
CONTENT_KEY: Final = "skill_content"  # app.extensions: the content the skill answers from
LOCALE_KEY: Final = "SIMULATOR_LOCALE"  # app.config: the picker's first choice
# Alexa's session ids are ~90 characters; ours are the same shape.
_SESSION_ID: Final = re.compile(r"^[A-Za-z0-9._:-]{1,200}$")

RENDER_DOCUMENT: Final = "Alexa.Presentation.APL.RenderDocument"

# The page's "try one of these" buttons: one from each kind of conversation.
EXAMPLES: Final = (
    "can I lift groceries",
    "tell me more",
    "repeat that",
    "can my mom sit in the car that long",
    "my husband's temperature is 102",
    "is 100.4 a fever",
    "my incision is red and swollen",
    "when can I drive",
    "how do I reach my care team",
    "stop",
)

bp = Blueprint(
    "simulator", __name__,
    template_folder="templates",
    static_folder="static/simulator",
    static_url_path="/simulator-static",
)
bp.before_request(security.require_json)  # a cross-site form cannot post to the API


class BadRequest(Exception):
    """Input the API refuses, with a message safe to show (it never echoes the text)."""


@bp.errorhandler(BadRequest)
def _bad_request(error: BadRequest) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.get("/")
def page() -> str:
    return render_template("simulator.html", examples=EXAMPLES, max_chars=MAX_TEXT_CHARS,
                           locales=locales(), chosen=_default_locale())


def _default_locale() -> str:
    return str(current_app.config.get(LOCALE_KEY) or envelope.LOCALE)


@cache
def locales() -> tuple[str, ...]:
    """The locales the skill has an interaction model for (interaction_model/*.json)."""
    return tuple(sorted(p.stem for p in (loader.data_root() / "interaction_model").glob(
        "*.json")))


@bp.post("/api/session")
def new_session() -> Response:
    conversation = _conversation(_json_body() if request.content_length else {})
    return _reply(conversation, conversation.launch(), None)


@bp.post("/api/ask")
def ask() -> Response:
    body = _json_body()
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRequest("'text' must be a non-empty string")
    if len(text) > MAX_TEXT_CHARS:
        raise BadRequest(f"'text' is longer than {MAX_TEXT_CHARS} characters")
    conversation = _conversation(body)
    _restore(conversation, body.get("session"))
    explanation = conversation.router.explain(text)
    turn = conversation.ask(text, explanation.route)
    return _reply(conversation, turn, explanation)


def _conversation(body: dict[str, Any]) -> Conversation:
    locale = body.get("locale", _default_locale())
    if locale not in locales():
        raise BadRequest(f"'locale' must be one of {', '.join(locales())}")
    router = router_for(current_app.extensions[CONTENT_KEY], locale)
    return Conversation(current_app.extensions["skill"], router,
                        content=current_app.extensions[CONTENT_KEY], locale=locale, apl=True)


def _json_body() -> dict[str, Any]:
    if (request.content_length or 0) > MAX_BODY_BYTES:
        raise BadRequest("request body too large")
    raw = request.get_data(cache=False)
    if len(raw) > MAX_BODY_BYTES:
        raise BadRequest("request body too large")
    try:
        body = jsonsafe.loads(raw)
    except JSONRejected as exc:
        raise BadRequest("body is nested too deeply" if exc.too_deep
                         else "body must be a JSON object") from None
    if not isinstance(body, dict):
        raise BadRequest("body must be a JSON object")
    return body


def _restore(conversation: Conversation, session: Any) -> None:
    """Continue the session the page echoed back; none means a new one."""
    if session is None:
        return
    if not isinstance(session, dict):
        raise BadRequest("'session' must be an object")
    session_id = session.get("session_id")
    attributes = session.get("attributes", {})
    if not isinstance(session_id, str) or not _SESSION_ID.match(session_id):
        raise BadRequest("'session.session_id' is missing or malformed")
    if not isinstance(attributes, dict):
        raise BadRequest("'session.attributes' must be an object")
    conversation.session_id = session_id
    conversation.attributes = attributes
    conversation.new = bool(session.get("new", False))
    conversation.ended = bool(session.get("ended", False))


def _reply(conversation: Conversation, turn: Turn, explanation: Explanation | None) -> Response:
    shown = turn.as_dict()
    raw = turn.raw()
    log.info("simulator turn intent=%s score=%s urgent=%s",
             shown["intent"], shown["score"], shown["urgent"])
    return jsonify(
        session={
            "session_id": conversation.session_id,
            "attributes": conversation.attributes,
            "new": conversation.new,
            "ended": conversation.ended,
        },
        turn=shown,
        raw=raw,
        explain=_explain(explanation),
        apl=_apl(raw["response"]),
        locale=conversation.locale,
    )


def _apl(response: dict[str, Any]) -> Any:
    """The datasources of the screen's RenderDocument, if the skill sent one."""
    for directive in (response.get("response") or {}).get("directives") or []:
        if directive.get("type") == RENDER_DOCUMENT:
            return directive.get("datasources")
    return None


def _explain(found: Explanation | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "normalized": found.normalized,
        "matched": found.matched_text,
        "decision": {"intent": found.route.intent, "score": found.route.score,
                     "rule": str(found.route.rule) if found.route.rule else None},
        "candidates": [{"intent": c.intent, "score": round(c.score, 1)}
                       for c in found.candidates],
        "safety": [{"rule": f.rule, "status": f.status, "intent": f.intent}
                   for f in found.findings],
    }

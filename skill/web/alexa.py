"""``POST /alexa`` (Alexa's requests, verified) and ``GET /healthz`` (load balancers).

The body goes through ``RequestVerifier`` and then the very skill object the CLI and
Lambda use: envelope JSON -> ``RequestEnvelope`` -> ``skill.invoke`` -> response JSON.
Anything wrong with a request is a 400 with ``{"error": "<short reason>"}``: no stack
trace out, and only the reason in the log, never what the user said.
"""

from __future__ import annotations

import logging
from typing import Final

from ask_sdk_core.skill import CustomSkill
from ask_sdk_model.request_envelope import RequestEnvelope
from flask import Blueprint, Flask, Response, current_app, jsonify, request

from skill import logsafe
from skill.config import Config
from skill.web.verify import RequestRejected, RequestVerifier

log = logging.getLogger(__name__)

# Alexa's request envelopes are a few kilobytes; 128 KB is generous and still keeps a
# hostile body from costing memory or parse time.
MAX_BODY: Final = 128 * 1024
VERIFIER_KEY: Final = "alexa_verifier"

bp = Blueprint("alexa", __name__)


def init_app(app: Flask, verifier: RequestVerifier | None = None) -> None:
    """Register the routes and the request verifier (from the app's Config unless given)."""
    if verifier is None:
        settings: Config = app.config["SKILL_CONFIG"]
        verifier = RequestVerifier(skill_id=settings.skill_id,
                                   check_signature=settings.verify_requests)
    app.extensions[VERIFIER_KEY] = verifier
    if not verifier.check_signature:
        log.warning("ALEXA REQUEST VERIFICATION IS OFF: POST /alexa accepts unsigned "
                    "requests. Use this only for local development, never in production.")
    elif verifier.skill_id is None:
        log.warning("NO SKILL ID: ALEXA_SKILL_ID is unset or 'any', so POST /alexa answers "
                    "validly signed requests for ANY Alexa skill, not only yours. Set "
                    "ALEXA_SKILL_ID to your skill's id.")
    app.register_blueprint(bp)


def _reject(reason: str) -> tuple[Response, int]:
    log.warning("rejected /alexa request: %s", reason)
    return jsonify(error=reason), 400


def _read_body() -> bytes | None:
    """The raw body, or None when it is larger than MAX_BODY (declared or actual)."""
    if request.content_length is not None and request.content_length > MAX_BODY:
        return None
    body = request.stream.read(MAX_BODY + 1)
    return None if len(body) > MAX_BODY else body


@bp.post("/alexa")
def alexa() -> tuple[Response, int]:
    body = _read_body()
    if body is None:
        return _reject("body too large")
    verifier: RequestVerifier = current_app.extensions[VERIFIER_KEY]
    try:
        verifier.verify(request.headers, body)
    except RequestRejected as exc:
        return _reject(str(exc))
    skill: CustomSkill = current_app.extensions["skill"]
    try:
        envelope = skill.serializer.deserialize(payload=body.decode("utf-8"),
                                                obj_type=RequestEnvelope)
    except Exception as exc:  # ask-sdk raises SerializationException and friends
        log.debug("envelope not deserializable: %s", type(exc).__name__)
        return _reject("malformed request envelope")
    if not isinstance(envelope, RequestEnvelope) or envelope.request is None:
        return _reject("malformed request envelope")
    try:
        response = skill.invoke(request_envelope=envelope, context=None)
    except Exception as exc:  # the skill's own error handler speaks; this is the rest
        log.warning("skill could not handle %s: %s",
                    type(envelope.request).__name__, type(exc).__name__)
        return _reject("request could not be handled")
    log.info("answered %s %s", type(envelope.request).__name__,
             logsafe.request_id(getattr(envelope.request, "request_id", "")))
    return jsonify(skill.serializer.serialize(response)), 200


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    return jsonify(status="ok"), 200

"""AWS Lambda entry point: ``skill.alexa.lambda_function.handler`` (configured in template.yaml).

Importing this module does not import Flask: a Lambda cold start loads only the skill.
"""

from __future__ import annotations

import json
import logging
from typing import Any, cast

from ask_sdk_model import RequestEnvelope

from skill import jsonsafe
from skill.alexa.builder import build_skill
from skill.jsonsafe import JSONRejected

log = logging.getLogger(__name__)

# Built once per container and reused by every invocation it serves.
_skill = build_skill(check_skill_id=True)


class MalformedEvent(ValueError):
    """The event is not an Alexa request envelope.

    Lambda logs an uncaught exception's message and traceback; the deserializer's own
    errors quote the event ("Failed to parse <value> ..."), so they are replaced by
    this one, which never does."""


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Alexa event dict in, Alexa response dict out."""
    try:  # the serializer recurses once per level: refuse deep nesting before it does
        jsonsafe.check_depth(event)
    except JSONRejected:
        log.warning("event is nested too deeply")
        raise MalformedEvent("event is nested too deeply") from None
    try:
        request = _skill.serializer.deserialize(payload=json.dumps(event),
                                                obj_type=RequestEnvelope)
    except Exception:  # ask-sdk raises SerializationException and friends
        log.warning("event is not an Alexa request envelope")
        raise MalformedEvent("event is not an Alexa request envelope") from None
    if not isinstance(request, RequestEnvelope) or request.request is None:
        raise MalformedEvent("event is not an Alexa request envelope")
    response = _skill.invoke(request_envelope=request, context=context)
    # A ResponseEnvelope always serializes to a JSON object.
    return cast(dict[str, Any], _skill.serializer.serialize(response))

"""AWS Lambda entry point: ``skill.lambda_function.handler`` (configured in template.yaml).

Importing this module does not import Flask: a Lambda cold start loads only the skill.
"""

from __future__ import annotations

import json
from typing import Any

from ask_sdk_model import RequestEnvelope

from skill.builder import build_skill

# Built once per container and reused by every invocation it serves.
_skill = build_skill(check_skill_id=True)


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Alexa event dict in, Alexa response dict out."""
    request = _skill.serializer.deserialize(payload=json.dumps(event), obj_type=RequestEnvelope)
    response = _skill.invoke(request_envelope=request, context=context)
    result: dict[str, Any] = _skill.serializer.serialize(response)
    return result

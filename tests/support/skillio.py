"""Invoking the skill object directly with a request envelope, and reading what it said."""

from __future__ import annotations

from typing import Any

from skill.alexa import envelope
from skill.alexa.conversation import ssml_to_text


def invoke(skill: Any, request: Any, attributes: dict[str, Any] | None = None,
           new: bool = True) -> Any:
    env = envelope.envelope(request, session_id="s1", new=new, attributes=attributes or {})
    return skill.invoke(request_envelope=env, context=None)


def speech_of(response: Any) -> str:
    return ssml_to_text(response.response.output_speech.ssml)

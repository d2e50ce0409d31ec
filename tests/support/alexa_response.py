"""What every answer must be, whatever came in: a response Alexa accepts and can speak.

``check_response`` is the oracle of the property tests (router, skill, /alexa): the JSON
parses as ask_sdk_model's ``ResponseEnvelope``, version "1.0", with SSML speech that is
well-formed XML under ``<speak>``, and a reprompt whenever the session stays open. A
``SessionEndedRequest`` gets the one exception Alexa makes: an empty response, no speech.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import ResponseEnvelope
from ask_sdk_model.ui import SsmlOutputSpeech

_serializer = DefaultSerializer()


def _check_ssml(speech: Any, where: str) -> str:
    assert isinstance(speech, SsmlOutputSpeech), f"{where}: not SSML ({type(speech).__name__})"
    assert speech.ssml, f"{where}: empty SSML"
    root = ElementTree.fromstring(speech.ssml)  # raises ParseError on malformed SSML
    assert root.tag == "speak", f"{where}: root element is <{root.tag}>"
    assert "".join(root.itertext()).strip(), f"{where}: says nothing"
    return speech.ssml


def check_response(payload: dict[str, Any], *, session_ended: bool = False) -> ResponseEnvelope:
    """Assert ``payload`` (response JSON as a dict) is a valid Alexa response; return it parsed."""
    parsed = _serializer.deserialize(json.dumps(payload), ResponseEnvelope)
    assert isinstance(parsed, ResponseEnvelope)
    assert parsed.version == "1.0"
    response = parsed.response
    if session_ended:  # Alexa ignores, and forbids, speech in reply to SessionEndedRequest
        assert response is None or response.output_speech is None
        return parsed
    assert response is not None, "no response object"
    _check_ssml(response.output_speech, "outputSpeech")
    if response.should_end_session is not True:
        assert response.reprompt is not None, "session left open without a reprompt"
        _check_ssml(response.reprompt.output_speech, "reprompt")
    return parsed

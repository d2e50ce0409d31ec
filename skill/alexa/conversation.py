"""Text in, Alexa response out, through the real skill: the local doors' one path.

text -> router -> IntentRequest envelope -> ``skill.invoke`` -> response envelope.
A ``Conversation`` keeps the session (id and attributes) across turns the way Alexa
does, so "tell me more" and "repeat that" work in the CLI and the simulator alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill import CustomSkill
from ask_sdk_model import RequestEnvelope, ResponseEnvelope

from skill.alexa import envelope
from skill.alexa.responses import FACET_SLOT
from skill.nlu import facets
from skill.nlu.router import Route, Router, default_router

_TAGS = re.compile(r"<[^>]+>")
_serializer = DefaultSerializer()


def ssml_to_text(ssml: str | None) -> str:
    """What a listener hears, as plain text."""
    if not ssml:
        return ""
    text = _TAGS.sub("", ssml)
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'")):
        text = text.replace(entity, char)
    return " ".join(text.replace("&amp;", "&").split())


@dataclass
class Turn:
    """One exchange: what was said, how it was routed, what the skill answered."""

    text: str
    route: Route
    request: RequestEnvelope
    response: ResponseEnvelope
    urgent: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``si-skill ask --json`` (exactly these keys)."""
        response = self.response.response
        ssml = getattr(response.output_speech, "ssml", None) if response else None
        reprompt_speech = (
            response.reprompt.output_speech if response and response.reprompt else None
        )
        card = response.card if response else None
        return {
            "text": self.text,
            "intent": self.route.intent,
            "score": round(float(self.route.score), 1),
            "slots": dict(self.route.slots),
            "urgent": self.urgent,
            "speech": ssml_to_text(ssml),
            "ssml": ssml or "",
            "reprompt": ssml_to_text(getattr(reprompt_speech, "ssml", None)) or None,
            "card": {
                "title": getattr(card, "title", "") or "",
                "text": getattr(card, "content", "") or "",
            },
            "end_session": bool(response.should_end_session) if response else True,
        }

    def raw(self) -> dict[str, Any]:
        """The request and response envelopes as Alexa would put them on the wire."""
        return {
            "request": _serializer.serialize(self.request),
            "response": _serializer.serialize(self.response),
        }


class Conversation:
    """A session with the skill, driven by text."""

    def __init__(self, skill: CustomSkill, router: Router | None = None) -> None:
        self.skill = skill
        self.router = router or default_router()
        self.session_id = envelope.new_session_id()
        self.attributes: dict[str, Any] = {}
        self.new = True
        self.ended = False

    def reset(self) -> None:
        self.session_id = envelope.new_session_id()
        self.attributes = {}
        self.new = True
        self.ended = False

    def launch(self) -> Turn:
        self.reset()
        return self._invoke(
            "", Route("LaunchRequest", 100.0, {}, "launch"), envelope.launch_request()
        )

    def ask(self, text: str, found: Route | None = None) -> Turn:
        """Say ``text``; ``found`` is its route when the caller has routed it already."""
        if self.ended:
            self.reset()
        found = found or self.router.route(text)
        moved = None if (found.rule or "").startswith("safety") else facets.elsewhere(
            found.intent, text)
        if moved is not None:  # a point of another topic, named unmistakably
            found = Route(moved[0], found.score, {}, f"facet: {moved[1]}")
        slots = dict(found.slots)
        facet = facets.slot_value(found.intent, text)
        if facet:  # the point of the topic asked about, as Alexa would fill the FACET slot
            slots[FACET_SLOT] = facet
        return self._invoke(text, found, envelope.intent_request(found.intent, slots))

    def _invoke(self, text: str, found: Route, request: Any) -> Turn:
        request_envelope = envelope.envelope(
            request, session_id=self.session_id, new=self.new, attributes=self.attributes
        )
        response = self.skill.invoke(request_envelope=request_envelope, context=None)
        self.new = False
        self.attributes = dict(response.session_attributes or {})
        body = response.response
        self.ended = bool(body.should_end_session) if body else True
        last = self.attributes.get("last")
        urgent = bool(last.get("urgent")) if isinstance(last, dict) else False
        return Turn(
            text=text, route=found, request=request_envelope, response=response, urgent=urgent
        )

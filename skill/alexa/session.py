"""What the skill remembers within a session, as one typed object.

Alexa (and the simulator page) send the session attributes back with every request,
so they arrive as the client chose to send them: ``SessionState.from_attributes``
takes any value and keeps only what has the right shape. On the wire:

    {"last": {"key": ..., "part": "speech" | "more", "params": {...}, "urgent": bool,
              "intent": ...},
     "more": <answer key whose detail was offered> | null,
     "topic": <topic intent last answered> | null, "slots": {<its slots>},
     "offer": <topic intent offered with "You also asked about ..."> | null,
     "choice": [<intent>, <intent>] (the two topics of "Do you mean ... or ...?"),
     "act": "answer" | "more" | "repeat" | "clarify" | "prompt" | ... (this turn),
     "alerted": bool (an urgent answer was given: the goodbye repeats the call)}

The topic and its slots last the session (follow-ups use them); an offer and a choice
last one turn: every spoken response clears them unless it asks again.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

from ask_sdk_core.handler_input import HandlerInput

LAST: Final = "last"
MORE: Final = "more"
TOPIC: Final = "topic"
SLOTS: Final = "slots"
OFFER: Final = "offer"
CHOICE: Final = "choice"
ACT: Final = "act"
ALERTED: Final = "alerted"


class Part(str, enum.Enum):
    """The parts of an answer the skill speaks."""

    SPEECH = "speech"  # the first, one-breath answer
    MORE = "more"  # the detail offered after it

    @classmethod
    def parse(cls, value: Any) -> Part | None:
        return next((part for part in cls if part.value == value), None)


class Act(str, enum.Enum):
    """What the skill did with a turn (the developer view and the dialog scores read it)."""

    ANSWER = "answer"  # a topic's answer (also a follow-up's, a choice's, an offer taken)
    MORE = "more"  # the next part of the answer, or "that is all the guide says"
    REPEAT = "repeat"
    CLARIFY = "clarify"  # "Do you mean lifting or sitting?"
    PROMPT = "prompt"  # a follow-up with no topic: "What would you like to know about?"
    FALLBACK = "fallback"
    GOODBYE = "goodbye"
    OTHER = "other"  # help, the welcome, "okay, what else?"

    @classmethod
    def parse(cls, value: Any) -> Act | None:
        return next((act for act in cls if act.value == value), None)


@dataclass(frozen=True)
class LastAnswer:
    """The answer said last, for "repeat that" and "tell me more"."""

    key: str | None = None  # None when the client sent something other than text
    part: Part | None = Part.SPEECH  # None when the client sent an unknown part
    params: dict[str, str] = field(default_factory=dict)
    urgent: bool = False
    intent: str = ""
    facet: str | None = None  # the point of the topic the answer led with
    related: str | None = None  # the answer whose guide rule an uncovered topic added

    @classmethod
    def from_value(cls, value: Any) -> LastAnswer | None:
        if not isinstance(value, Mapping):
            return None
        key, params = value.get("key"), value.get("params")
        return cls(
            key=key if isinstance(key, str) else None,
            part=Part.parse(value.get("part") or Part.SPEECH.value),
            params=_strings(params),
            urgent=bool(value.get("urgent")),
            intent=str(value.get("intent") or ""),
            facet=_text(value.get("facet")),
            related=_text(value.get("related")),
        )

    def as_value(self) -> dict[str, Any]:
        return {"key": self.key, "part": self.part.value if self.part else None,
                "params": dict(self.params), "urgent": self.urgent, "intent": self.intent,
                "facet": self.facet, "related": self.related}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _strings(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, Mapping) else {}


@dataclass(frozen=True)
class SessionState:
    last: LastAnswer | None = None
    more: str | None = None  # the answer key whose detail was offered
    topic: str | None = None  # the topic intent answered last, for follow-ups
    slots: dict[str, str] = field(default_factory=dict)  # that answer's slots
    offer: str | None = None  # the second question heard, offered for "yes"
    choice: tuple[str, ...] = ()  # the two topics the skill asked the user to pick from
    act: Act | None = None  # what the skill did with the latest turn
    alerted: bool = False  # an urgent answer was given in this session

    def said_last(self, key: str) -> bool:
        """Whether the answer said last was the one under ``key``."""
        return self.last is not None and self.last.key == key

    @property
    def urgent(self) -> bool:
        """Whether the last answer was on the urgent path."""
        return self.last is not None and self.last.urgent

    @property
    def asked(self) -> bool:
        """Whether the skill's last words asked a yes/no question: "Want to hear more?"
        (offered after an answer that is not urgent) or "You also asked about ...?"."""
        return self.offer is not None or (self.more is not None and not self.urgent)

    @classmethod
    def from_attributes(cls, attributes: Any) -> SessionState:
        if not isinstance(attributes, Mapping):
            return cls()
        more, choice = attributes.get(MORE), attributes.get(CHOICE)
        return cls(
            last=LastAnswer.from_value(attributes.get(LAST)),
            more=more if isinstance(more, str) else None,
            topic=_text(attributes.get(TOPIC)),
            slots=_strings(attributes.get(SLOTS)),
            offer=_text(attributes.get(OFFER)),
            choice=tuple(c for c in choice if isinstance(c, str))
            if isinstance(choice, list) else (),
            act=Act.parse(attributes.get(ACT)),
            alerted=attributes.get(ALERTED) is True,
        )

    def to_attributes(self) -> dict[str, Any]:
        return {LAST: self.last.as_value() if self.last else None, MORE: self.more,
                TOPIC: self.topic, SLOTS: dict(self.slots), OFFER: self.offer,
                CHOICE: list(self.choice), ACT: self.act.value if self.act else None,
                ALERTED: self.alerted}


def _attributes(handler_input: HandlerInput) -> dict[str, Any]:
    """The session's attributes; a throwaway dict for an out-of-session request (Alexa
    sends some without a session), and a fresh one if the request carried a non-object."""
    manager = handler_input.attributes_manager
    if handler_input.request_envelope.session is None:
        return {}
    found = manager.session_attributes
    if not isinstance(found, dict):
        found = manager.session_attributes = {}
    return found


def read(handler_input: HandlerInput) -> SessionState:
    return SessionState.from_attributes(_attributes(handler_input))


def write(handler_input: HandlerInput, state: SessionState) -> None:
    """Save ``state``, keeping any other attributes the session carries."""
    _attributes(handler_input).update(state.to_attributes())


def update(handler_input: HandlerInput, **changes: Any) -> None:
    """Change some fields of the saved state (``act=Act.MORE``, ``offer=...``)."""
    write(handler_input, replace(read(handler_input), **changes))

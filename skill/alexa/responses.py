"""From an intent and its slots to the words the skill says.

``select()`` picks the answer key (fever readings pick among four) and whether the
answer is urgent; ``render()`` fills the placeholders from configuration and builds the
plain text, the SSML and the card text. Handlers only glue these to ask-sdk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Final

from skill.alexa import keys
from skill.alexa.local import GUIDE_LINE, Local
from skill.config import Config
from skill.content.locales import DEFAULT, Locale
from skill.content.spec import Content
from skill.nlu import fever

_PHONE_MARK: Final = "\x00phone\x00"
_EMERGENCY_MARK: Final = "\x00emergency\x00"
_LINE_MARK: Final = "\x00line\x00"
_PLACEHOLDER: Final = re.compile(r"\{(\w+)\}")
UNCOVERED: Final = "UncoveredTopicIntent"
TOPIC_SLOT: Final = "topic"
# SSML is XML: these three must be escaped in text. (Not xml.sax.saxutils.escape, which
# does the same but imports urllib.request, http.client and ssl: a Lambda cold start
# pays for every import.)
_XML_ESCAPES: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# The longest slot value we will read back to a user; longer is noise, not a topic.
MAX_SLOT_CHARS: Final = 60


@dataclass(frozen=True)
class Choice:
    """Which answer to give, and the values its placeholders need."""

    key: str
    urgent: bool
    params: dict[str, str]


@dataclass(frozen=True)
class Rendered:
    """One piece of speech in every form a response needs."""

    text: str  # plain text, phone number as digits
    ssml_body: str  # escaped, phone number in <say-as>


def _slot(slots: dict[str, str], name: str) -> str:
    value = (slots.get(name) or "").strip()
    return value if len(value) <= MAX_SLOT_CHARS else ""


def reading_from_slots(slots: dict[str, str]) -> fever.Level | fever.Reading | None:
    """The temperature in FeverIntent's slots ("101" + decimal "5" -> 101.5), if any;
    ``Level.UNCLEAR`` for a number no thermometer shows (not a number, or absurd)."""
    whole = _slot(slots, "temperature")
    if not whole:
        return None
    decimal = _slot(slots, "decimal")
    text = f"{whole}.{decimal}" if decimal.isdigit() and "." not in whole else whole
    try:
        value = float(text)
    except ValueError:
        return None
    if value != value or abs(value) > 1e6:  # NaN or absurd
        return fever.Level.UNCLEAR
    return fever.assess(value, _slot(slots, "unit") or None)


def select(intent: str, slots: dict[str, str], content: Content) -> Choice:
    """The answer for ``intent``, which must have an answer key in its YAML."""
    spec = content.by_name[intent]
    if spec.answer is None:
        raise KeyError(f"{intent} has no answer")
    key = spec.answer
    params: dict[str, str] = {}
    urgent = spec.urgent
    if intent == "FeverIntent":
        # Urgent means "over 101 °F" (or right at it): without a believable reading the
        # answer gives the threshold and the other signs, care team first, unflagged.
        reading = reading_from_slots(slots)
        level = reading.level if isinstance(reading, fever.Reading) else reading
        urgent = level in (fever.Level.HIGH, fever.Level.AT_LINE)
        if level is not None:
            key = keys.FEVER[level]
        if isinstance(reading, fever.Reading):
            params["reading"] = reading.spoken()
            # The guide's line is said in the reading's unit (skill.alexa.local).
            params["unit"] = "celsius" if reading.celsius else "fahrenheit"
    elif intent == UNCOVERED:
        names = content.derive(topic_names)
        params[TOPIC_SLOT] = names.get(_slot(slots, TOPIC_SLOT).lower(), "that")
    return Choice(key=key, urgent=urgent, params=params)


def topic_names(content: Content) -> dict[str, str]:
    """Every id, name and synonym of an uncovered topic -> the name to say back.

    Only known topics are read back; anything else a user said is never repeated."""
    spec = content.by_name.get(UNCOVERED)
    slot_type = spec.slots.get(TOPIC_SLOT, "") if spec is not None else ""
    names: dict[str, str] = {}
    for value in content.slot_types.get(slot_type, ()):
        for key in (value.id, value.name, *value.synonyms):
            names.setdefault(key.lower(), value.name)
    return names


def escape(text: str) -> str:
    """``text`` safe inside an XML element."""
    return text.translate(_XML_ESCAPES)


class Answers:
    """responses.yaml with configuration and the request's locale applied."""

    def __init__(self, config: Config, responses: Mapping[str, Mapping[str, Any]],
                 locales: Mapping[str, Locale]):
        self.config = config
        self.responses = responses
        self.locales = locales

    def local(self, locale: str | None) -> Local:
        """The locale's number and unit; an unknown locale gets the default's."""
        found = self.locales.get(locale or DEFAULT) or self.locales[DEFAULT]
        return Local.of(found, self.config)

    @cached_property
    def care_team(self) -> str:
        phone = self.config.care_team_phone
        return f"your care team at {_PHONE_MARK}" if phone else "your care team"

    def has(self, key: str, part: str = "speech") -> bool:
        return bool(self.responses.get(key, {}).get(part))

    def render(self, key: str, part: str = "speech", *, locale: str | None = None,
               **params: str) -> Rendered:
        """``key``'s ``part`` for a request in ``locale`` (default: the default locale)."""
        local = self.local(locale)
        template = str(self.responses[key][part])
        line = local.line(params.get("unit"))
        if line is not None:
            template = GUIDE_LINE.sub(_LINE_MARK, template)
        values = {"care_team": self.care_team, "clinic": self.config.clinic_name, **params,
                  "emergency": _EMERGENCY_MARK}  # never from params (they round-trip)
        text = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
        text = text[:1].upper() + text[1:]
        phone = self.config.care_team_phone or ""
        say_as = f'<say-as interpret-as="telephone">{escape(phone)}</say-as>'
        shown, spoken = line or ("", "")
        return Rendered(
            text=text.replace(_PHONE_MARK, phone).replace(_EMERGENCY_MARK, local.emergency)
            .replace(_LINE_MARK, shown),
            ssml_body=escape(text).replace(_PHONE_MARK, say_as)
            .replace(_EMERGENCY_MARK, local.emergency_said).replace(_LINE_MARK, spoken),
        )

    def source(self, key: str) -> str:
        return str(self.responses.get(key, {}).get("source") or "none")


def ssml(*parts: Rendered) -> str:
    return "<speak>" + " ".join(p.ssml_body for p in parts) + "</speak>"


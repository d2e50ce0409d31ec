"""From an intent and its slots to the words the skill says.

``select()`` picks the answer key (fever readings pick among four), the facet the user
asked about, the guide rule related to an uncovered topic, and whether the answer is
urgent; ``render()`` fills the placeholders from configuration and renders each number
twice: words for the ear (SSML), digits and units for the eye (the card). Handlers only
glue these to ask-sdk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Final

from skill.alexa import keys
from skill.alexa.local import GUIDE_LINE, Local
from skill.config import Config
from skill.content import answers, markup
from skill.content.locales import DEFAULT, Locale
from skill.content.spec import MENTION_SLOT, Content
from skill.nlu import facets, fever

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
FACET_SLOT: Final = "facet"


@dataclass(frozen=True)
class Choice:
    """Which answer to give, and the values its placeholders need."""

    key: str
    urgent: bool
    params: dict[str, str]
    facet: str | None = None
    related: str | None = None  # the answer whose guide rule applies to an uncovered topic


@dataclass(frozen=True)
class Rendered:
    """One piece of speech in every form a response needs."""

    text: str  # for the eye: digits and units, phone number as digits
    ssml_body: str  # for the ear: escaped, numbers in words, phone number in <say-as>
    spoken: str = ""  # for the ear as plain text, phone number as digits
    sentences: tuple[answers.Sentence, ...] = field(default=())


def _slot(slots: Mapping[str, str], name: str) -> str:
    value = (slots.get(name) or "").strip()
    return value if len(value) <= MAX_SLOT_CHARS else ""


def reading_from_slots(slots: Mapping[str, str]) -> fever.Level | fever.Reading | None:
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


def _reading_markup(reading: fever.Reading) -> str:
    """The user's reading as a marked number, or plain words when it cannot be one."""
    number = f"{reading.value:g}"
    unit = "°C" if reading.celsius else "°F"
    if re.fullmatch(r"\d{1,3}(\.\d+)?", number):
        return f"[[{number} {unit}]]"
    return "that reading"


def _calm_mention(slots: Mapping[str, str], declared: Mapping[str, str],
                  content: Content) -> bool:
    """Whether the mention slot says the symptom was named but not reported: exactly one
    of its type's values (the statuses the local router sets). Anything else Alexa heard
    there, or no value, keeps the urgent answer."""
    said = (slots.get(MENTION_SLOT) or "").strip().lower()
    values = content.slot_types.get(declared.get(MENTION_SLOT, ""), ())
    return any(said == value.name for value in values)


def select(intent: str, slots: dict[str, str], content: Content) -> Choice:
    """The answer for ``intent`` (which must have an answer key in its YAML): the key, the
    facet asked about, the guide rule related to an uncovered topic, and urgency."""
    spec = content.by_name[intent]
    if spec.answer is None:
        raise KeyError(f"{intent} has no answer")
    key = spec.answer
    entries = answers.of(content)
    params: dict[str, str] = {}
    urgent = spec.urgent
    related = None
    if spec.calm_answer is not None and _calm_mention(slots, spec.slots, content):
        key, urgent = spec.calm_answer, False
    elif intent == "FeverIntent":
        # Urgent means "over 101 °F" (or right at it): without a believable reading the
        # answer gives the threshold and the other signs, care team first, unflagged.
        reading = reading_from_slots(slots)
        level = reading.level if isinstance(reading, fever.Reading) else reading
        urgent = level in (fever.Level.HIGH, fever.Level.AT_LINE)
        if level is not None:
            key = keys.FEVER[level]
        if isinstance(reading, fever.Reading):
            params["reading"] = _reading_markup(reading)
            # The guide's line is said in the reading's unit (skill.alexa.local).
            params["unit"] = "celsius" if reading.celsius else "fahrenheit"
    elif intent == UNCOVERED:
        topic = content.derive(topic_ids).get(_slot(slots, TOPIC_SLOT).lower())
        params[TOPIC_SLOT] = content.derive(topic_names).get(topic or "", "that")
        entry = entries.get(key)
        related = entry.related.get(topic or "") if entry else None
    entry = entries.get(key)
    facet = None
    if entry is not None and not urgent:
        facet = facets.resolve(_slot(slots, FACET_SLOT), entry)
    return Choice(key=key, urgent=urgent, params=params, facet=facet, related=related)


def _uncovered_values(content: Content) -> tuple[Any, ...]:
    spec = content.by_name.get(UNCOVERED)
    slot_type = spec.slots.get(TOPIC_SLOT, "") if spec is not None else ""
    return tuple(content.slot_types.get(slot_type, ()))


def topic_ids(content: Content) -> dict[str, str]:
    """Every id, name and synonym of an uncovered topic -> its id."""
    ids: dict[str, str] = {}
    for value in _uncovered_values(content):
        for word in (value.id, value.name, *value.synonyms):
            ids.setdefault(word.lower(), value.id)
    return ids


def topic_names(content: Content) -> dict[str, str]:
    """Topic id -> the name to say back. Only known topics are read back; anything else
    a user said is never repeated."""
    return {value.id: value.name for value in _uncovered_values(content)}


def _capitalized(line: str) -> str:
    return line[:1].upper() + line[1:]


def escape(text: str) -> str:
    """``text`` safe inside an XML element."""
    return text.translate(_XML_ESCAPES)


class Answers:
    """responses.yaml with configuration and the request's locale applied."""

    def __init__(self, config: Config, responses: Mapping[str, Any],
                 locales: Mapping[str, Locale]):
        self.config = config
        self.entries = answers.Parsed(responses)
        self.locales = locales
        # Renderings without run-time values, by (key, part, facet, related, locale): all
        # from the data and the configuration, so the cache is as small as they are.
        self._rendered: dict[tuple[str, str, str | None, str | None, str], Rendered] = {}

    def local(self, locale: str | None) -> Local:
        """The locale's number and unit; an unknown locale gets the default's."""
        found = self.locales.get(locale or DEFAULT) or self.locales[DEFAULT]
        return Local.of(found, self.config)

    @cached_property
    def care_team(self) -> str:
        phone = self.config.care_team_phone
        return f"your care team at {_PHONE_MARK}" if phone else "your care team"

    def has(self, key: str, part: str = "speech", facet: str | None = None) -> bool:
        entry = self.entries.get(key)
        return entry is not None and bool(entry.part(part, facet))

    def sentences(self, key: str, part: str = "speech", facet: str | None = None,
                  related: str | None = None) -> tuple[answers.Sentence, ...]:
        """What ``part`` says; an uncovered topic's related guide rule after its first line."""
        found = self.entries[key].part(part, facet)
        rule = self.rule(related) if part == "speech" and related else None
        return (*found[:1], rule, *found[1:]) if rule else found

    def rule(self, key: str) -> answers.Sentence | None:
        """The first sentence of ``key`` that states a guide fact."""
        entry = self.entries.get(key)
        return next((s for s in entry.speech if s.quotes and not s.policies), None) \
            if entry else None

    def render(self, key: str, part: str = "speech", facet: str | None = None,
               related: str | None = None, *, locale: str | None = None,
               **params: str) -> Rendered:
        """``key``'s ``part`` for a request in ``locale`` (default: the default locale)."""
        if params:
            return self.render_sentences(self.sentences(key, part, facet, related), params,
                                         locale)
        # What came from a request is known data here, or it means the same as none.
        facet = facet if facet in self.entries[key].facets else None
        related = related if related in self.entries else None
        known = locale if locale is not None and locale in self.locales else DEFAULT
        found = self._rendered.get((key, part, facet, related, known))
        if found is None:
            found = self.render_sentences(self.sentences(key, part, facet, related), {},
                                          known)
            self._rendered[(key, part, facet, related, known)] = found
        return found

    def render_sentences(self, said: tuple[answers.Sentence, ...],
                         params: Mapping[str, str], locale: str | None = None) -> Rendered:
        local = self.local(locale)
        guide_line = local.line(params.get("unit"))
        values = {"care_team": self.care_team, "care_team_name": "your care team",
                  "clinic": self.config.clinic_name, **params,
                  "emergency": _EMERGENCY_MARK}  # never from params (they round-trip)
        ears, eyes = [], []
        for sentence in said:
            say = GUIDE_LINE.sub(_LINE_MARK, sentence.say) if guide_line else sentence.say
            line = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), say)
            ears.append(_capitalized(markup.for_ear(line)))
            eyes.append(_capitalized(markup.for_eye(line)))
        ear = " ".join(ears)
        phone = self.config.care_team_phone or ""
        say_as = f'<say-as interpret-as="telephone">{escape(phone)}</say-as>'
        line_shown, line_said = guide_line or ("", "")
        return Rendered(
            text=" ".join(eyes).replace(_PHONE_MARK, phone)
            .replace(_EMERGENCY_MARK, local.emergency).replace(_LINE_MARK, line_shown),
            ssml_body=escape(ear).replace(_PHONE_MARK, say_as)
            .replace(_EMERGENCY_MARK, local.emergency_said).replace(_LINE_MARK, line_said),
            spoken=ear.replace(_PHONE_MARK, phone).replace(_EMERGENCY_MARK, local.emergency)
            .replace(_LINE_MARK, line_said),
            sentences=said,
        )

    def source(self, key: str) -> str:
        entry = self.entries.get(key)
        return entry.source if entry else "none"


def ssml(*parts: Rendered) -> str:
    return "<speak>" + " ".join(p.ssml_body for p in parts) + "</speak>"

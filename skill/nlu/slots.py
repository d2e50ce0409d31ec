"""Find slot values in normalized text and stand placeholders in their place.

"my temperature is 102 degrees fahrenheit" -> "my temperature is {temperature} degrees
{unit}" with slots {temperature: "102", unit: "fahrenheit"}. Samples keep their own
``{slot}`` placeholders, so both sides meet on the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

from skill.content import loader
from skill.content.spec import Content, IntentSpec, SlotValue
from skill.nlu.fever import CELSIUS_RANGE, FAHRENHEIT_RANGE
from skill.nlu.normalize import Lexicon, lexicon_of, normalize
from skill.nlu.numbers import to_float

TEMPERATURE_SLOT: Final = "temperature"
# Words that say a number is a body temperature whatever its size.
FEVER_CONTEXT: Final = re.compile(
    r"\b(fever|temperature|degrees|fahrenheit|celsius|thermometer)\b"
)
# A number next to these is a weight, a time or an age, not a temperature.
NOT_TEMPERATURE_AFTER: Final = frozenset(
    "pounds kilos kg minutes minute hours hour days day weeks week months month years year "
    "miles mile steps feet times percent".split()
)
NOT_TEMPERATURE_BEFORE: Final = frozenset("lift carry weigh weighs lifting carrying".split())
_NUMBER: Final = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")
# A decimal written as two slots in samples ("{temperature} point {decimal}").
_SAMPLE_DECIMAL: Final = re.compile(r"\{temperature\} point \{decimal\}")


@dataclass(frozen=True)
class SlotVocabulary:
    """Phrases that fill custom slots: normalized phrase -> (slot name, value id)."""

    phrases: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None


def build_vocabulary(
    slot_types: Mapping[str, Iterable[SlotValue]], slot_names: Mapping[str, str],
    lexicon: Lexicon | None = None,
) -> SlotVocabulary:
    """``slot_types`` from _common.yaml; ``slot_names`` maps slot type -> slot name."""
    phrases: dict[str, tuple[str, str]] = {}
    for type_name, values in slot_types.items():
        slot = slot_names.get(type_name)
        if slot is None or slot == "unit":
            continue  # units stay words: "degrees fahrenheit" reads better than "{unit}"
        for value in values:
            for phrase in (value.name, *value.synonyms):
                key = normalize(phrase, lexicon) if phrase else ""
                # "beer" also stands for "beers", "cigarette" for "cigarettes".
                for form in (key, key + "s") if key and not key.endswith("s") else (key,):
                    if form and form not in phrases:
                        phrases[form] = (slot, value.id)
    if not phrases:
        return SlotVocabulary()
    ordered = sorted(phrases, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w{])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w}])")
    return SlotVocabulary(phrases=phrases, pattern=pattern)


def slot_type_names(intents: Iterable[IntentSpec]) -> dict[str, str]:
    names: dict[str, str] = {}
    for spec in intents:
        for slot, type_name in spec.slots.items():
            names.setdefault(type_name, slot)
    return names


def _built(content: Content) -> SlotVocabulary:
    return build_vocabulary(
        content.slot_types, slot_type_names(content.intents), lexicon_of(content)
    )


def vocabulary_of(content: Content | None = None) -> SlotVocabulary:
    """The slot vocabulary of ``content`` (default: the skill's own), made once."""
    return (content or loader.load_content()).derive(_built)


def _temperature(text: str) -> re.Match[str] | None:
    """The number in ``text`` that is most likely a body temperature."""
    context = FEVER_CONTEXT.search(text) is not None
    for match in _NUMBER.finditer(text):
        value = to_float(match.group(0))
        if value is None:
            continue
        after = text[match.end() :].split()[:1]
        before = text[: match.start()].split()[-3:]
        if after and after[0] in NOT_TEMPERATURE_AFTER:
            continue
        if NOT_TEMPERATURE_BEFORE.intersection(before):
            continue
        plausible = CELSIUS_RANGE[0] <= value <= CELSIUS_RANGE[1] or (
            FAHRENHEIT_RANGE[0] <= value <= FAHRENHEIT_RANGE[1]
        )
        if plausible or context:
            return match
    return None


def extract(text: str, vocabulary: SlotVocabulary | None = None) -> tuple[str, dict[str, str]]:
    """(text with placeholders, slot values) for normalized user text."""
    vocab = vocabulary or vocabulary_of()
    slots: dict[str, str] = {}
    match = _temperature(text)
    if match is not None:
        slots[TEMPERATURE_SLOT] = match.group(0)
        text = f"{text[: match.start()]}{{{TEMPERATURE_SLOT}}}{text[match.end():]}"
        unit = re.search(r"\b(fahrenheit|celsius)\b", text)
        if unit:
            slots["unit"] = unit.group(1)
    if vocab.pattern is not None:

        def fill(found: re.Match[str]) -> str:
            slot, ident = vocab.phrases[found.group(0)]
            slots.setdefault(slot, ident)
            return "{" + slot + "}"

        text = vocab.pattern.sub(fill, text)
    return text, slots


def sample_form(
    sample: str, vocabulary: SlotVocabulary | None = None, lexicon: Lexicon | None = None
) -> str:
    """A normalized sample with its slot placeholders in the router's form."""
    text = _SAMPLE_DECIMAL.sub("{temperature}", normalize(sample, lexicon))
    text = text.replace("{unit}", "fahrenheit")
    return extract(text, vocabulary)[0]

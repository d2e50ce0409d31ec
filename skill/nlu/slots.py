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
from skill.content.spec import MENTION_SLOT, Content, IntentSpec, SlotValue
from skill.nlu import readings
from skill.nlu.alternation import phrase_pattern
from skill.nlu.lexicon import Lexicon, lexicon_of
from skill.nlu.normalize import normalize

TEMPERATURE_SLOT: Final = "temperature"
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
        if slot == MENTION_SLOT:
            continue  # the router's reading of a symptom, never a word of the question
        for value in values:
            for phrase in (value.name, *value.synonyms):
                key = normalize(phrase, lexicon) if phrase else ""
                # "beer" also stands for "beers", "cigarette" for "cigarettes".
                for form in (key, key + "s") if key and not key.endswith("s") else (key,):
                    if form and form not in phrases:
                        phrases[form] = (slot, value.id)
    if not phrases:
        return SlotVocabulary()
    return SlotVocabulary(phrases=phrases, pattern=phrase_pattern(phrases))


def slot_type_names(intents: Iterable[IntentSpec]) -> dict[str, str]:
    names: dict[str, str] = {}
    for spec in intents:
        for slot, type_name in spec.slots.items():
            names.setdefault(type_name, slot)
    return names


def _built(content: Content) -> SlotVocabulary:
    # The router never picks an Alexa-only intent (router: false), so its slot types
    # (the topic names of a one-word reply) are not the router's vocabulary.
    routed = (spec for spec in content.intents if spec.router)
    return build_vocabulary(content.slot_types, slot_type_names(routed), lexicon_of(content))


def vocabulary_of(content: Content | None = None) -> SlotVocabulary:
    """The slot vocabulary of ``content`` (default: the skill's own), made once."""
    return (content or loader.load_content()).derive(_built)


def extract(
    text: str, vocabulary: SlotVocabulary | None = None, source: str | None = None,
    reader: readings.Reader | None = None, told: str | None = None,
) -> tuple[str, dict[str, str]]:
    """(text with placeholders, slot values) for normalized user text.

    The temperature reading is read from ``source`` (the text before negated or other
    people's symptoms were cut out; default ``text``), or else from ``told`` (a later
    clause read apart as a report, skill.nlu.clauses: "what if it gets red, i have a
    fever of 102"), and its number is replaced in ``text``."""
    vocab = vocabulary or vocabulary_of()
    slots: dict[str, str] = {}
    found = readings.find(source if source is not None else text, reader) or (
        readings.find(told, reader) if told else None)
    words = text.split()
    if found is not None and found.token in words:
        slots[TEMPERATURE_SLOT] = found.number
        if found.unit is not None:
            slots["unit"] = found.unit
        words[words.index(found.token)] = "{" + TEMPERATURE_SLOT + "}"
        text = " ".join(words)
    if vocab.pattern is not None:

        def fill(match: re.Match[str]) -> str:
            slot, ident = vocab.phrases[match.group(0)]
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

"""Build the Alexa interaction models (interaction_model/<locale>.json) from intents/.

Every locale's model has the same intents and samples; a locale's ``samples`` words add
each sample that has the guide's word again in the locale's ("my mom" -> "my mum").
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from skill.content import answers
from skill.content.locales import Locale
from skill.content.spec import Content, IntentSpec, SlotValue
from skill.content.templates import expand

INVOCATION_NAME: Final = "fusion recovery"
# Alexa refuses a custom model without these built-ins (its certification requires
# them); ``si-skill validate`` checks that intents/ has a file for each.
ALEXA_REQUIRED: Final = (
    "AMAZON.CancelIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.NavigateHomeIntent",
)
# How readily Alexa sends an utterance to AMAZON.FallbackIntent (LOW, MEDIUM, HIGH).
# HIGH: everyday requests (timers, weather, music) reach the fallback instead of the
# nearest recovery answer; a confident wrong answer is worse than an honest decline.
FALLBACK_SENSITIVITY: Final = "HIGH"
# Alexa refuses custom samples on this built-in (AMAZON.FallbackIntent takes them: they
# tune its out-of-domain model).
NO_SAMPLES: Final = frozenset({"AMAZON.NavigateHomeIntent"})

# The slot type for one point of a topic; its values are the facets in responses.yaml.
FACET_TYPE: Final = "FACET"


def samples_of(spec: IntentSpec) -> list[str]:
    seen: dict[str, None] = {}
    for line in (*spec.samples, *spec.model_samples):
        for sentence in expand(line, spec.rules):
            seen.setdefault(sentence.lower(), None)
    return list(seen)


def _types(slot_types: Mapping[str, Sequence[SlotValue]], used: set[str]) -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "values": [
                {"id": v.id, "name": {"value": v.name, "synonyms": list(v.synonyms)}}
                for v in values
            ],
        }
        for name, values in sorted(slot_types.items())
        if name in used
    ]


def facet_values(content: Content) -> tuple[SlotValue, ...]:
    """The FACET slot type's values: each facet in responses.yaml, its words as synonyms."""
    facets = answers.facet_vocabulary(answers.parse_all(dict(content.responses))[0])
    return tuple(SlotValue(name=name.replace("_", " "), id=name, synonyms=tuple(words))
                 for name, words in facets.items())


def _in_locale(samples: dict[str, list[str]], words: Mapping[str, str]) -> None:
    """Add to each intent's samples their variants in the locale's words; a variant
    another intent already has stays with that intent."""
    owners = {sample: name for name, found in samples.items() for sample in found}
    for name, found in samples.items():
        for sample in list(found):
            for word, theirs in words.items():
                varied = re.sub(rf"\b{re.escape(word)}\b", theirs, sample)
                if owners.setdefault(varied, name) == name and varied not in found:
                    found.append(varied)


def build(content: Content, locale: Locale | None = None) -> dict[str, Any]:
    """The interaction model (in ``locale``'s words, if given): every intent file
    (built-ins included), and the custom slot types they use (FACET generated from
    responses.yaml)."""
    samples = {spec.name: [] if spec.name in NO_SAMPLES else samples_of(spec)
               for spec in content.intents}
    if locale is not None:
        _in_locale(samples, locale.samples)
    out = []
    for spec in sorted(content.intents, key=lambda s: s.name):
        entry: dict[str, Any] = {"name": spec.name, "samples": samples[spec.name]}
        if spec.slots:
            entry["slots"] = [{"name": s, "type": t} for s, t in spec.slots.items()]
        out.append(entry)
    used = {t for spec in content.intents for t in spec.slots.values()}
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": INVOCATION_NAME,
                "modelConfiguration": {
                    "fallbackIntentSensitivity": {"level": FALLBACK_SENSITIVITY}
                },
                "intents": out,
                "types": _types({**content.slot_types, FACET_TYPE: facet_values(content)}, used),
            }
        }
    }


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def build_text(content: Content, locale: Locale | None = None) -> str:
    """The model file's text for ``content`` (in ``locale``)."""
    return render(build(content, locale))

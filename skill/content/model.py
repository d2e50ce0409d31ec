"""Build the Alexa interaction model (interaction_model/en-US.json) from intents/."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

from skill.content import answers
from skill.content.spec import Content, IntentSpec, SlotValue
from skill.content.templates import expand

INVOCATION_NAME: Final = "fusion recovery"
# Alexa refuses a custom model without these built-ins (its certification requires
# them); ``si-skill validate`` checks that intents/ has a file for each.
ALEXA_REQUIRED: Final = (
    "AMAZON.CancelIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.NavigateHomeIntent",
)
# Alexa refuses custom samples on these built-ins.
NO_SAMPLES: Final = frozenset({"AMAZON.FallbackIntent", "AMAZON.NavigateHomeIntent"})

# The slot type for one point of a topic; its values are the facets in responses.yaml.
FACET_TYPE: Final = "FACET"


def samples_of(spec: IntentSpec) -> list[str]:
    seen: dict[str, None] = {}
    for line in spec.samples:
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


def build(content: Content) -> dict[str, Any]:
    """The interaction model: every intent file (built-ins included), and the custom
    slot types they use (FACET generated from responses.yaml)."""
    out = []
    for spec in sorted(content.intents, key=lambda s: s.name):
        entry: dict[str, Any] = {
            "name": spec.name,
            "samples": [] if spec.name in NO_SAMPLES else samples_of(spec),
        }
        if spec.slots:
            entry["slots"] = [{"name": s, "type": t} for s, t in spec.slots.items()]
        out.append(entry)
    used = {t for spec in content.intents for t in spec.slots.values()}
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": INVOCATION_NAME,
                "intents": out,
                "types": _types({**content.slot_types, FACET_TYPE: facet_values(content)}, used),
            }
        }
    }


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def build_text(content: Content) -> str:
    """The model file's text for ``content``."""
    return render(build(content))

"""Build the Alexa interaction model (interaction_model/en-US.json) from intents/."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from skill.content import answers, loader
from skill.content.templates import expand

INVOCATION_NAME: Final = "fusion recovery"
# Built-ins Alexa requires (or that this skill relies on), present even without a file.
REQUIRED_BUILTINS: Final = (
    "AMAZON.CancelIntent",
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.RepeatIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
)
# Alexa refuses custom samples on these built-ins.
NO_SAMPLES: Final = frozenset({"AMAZON.FallbackIntent", "AMAZON.NavigateHomeIntent"})
# The slot type for one point of a topic; its values are the facets in responses.yaml.
FACET_TYPE: Final = "FACET"


def samples_of(spec: loader.IntentSpec) -> list[str]:
    seen: dict[str, None] = {}
    for line in spec.samples:
        for sentence in expand(line):
            seen.setdefault(sentence.lower(), None)
    return list(seen)


def _types(common: dict[str, Any], used: set[str]) -> list[dict[str, Any]]:
    types = []
    for name, values in sorted((common.get("slot_types") or {}).items()):
        if name not in used:
            continue
        types.append(
            {
                "name": name,
                "values": [
                    {
                        "id": str(v.get("id") or v["name"]),
                        "name": {
                            "value": str(v["name"]),
                            "synonyms": [str(s) for s in v.get("synonyms") or []],
                        },
                    }
                    for v in values
                ],
            }
        )
    return types


def facet_type(facets: dict[str, tuple[str, ...]]) -> list[dict[str, Any]]:
    """The FACET slot type's values: each facet name with its words as synonyms."""
    return [{"id": name, "name": name.replace("_", " "), "synonyms": list(words)}
            for name, words in facets.items()]


def build(intents: Iterable[loader.IntentSpec], common: dict[str, Any],
          facets: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    if facets:
        common = {**common, "slot_types": {**(common.get("slot_types") or {}),
                                            FACET_TYPE: facet_type(facets)}}
    specs = {spec.name: spec for spec in intents}
    out = []
    for name in sorted(set(specs) | set(REQUIRED_BUILTINS)):
        spec = specs.get(name, loader.IntentSpec(name=name))
        entry: dict[str, Any] = {
            "name": name,
            "samples": [] if name in NO_SAMPLES else samples_of(spec),
        }
        if spec.slots:
            entry["slots"] = [{"name": s, "type": t} for s, t in spec.slots.items()]
        out.append(entry)
    used = {t for spec in specs.values() for t in spec.slots.values()}
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": INVOCATION_NAME,
                "intents": out,
                "types": _types(common, used),
            }
        }
    }


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def build_text(root: Path, specs: Iterable[loader.IntentSpec] | None = None) -> str:
    """The model file's text for the data under ``root``; ``specs`` are its intent files
    when the caller has parsed them already."""
    if specs is None:
        specs = [loader.parse_intent(loader.read_yaml(p), p) for p in loader.intent_files(root)]
    entries = loader.read_yaml(loader.responses_path(root)) or {}
    facets = answers.facet_vocabulary(answers.parse_all(entries)[0])
    common = loader.read_yaml(loader.intents_dir(root) / "_common.yaml") or {}
    return render(build(specs, common, facets))

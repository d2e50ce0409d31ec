"""The committed interaction model: in sync, and valid for Alexa."""

from __future__ import annotations

import json
import re

from ask_sdk_core.serialize import DefaultSerializer
from ask_smapi_model.v1.skill.interaction_model.interaction_model_data import (
    InteractionModelData,
)

from skill.content import loader, model

REQUIRED = {
    "AMAZON.CancelIntent",
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.RepeatIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
}


def committed() -> dict:
    return json.loads(loader.model_path().read_text(encoding="utf-8"))


def test_committed_model_matches_a_fresh_build():
    fresh = model.build_text(loader.load_content())
    assert loader.model_path().read_text(encoding="utf-8") == fresh


def test_model_loads_into_smapi_interaction_model_classes():
    parsed = DefaultSerializer().deserialize(json.dumps(committed()), InteractionModelData)
    language = parsed.interaction_model.language_model
    assert language.invocation_name == "fusion recovery"
    assert REQUIRED <= {intent.name for intent in language.intents}
    assert all(t.values for t in language.types)


def test_samples_are_alexa_valid_and_unique_across_intents():
    language = committed()["interactionModel"]["languageModel"]
    types = {t["name"] for t in language["types"]}
    owner: dict[str, str] = {}
    for intent in language["intents"]:
        slots = {s["name"]: s["type"] for s in intent.get("slots", [])}
        for slot_type in slots.values():
            assert slot_type.startswith("AMAZON.") or slot_type in types
        for sample in intent["samples"]:
            assert re.fullmatch(r"[a-z' ]*(\{[a-z_]+\}[a-z' ]*)*", sample), sample
            assert not re.search(r"\d", sample)
            assert set(re.findall(r"\{(\w+)\}", sample)) <= set(slots)
            assert owner.setdefault(sample, intent["name"]) == intent["name"], sample
    assert all(
        i["samples"] == []
        for i in language["intents"]
        if i["name"] in ("AMAZON.FallbackIntent", "AMAZON.NavigateHomeIntent")
    )


def test_every_topic_intent_has_twenty_samples_with_caregiver_phrasing():
    language = committed()["interactionModel"]["languageModel"]
    by_name = {i["name"]: i["samples"] for i in language["intents"]}
    for name in loader.load_content().topic_intents:
        samples = by_name[name]
        assert len(samples) >= 20, name
        assert any(
            re.search(r"\b(my (mom|dad|husband|wife)|she|he|her|his)\b", s) for s in samples
        ), name

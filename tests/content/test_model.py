"""The committed interaction model: in sync, and valid for Alexa."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_smapi_model.v1.skill.interaction_model.interaction_model_data import (
    InteractionModelData,
)

from skill.content import loader, model
from skill.content.locales import REQUIRED as LOCALES
from skill.content.locales import locales_of
from skill.nlu.normalize import phrase_form

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


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locales_committed_model_matches_a_fresh_build(locale):
    content = loader.load_content()
    fresh = model.build_text(content, locales_of(content)[locale])
    assert loader.model_path(locale=locale).read_text(encoding="utf-8") == fresh


def test_locale_models_have_every_intent_and_their_words():
    def samples(locale: str) -> dict[str, set[str]]:
        found = json.loads(loader.model_path(locale=locale).read_text(encoding="utf-8"))
        return {i["name"]: set(i["samples"])
                for i in found["interactionModel"]["languageModel"]["intents"]}

    us, gb, au = samples("en-US"), samples("en-GB"), samples("en-AU")
    assert set(us) == set(gb) == set(au)
    assert all(us[name] <= gb[name] for name in us)  # theirs come on top of the guide's
    assert "can my mum sit in the car that long" in gb["SittingIntent"]
    assert "call nine nine nine" in gb["EmergencyIntent"]
    assert "call triple zero" in au["EmergencyIntent"]
    assert not any("mum" in s.split() for found in us.values() for s in found)


def test_no_sample_has_a_word_a_locale_reads_differently():
    """The locale routers share the samples' normalized form (skill.nlu.localized): that
    holds while no sample has a word some locale's vocabulary maps."""
    content = loader.load_content()
    words = {phrase_form(said) for locale in locales_of(content).values()
             for said in locale.vocabulary}
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)")
    found = {spec.name: s for spec in content.intents for s in model.samples_of(spec)
             if pattern.search(phrase_form(s))}
    assert found == {}


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
        if i["name"] == "AMAZON.NavigateHomeIntent"
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


def test_every_locale_model_sends_everyday_requests_to_the_fallback_readily():
    for locale in LOCALES:
        config = json.loads(loader.model_path(locale=locale).read_text(encoding="utf-8"))[
            "interactionModel"]["languageModel"]["modelConfiguration"]
        assert config["fallbackIntentSensitivity"]["level"] == "HIGH", locale


def test_local_samples_are_the_routers_not_alexas():
    """A question about the signs of infection is routed locally to the calm answer;
    Alexa's model has no sample of it under the urgent intent, which Alexa could only
    answer urgently (it reaches the local router through the catch-all)."""
    from skill.content.templates import expand
    from skill.nlu.router import route

    content = loader.load_content()
    spec = next(s for s in content.intents if s.name == "InfectionSignsIntent")
    built = model.build(content)
    said = {text for intent in built["interactionModel"]["languageModel"]["intents"]
            for text in intent.get("samples", [])}
    local = [t for line in spec.local_samples for t in expand(line, spec.rules)]
    assert local and not said.intersection(local)
    found = route("what are the signs of infection")
    assert found.intent == "InfectionSignsIntent" and found.slots.get("mention") == "asked"


def test_model_samples_are_alexas_not_the_routers():
    """A report in everyday words is in Alexa's model, which has no safety engine; the
    local router does not learn from it (it reads the report with intents/_safety.yaml)."""
    from skill.content.templates import expand
    from skill.nlu.forms import sample_forms
    from skill.nlu.lexicon import lexicon_of
    from skill.nlu.slots import vocabulary_of

    content = loader.load_content()
    built = {intent["name"]: set(intent.get("samples", [])) for intent in
             model.build(content)["interactionModel"]["languageModel"]["intents"]}
    carriers = [spec for spec in content.intents if spec.model_samples]
    assert {spec.name for spec in carriers} >= {"IncisionConcernIntent", "UncoveredTopicIntent"}
    for spec in carriers:
        said = [t for line in spec.model_samples for t in expand(line, spec.rules)]
        assert said and built[spec.name].issuperset(said), spec.name
    without = [dataclasses.replace(spec, model_samples=()) for spec in content.intents]
    forms = sample_forms(content.intents, vocabulary_of(content), lexicon_of(content))
    assert forms.as_json() == sample_forms(
        without, vocabulary_of(content), lexicon_of(content)).as_json()

"""The calm answer of an urgent intent (a symptom named but not reported) comes only with
the local router's mark: an Alexa request without it stays on the urgent path."""

from __future__ import annotations

import pytest

from skill.alexa import envelope, responses
from skill.alexa.conversation import ssml_to_text
from skill.content import loader
from skill.content.spec import MENTION_SLOT
from tests.support.config import PHONE
from tests.support.skillio import invoke, speech_of

CONTENT = loader.load_content()
CALM = {spec.name: spec.calm_answer for spec in CONTENT.intents if spec.calm_answer}


def test_the_three_report_only_intents_have_a_calm_answer():
    assert CALM == {"IncisionConcernIntent": "incision_calm",
                    "InfectionSignsIntent": "infection_calm",
                    "WorseningPainIntent": "worsening_pain_calm"}


@pytest.mark.parametrize("intent", sorted(CALM))
@pytest.mark.parametrize("heard", [None, "", "gone but it's red again", "not", "RESOLVED now",
                                   "reported"])
def test_without_the_routers_mark_the_answer_stays_urgent(skill_with_phone, intent, heard):
    slots = {} if heard is None else {MENTION_SLOT: heard}
    assert responses.select(intent, slots, CONTENT).urgent
    response = invoke(skill_with_phone, envelope.intent_request(intent, slots)).response
    said = ssml_to_text(response.output_speech.ssml)
    assert said.endswith("Please call them now.")
    assert response.card.title == "Call your care team"


@pytest.mark.parametrize("intent", sorted(CALM))
@pytest.mark.parametrize("status", ["negated", "resolved", "asked"])
def test_with_the_mark_a_calm_answer_that_asks_one_question(skill_with_phone, intent, status):
    choice = responses.select(intent, {MENTION_SLOT: status}, CONTENT)
    assert (choice.key, choice.urgent) == (CALM[intent], False)
    response = invoke(skill_with_phone,
                      envelope.intent_request(intent, {MENTION_SLOT: status})).response
    said = ssml_to_text(response.output_speech.ssml)
    assert "call your care team" in said.lower() and PHONE in said
    assert " now" not in said.lower()
    assert not response.should_end_session
    reprompt = ssml_to_text(response.reprompt.output_speech.ssml)
    assert reprompt.count("?") == 1
    assert response.card.title != "Call your care team"


def test_the_mark_means_nothing_to_an_intent_without_a_calm_answer(skill):
    assert responses.select("EmergencyIntent", {MENTION_SLOT: "resolved"}, CONTENT).urgent
    assert "call nine one one now" in speech_of(invoke(skill, envelope.intent_request(
        "EmergencyIntent", {MENTION_SLOT: "resolved"}))).lower()

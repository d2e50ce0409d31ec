"""The skill itself, driven with Alexa request envelopes (no router involved)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from skill.alexa import envelope, responses
from skill.alexa.builder import build_skill
from skill.alexa.conversation import Conversation, ssml_to_text
from skill.config import Config
from skill.content import loader
from tests.support.config import PHONE
from tests.support.skillio import invoke, speech_of

CONTENT = loader.load_content()
TOPIC_INTENTS = CONTENT.topic_intents
URGENT_INTENTS = CONTENT.urgent_intents
BUILTINS = [
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.RepeatIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    "AMAZON.NavigateHomeIntent",
]


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]


@pytest.mark.parametrize("intent", list(TOPIC_INTENTS) + BUILTINS)
def test_every_intent_gets_speech_card_and_reprompt_or_end(skill, intent):
    response = invoke(skill, envelope.intent_request(intent)).response
    assert ssml_to_text(response.output_speech.ssml)
    ET.fromstring(response.output_speech.ssml)  # well-formed SSML
    assert response.card.title and response.card.content
    if not response.should_end_session:
        assert ssml_to_text(response.reprompt.output_speech.ssml)


@pytest.mark.parametrize("intent", sorted(URGENT_INTENTS - {"EmergencyIntent"}))
def test_urgent_answers_name_care_team_and_number_in_first_sentence(skill_with_phone, intent):
    response = invoke(skill_with_phone, envelope.intent_request(intent, {"temperature": "103"}))
    first = first_sentence(speech_of(response))
    assert "care team" in first and PHONE in first
    assert (
        f'<say-as interpret-as="telephone">{PHONE}</say-as>' in response.response.output_speech.ssml
    )
    assert PHONE in response.response.card.content


def test_urgent_answer_without_phone_says_your_care_team(skill):
    first = first_sentence(
        speech_of(invoke(skill, envelope.intent_request("IncisionConcernIntent")))
    )
    assert "your care team" in first


def test_emergency_says_call_911_and_never_claims_to_call(skill):
    response = invoke(skill, envelope.intent_request("EmergencyIntent"))
    text = speech_of(response)
    assert "nine one one" in text.lower()
    assert not re.search(r"\bI('ll| will) call\b|\bcalling\b", text)
    assert response.response.card.title == "Call 911"


@pytest.mark.parametrize(
    ("temperature", "unit", "expect", "urgent"),
    [
        ("99.5", None, "not over", False),
        ("100.4", None, "not over", False),
        ("101", None, "right at the line", True),
        ("101.5", None, "right away", True),
        ("102", None, "right away", True),
        ("38.9", None, "right away", True),
        ("37.5", None, "not over", False),
        ("38", "fahrenheit", "couldn't tell", False),
    ],
)
def test_fever_compares_reading_with_threshold(conversation, temperature, unit, expect, urgent):
    slots = {"temperature": temperature, **({"unit": unit} if unit else {})}
    response = invoke(conversation.skill, envelope.intent_request("FeverIntent", slots))
    text = speech_of(response)
    assert expect in text
    assert "one hundred one degrees Fahrenheit" in text
    assert response.session_attributes["last"]["urgent"] is urgent


def test_fever_reading_in_two_alexa_number_slots_is_combined(skill):
    slots = {"temperature": "101", "decimal": "5"}
    response = invoke(skill, envelope.intent_request("FeverIntent", slots))
    assert "one point five degrees" in speech_of(response).lower()
    assert "101.5 °F" in response.response.card.content


def test_fever_without_reading_gives_threshold(skill):
    text = speech_of(invoke(skill, envelope.intent_request("FeverIntent")))
    assert "over one hundred one degrees" in text and "care team" in text


def test_uncovered_topic_is_named_and_referred(skill):
    text = speech_of(
        invoke(skill, envelope.intent_request("UncoveredTopicIntent", {"topic": "driving"}))
    )
    assert "doesn't cover driving" in text and "care team" in text


def test_launch_has_disclaimer_and_911(skill):
    text = speech_of(invoke(skill, envelope.launch_request()))
    assert "not medical advice" in text and "nine one one" in text


def test_help_has_disclaimer(skill):
    assert "not medical advice" in speech_of(
        invoke(skill, envelope.intent_request("AMAZON.HelpIntent"))
    )


@pytest.mark.parametrize("intent", ["AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NoIntent"])
def test_stop_cancel_no_end_the_session_politely(skill, intent):
    response = invoke(skill, envelope.intent_request(intent))
    assert response.response.should_end_session is True
    assert "Goodbye" in speech_of(response)


def test_yes_after_offer_gives_more_and_repeat_repeats_it(conversation):
    first = invoke(conversation.skill, envelope.intent_request("LiftingIntent"))
    assert speech_of(first).endswith("Want to hear more?")
    more = invoke(
        conversation.skill,
        envelope.intent_request("AMAZON.YesIntent"),
        first.session_attributes,
        new=False,
    )
    assert "three to four months" in speech_of(more)
    again = invoke(
        conversation.skill,
        envelope.intent_request("AMAZON.RepeatIntent"),
        more.session_attributes,
        new=False,
    )
    assert speech_of(again) == speech_of(more)


def test_repeat_with_nothing_said_yet_is_honest(skill):
    assert "haven't said anything" in speech_of(
        invoke(skill, envelope.intent_request("AMAZON.RepeatIntent"))
    )


def test_session_ended_request_gets_empty_response(skill):
    response = invoke(skill, envelope.session_ended_request())
    assert response.response.output_speech is None


def test_unknown_intent_gets_spoken_fallback(skill):
    text = speech_of(invoke(skill, envelope.intent_request("OrderPizzaIntent")))
    assert "can't help with that" in text


def test_ssml_escapes_configured_text():
    skill = build_skill(Config(clinic_name="Spine & <Joint>", care_team_phone="555 <0100>"))
    response = invoke(skill, envelope.intent_request("CandidacyIntent"))
    env = envelope.envelope(
        envelope.intent_request("AMAZON.YesIntent"),
        session_id="s",
        new=False,
        attributes=response.session_attributes,
    )
    more = skill.invoke(request_envelope=env, context=None).response.output_speech.ssml
    ET.fromstring(more)
    assert "Spine &amp; &lt;Joint&gt;" in more


def test_exception_handler_still_speaks_and_names_care_team(monkeypatch):
    skill = build_skill(Config(care_team_phone=PHONE))

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(responses, "select", broken)
    response = invoke(skill, envelope.intent_request("LiftingIntent"))
    text = speech_of(response)
    assert "went wrong" in text and PHONE in text
    assert response.response.should_end_session is not True


def test_free_question_is_routed_locally(skill):
    response = invoke(
        skill, envelope.intent_request("FreeQuestionIntent", {"query": "lifting my grandbaby"})
    )
    assert "ten pounds" in speech_of(response)


def test_every_answer_key_named_by_an_intent_exists():
    responses = loader.load_content().responses
    for spec in loader.load_content().intents:
        assert spec.answer is None or spec.answer in responses


def test_conversation_one_path_through_skill(conversation: Conversation):
    turn = conversation.ask("can I lift groceries")
    shown = turn.as_dict()
    assert shown["intent"] == "LiftingIntent"
    assert "ten pounds" in shown["speech"]
    assert turn.raw()["request"]["request"]["intent"]["name"] == "LiftingIntent"

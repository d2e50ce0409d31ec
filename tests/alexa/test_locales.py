"""The skill in every locale: Alexa's ``request.locale`` picks the emergency number, the
unit of the fever line and nothing else; EMERGENCY_NUMBER overrides the number."""

from __future__ import annotations

import json

import pytest
from ask_sdk_core.serialize import DefaultSerializer

from skill.alexa import envelope
from skill.alexa.builder import build_skill
from skill.alexa.conversation import Conversation, ssml_to_text
from skill.config import Config, ConfigError
from skill.content import loader
from tests.support.config import PHONE
from tests.support.project import run

CONTENT = loader.load_content()
NUMBERS = {"en-US": ("911", "nine one one"), "en-CA": ("911", "nine one one"),
           "en-GB": ("999", "nine nine nine"), "en-AU": ("000", "triple zero"),
           "en-IN": ("112", "one one two")}
_serializer = DefaultSerializer()


def invoke(skill, request, attributes=None):  # type: ignore[no-untyped-def]
    env = envelope.envelope(request, session_id="s1", new=True, attributes=attributes or {},
                            apl=True)
    return skill.invoke(request_envelope=env, context=None)


def everything(response) -> str:  # type: ignore[no-untyped-def]
    """The whole response as Alexa receives it: speech, reprompt, card, APL, session."""
    return json.dumps(_serializer.serialize(response), ensure_ascii=False).lower()


@pytest.fixture(scope="module")
def skill():  # type: ignore[no-untyped-def]
    return build_skill(Config(care_team_phone=PHONE))


@pytest.mark.parametrize("locale", sorted(NUMBERS))
def test_emergency_names_the_locales_number(skill, locale):
    digits, said = NUMBERS[locale]
    response = invoke(skill, envelope.intent_request("EmergencyIntent", {}, locale)).response
    assert f"call {said} now" in ssml_to_text(response.output_speech.ssml).lower()
    assert response.card.title == f"Call {digits}"
    assert f"call {digits} now" in response.card.content.lower()
    screen = response.directives[0].datasources["answer"]
    assert screen["banner"] == f"Call {digits}" and screen["urgent"] is True


def test_a_uk_patient_is_never_told_to_call_911(skill):
    """Every request the skill answers, in en-GB, with a screen: no 911 anywhere."""
    requests = [envelope.launch_request("en-GB")] + [
        envelope.intent_request(spec.name, {"temperature": "39"}, "en-GB")
        for spec in CONTENT.intents]
    for request in requests:
        response = invoke(skill, request)
        said = everything(response)
        assert "911" not in said and "nine one one" not in said, request
        more = invoke(skill, envelope.intent_request("AMAZON.YesIntent", {}, "en-GB"),
                      response.session_attributes)
        assert "911" not in everything(more) and "nine one one" not in everything(more)


def test_an_unknown_locale_is_answered_as_en_us(skill):
    response = invoke(skill, envelope.intent_request("EmergencyIntent", {}, "xx-XX")).response
    assert response.card.title == "Call 911"


@pytest.mark.parametrize(("locale", "line"), [
    ("en-US", "over one hundred one degrees fahrenheit"),
    ("en-GB", "over thirty eight point three degrees celsius"),
    ("en-CA", "over thirty eight point three degrees celsius"),
    ("en-AU", "over thirty eight point three degrees celsius"),
    ("en-IN", "over thirty eight point three degrees celsius"),
])
def test_the_fever_line_is_said_in_the_locales_unit(skill, locale, line):
    response = invoke(skill, envelope.intent_request("FeverIntent", {}, locale)).response
    assert line in ssml_to_text(response.output_speech.ssml).lower()
    shown = "38.3 °C" if "celsius" in line else "101 °F"  # the card is for the eye
    assert shown in response.card.content


def test_celsius_reading_in_a_celsius_locale(skill):
    slots = {"temperature": "38", "decimal": "5"}  # Alexa's "thirty eight point five"
    response = invoke(skill, envelope.intent_request("FeverIntent", slots, "en-GB")).response
    speech = ssml_to_text(response.output_speech.ssml)
    said = "thirty-eight point five degrees celsius is over thirty eight point three degrees"
    assert said in speech.lower()  # words for the ear
    assert "Fahrenheit" not in speech
    assert "38.5 °C is over 38.3 °C" in response.card.content  # digits for the eye


def test_emergency_number_setting_overrides_every_locale():
    skill = build_skill(Config(emergency_number="112"))
    for locale in NUMBERS:
        response = invoke(skill, envelope.intent_request("EmergencyIntent", {}, locale)).response
        ssml = response.output_speech.ssml
        if locale == "en-IN":  # its own number: said the way people there say it
            assert "Call one one two now" in ssml
        else:
            assert 'Call <say-as interpret-as="telephone">112</say-as> now' in ssml
        assert response.card.title == "Call 112"
        assert "911" not in everything(response) and "nine one one" not in everything(response)


@pytest.mark.parametrize("value", ["9-1-1", "call 999", "11 2", "+44999", "９９９", "abc"])
def test_emergency_number_must_be_digits(value):
    with pytest.raises(ConfigError, match="EMERGENCY_NUMBER must be digits only"):
        Config.from_env({"EMERGENCY_NUMBER": value})


def test_emergency_number_unset_or_blank_uses_the_locale():
    assert Config.from_env({}).emergency_number is None
    assert Config.from_env({"EMERGENCY_NUMBER": "  "}).emergency_number is None
    assert Config.from_env({"EMERGENCY_NUMBER": " 112 "}).emergency_number == "112"


def test_the_cli_refuses_a_bad_emergency_number(monkeypatch, capsys):
    monkeypatch.setenv("EMERGENCY_NUMBER", "nine one one")
    code, out = run("ask", "I can't breathe")
    assert code == 2 and out == ""
    assert "EMERGENCY_NUMBER must be digits only" in capsys.readouterr().err


@pytest.mark.parametrize("locale", sorted(NUMBERS))
def test_the_cli_asks_in_a_locale(locale):
    code, out = run("ask", "--locale", locale, "--json", "I can't breathe")
    assert code == 0
    assert json.loads(out)["card"]["title"] == f"Call {NUMBERS[locale][0]}"


def test_the_cli_refuses_an_unknown_locale(capsys):
    assert run("ask", "--locale", "de-DE", "hello")[0] == 2
    assert "--locale must be one of en-US, en-GB, en-CA, en-AU, en-IN" in capsys.readouterr().err


def test_a_conversation_reads_its_locales_words():
    skill = build_skill(Config())
    assert Conversation(skill, locale="en-GB").ask("can I take paracetamol").route.intent == (
        "PainMedicationIntent")
    assert Conversation(skill, locale="en-IN").ask("call 108").route.intent == "EmergencyIntent"
    assert Conversation(skill, locale="en-US").ask("call 108").route.intent != "EmergencyIntent"

"""The answer format: every sentence has a source, and the skill says what the issue asks."""

from __future__ import annotations

import pytest

from skill.alexa import envelope
from skill.alexa.conversation import ssml_to_text
from skill.content import answers, loader
from tests.support.config import PHONE
from tests.support.project import copy_project, run
from tests.support.skillio import invoke, speech_of


def test_every_shipped_sentence_has_a_source():
    parsed, errors = answers.parse_all(loader.load_content().responses)
    assert errors == []
    for entry in parsed.values():
        for said in (entry.speech, entry.more, *(f.speech for f in entry.facets.values())):
            assert all(sentence.sources for sentence in said)


def test_sentence_without_source_is_malformed():
    with pytest.raises(answers.AnswerError, match="needs a 'from' source"):
        answers.parse("k", {"speech": [{"say": "Carry lighter loads."}]})


@pytest.mark.parametrize(("old", "new", "message"), [
    ('from: "Avoid lifting more than 10 pounds"}',
     'from: "Avoid lifting more than 15 pounds"}', "quote not in the guide"),
    ("from: policy/guide-is-silent}", "from: policy/my-opinion}", "unknown policy line"),
])
def test_validate_fails_on_a_quote_not_in_the_guide(tmp_path, old, new, message):
    root = copy_project(tmp_path)
    path = root / "responses.yaml"
    path.write_text(path.read_text().replace(old, new, 1))
    code, out = run("validate", "--root", str(root))
    assert code == 1 and message in out


def test_validate_fails_on_a_sentence_without_source(tmp_path):
    root = copy_project(tmp_path)
    path = root / "responses.yaml"
    path.write_text(path.read_text().replace(
        ', from: "Postoperative pain is expected during the first few weeks"}', "}", 1))
    code, out = run("validate", "--root", str(root))
    assert code == 1 and "needs a 'from' source" in out


def test_card_shows_digits_and_units_and_speech_says_words(skill_with_phone):
    response = invoke(skill_with_phone, envelope.intent_request("LiftingIntent")).response
    assert "ten pounds" in speech_of_response(response)
    assert "10 pounds" in response.card.content and "3 to 4 months" in response.card.content
    assert f"Care team: {PHONE}" in response.card.content


def speech_of_response(response):
    return ssml_to_text(response.output_speech.ssml)


@pytest.mark.parametrize(("intent", "slots"), [
    ("IncisionConcernIntent", {}), ("WorseningPainIntent", {}), ("InfectionSignsIntent", {}),
    ("FeverIntent", {"temperature": "102"}), ("FeverIntent", {"temperature": "101"}),
])
def test_urgent_answer_ends_on_calling_now_and_reprompt_repeats_it(skill_with_phone, intent,
                                                                    slots):
    response = invoke(skill_with_phone, envelope.intent_request(intent, slots)).response
    said = speech_of_response(response)
    assert said.startswith("Call your care team at " + PHONE)
    assert said.endswith("Please call them now.") and "Want to hear more?" not in said
    reprompt = ssml_to_text(response.reprompt.output_speech.ssml)
    assert reprompt == f"Please call your care team at {PHONE} now."


def test_emergency_never_claims_to_call(skill):
    response = invoke(skill, envelope.intent_request("EmergencyIntent")).response
    said = speech_of_response(response)
    assert said.endswith("Call nine one one now.")
    assert "Call 911 now." in response.card.content
    assert not any(w in said.lower() for w in ("i will call", "i'll call", "calling"))


def test_uncovered_topic_keeps_the_related_guide_rule(skill):
    def said(topic: str) -> str:
        return speech_of(invoke(skill, envelope.intent_request("UncoveredTopicIntent",
                                                               {"topic": topic})))

    work = said("go back to work")
    assert "doesn't cover going back to work" in work
    assert "three to four months" in work and "ask your care team" in work
    assert "ten pounds" in said("grocery shopping")
    assert "walk" in said("walk the dog").lower()
    assert "doesn't cover sex" in said("sex") and "months" not in said("sex")


def test_brand_name_is_said_back_without_a_dose(skill):
    text = speech_of(invoke(skill, envelope.intent_request("PainMedicationIntent",
                                                           {"facet": "tylenol"})))
    assert text.startswith("Tylenol is acetaminophen, one of the pain medicines the guide lists")
    assert "mg" not in text and "milligram" not in text

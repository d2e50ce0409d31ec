"""The domain gate (skill/nlu/gate.py): everyday requests are declined, not answered."""

from __future__ import annotations

import pytest

from skill.content.spec import IntentSpec
from skill.nlu.gate import DomainGate
from skill.nlu.router import FALLBACK, Step, route
from skill.review import cases
from tests.support.paths import ROOT

OOD = ROOT / "tests" / "cases" / "dev" / "ood_home_assistant.yaml"
DECLINED = {FALLBACK, "UncoveredTopicIntent"}


def test_home_assistant_requests_are_declined_and_never_sent_to_911():
    held = cases.load([OOD])
    assert len(held) >= 300
    routed = [(c.text, route(c.text).intent) for c in held]
    assert [r for r in routed if r[1] == "EmergencyIntent"] == []
    declined = sum(intent in DECLINED for _, intent in routed)
    assert declined / len(held) >= 0.97, [r for r in routed if r[1] not in DECLINED]


@pytest.mark.parametrize("text", [
    "start a countdown for five minutes",
    "what's the date today",
    "what time is it",
    "cancel the kitchen timer",
    "turn on the living room lights",
    # a kind of question names no topic, though a facet of sitting uses the words
    "how much time is left on the oven timer",
    # the weather of a room is not a finding on the patient
    "how warm is it in the bedroom",
    # "good" and "what" apart ask no benefit
    "what do you think is a good movie",
    # managing the pain of another condition (the lexicon's conditions) is not ours
    "how do i manage period pain",
    "how to manage arthritis pain in my knee",
    # the pace idiom said of no patient
    "take it easy on the salt",
    # the operation's topics' words in everyday talk: a small cut or hole, a ward, an
    # afternoon, a verb of using, gristle, a gain, damage, a bed's side, a stick, the opera
    "how do i patch a small hole in drywall",
    "how do i fix a little cut on my finger",
    "who is the councillor for my ward",
    "can you deliver it the same afternoon",
    "how do i operate the dishwasher",
    "trim the gristle off a steak",
    "what did you gain from that",
    "find home improvement stores near me",
    "how do i fix water damage in my basement",
    "which side of the bed should i sleep on for feng shui",
    "do i need a stick of butter for this recipe",
    "what time does the opera start tonight",
])
def test_everyday_requests_decline(text):
    assert route(text).intent == FALLBACK


@pytest.mark.parametrize(("text", "intent"), [
    ("how long is the surgery", "SurgeryDurationIntent"),
    ("can i go for a walk", "WalkingIntent"),
    ("how much can i lift", "LiftingIntent"),
    ("no thanks", "AMAZON.NoIntent"),
    ("okay goodbye", "AMAZON.StopIntent"),
    ("how much time should i sit at once", "SittingIntent"),
    ("i passed out in the kitchen", "EmergencyIntent"),
    # what good it does: the question form asking for the benefit, no topic word said
    ("so what good does it really do for me", "BenefitsIntent"),
    # the guide's own name for the pain medication topic: pain management
    ("what is the plan for managing her pain after she gets home", "PainMedicationIntent"),
    # the pace idiom said of the patient
    ("should my husband take it easy or keep busy", "ActivityIntent"),
    # a temperature to worry about asks the fever line (a head of the fever topic)
    ("which temperature should have my wife worried", "FeverIntent"),
])
def test_questions_and_conversation_moves_still_answer(text, intent):
    assert route(text).intent == intent


@pytest.mark.parametrize("text", ["when can i get it done", "could my sister get it done",
                                  "can my wife get it done too"])
def test_the_surgery_got_done_never_ends_the_session(text):
    """'done' after what is done ("get it done") is the operation, not the speaker being
    done: the stop move's evidence is 'done' with its subject or 'all'."""
    assert route(text).intent != "AMAZON.StopIntent"


@pytest.mark.parametrize("text", ["i'm done", "we are done", "all done thanks", "done"])
def test_the_speaker_being_done_still_stops(text):
    assert route(text).intent == "AMAZON.StopIntent"


def test_evidence_needs_every_word_of_an_entry_and_stems_match_forms():
    spec = IntentSpec("WalkingIntent", domain=("walk*", "care team"))
    gate = DomainGate([spec], lambda text: text)
    assert gate.evidence("WalkingIntent", frozenset({"walking"})) is not None
    assert gate.evidence("WalkingIntent", frozenset({"team"})) is None
    assert gate.evidence("WalkingIntent", frozenset({"team", "care"})) is not None
    assert gate.evidence("OtherIntent", frozenset({"walking"})) is None
    assert gate.intents_with_evidence(frozenset({"care", "team"})) == {"WalkingIntent"}


@pytest.mark.parametrize("text", ["it's 99.6", "thirty seven point one this morning",
                                  "temp's a hundred even"])
def test_a_believable_reading_below_the_line_is_the_fever_topic(text):
    found = route(text)
    assert found.intent == "FeverIntent"
    assert found.rule is not None and found.rule.step is not Step.SAFETY


@pytest.mark.parametrize("text", ["turn the volume up to 8", "set the temp to 4 degrees"])
def test_a_number_that_is_no_body_temperature_names_no_topic(text):
    assert route(text).intent == FALLBACK


@pytest.mark.parametrize("text", [
    # where the cuts are made is a step of the operation, not the wound's look
    "where on the body do they actually cut",
    "where on his body will they be cutting",
])
def test_where_they_cut_is_the_procedure_s_step(text):
    assert route(text).intent == "ProcedureStepsIntent"


@pytest.mark.parametrize("text", [
    "the spot where they cut me is oozing",
    "where they cut is red and swollen",
])
def test_a_sign_where_they_cut_stays_a_wound_report(text):
    found = route(text)
    assert found.intent == "IncisionConcernIntent" and found.rule is not None
    assert found.rule.step is Step.SAFETY

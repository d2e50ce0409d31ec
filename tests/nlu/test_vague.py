"""A vague question names the two likeliest topics; a clear one, a follow-up form or a
reported symptom names none."""

from __future__ import annotations

from skill.content import loader
from skill.nlu import vague
from skill.nlu.router import router_for


def close(text: str) -> tuple[str, str] | None:
    content = loader.load_content()
    return vague.close_topics(router_for(content), text, content.topic_intents)


def test_evidence_that_fits_two_topics_is_vague():
    assert close("can I do exercises") == ("ActivityIntent", "PhysicalTherapyIntent")


def test_a_question_shaped_like_a_follow_up_is_vague():
    assert close("how long does it all take") == ("SurgeryDurationIntent", "ReturnToNormalIntent")


def test_clear_questions_follow_ups_and_reports_are_not():
    assert close("how much weight can I lift") is None
    assert close("and for how long") is None
    assert close("can I do exercises, my incision is leaking") is None


def test_a_vague_question_after_a_preamble_is_vague():
    assert close("oh dear, how long does it all take?") == (
        "SurgeryDurationIntent", "ReturnToNormalIntent")


def test_a_preamble_that_names_a_topic_or_a_symptom_is_no_preamble():
    assert close("I have a fever of 102, how long does it all take") is None
    assert close("about the lifting, how long does it all take") is None


PAIN = ("PainExpectationsIntent", "PainMedicationIntent")


def test_a_reply_naming_neither_topic_is_the_one_its_samples_match_better():
    router = router_for(loader.load_content())
    assert vague.nearer(router, "what to expect", PAIN) == "PainExpectationsIntent"
    assert vague.nearer(router, "the tablets", PAIN) == "PainMedicationIntent"


def test_a_follow_up_a_move_or_another_thing_is_no_choice():
    router = router_for(loader.load_content())
    for said in ("what about for my wife", "say that again", "what's the weather",
                 "my pain is much worse"):
        assert vague.nearer(router, said, PAIN) is None


def test_a_follow_up_form_naming_one_topics_point_is_not_vague():
    # the cane is walking's evidence and no other's; the weeks asked name no topic
    assert close("how many weeks will i use a cane") is None
    # a unit alone is no topic's point: still vague
    assert close("how many months is a trimester") is not None

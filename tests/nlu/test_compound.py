"""Two questions in one breath are split; one question that contains "and" is not."""

from __future__ import annotations

from skill.content import loader
from skill.nlu import compound
from skill.nlu.router import router_for


def split(text: str) -> compound.TwoQuestions | None:
    content = loader.load_content()
    return compound.split(router_for(content), text, content.topic_intents)


def test_two_questions_answer_the_first_and_offer_the_second():
    found = split("how long is the surgery and when can I go home?")
    assert found is not None
    assert (found.first.intent, found.second.intent) == (
        "SurgeryDurationIntent", "HospitalStayIntent")


def test_the_urgent_part_goes_first():
    found = split("can my mom walk around the house? her incision is red and swollen")
    assert found is not None and found.first.intent == "IncisionConcernIntent"
    assert found.second.intent == "WalkingIntent"


def test_one_question_with_and_stays_one():
    assert split("is redness and swelling normal") is None
    assert split("my temperature is a hundred and one") is None
    assert split("can I lift groceries") is None


def test_words_after_and_that_open_no_question_share_the_one_before():
    # "watch tv all day" has no subject or question word of its own: one question
    assert split("my grandpa had the si fusion, is he allowed to sit and watch tv all day") \
        is None
    found = split("how long does the operation take and can he go home the same day")
    assert found is not None and found.second.intent == "HospitalStayIntent"


def test_a_report_after_a_comma_is_cut_off_its_question_and_goes_first():
    found = split("can I take ibuprofen, the pain in my hip is getting much worse")
    assert found is not None and found.first.intent == "WorseningPainIntent"
    assert found.second.intent == "PainMedicationIntent"


def test_a_comma_alone_makes_no_two_questions():
    assert split("after the surgery, how long until I can walk") is None
    assert split("I have a fever of 102, can I take Tylenol?") is None


def test_a_side_that_names_its_topic_by_its_head_word_counts_though_weakly_matched():
    found = split("is my mum meant to be on a cane, and will she need physical therapy")
    assert found is not None
    assert (found.first.intent, found.second.intent) == (
        "WalkingIntent", "PhysicalTherapyIntent")

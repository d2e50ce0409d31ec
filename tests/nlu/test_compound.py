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


def test_a_side_joined_on_and_asking_of_its_own_counts_by_its_own_words():
    # the first side names its pastime only weakly; the router alone answers the second
    found = split("when can I get back to golf and will I need a physical therapy referral")
    assert found is not None
    assert (found.first.intent, found.second.intent) == (
        "ReturnToNormalIntent", "PhysicalTherapyIntent")


def test_whether_and_if_after_and_open_a_question_told_inside_the_first():
    for said in ("how long does the operation run and whether he is sent home that night",
                 "how long does the operation run and if he is sent home that night"):
        found = split(said)
        assert found is not None
        assert (found.first.intent, found.second.intent) == (
            "SurgeryDurationIntent", "HospitalStayIntent")


def test_or_before_a_question_word_opens_a_new_question():
    found = split("can I carry my granddaughter yet or when will I be allowed to sit longer")
    assert found is not None
    assert (found.first.intent, found.second.intent) == ("LiftingIntent", "SittingIntent")
    assert split("should she be up on her feet or resting in her recliner") is None


def test_a_verb_joined_on_without_its_subject_asks_nothing_of_its_own():
    assert split("my mum is achy and won't eat her dinner") is None


def test_a_second_sentence_may_say_the_first_again_and_is_read_as_confidently_as_alone():
    # "an exercise class", weakly the activity rules alone, is the physio class said again
    assert split("will there be an exercise class for me? a physio class, is that part of it?") \
        is None


def test_a_told_preamble_before_a_typed_question_leaves_the_question_its_last_clause():
    # the first side counts by its last clause after a comma: the told part is context
    found = split("my mother came home from the clinic on monday, this soreness is expected? "
                  "and what painkiller she can use")
    assert found is not None
    assert (found.first.intent, found.second.intent) == (
        "PainExpectationsIntent", "PainMedicationIntent")
    assert found.asked == "this soreness is expected"


def test_a_side_declined_alone_takes_the_whole_turns_topic_when_its_own_best():
    found = split("what is the SI joint anyway and who normally ends up getting this fusion")
    assert found is not None
    assert (found.first.intent, found.second.intent) == (
        "AboutProcedureIntent", "CandidacyIntent")
    # a whole turn that is the first side's topic gives the other side nothing
    assert split("what is the si joint and can you tell me") is None


def test_a_that_clause_after_a_comma_is_the_question_s_complement_not_a_report():
    assert split("what are the odds, like an actual percentage, that my dad picks up an "
                 "infection from this operation?") is None

"""A question told with a story is read clause by clause when the whole declines
(skill/nlu/clauses.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skill.content import loader
from skill.nlu import clauses, told
from skill.nlu.router import FALLBACK, Step, route, router_for
from skill.review.evaluate import flagged_urgent


def test_the_asking_clause_of_a_story_is_answered():
    assert route("What are the risks for my grandmother, she is eighty-one and very "
                 "anxious about the whole thing.").intent == "RisksIntent"


def test_a_clause_matching_a_sample_nearly_whole_is_evidence_enough():
    # the gate's rule for a whole question holds for a clause: "do to my back" names no
    # domain term, but the clause is all but one of the samples
    assert route("what exactly did they do to my back, love, the whole day is a "
                 "blur").intent == "ProcedureStepsIntent"


def test_a_conversation_move_opening_a_longer_turn_is_heard():
    assert route("Say that again please, I was pouring the tea").intent == "AMAZON.RepeatIntent"
    assert route("yes, dear, that would be lovely").intent == "AMAZON.YesIntent"


def test_a_move_after_a_story_is_not_a_move():
    assert route("The kettle has been whistling for ages, okay?").intent != "AMAZON.YesIntent"


def test_an_acknowledgement_before_a_question_is_no_yes():
    said = "alright. how long before I'm back to my bridge club and all that"
    assert route(said).intent != "AMAZON.YesIntent"
    assert route("okay, can my husband lift the laundry basket").intent == "LiftingIntent"
    assert route("Sorry, can you say that again, I wasn't listening").intent == \
        "AMAZON.RepeatIntent"


def test_an_acknowledgement_is_read_only_without_a_topic_question_after_it():
    view = view_of({"okay": [("AMAZON.YesIntent", 100.0)],
                    "how long is the recovery": [("ReturnToNormalIntent", 70.0)],
                    "go on": [("AMAZON.YesIntent", 90.0)]})
    moves, acks = ("AMAZON.YesIntent",), ("AMAZON.YesIntent",)
    assert "AMAZON.YesIntent" not in clauses.scores(
        "okay, how long is the recovery?", view, moves, (), acks)
    assert "AMAZON.YesIntent" in clauses.scores("okay, go on", view, moves, (), acks)


def test_a_story_without_a_question_stays_declined():
    assert route("my nephew's knees ache, the doctor says it is growing pains").intent == FALLBACK


def test_words_of_another_sense_open_no_move():
    assert route("before I forget, remind me to buy milk").intent == FALLBACK


def view_of(candidates, evidenced=()):
    return lambda clause: clauses.ClauseView(candidates.get(clause, []), frozenset(evidenced))


def test_a_clause_counts_only_for_a_topic_it_names_and_only_when_it_asks():
    view = view_of({"can i sit longer": [("SittingIntent", 60.0)],
                    "i sit a lot": [("SittingIntent", 80.0)]}, {"SittingIntent"})
    assert clauses.scores("we drove all day, can i sit longer", view, (), ()) == {
        "SittingIntent": clauses.CLAUSE_SHARE * 60.0}
    assert clauses.scores("we drove all day, i sit a lot", view, (), ()) == {}
    unnamed = view_of({"can i sit longer": [("SittingIntent", 60.0)]})
    assert clauses.scores("we drove all day, can i sit longer", unnamed, (), ()) == {}


def test_moves_only_first_and_urgent_intents_never():
    view = view_of({"okay": [("AMAZON.YesIntent", 100.0)],
                    "my chest hurts": [("EmergencyIntent", 90.0)]})
    moves = ("AMAZON.YesIntent",)
    assert clauses.scores("okay, go on", view, moves, ()) == {
        "AMAZON.YesIntent": clauses.CLAUSE_SHARE * 100.0}
    assert clauses.scores("the roast is done, okay", view, moves, ()) == {}
    assert clauses.scores("well, my chest hurts", view, (), ("EmergencyIntent",)) == {}
    assert clauses.scores("a single clause", view, moves, ()) == {}


@given(st.text(alphabet=st.sampled_from("ab ,.?!-;:\u2014"), max_size=40))
def test_splitting_keeps_every_word_in_order(text):
    words = [w for w in "".join(c if c.isalpha() or c == " " else " " for c in text).split()]
    found = [w for clause in clauses.split(text)
             for w in "".join(c if c.isalpha() or c == " " else " "
                              for c in clause.text).split()]
    assert found == words


def test_the_router_ranks_a_clause_only_when_that_could_count():
    """The router's clause views rank a clause only when an intent it reaches could
    count: the clause scores are those of views that rank every clause."""
    router = router_for()
    reader = router.clause_reader

    def eager(clause):
        seen = reader(clause)
        return clauses.ClauseView(seen.candidates, seen.evidenced)

    for text in ("okay, how long is the recovery?",
                 "We were at the garden centre all morning, dear, can I lift a bag of compost?",
                 "alright, thanks, that's all",
                 "my grandson drove me home, you know, is it okay to sit in the car that long?",
                 "the dog barked all night, is that normal?"):
        lazy = clauses.scores(text, reader, router.first_only, router.urgent, router.acks)
        full = clauses.scores(text, eager, router.first_only, router.urgent, router.acks)
        assert list(lazy.items()) == list(full.items())


QUESTIONS = ["what causes chills", "is numbness normal after this", "what if it gets red",
             "how common is infection", "what should i expect"]
REPORTS = [("i can't breathe", "EmergencyIntent"),
           ("my incision is red and swollen", "IncisionConcernIntent"),
           ("the wound is oozing pus", "IncisionConcernIntent"),
           ("my pain is getting worse every day", "WorseningPainIntent")]


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize(("report", "intent"), REPORTS)
@pytest.mark.parametrize("joint", [", ", ". ", "? "])
def test_a_question_s_scope_ends_with_its_sentence(question, report, intent, joint):
    found = route(question + joint + report)
    assert found.intent == intent and found.rule is not None and found.rule.step is Step.SAFETY


@pytest.mark.parametrize("text", [
    # the later clause asks, or its pronoun is someone the first clause named, or a
    # later clause settles it
    "if my chest is hurting, should i call an ambulance",
    "my dog is sick, he has a fever of 103",
    "what causes chills? i had chills last week but they are gone now",
])
def test_a_later_clause_reports_only_when_it_tells_of_the_patient(text):
    found = route(text)
    assert found.rule is None or found.rule.step is not Step.SAFETY or found.intent == FALLBACK


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize(("report", "intent"), REPORTS)
def test_a_transcript_without_punctuation_still_ends_the_question_before_a_report(
        question, report, intent):
    found = route(question + " " + report)
    assert found.intent == intent and found.rule is not None and found.rule.step is Step.SAFETY


@pytest.mark.parametrize("joint", [", ", " "])
def test_a_reading_told_after_a_question_is_the_reading_of_the_report(joint):
    found = route("what if it gets red" + joint + "i have a fever of 102")
    assert found.intent == "FeverIntent" and found.slots.get("temperature") == "102"
    assert found.rule is not None and found.rule.step is Step.SAFETY


@pytest.mark.parametrize("text", [
    # a subject after a complementizer, preposition, auxiliary, "and", or a verb or noun
    # taking a clause goes on asking; "my ..." before a preposition is an object
    "what are the signs my incision is infected",
    "how do i know my incision is infected",
    "what should i do if my incision starts oozing",
    "how long will my incision be sore",
    "what if i fall and my incision opens",
    "how do i keep my incision from getting infected",
    "is it normal for my incision to be a bit pink",
    "who do i call if my fever goes over 101",
    "is it normal to feel like i cant breathe",
    "what should i do in case i get chest pain",
    "how likely is it i get chest pain",
    "what should i do every time i feel faint",
    "how often do people find my incision is red",
    "how long until the incision on my back heals",
    # a subordinator's own subject past words of time, a fear's object
    "if suddenly i cannot breathe properly what should i do",
    "what do i do if all of a sudden my leg goes numb",
    "i am worried i will faint in the shower",
])
def test_without_punctuation_a_clause_inside_the_question_is_not_read_apart(text):
    assert told.told_starts(text) == []
    found = route(text)
    assert found.rule is None or found.rule.step is not Step.SAFETY


@pytest.mark.parametrize("text", [
    "how long should she rest her wound is oozing",
    "when can he sit in the car his incision is red and swollen",
    # the wound's word, the place it is in, then its verb
    "when can i drive the wound on my back is oozing",
    "how long is recovery the scar on her hip looks red and swollen",
])
def test_a_caregiver_s_report_after_a_question_starts_at_his_or_her_wound(text):
    found = route(text)
    assert found.intent == "IncisionConcernIntent" and found.rule is not None
    assert found.rule.step is Step.SAFETY


@pytest.mark.parametrize("text", [
    "how long is recovery the pain is way worse than yesterday",
    "when can i go back to work blood is pouring out of my incision",
    "can i walk the dog the pain is getting worse and worse",
    "what happens during the operation the pain is getting worse and worse",
    "can i drive yet the wound's leaking yellow stuff",
    "how much can i lift there's pus coming out of the wound",
])
def test_a_noun_phrase_with_its_own_finite_verb_ends_the_question_before_it(text):
    found = route(text)
    assert found.rule is not None and found.rule.step is Step.SAFETY


@pytest.mark.parametrize("text", [
    "what colour drainage is bad",
    "how much swelling is too much",
    "is it normal fi di foot feel numb likkle bit",
    "my budgie has been plucking his feathers. is he poorly",
])
def test_a_question_word_s_own_phrase_or_a_bare_verb_starts_no_told_clause(text):
    assert told.told_starts(text, pronouns=True) == []


@pytest.mark.parametrize("text, told", [
    ("what are the risks the pain is way worse than yesterday", True),
    ("what are the risks she passed out in the kitchen just now", True),
    ("what are the chances my incision gets infected", False),
    ("what is the risk my wound opens up", False),
    ("what are the signs the wound is infected", False),
])
def test_a_clause_after_a_noun_of_likelihood_is_told_only_as_what_has_happened(text, told):
    found = route(text)
    assert (found.rule is not None and found.rule.step is Step.SAFETY) is told


def test_a_told_clause_starts_at_its_subject():
    assert told.told_starts("what should i expect my incision is red") == [4]
    assert told.told_starts("what causes chills i can't breathe") == [3]
    assert told.told_starts("should i call the clinic when it hurts") == []
    assert told.told_starts("can i help her get out of her chair") == []
    # a subordinator's clause with its own subject before the report: told after it
    assert told.told_starts("what if it gets red i have a fever of 102") == [5]


def test_a_question_about_sudden_breathlessness_never_gets_the_emergency_number():
    found = route("If suddenly I cannot breathe properly, what should I do?")
    assert found.intent == "WhenToCallIntent"
    assert not flagged_urgent(found, loader.load_content())


@pytest.mark.parametrize(("text", "intent"), [
    ("how long is recovery he passed out on the stairs a minute ago", "EmergencyIntent"),
    # "once again" is no subordinator
    ("what should i do once again i cant breathe", "EmergencyIntent"),
    ("when does she see the surgeon she fainted at the dinner table just now",
     "EmergencyIntent"),
])
def test_a_caregiver_s_report_after_a_question_starts_at_he_or_she(text, intent):
    found = route(text)
    assert found.intent == intent and flagged_urgent(found, loader.load_content())


@pytest.mark.parametrize("text", [
    # the person had no surgery, a supposition: no report of the patient's
    "my son has a fever of 103 but he did not have any operation he has the flu",
    "if tonight he gets a fever what number do i call",
    # one who wonders, asks or hopes tells no symptom of their own
    "how long is recovery he wonders if chest pain is normal",
    "when do i see the surgeon he keeps asking if numbness is normal",
    "how long is recovery she hopes she won't faint again",
])
def test_a_pronoun_not_the_patient_s_starts_no_report(text):
    assert not flagged_urgent(route(text), loader.load_content())

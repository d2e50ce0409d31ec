"""Who has the symptom and whether it is asked: people in general, a question someone
else asked, someone said to be other than the patient, a learner's verb-first report."""

import pytest

from skill.content import loader
from skill.nlu.router import route
from skill.review.evaluate import flagged_urgent


def urgent(text: str) -> bool:
    return flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    # a person in general as a modal question's subject
    "could an old man get an infection from it",
    "can a diabetic get an infection more easily after this",
    # a question told of someone who asked it
    "mom asked whether infection and bleeding are common risks",
    "my husband wondered if a fever is common after surgery",
    # someone said to be other than the patient
    "someone else fell last week, when can i walk further",
    # West African Pidgin's "make" after a judgement asks
    "abeg, e normal make leg feel numb small after this kind surgery?",
])
def test_not_a_report(text):
    assert not urgent(text)


@pytest.mark.parametrize(("text", "intent"), [
    # the same words around a report of the patient's own
    ("could a man help me, my incision is bleeding", "IncisionConcernIntent"),
    ("i asked whether i can lift, my wound is red and swollen", "IncisionConcernIntent"),
    ("someone else is here with me, i fell and can not get up", "EmergencyIntent"),
    # a learner's fluid said verb first, with its "is" (no question)
    ("is coming pus from the wound, i am worried", "IncisionConcernIntent"),
    ("from the wound is coming some liquid, yellow", "IncisionConcernIntent"),
    ("abeg my leg don numb since morning, e no normal", "EmergencyIntent"),
    # an accent typed by a speaker of two languages
    ("la incisión is very red and swollen since yesterday", "IncisionConcernIntent"),
])
def test_a_report_still_reports(text, intent):
    assert (route(text).intent, urgent(text)) == (intent, True)


def test_a_judgement_after_the_verb_first_fluid_still_asks():
    assert not urgent("is coming out pus normal after surgery")

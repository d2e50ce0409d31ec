"""Whether a symptom is asked about or told: a learner's verb-first report, Pidgin's
"make", an accent typed; and reports after words that must not take them into a
question or another's story (a caregiver's "she asked if", "could a person...",
"someone else", "but i am much better now")."""

import pytest

from skill.nlu.router import route
from tests.support.urgency import urgent


@pytest.mark.parametrize("text", [
    # West African Pidgin's "make" after a judgement asks
    "abeg, e normal make leg feel numb small after this kind surgery?",
    # a child named by its size keeps its own "his" and "her"
    "my little cousin tripped on the stairs and her elbow is bleeding a bit",
    # animals of a herd or a flock, counted
    "two of the goats have a fever of 104",
    "the pigs are bleeding from the fence wire",
])
def test_not_a_report(text):
    assert not urgent(text)


@pytest.mark.parametrize(("text", "intent"), [
    # the same words around a report of the patient's own
    ("could a man help me, my incision is bleeding", "IncisionConcernIntent"),
    ("i asked whether i can lift, my wound is red and swollen", "IncisionConcernIntent"),
    ("someone else is here with me, i fell and can not get up", "EmergencyIntent"),
    # a caregiver's "she asked if" is "i asked if": the report after it is still one
    ("my wife asked if we should call, his face is drooping", "EmergencyIntent"),
    ("dad asked if he could walk more his pain is new and much worse", "WorseningPainIntent"),
    ("could a diabetic get an infection he has pus coming from the incision",
     "InfectionSignsIntent"),
    ("another patient on the ward had the flu, fever 102 since this morning", "FeverIntent"),
    # feeling better is no reading taken back
    ("my temp is 102.5 but i am a lot better now", "FeverIntent"),
    # a learner's fluid said verb first, with its "is" (no question)
    ("is coming pus from the wound, i am worried", "IncisionConcernIntent"),
    ("from the wound is coming some liquid, yellow", "IncisionConcernIntent"),
    ("abeg my leg don numb since morning, e no normal", "EmergencyIntent"),
    # an accent typed by a speaker of two languages
    ("la incisión is very red and swollen since yesterday", "IncisionConcernIntent"),
    # the patient's own wound after a child's story
    ("my little boy fell over at school, and my incision is bleeding through the dressing",
     "IncisionConcernIntent"),
    # a little brother or sister may be grown and the patient
    ("my little brother had his si joint fusion and his incision is oozing pus",
     "IncisionConcernIntent"),
    ("my little sister had the fusion and she cant breathe", "EmergencyIntent"),
    # the bleeding itself, not a team's: "bleeding runs" of a game is not said of a leg
    ("the bleeding runs down my leg", "IncisionConcernIntent"),
    # the patient's own region said to grow worse, after "and my" too
    ("my back is getting worse by the day", "WorseningPainIntent"),
    ("i sat too long and my back feels worse", "WorseningPainIntent"),
    ("my salary got cut and my back is getting worse", "WorseningPainIntent"),
    ("i had my knee replaced and my back is getting worse", "WorseningPainIntent"),
])
def test_a_report_still_reports(text, intent):
    assert (route(text).intent, urgent(text)) == (intent, True)


def test_a_judgement_after_the_verb_first_fluid_still_asks():
    assert not urgent("is coming out pus normal after surgery")

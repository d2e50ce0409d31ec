"""Urgent reports told in plain, clipped or misheard words, and their near misses: a
fainting in the verb's every form, a head struck, a wound beginning to open, sweats and
chills in turns, a pain against itself before or come back after easing, a wetness told
by its colour, a reading come back after one that went away, and a recognizer's forms of
seizure, incision and nine."""

import pytest

from skill.content import loader
from skill.nlu.router import route
from skill.review.evaluate import flagged_urgent


@pytest.mark.parametrize(("text", "intent"), [
    ("i keep blacking out when i stand up", "EmergencyIntent"),
    ("my husband blacks out when he gets up", "EmergencyIntent"),
    ("she smacked her head on the tub", "EmergencyIntent"),
    ("he went down hard in the bathroom", "EmergencyIntent"),
    ("the edges of my wound have started to open", "IncisionConcernIntent"),
    ("sweating then freezing all night", "InfectionSignsIntent"),
    ("the pain is twice what it was yesterday", "WorseningPainIntent"),
    ("the ache eased off but now it is back", "WorseningPainIntent"),
    ("wound on my hip, damp and green", "IncisionConcernIntent"),
    ("she had a fever of 101.5 yesterday, it went down, and now it's back up to 102.8",
     "FeverIntent"),
    ("fever of 102 on monday but it broke and now it is 103 again", "FeverIntent"),
    ("my wife is having a sees are", "EmergencyIntent"),
    ("the insertion is oozing", "IncisionConcernIntent"),
    ("her temperature is thirty night point four", "FeverIntent"),
    ("she is jerking all over, i think it is a fit", "EmergencyIntent"),
    ("i am bleeding through the bandage and a towel and it will not stop", "EmergencyIntent"),
])
def test_reported_now_is_urgent(text, intent):
    found = route(text)
    assert (found.intent, flagged_urgent(found, loader.load_content())) == (intent, True)


@pytest.mark.parametrize("text", [
    # asked, negated, over, someone else's, a thing's
    "what if i start blacking out",
    "what happens when somebody faints after the surgery",
    "i used to black out as a teenager",
    "my dog keeps blacking out",
    "what if i smack my head",
    "my buddy fell off a ladder at work and cracked his head open",
    "what if the incision starts to open",
    "the store has started to open on sundays",
    "it was freezing then sweating hot at the game",
    "is it normal if the pain is double what it was",
    "the pain went down but what if it comes back",
    "can i get my cut wet in the shower",
    "the paint on the fence is still wet and yellow",
    "my fever was 102 but it broke and now it's 98.6",
    "now it's 102 degrees in phoenix today",
    "the thermostat was 68 and now it's 72",
    "what if he has a sees are",
    "how is the implant insertion done",
    "my husband is having a fit about the bill",
    "the new shoes are a good fit",
])
def test_not_a_report(text):
    assert not flagged_urgent(route(text), loader.load_content())

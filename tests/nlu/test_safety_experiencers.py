"""Whose symptom it is: a grandchild is someone else (the surgery is for adults), and
an animal's body part named as the place of a finding makes it the animal's; the
patient's own report beside either still reports."""

import pytest

from skill.content import loader
from skill.nlu.router import route
from skill.review.evaluate import flagged_urgent


def urgent(text: str) -> bool:
    return flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    "my granddaughter has a temperature of 102.5, can she still visit",
    "our grandson's temp is 39.4 with a tummy bug",
    "my grandson fell off the trampoline, how long is the walker needed",
    "the cat has a sore on her paw that keeps oozing",
    "a deep cut on his paw is oozing, can she still walk him",
])
def test_not_the_patients(text):
    assert not urgent(text)


@pytest.mark.parametrize(("text", "intent"), [
    ("my grandson is here and my incision is leaking pus", "IncisionConcernIntent"),
    ("my granddaughter found me on the floor, i fell and can not get up", "EmergencyIntent"),
    ("the dog licked my incision and now it is oozing", "IncisionConcernIntent"),
])
def test_the_patients_own_still_reports(text, intent):
    found = route(text)
    assert found.intent == intent and urgent(text)

"""A state said to be fine right after a symptom's word denies it (intents/_safety.yaml
``said_fine``, ``words_only``): never across "but", never a rule's finding."""

from __future__ import annotations

import pytest

from tests.support.urgency import urgent


@pytest.mark.parametrize("text", [
    "i can breathe fine",
    "i am breathing fine",
    "she can breathe okay",
    "he is breathing normally now, when can he walk",
    "i can breathe just fine, can i sit longer",
])
def test_a_state_said_fine_after_the_word_is_no_report(text):
    assert not urgent(text)


@pytest.mark.parametrize("text", [
    "i can breathe fine but my chest is crushing",
    "i was breathing fine but now i can not breathe",
    "i am not breathing right",
    "she can not breathe normally",
    "i can not move my legs fine",
    "i have chest pain no problem",
    "my incision is red fine",
])
def test_a_report_with_a_fine_word_stays_urgent(text):
    assert urgent(text)


@pytest.mark.parametrize("text", [
    "the wound looks okay this morning",
    "his scar is healing well",
    "her cut seems normal to me",
])
def test_a_site_found_well_is_no_report(text):
    assert not urgent(text)


@pytest.mark.parametrize("text", [
    "the wound looks okay but it is oozing pus",
    "her cut seems normal but it is hot and red",
    "the scar does not look good",
])
def test_a_finding_beside_a_site_found_well_stays_urgent(text):
    assert urgent(text)


def test_the_days_weather_asked_is_no_report():
    assert not urgent("how warm is it outside this afternoon")


@pytest.mark.parametrize("text", [
    "why is my wound oozing yellow stuff",
    "what is this pus coming from my incision",
    "why does my back hurt so much more today",
])
def test_a_question_word_before_a_report_stays_urgent(text):
    assert urgent(text)

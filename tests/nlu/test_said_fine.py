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

"""How much of what was just said: an amount cue, then words that name no topic but the
session's and refer back to it or name it (skill/nlu/asks.py)."""

from __future__ import annotations

import pytest

from skill.content import loader
from skill.nlu import asks
from skill.nlu.router import router_for


def amount(text: str, topic: str) -> bool:
    content = loader.load_content()
    return asks.asks_amount(router_for(content), content, text, topic)


@pytest.mark.parametrize(("text", "topic"), [
    ("how many kilos would that be", "LiftingIntent"),
    ("so how much is that in pounds", "LiftingIntent"),
    ("how much can I take", "PainMedicationIntent"),
])
def test_how_much_of_what_was_just_said(text, topic):
    assert amount(text, topic)


@pytest.mark.parametrize(("text", "topic"), [
    ("how much weight can I lift", "SittingIntent"),  # another topic named
    ("how much does it cost", "LiftingIntent"),  # nothing pointed back at or named
    ("how many of my stitches are red", "IncisionConcernIntent"),  # a symptom
    ("why is that", "LiftingIntent"),
])
def test_another_topic_nothing_referred_to_or_a_symptom_is_not(text, topic):
    assert not amount(text, topic)


def reason(text: str) -> bool:
    content = loader.load_content()
    return asks.asks_reason(router_for(content), content, text)


@pytest.mark.parametrize("text", [
    "what's the point of that then",  # what it is for: responses.yaml _asks reason
    "ok but what is the point of all that",
    "for what reason though",
])
def test_what_it_is_for_asks_the_reason(text):
    assert reason(text)


@pytest.mark.parametrize("text", [
    "what's the point of the walker",  # another topic named, nothing referred back to
    "what is the point of lifting",
])
def test_what_another_thing_is_for_is_not_a_reason_of_what_was_said(text):
    assert not reason(text)

"""A question for how long that names nothing is asked back between the lengths the
guide gives (skill/nlu/lengths.py, intents/_areas.yaml ``lengths``); an elliptical
follow-up, one that points back or one that names its topic is not."""

from __future__ import annotations

import pytest

from skill.content import loader
from skill.nlu import areas, lengths
from skill.nlu.router import router_for

OPERATION_OR_RECOVERY = ("SurgeryDurationIntent", "ReturnToNormalIntent")


def ask_back(text: str) -> tuple[str, str] | None:
    content = loader.load_content()
    return lengths.ask_back(router_for(content), content, text, content.topic_intents)


@pytest.mark.parametrize("text", [
    "how long does it take",
    "hi, how long does it take?",
    "and how long is it, the whole thing?",
])
def test_a_length_of_nothing_named_is_asked_back(text):
    assert ask_back(text) == OPERATION_OR_RECOVERY


def test_the_pair_is_the_two_the_router_ranks_higher_in_the_guides_order():
    assert ask_back("how long will my mother be in for") == (
        "SurgeryDurationIntent", "HospitalStayIntent")


@pytest.mark.parametrize("text", [
    "and for how long", "how long for him", "how long is that",
    "how long does the surgery take", "how long will I be in the hospital",
    "how long can I sit", "how long does the pain last", "can I lift groceries",
    "how long has my fever of 102 lasted",
])
def test_a_follow_up_or_a_named_topic_is_not(text):
    assert ask_back(text) is None


def test_lengths_must_be_topics_none_urgent():
    _, problems = areas.parse({"areas": {}, "frame": [], "lengths": ["EmergencyIntent"]},
                              frozenset({"LiftingIntent"}), frozenset({"EmergencyIntent"}))
    assert problems == ["lengths: expected a list of topics, none urgent"]

"""Whom to turn to, after an answer that sent the user to the care team
(skill/nlu/referral.py): a grammar of "who" and a verb of turning to someone."""

from __future__ import annotations

import pytest

from skill.content import loader
from skill.nlu import referral
from skill.nlu.router import router_for


def whom(text: str) -> bool:
    content = loader.load_content()
    return referral.asks_whom(router_for(content), content, text)


@pytest.mark.parametrize("text", [
    "who should I talk to",
    "ok so who am I supposed to ring",
    "and who does she contact",
    "who to call then",
])
def test_asks_whom_to_turn_to(text):
    assert whom(text)


@pytest.mark.parametrize("text", [
    "who should I call if my incision is leaking",  # a symptom
    "who can help me lift the laundry basket",  # no verb of turning to someone
    "what should I ask",  # not whom
    "who do I ask about lifting",  # a topic of its own, for the router
])
def test_a_symptom_a_topic_or_no_whom_is_not(text):
    assert not whom(text)


def test_an_answer_naming_the_care_team_refers_and_a_plain_one_does_not():
    content = loader.load_content()
    assert referral.referred(content, "uncovered_topic", "speech", None)
    assert not referral.referred(content, "walking", "speech", None)
    assert not referral.referred(content, None, "speech", None)

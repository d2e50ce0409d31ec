"""The nearest sample an urgent intent's, no rule's finding: a site said to be of a
look that is no sign (calm_finding) or pain said unchanged (a pseudo phrase) is no
report; a symptom still named as a report keeps the urgent answer."""

from __future__ import annotations

import pytest

from skill.alexa import responses
from skill.content import loader
from skill.nlu.router import route


def urgent(text: str) -> bool:
    found = route(text)
    content = loader.load_content()
    if content.answer_key(found.intent) is None:
        return False
    return responses.select(found.intent, found.slots, content).urgent


@pytest.mark.parametrize("text", [
    "my incision is itchy, is that normal",
    "why is my scar so small",
    "the pain is about the same as last week, is that ok",
    "the ache has not really changed",
])
def test_no_sign_to_call_for_is_answered_calmly(text):
    assert not urgent(text), text


@pytest.mark.parametrize("text", [
    "the redness is the same",
    "the swelling is small",
    "the redness is itchy",
    "the swelling has not changed",
    "my incision is itchy and red",
    "my scar is so small but it is leaking",
    "the pain is the same as yesterday but now my incision is leaking",
    "my pain is the same but it is getting worse at night",
])
def test_a_sign_still_named_stays_urgent(text):
    assert urgent(text), text

"""A milder state said to be no more, then the sign it has turned to, is a report: the
negation ends at "any more" before a new clause, and a site pairs with a farther sign
in its window when the nearest is denied (skill.nlu.context.pairings)."""

import pytest

from skill.content import loader
from skill.nlu.router import route
from skill.review.evaluate import flagged_urgent


@pytest.mark.parametrize("text", [
    "my incision is not pink any more, it's gone angry red",
    "the wound isn't dry anymore, it is oozing",
    "my scar's no pink any more, now it's all puffed up",
])
def test_a_sign_turned_to_is_reported(text):
    assert flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    "i don't have any more swelling at my incision",
    "my incision is not swollen any more, it is fine now",
    "my incision is not red or swollen",
])
def test_a_sign_denied_stays_denied(text):
    assert not flagged_urgent(route(text), loader.load_content())

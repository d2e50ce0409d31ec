"""A hedge ("a bit", "slightly", "seem to") shrinks a sign without denying it: inside a
phrase of the safety file it is read through (intents/_safety.yaml ``hedges``)."""

import pytest

from skill.content import loader
from skill.nlu.context import HEDGE, PhraseTable
from skill.nlu.router import route
from skill.review.evaluate import flagged_urgent


def test_a_hedge_inside_a_phrase_is_read_through() -> None:
    table = PhraseTable([("can not get warm", "concept:cold"), ("a bit", HEDGE),
                         ("seem to", HEDGE), ("is a", "other")])
    spans = table.scan("i can not seem to get warm".split())
    assert [(s.start, s.end, s.labels) for s in spans] == [(1, 7, frozenset({"concept:cold"}))]


def test_a_hedge_at_a_phrase_edge_or_alone_is_no_phrase() -> None:
    table = PhraseTable([("is wet", "concept:wet"), ("is a", "other"), ("a bit", HEDGE)])
    assert [s.labels for s in table.scan("a bit wet".split())] == []
    # the straight phrase and the one read through a hedge: the longer wins
    assert [(s.start, s.end) for s in table.scan("it is a bit wet".split())] == [(1, 5)]


@pytest.mark.parametrize("text", [
    "the wound is a bit wet",
    "my incision is a touch swollen",
    "bit of a shiver on me, can't seem to get warm",
    "she is feeling a wee bit off today",
    "im feeling a bit off and shivery since last night",
    "the dressing is slightly damp through",
])
def test_an_understated_sign_stays_urgent(text: str) -> None:
    assert flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    "is it normal for the wound to be a bit damp",
    "the dressing was a bit damp from the shower",
    "i feel a bit off balance when i walk",
    "i feel a bit off about the whole thing",
    "the milk smells a bit off",
    "that film sent a shiver down my spine",
    "my arm went a bit dead when i slept on it, it came back after five minutes",
])
def test_a_hedged_near_miss_stays_calm(text: str) -> None:
    assert not flagged_urgent(route(text), loader.load_content())

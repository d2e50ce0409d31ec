"""A long question tied to the recovery, declined for its score alone (skill.nlu.roundabout)."""

from __future__ import annotations

import pytest

from skill.nlu.roundabout import LIMITS, LONG_WORDS, at_length
from skill.nlu.router import FALLBACK, Decision, Route, Step, router_for

BELOW = Route(FALLBACK, 40.0, {}, Decision(Step.BELOW_THRESHOLD))
# long, with an anchor ("surgery") and words of the sitting topic ("desk", "chair")
LONG = ("since my surgery i have been spending the whole working day at the desk in my old "
        "office chair with hardly a break is that wise")
TOPICS = frozenset({"SittingIntent", "WalkingIntent", "IncisionConcernIntent"})


def ranked(first: str = "SittingIntent", score: float = 40.0) -> list[Route]:
    return [Route(first, score), Route("WalkingIntent", score - 5)]


def taken(text: str = LONG, route: Route = BELOW, candidates: list[Route] | None = None,
          evidenced: frozenset[str] = TOPICS) -> str:
    return at_length(router_for(), route, candidates or ranked(), [], {}, evidenced, text).intent


def test_the_question_is_long():
    assert len(LONG.split()) >= LONG_WORDS


def test_a_long_question_tied_to_the_recovery_takes_its_topic_at_the_lower_minimum():
    assert taken() == "SittingIntent"


def test_without_an_anchor_it_stays_declined():
    assert taken(LONG.replace("since my surgery", "since my birthday")) == FALLBACK


def test_a_short_question_stays_declined():
    assert taken("since my surgery can i sit at the desk") == FALLBACK


def test_under_the_lower_minimum_or_too_close_it_stays_declined():
    assert taken(candidates=ranked(score=LIMITS.min_score - 1)) == FALLBACK
    close = [Route("SittingIntent", 40.0), Route("WalkingIntent", 40.0 - LIMITS.margin / 2)]
    assert taken(LONG + " or should i walk more", candidates=close) == FALLBACK
    assert taken(LONG + " or should i walk more") == "SittingIntent"


def test_a_topic_without_evidence_is_not_taken():
    assert taken(evidenced=frozenset({"WalkingIntent"})) == FALLBACK


def test_an_urgent_intent_is_never_taken_at_the_lower_minimum():
    assert taken(candidates=ranked("IncisionConcernIntent")) == FALLBACK


@pytest.mark.parametrize("step", [Step.AMBIGUOUS, Step.ELSEWHERE, Step.NEAREST])
def test_another_decision_is_kept(step):
    route = Route(FALLBACK, 40.0, {}, Decision(step))
    assert at_length(router_for(), route, ranked(), [], {}, TOPICS, LONG) is route

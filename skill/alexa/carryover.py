"""What the session's topic carries over into reading the next turn (the local doors).

The router places a turn alone; in a conversation the topic just answered is context.
Three general rules, only for a question the router placed in another topic or in none,
without a reported symptom, and only when the question names no topic by name:

- the router's own coin toss: a follow-up ("and how long does that go on for") that
  scores within the router's MARGIN of the best topic is read as a follow-up;
- no topic at all: a turn that sounds most like a follow-up, as surely as a conversation
  move must, is one;
- a shared point: a point both topics have ("what if it doesn't heal", of the fusion's
  healing and of the risks) is read in the topic being discussed.

Either way the turn becomes FollowUpDetailIntent, answered from the session's topic.
"""

from __future__ import annotations

from typing import Final

from skill.alexa.dialogue import topic_named
from skill.alexa.handlers import FOLLOW_UP_DETAIL_INTENT, FOLLOW_UP_INTENT
from skill.content.spec import Content
from skill.nlu import facets
from skill.nlu.router import CONVERSATION_SCORE, FALLBACK, MARGIN, Decision, Route, Router, Step

FOLLOW_UPS: Final = (FOLLOW_UP_INTENT, FOLLOW_UP_DETAIL_INTENT)
IN_CONTEXT: Final = "in the session's topic"  # the route's detail, for --explain views
# How many ranked candidates to look through for a follow-up: the router's own view.
CANDIDATES: Final = 10


def _follow_up(intent: str, score: float) -> Route:
    return Route(intent, score, {}, Decision(Step.NEAREST, IN_CONTEXT))


def reread(router: Router, content: Content, text: str, found: Route,
           topic: str | None) -> Route:
    """``found``, or a follow-up on ``topic`` when the context decides (rules above)."""
    safety = found.rule is not None and found.rule.step is Step.SAFETY
    safety = safety or found.intent in content.urgent_intents  # never moved off urgent
    placed = found.intent in content.topic_intents or found.intent == FALLBACK
    if (topic is None or topic not in content.topic_intents or safety or found.intent == topic
            or not placed or topic_named(content, text) is not None):
        return found
    ranked = router.explain(text, CANDIDATES).candidates
    if found.intent == FALLBACK:
        # No topic of its own ("and how long does that go on for"): a follow-up when
        # that is what it sounds like most, as surely as a conversation move must.
        best = ranked[0] if ranked else None
        if best is not None and best.intent in FOLLOW_UPS and best.score >= CONVERSATION_SCORE:
            return _follow_up(best.intent, best.score)
        return found
    close = [r for r in ranked if r.intent in FOLLOW_UPS and found.score - r.score < MARGIN]
    if close:
        return _follow_up(close[0].intent, close[0].score)
    point = facets.slot_value(topic, text, content)
    if point is not None and point == facets.slot_value(found.intent, text, content):
        return _follow_up(FOLLOW_UP_DETAIL_INTENT, found.score)
    return found

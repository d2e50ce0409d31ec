"""An uncovered topic named only as what an activity of the guide's is done to or where
("can he walk around the yard", "can I pick up my cat"): the
activity is the question, and the guide has a rule for it, so that topic answers.

DESIGN.md: where a guide rule still applies (walking the dog -> walking), say it. The
uncovered answer's ``related`` map (responses.yaml) names the guide answers whose rules
are lent to uncovered topics: walking, lifting, sitting, getting back to normal. When the
question, with the uncovered topic's words taken out (the router's slot), gives
domain evidence for exactly one topic answered so in the words before the topic's (the
activity done to or at it: "walk around the yard", not "the dog walker can't come" or
"back behind the wheel of the car"), that topic is what was asked. When
the topic's words are the activity itself ("ride a horse", "drive", and "walk the dog",
a synonym of pets that Alexa's slot resolves too), nothing is left to evidence an
activity, and the uncovered answer stays: with the rule it borrows (walking, for pets).

In a conversation the activity may be the one just answered: a turn that carries the
question on ("what about", "and": skill.nlu.insession.CONTINUES) to an uncovered topic
joined as its companion or place (a preposition before the topic's words: "what about
with the dog" after walking, "and around the yard" after lifting) asks the session's
activity again, when the uncovered answer lends that topic's rule to it. A topic said
alone ("and driving?") is asked for itself, and stays uncovered; so is one the router
declines as asked for nobody ("ok what about a bath", after showering): in a session
it is asked by the one asking before (``carried_on``).
"""

from __future__ import annotations

import re
from typing import Final

from skill.content import answers
from skill.content.spec import Content
from skill.nlu import elsewhere, insession, replies, slots
from skill.nlu.router import FALLBACK, Decision, Route, Router, Step

DETAIL: Final = "an activity the guide has a rule for"  # the route's detail (--explain)
CARRIED: Final = "an uncovered topic asked on in the session"  # the same
# A slot joined to the activity as its companion or place, by a preposition and at most
# one word between (a determiner or a possessive): "with the {topic}", "around {topic}".
JOINED: Final = re.compile(r"\b(?:with|around|round|in|at|on|into|near|by)\s+(?:[\w']+\s+)?"
                           r"\{(\w+)\}")


def _activities(content: Content, intent: str) -> frozenset[str]:
    """The topics whose answers ``intent``'s answer lends its rules from."""
    entry = answers.of(content).get(content.answer_key(intent) or "")
    lent = set(entry.related.values()) if entry is not None else set()
    return frozenset(name for name in content.topic_intents
                     if content.answer_key(name) in lent)


def guide_activity(router: Router, content: Content, text: str, found: Route) -> Route | None:
    """The guide topic of the activity ``text`` asks about when ``found`` is an uncovered
    topic named only as its object or place (rules above), else None."""
    activities = _activities(content, found.intent)
    if not activities or (found.rule is not None and found.rule.step is Step.SAFETY):
        return None
    said = router.explain(text).matched_text  # the topic's words are its {slot} there
    slot = next((f"{{{name}}}" for name in found.slots if f"{{{name}}}" in said), None)
    if slot is None:
        return None
    before = said.split(slot, 1)[0]  # the activity done to or at it: "walk the {topic}"
    evidenced = router.gate.intents_with_evidence(router.index.evidence_words(before))
    named = sorted(evidenced & activities)
    if len(named) != 1:
        return None
    return Route(named[0], found.score, {}, Decision(Step.NEAREST, DETAIL))


def carried_on(router: Router, content: Content, text: str, topic: str,
               found: Route) -> Route | None:
    """What a turn in a session on ``topic`` asks when it carries the question on to an
    uncovered topic (rules above), else None: ``topic`` itself when the uncovered topic
    is joined as its activity's companion or place and lends its rule; the uncovered
    topic with its slot when the router (``found``) declined the turn only as asked
    for nobody: in the session, it is asked by the one asking before."""
    if topic not in content.topic_intents or not insession.CONTINUES.match(
            " ".join(replies.words_of(text))):
        return None
    explained = router.explain(text)
    best = explained.candidates[0] if explained.candidates else None
    if explained.findings or best is None:
        return None
    placed, values = slots.extract(explained.normalized, slots.vocabulary_of(content))
    joined = JOINED.search(placed)
    entry = answers.of(content).get(content.answer_key(best.intent) or "")
    lent = entry.related.get(values.get(joined.group(1), "")) if (
        joined is not None and entry is not None) else None
    if lent is not None and lent == content.answer_key(topic):
        return Route(topic, best.score, {}, Decision(Step.NEAREST, DETAIL))
    named = {name: value for name, value in values.items()
             if f"{{{name}}}" in explained.matched_text}
    if (named and found.intent == FALLBACK and found.rule is not None
            and found.rule.step is Step.ELSEWHERE and elsewhere.asked_for_nobody(
                best.intent, explained.normalized, explained.findings, router.lexicon)):
        return Route(best.intent, best.score, named, Decision(Step.NEAREST, CARRIED))
    return None

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
"""

from __future__ import annotations

from typing import Final

from skill.content import answers
from skill.content.spec import Content
from skill.nlu.router import Decision, Route, Router, Step

DETAIL: Final = "an activity the guide has a rule for"  # the route's detail (--explain)


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

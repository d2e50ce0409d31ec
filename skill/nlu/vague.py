"""A vague question: two topics about as likely ("can I do exercises": the activity
rules, or physical therapy?). With no topic in the session to read it in, asking back
one short question beats guessing.

The router answers its best candidate unless two are a coin toss (skill.nlu.router
MARGIN): one-shot, that is its best bet. In a conversation the skill can ask back, and
does when the best two topics are within CLOSE of each other and either

- the question's domain evidence does not tell them apart (the same words are the
  evidence for both: "exercises" of activity and of therapy), or
- its words match a follow-up form better than any topic ("how long does it all
  take"): it names no point of its own, unless its words are the evidence of the first
  topic and none of the second's ("how many weeks does the 10-pound rule hold"; the
  units it asks in and the words framing it, "how long does it take", are no topic's
  evidence).

A question said after a preamble ("och, how long does it all take?", "I forget
things, how long does this whole business take") is read so too: its last clause, when
that clause asks and the clauses before it name no topic, is the question.

Never for a reported symptom (it is answered first) or a question about a symptom,
never when an urgent topic is one of the two.

A reply to the question asked back that names neither topic nor place ("what to
expect", after "pain after surgery or pain medicine?") is the topic whose samples match
it better (``nearer``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from skill.nlu import clauses
from skill.nlu.facets import frames
from skill.nlu.normalize import normalize
from skill.nlu.router import FALLBACK, MIN_SCORE, WHOLE_MATCH, Router, Step

# Two topics this close are asked back. Swept on tests/cases/dev one-shot (a right
# answer turned into a question loses a turn, a wrong one turned into a question saves
# one): under 10 the rule asks back 5 questions there, 4 of them answered wrong by the
# router; at 15 it asks back 8, half of them answered right.
CLOSE: Final = 10.0
# How many ranked candidates to look through: the router's own view.
CANDIDATES: Final = 10
# Sample forms that name no topic: a follow-up on whatever was said before.
FOLLOW_UP_FORMS: Final = frozenset({"FollowUpIntent", "FollowUpDetailIntent"})
# The units a follow-up form asks in ("how many months is it"): like the words that frame
# a question ("how long does it take", skill.nlu.facets), evidence of no topic.
UNITS: Final = frozenset({
    "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years"})


def close_topics(router: Router, text: str, topics: Collection[str]) -> tuple[str, str] | None:
    """The two likeliest topics of ``text``, or of the question it asks after a
    preamble, when its words do not pick one (rules above), else None."""
    found = _close(router, text, topics)
    if found is not None or router.explain(text).findings:
        return found
    asked = after_preamble(router, text, topics)
    return _close(router, asked, topics) if asked is not None else None


def after_preamble(router: Router, text: str, topics: Collection[str]) -> str | None:
    """The last clause of ``text`` when it asks a question and the clauses before it
    name no topic (their words are no topic's evidence), else None."""
    said = clauses.split(text)
    if len(said) < 2 or not said[-1].topical:
        return None
    for clause in said[:-1]:
        words = router.index.evidence_words(normalize(clause.text, router.lexicon))
        if not router.gate.intents_with_evidence(words).isdisjoint(topics):
            return None
    return said[-1].text


def _naming(evidence: frozenset[str]) -> bool:
    """Whether ``evidence`` holds a word naming a topic: no unit, no word of a frame."""
    return any(word not in UNITS and not frames(word) for word in evidence)


def _close(router: Router, text: str, topics: Collection[str]) -> tuple[str, str] | None:
    explained = router.explain(text, CANDIDATES)
    found, ranked = explained.route, explained.candidates
    if (explained.findings or found.rule is None or found.rule.step is not Step.NEAREST
            or found.intent not in topics or not ranked):
        return None
    words = router.index.evidence_words(explained.normalized)
    if ranked[0].intent in FOLLOW_UP_FORMS:
        contenders = [c for c in ranked if c.intent in topics]
    else:
        evidenced = router.gate.intents_with_evidence(words)
        contenders = [c for c in ranked if c.intent in topics
                      and (c.intent in evidenced or c.score >= WHOLE_MATCH)]
    if len(contenders) < 2 or contenders[0].intent != found.intent:
        return None
    first, second = contenders[0].intent, contenders[1].intent
    if (found.score - contenders[1].score >= CLOSE or second in router.urgent
            or first in router.urgent):
        return None
    evidence = router.gate.evidence_of(first, words), router.gate.evidence_of(second, words)
    if evidence[0] != evidence[1] and (ranked[0].intent not in FOLLOW_UP_FORMS
                                       or (_naming(evidence[0]) and not evidence[1])):
        return None
    return first, second


def nearer(router: Router, text: str, choice: Collection[str]) -> str | None:
    """Of the two topics asked back between, the one a reply naming neither asks about:
    its samples match the reply at the router's MIN_SCORE and by CLOSE better than the
    other's, and the router takes the reply for no follow-up form or built-in move
    ("what about for my wife" is no choice; a declined reply may be one); else None."""
    explained = router.explain(text, CANDIDATES)
    moves = FOLLOW_UP_FORMS | (router.conversation - {FALLBACK})
    if len(choice) != 2 or explained.findings or explained.route.intent in moves:
        return None
    scores = {c.intent: c.score for c in explained.candidates}
    first, second = sorted(choice, key=lambda topic: scores.get(topic, 0.0), reverse=True)
    best = scores.get(first, 0.0)
    return first if best >= MIN_SCORE and best - scores.get(second, 0.0) >= CLOSE else None

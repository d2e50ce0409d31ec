"""A long question tied to the recovery, declined for its score alone.

The scorer's score falls with a question's length: the story around a question ("I'd
tried the shots and the exercises and the pills, oh, for ages, and I'm just curious, do
they always make you try all that before they'll operate?") explains little of any
sample, even with the best run of words (skill.nlu.scoring's window). Such a question is
taken at LIMITS' lower minimum score when all of these hold:

- every step of the router declined it for its score (below the minimum), nothing else;
- it is long: at least LONG_WORDS words once normalized (fillers out);
- it names one of the lexicon's ``anchors`` (surgery, fusion, incision, recovery...),
  the words that tie a question to this recovery, so chatter of the same length that
  shares a word with a topic ("my back is killing me from gardening all weekend") is
  still declined;
- its best candidate has evidence of its own topic beyond the small words
  (skill.nlu.scoring's STOPWORDS), and leads the next by LIMITS' wider margin;
- that candidate is no urgent intent and no symptom's that was denied or asked about
  (skill.nlu.calm): a lower score never makes a report.

Everything after the decision is unchanged: another operation or someone else's symptom
(skill.nlu.elsewhere) is still declined.
"""

from __future__ import annotations

from typing import Final, Protocol

from skill.nlu import calm
from skill.nlu.gate import DomainGate
from skill.nlu.lexicon import Lexicon
from skill.nlu.route import Route, Step
from skill.nlu.safety import Finding
from skill.nlu.scoring import STOPWORDS, SampleIndex
from skill.nlu.thresholds import Thresholds

# The words a question needs, normalized, to be read as long, and the thresholds it is
# then taken at. On dev (2026-11-27) these answer 10 questions declined before and move
# 2 to another topic, and answer none of the dev everyday lines; on the router's
# candidates, 14 words took more everyday lines for no more questions, 16 one question
# fewer, a minimum of 36 no more questions, 40 one fewer.
LONG_WORDS: Final = 15
LIMITS: Final = Thresholds(min_score=38.0, margin=3.0)



class Reading(Protocol):
    """What the router lends: its gate, its samples' index, its lexicon, its urgent
    intents and its choice of the nearest candidate at given thresholds."""

    gate: DomainGate
    index: SampleIndex
    lexicon: Lexicon
    urgent: frozenset[str]

    def nearest(self, ranked: list[Route], slots: dict[str, str], evidenced: frozenset[str],
                limits: Thresholds = ...) -> Route: ...


def at_length(router: Reading, route: Route, ranked: list[Route], found: list[Finding],
              slots: dict[str, str], evidenced: frozenset[str], normalized: str) -> Route:
    """``route``, the router's choice, or the nearest candidate at LIMITS for a long
    question tied to the recovery that it declined for its score alone (module doc)."""
    words = normalized.split()
    if route.rule is None or route.rule.step is not Step.BELOW_THRESHOLD \
            or len(words) < LONG_WORDS or router.lexicon.anchors.isdisjoint(words):
        return route
    said = router.index.evidence_words(normalized)
    topical = frozenset(i for i in evidenced - router.urgent - calm.excluded(found)
                        if router.gate.evidence_of(i, said) - STOPWORDS)
    longer = router.nearest(ranked, slots, topical, LIMITS)
    return longer if longer.rule is not None and longer.rule.step is Step.NEAREST else route

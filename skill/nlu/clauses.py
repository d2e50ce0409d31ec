"""A question told with a story: score its clauses one by one when the whole declines
(a report told after a question is read apart by skill.nlu.told).

"What are the risks for my father, he's seventy-eight and nervous about it": the words
around the question ("seventy-eight", "nervous") are unknown to every sample and weigh
the whole question down below the router's floor, though one clause asks plainly. When
the whole question would be declined, each clause written apart (by the punctuation a
typed question or a transcript carries) is scored on its own, at CLAUSE_SHARE of its
score, and the router decides again over the whole question's candidates and these.

A clause counts only for a topic it names itself (its own domain evidence: "is that
normal" names none) and only when it asks ("can he still have this surgery", not "the
doctor says it's growing pains"), and a conversation move only in the first clause ("say
that again, I was writing it down", never "..., is that okay?"); an acknowledgement there
("alright", "ok") is an aside when a later clause asks about a topic: "alright. how long
before I'm back to my bridge club" is a question, not a yes. Urgent intents are never
read from one clause: the safety layer reads the whole report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Final, Protocol

from skill.nlu.thresholds import WHOLE_MATCH

# Clause ends: the punctuation of a typed question, a dash set apart by spaces.
_BREAK: Final = re.compile(r"([.,;:?!]+|\s[-\u2013\u2014]\s)")
# A clause asks when it ends on a question mark or opens (after small talk) with a
# question word or an auxiliary verb put first: "can he still have this surgery", not
# "the doctor says growing pains". The closed classes of English grammar.
QUESTION_WORDS: Final = frozenset(
    "what whats what's when where which who whom whose why how is isnt isn't are arent "
    "aren't am was were do does did dont don't doesnt doesn't can cant can't could "
    "should would will wont won't may might must shall have has".split())
OPENERS: Final = frozenset("um uh er oh so and but well like okay ok then now also".split())
# A clause's score counts at this share of a whole question's. On tests/cases/dev,
# 0.9 to 1.0 give the same accuracy (87.2 %) and 0.85 half a point less; 1.0 declines
# 0.3 points less of the everyday lines, so the middle of the flat stretch is kept.
CLAUSE_SHARE: Final = 0.9
# A first clause longer than this is not read for a conversation move: the built-in
# intents' longest sample has 7 words, and a longer clause stays under the router's
# conversation score. Reading it costs time and changed no route of the 3,651 dev, test
# and blind texts.
MOVE_WORDS: Final = 8


class Reading(Protocol):
    """What the router sees in one clause; it may work each part out only when asked."""

    @property
    def candidates(self) -> list[tuple[str, float]]:
        """Ranked (intent, score)."""

    @property
    def evidenced(self) -> frozenset[str]:
        """The intents it names (their domain evidence)."""

    @property
    def reach(self) -> frozenset[str]:
        """The intents its candidates can be among (all of them, or more)."""

    @property
    def may_be_whole(self) -> bool:
        """False only when no candidate can reach WHOLE_MATCH (True when unsure)."""


@dataclass(frozen=True)
class ClauseView:
    """A Reading worked out already: its candidates and the intents it names."""

    candidates: list[tuple[str, float]]
    evidenced: frozenset[str]

    @property
    def reach(self) -> frozenset[str]:
        return frozenset(intent for intent, _ in self.candidates)

    @property
    def may_be_whole(self) -> bool:
        return True  # ranked already: _whole reads the candidates


@dataclass(frozen=True)
class Clause:
    text: str
    asks: bool

    @property
    def size(self) -> int:
        return len(self.text.split())

    @property
    def topical(self) -> bool:
        """Whether a topic may be read from it: it asks, in two words or more."""
        return self.asks and self.size >= 2


def split(text: str) -> list[Clause]:
    """The clauses of ``text`` with any words in them, in order."""
    pieces = _BREAK.split(text)
    found = []
    for index in range(0, len(pieces), 2):
        words = pieces[index].lower().split()
        if not words:
            continue
        end = pieces[index + 1] if index + 1 < len(pieces) else ""
        opening = next((w for w in words if w not in OPENERS), "")
        found.append(Clause(pieces[index].strip(), "?" in end or opening in QUESTION_WORDS))
    return found


def scores(
    text: str, view: Callable[[str], Reading], first_only: Collection[str],
    never: Collection[str], asides: Collection[str] = (),
) -> dict[str, float]:
    """Best share of a clause's score per intent, over the clauses of ``text`` (none for
    a single clause). ``first_only``: intents read only from the first clause (the
    conversation moves and the forms that name no topic); ``never``: intents never read
    from one clause; ``asides``: the moves that only acknowledge ("alright", "ok"), not
    read before a later clause that asks about a topic."""
    parts = split(text)
    if len(parts) < 2:
        return {}
    # nothing in the others could count: they are not looked at
    read = [(number, clause) for number, clause in enumerate(parts)
            if clause.topical or (number == 0 and clause.size <= MOVE_WORDS)]
    seen = {clause.text: view(clause.text) for _, clause in read}
    best: dict[str, float] = {}
    for number, clause in read:
        for intent, score in _counted(seen[clause.text], number, clause, first_only, never):
            best[intent] = max(best.get(intent, 0.0), CLAUSE_SHARE * score)
    if not best.keys().isdisjoint(asides) and any(
            later.candidates and later.candidates[0][0] not in first_only
            for later in (seen[clause.text] for number, clause in read if number > 0)):
        return {intent: score for intent, score in best.items() if intent not in asides}
    return best


def _counted(
    seen: Reading, number: int, clause: Clause, first_only: Collection[str],
    never: Collection[str],
) -> Iterable[tuple[str, float]]:
    # Ranking a clause is the dear part: skipped when no intent it can reach could count.
    reach = seen.reach.difference(never)
    if not ((number == 0 and not reach.isdisjoint(first_only))
            or (clause.topical and not reach.isdisjoint(seen.evidenced))
            or (clause.topical and _whole(seen))):
        return
    for intent, score in seen.candidates:
        if intent in never:
            continue
        if intent in first_only:
            if number == 0:
                yield intent, score
        elif clause.topical and (intent in seen.evidenced or score >= WHOLE_MATCH):
            yield intent, score


def _whole(seen: Reading) -> bool:
    """Whether the clause is a near-whole match of a sample: evidence enough, as for a
    whole question (skill.nlu.gate). Ranking the clause is skipped when its words
    cannot explain enough of any sample (``may_be_whole``)."""
    return seen.may_be_whole and any(score >= WHOLE_MATCH for _, score in seen.candidates[:1])

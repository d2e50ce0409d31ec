"""The router's view of one clause of a declined question (skill.nlu.clauses), each
part worked out only when the clause pass asks for it.

The clause is normalized and its slots stood in by placeholders once; from that text
come the intents it names (the domain gate), the intents it can reach at all (those with
a sample sharing a word with it: a cheap look at the inverted index) and, only for a
clause where a reachable intent could count, its ranked candidates (the full scoring,
the dearest part). A clause whose words cannot explain enough of any sample to match
one nearly whole (``may_be_whole``, an upper bound from the same look-up) is not ranked
only to learn that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Final

from skill.nlu import readings, scoring
from skill.nlu.gate import DomainGate
from skill.nlu.lexicon import Lexicon
from skill.nlu.normalize import normalize
from skill.nlu.scoring import SampleIndex
from skill.nlu.slots import SlotVocabulary, extract
from skill.nlu.thresholds import WHOLE_MATCH

# Vocabulary words kept with the intents whose samples hold them: room for all of them
# (the samples' vocabulary has about a thousand words).
WORDS_KEPT: Final = 2048
# The overlap a score of WHOLE_MATCH needs (the string similarity at most 100), and the
# recall that overlap needs: scoring's F-beta is below (1 + beta^2) / beta^2 times the
# recall, however high the precision. Less a point of slack for the scorer's float32
# sums and rounding, as a bound must never be the one to say no.
WHOLE_OVERLAP: Final = (WHOLE_MATCH - 100.0 * scoring.STRING_SHARE) / (1 - scoring.STRING_SHARE)
WHOLE_RECALL: Final = (WHOLE_OVERLAP - 1.0) / 100.0 * scoring.BETA**2 / (1 + scoring.BETA**2)


class ClauseReader:
    """Makes the view of a clause; built once per router."""

    def __init__(
        self, index: SampleIndex, labels: list[str], gate: DomainGate, lexicon: Lexicon,
        vocabulary: SlotVocabulary, reader: readings.Reader,
        rank: Callable[[str], list[tuple[str, float]]],
    ) -> None:
        """``labels``: the intent of each of the index's samples; ``rank``: text with
        placeholders -> ranked (intent, score) candidates."""
        self.index, self.labels, self.gate, self.rank = index, labels, gate, rank
        self.lexicon, self.vocabulary, self.reader = lexicon, vocabulary, reader
        self.intents_holding = lru_cache(maxsize=WORDS_KEPT)(self._intents_holding)

    def __call__(self, clause: str) -> LazyReading:
        return LazyReading(self, clause)

    def _intents_holding(self, word: str) -> frozenset[str]:
        """The intents with a sample holding the vocabulary word ``word``."""
        held = self.index.columns[self.index.row_of[word]]
        return frozenset(self.labels[i] for i in held.tolist())


@dataclass
class LazyReading:
    """One clause as the router reads it (a skill.nlu.clauses.Reading)."""

    by: ClauseReader
    clause: str

    @cached_property
    def _forms(self) -> tuple[str, str]:
        """The clause normalized, and that with its slot values as placeholders."""
        normalized = normalize(self.clause, self.by.lexicon)
        return normalized, extract(normalized, self.by.vocabulary, reader=self.by.reader)[0]

    @cached_property
    def evidenced(self) -> frozenset[str]:
        normalized, cleaned = self._forms
        said = " ".join(dict.fromkeys(f"{normalized} {cleaned}".split()))
        return self.by.gate.intents_with_evidence(self.by.index.evidence_words(said))

    @cached_property
    def reach(self) -> frozenset[str]:
        cleaned = self._forms[1]
        words, found = self.by.index.matched(cleaned)
        if not words:
            return frozenset(self.by.labels[i] for i in self.by.index.exact.get(cleaned, ()))
        return frozenset().union(*(self.by.intents_holding(vocabulary_word)
                                   for matches in found for vocabulary_word, _ in matches))

    @cached_property
    def candidates(self) -> list[tuple[str, float]]:
        return self.by.rank(self._forms[1])

    @property
    def may_be_whole(self) -> bool:
        """False when no sample can score WHOLE_MATCH: its recall (the share of the
        clause's word weights it explains, or WINDOW_SHARE of a run's) stays below
        WHOLE_RECALL even were every word's best match in it."""
        return recall_bound(self.by.index, self._forms[1]) >= WHOLE_RECALL


def recall_bound(index: SampleIndex, text: str) -> float:
    """The most recall any sample can have for ``text`` (skill.nlu.scoring.scores): each
    word explains at most its weight times its best match's similarity."""
    words, found = index.matched(text)
    if not words:
        return 1.0  # scored as an exact match or not at all
    weights = [index.idf[matches[0][0]] if matches else index.unknown_weight
               for matches in found]
    explained = [w * matches[0][1] if matches else 0.0
                 for w, matches in zip(weights, found, strict=True)]
    best = sum(explained) / sum(weights)
    size = scoring.WINDOW
    if len(words) > size:
        best = max(best, scoring.WINDOW_SHARE * max(
            sum(explained[i:i + size]) / sum(weights[i:i + size])
            for i in range(len(words) - size + 1)))
    return best

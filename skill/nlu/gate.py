"""The domain gate: an answer needs evidence from the domain, not overlap in small words.

Each intent file lists its ``domain:`` evidence: entries of one or more words, every word
of an entry present somewhere in the question (after normalization and slot reading),
``word*`` matching the word's forms ("walk*" meets "walking", "walker"). "What time is
it" shares words with "how much time until I'm back to normal" but names no recovery
topic, so it is declined; "can I vacuum" passes where "vacuum the basement" does not.
Intents without a list (the built-in conversation intents) have no evidence: the
router takes only a near-whole match of their samples.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Final

from skill.content.spec import IntentSpec

STEM: str = "*"
# Words whose places in the terms are kept once looked up: far more than a day's
# questions use (the samples have about a thousand).
WORDS_KEPT: Final = 4096
# (intent, term number) of a place (intent, term number, word position) in a term
_TERM_OF: Final = itemgetter(0, 1)


@dataclass(frozen=True)
class Term:
    """One piece of evidence: all of its words, in any order."""

    words: tuple[str, ...]  # a trailing "*" marks a stem

    def found_in(self, words: frozenset[str]) -> bool:
        return all(_present(w, words) for w in self.words)


def _present(term_word: str, words: frozenset[str]) -> bool:
    if not term_word.endswith(STEM):
        return term_word in words
    stem = term_word[:-1]
    return any(w.startswith(stem) for w in words)


class DomainGate:
    """Per-intent domain evidence, normalized like the samples, indexed by word."""

    def __init__(
        self, intents: Iterable[IntentSpec], normalize: Callable[[str], str],
        more: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """``more``: further evidence entries by intent (its answer's facet phrases)."""
        self.terms: dict[str, tuple[Term, ...]] = {}
        # term word (or stem, without its "*") -> the (intent, term, position) it fills
        self._exact: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        self._stems: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for spec in intents:
            entries = (*spec.domain, *(more or {}).get(spec.name, ()))
            if not entries:
                continue
            self.terms[spec.name] = tuple(_term(entry, normalize) for entry in entries)
            for number, term in enumerate(self.terms[spec.name]):
                for position, word in enumerate(term.words):
                    if word.endswith(STEM):
                        self._stems[word[:-1]].append((spec.name, number, position))
                    else:
                        self._exact[word].append((spec.name, number, position))
        # The lengths stems come in: a word's other beginnings name no stem.
        self._stem_lengths = sorted({len(stem) for stem in self._stems})
        # (intent, term number) -> how many words the term has
        self._length = {(intent, number): len(term.words)
                        for intent, terms in self.terms.items()
                        for number, term in enumerate(terms)}
        self._filled_by = lru_cache(maxsize=WORDS_KEPT)(self._word_fills)

    def intents_with_evidence(self, words: frozenset[str]) -> frozenset[str]:
        """Intents one of whose terms is found among ``words``: one pass over the words."""
        found: set[str] = set()
        filled: set[tuple[str, int, int]] = set()
        for whole, parts in map(self._filled_by, words):
            if whole:
                found |= whole
            if parts:
                filled.update(parts)
        count = Counter(map(_TERM_OF, filled))
        return frozenset(found).union(
            term[0] for term, n in count.items() if n == self._length[term]
        )

    def _word_fills(self, word: str) -> tuple[frozenset[str], tuple[tuple[str, int, int], ...]]:
        """What ``word`` fills: the intents of the one-word terms it is (found outright),
        and the places it takes in longer terms (found once all their words are)."""
        places = list(self._exact.get(word, ()))
        for end in self._stem_lengths:
            if end > len(word):
                break
            places += self._stems.get(word[:end], ())
        single = [len(self.terms[intent][number].words) == 1 for intent, number, _ in places]
        return (frozenset(p[0] for p, one in zip(places, single, strict=True) if one),
                tuple(p for p, one in zip(places, single, strict=True) if not one))

    def positions(self, intent: str, words: list[str]) -> list[int]:
        """Where a word of one of the intent's terms stands in ``words``."""
        parts = {w for t in self.terms.get(intent, ()) for w in t.words}
        return [i for i, word in enumerate(words) if _present_word(word, parts)]

    def evidence(self, intent: str, words: frozenset[str]) -> Term | None:
        """The first of the intent's terms found among ``words`` (for explanations)."""
        return next((t for t in self.terms.get(intent, ()) if t.found_in(words)), None)

    def evidence_of(self, intent: str, words: frozenset[str]) -> frozenset[str]:
        """The words among ``words`` that fill the intent's terms found there: what the
        question says for this intent."""
        return frozenset(w for t in self.terms.get(intent, ()) if t.found_in(words)
                         for w in words if any(_present(tw, frozenset((w,))) for tw in t.words))


def _present_word(word: str, parts: set[str]) -> bool:
    return word in parts or any(p.endswith(STEM) and word.startswith(p[:-1]) for p in parts)


def _term(entry: str, normalize: Callable[[str], str]) -> Term:
    """An entry in its normalized form; stems keep their "*" where the words line up."""
    raw = entry.lower().split()
    words = (normalize(" ".join(w.rstrip(STEM) for w in raw)) or entry.lower()).split()
    if len(words) == len(raw):
        words = [w + STEM if r.endswith(STEM) else w for w, r in zip(words, raw, strict=True)]
    return Term(tuple(words))

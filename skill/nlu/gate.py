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
from typing import Final

from skill.content import answers
from skill.content.spec import Content, IntentSpec
from skill.nlu import facets

STEM: str = "*"
# Words whose places in the terms are kept once looked up: far more than a day's
# questions use (the samples have about a thousand).
WORDS_KEPT: Final = 4096


@dataclass(frozen=True)
class Term:
    """One piece of evidence: all of its words, in any order."""

    words: tuple[str, ...]  # a trailing "*" marks a stem

    def found_in(self, words: frozenset[str]) -> bool:
        return all(_present(w, words) for w in self.words)

    def filled_by(self, words: frozenset[str]) -> frozenset[str]:
        """The words among ``words`` that fill one of this term's words."""
        return frozenset(w for w in words if any(_fills(t, w) for t in self.words))


def _fills(term_word: str, word: str) -> bool:
    """Whether ``word`` fills ``term_word`` (a stem's forms fill it): ``_present`` for one
    word, with no set to build."""
    if term_word.endswith(STEM):
        return word.startswith(term_word[:-1])
    return term_word == word


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
        for spec in intents:
            entries = (*spec.domain, *(more or {}).get(spec.name, ()))
            if entries:
                self.terms[spec.name] = tuple(_term(entry, normalize) for entry in entries)
        # How many terms hold each term word: a longer term is looked up by its rarest
        # word (its anchor), and checked whole only when a question has that word.
        held = Counter(w for terms in self.terms.values() for t in terms for w in set(t.words))
        # term word (or stem, without its "*") -> the intents of the one-word terms it is,
        # and the longer terms it anchors
        self._exact: dict[str, tuple[set[str], list[tuple[str, Term]]]] = defaultdict(_slot)
        self._stems: dict[str, tuple[set[str], list[tuple[str, Term]]]] = defaultdict(_slot)
        for intent, terms in self.terms.items():
            for term in terms:
                anchor = min(term.words, key=held.__getitem__)
                index = self._stems if anchor.endswith(STEM) else self._exact
                ones, longer = index[anchor.removesuffix(STEM)]
                if len(term.words) == 1:
                    ones.add(intent)
                else:
                    longer.append((intent, term))
        # The lengths stems come in: a word's other beginnings name no stem.
        self._stem_lengths = sorted({len(stem) for stem in self._stems})
        self._filled_by = lru_cache(maxsize=WORDS_KEPT)(self._word_fills)

    def intents_with_evidence(self, words: frozenset[str]) -> frozenset[str]:
        """Intents one of whose terms is found among ``words``: one pass over the words,
        then the longer terms anchored by one of them checked whole."""
        found: set[str] = set()
        anchored: set[tuple[str, Term]] = set()
        for ones, longer in map(self._filled_by, words):
            if ones:
                found |= ones
            if longer:
                anchored.update(longer)
        found.update(intent for intent, term in anchored
                     if intent not in found and term.found_in(words))
        return frozenset(found)

    def _word_fills(self, word: str) -> tuple[frozenset[str], tuple[tuple[str, Term], ...]]:
        """What ``word`` fills: the intents of the one-word terms it is (found outright),
        and the longer terms it anchors (found once all their words are)."""
        slots = [self._exact[word]] if word in self._exact else []
        for end in self._stem_lengths:
            if end > len(word):
                break
            if word[:end] in self._stems:
                slots.append(self._stems[word[:end]])
        return (frozenset(i for ones, _ in slots for i in ones),
                tuple(t for _, longer in slots for t in longer))

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
                         for w in words if any(_fills(tw, w) for tw in t.words))


def _slot() -> tuple[set[str], list[tuple[str, Term]]]:
    return set(), []


def _present_word(word: str, parts: set[str]) -> bool:
    return word in parts or any(p.endswith(STEM) and word.startswith(p[:-1]) for p in parts)


def _term(entry: str, normalize: Callable[[str], str]) -> Term:
    """An entry in its normalized form; stems keep their "*" where the words line up."""
    raw = entry.lower().split()
    words = (normalize(" ".join(w.rstrip(STEM) for w in raw)) or entry.lower()).split()
    if len(words) == len(raw):
        words = [w + STEM if r.endswith(STEM) else w for w, r in zip(words, raw, strict=True)]
    return Term(tuple(words))


def facet_evidence(content: Content) -> dict[str, tuple[str, ...]]:
    """Each intent's facet phrases long enough to move a question (skill.nlu.facets):
    they name its topic, so they are domain evidence as well ("is it permanent" is
    fusion healing). A phrase that only frames a question ("how much time", "do i
    need") names no topic: "how much time is left on the timer" is not about sitting."""
    parsed = answers.of(content)
    return {
        spec.name: tuple(
            w for words in facets.naming_words(parsed[spec.answer]).values()
            for w in words if len(w.split()) >= facets.REDIRECT_WORDS)
        for spec in content.intents if spec.answer is not None and spec.answer in parsed
    }

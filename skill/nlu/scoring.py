"""Score a question against every sample: weighted word overlap, fuzzy per word.

For each sample, how much of the *question* it explains (recall) and how much of the
*sample* the question contains (precision), each word weighted by how rare it is
across the samples (IDF), words matched fuzzily with rapidfuzz so "walkin" meets
"walking". The score is their harmonic mean, 0-100. Unknown words in a question
weigh like the rarest known word, so "play some music" explains little and declines.

A word-by-sample matrix (numpy) keeps this well under a millisecond: a question
touches only the rows of its own words.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

import numpy as np
from rapidfuzz import fuzz, process

# Words that say nothing about the topic; left out of both sides.
STOPWORDS: Final = frozenset(
    "i me my a an the to is am are be been it its of and or for in on at do does did can "
    "could should would will shall this that these those with so if there just any some "
    "get got you your we our us was were have has had".split()
)
# Fuzzy word matches below this (rapidfuzz ratio, 0-100) are different words. 80 joins
# "walkin"/"walking" and "sposed"/"supposed" but keeps "sit"/"site" apart (short words
# must match exactly).
WORD_MATCH: Final = 80.0
MIN_FUZZY_LEN: Final = 5
# A fuzzy match counts as domain evidence (skill.nlu.gate) only for longer words:
# five letters one edit apart are often two everyday words ("pause", "purse").
MIN_EVIDENCE_LEN: Final = 6
EVIDENCE_MATCH: Final = 0.88  # "incission" is incision; "activate" is not "active"
# How much the sample side counts against the question side (F-beta: below 1 favours
# samples wholly inside the question, above 1 questions wholly inside a sample). A sweep
# on tests/cases put 0.6-1.0 within half a point of accuracy; 1.0 weighs both alike.
BETA: Final = 1.0
# A slot placeholder ("{topic}", "{temperature}") stands for a whole phrase the
# vocabulary recognized, so it counts for more than one ordinary word.
PLACEHOLDER_WEIGHT: Final = 2.0
# Share of the final score taken from whole-string similarity (word order, small
# words) of the best samples; the rest is the weighted word overlap. 0.25-0.4 do alike.
STRING_SHARE: Final = 0.3
RERANK: Final = 30
# Scores are rounded to this many decimals: the sample matrix is float32 (about seven
# significant digits), and a whole match (skill.nlu.router's WHOLE_MATCH, 90) must not
# fall to 89.999998 because samples added elsewhere moved the weights.
DIGITS: Final = 4
# Words the samples never use weigh this many times the rarest known word: a question
# made mostly of them ("how far away is the moon") is not about recovery. The dev choice
# of bench/sweep.py, with the router's thresholds.
UNKNOWN_FACTOR: Final = 2.0


# A long roundabout question ("my son drives me to church, about an hour, can I sit in
# the car that long") is scored on its best run of WINDOW content words as well, at
# WINDOW_SHARE of that run's recall: the context around the question costs less. On dev
# (bench/sweep.py at its best thresholds) windows of 3-6 and shares of 0.8-1.0 cost
# within 0.01 of each other; 5 and 0.9 sit in the middle.
WINDOW: Final = 5
WINDOW_SHARE: Final = 0.9


def _window_recall(parts: list[np.ndarray | None], weights: list[float]) -> np.ndarray:
    """Per sample, the best share of any WINDOW consecutive words it explains.

    The window slides one word at a time (add the word entering, take away the one
    leaving). The parts are float32 products of a weight and a similarity, a few
    orders of magnitude apart at most, so float64 holds each window's sum exactly
    and sliding gives the same sums as adding up every window afresh."""
    size = next(p.size for p in parts if p is not None)
    mass = np.cumsum([0.0, *weights])
    spans = mass[WINDOW:] - mass[:-WINDOW]
    zero = np.zeros(size)
    rows = [zero if part is None else part.astype(np.float64) for part in parts]
    explained = np.sum(rows[:WINDOW], axis=0)
    best: np.ndarray = explained / spans[0]
    for start in range(1, len(rows) - WINDOW + 1):
        explained += rows[start + WINDOW - 1]
        explained -= rows[start - 1]
        np.maximum(best, explained / spans[start], out=best)
    return best


class SampleIndex:
    """Normalized samples with IDF weights and an inverted word index."""

    def __init__(
        self, samples: Sequence[str], unknown_factor: float = UNKNOWN_FACTOR,
        whole: Sequence[bool] = (),
    ) -> None:
        """``whole``: per sample, True to score it on the whole question only (no
        WINDOW runs): the urgent intents, whose reports the safety layer reads whole."""
        self.samples = list(samples)
        self.whole = tuple(whole)
        self.windowed = ~np.array(whole, dtype=bool) if whole else np.ones(len(samples), bool)
        self.words: list[list[str]] = [
            [w for w in dict.fromkeys(s.split()) if w not in STOPWORDS] for s in self.samples
        ]
        df: dict[str, int] = defaultdict(int)
        for words in self.words:
            for w in words:
                df[w] += 1
        total = max(len(self.samples), 1)
        self.idf = {
            w: math.log((total + 1) / (n + 0.5)) * (PLACEHOLDER_WEIGHT if w[0] == "{" else 1.0)
            for w, n in df.items()
        }
        self.known = STOPWORDS | set(self.idf)  # words join_split_words leaves alone
        self.unknown_weight = unknown_factor * max(self.idf.values(), default=1.0)
        self.mass = np.array([sum(self.idf[w] for w in words) for words in self.words] or [0.0])
        self.mass[self.mass == 0] = 1.0
        self.vocabulary = sorted(self.idf)
        row_of = {w: i for i, w in enumerate(self.vocabulary)}
        # rows[word] is 1.0 where the sample has the word: one row per vocabulary word.
        self.rows = np.zeros((len(self.vocabulary), len(self.samples)), dtype=np.float32)
        for index, words in enumerate(self.words):
            for w in words:
                self.rows[row_of[w], index] = 1.0
        self.row_of = row_of
        # columns[row]: the samples holding that vocabulary word (a row's nonzero places)
        self.columns = [np.flatnonzero(row) for row in self.rows]
        # Each sample's words sorted, as fuzz.token_sort_ratio compares them: sorted once
        # here, not again for every question.
        self.sorted_samples = [_sorted_tokens(sample) for sample in self.samples]
        self.exact: dict[str, list[int]] = defaultdict(list)
        for index, sample in enumerate(self.samples):
            self.exact[sample].append(index)
        self._matches = lru_cache(maxsize=4096)(self._word_matches)
        self._near = lru_cache(maxsize=64)(self._near_length)

    def _near_length(self, length: int) -> list[str]:
        """The vocabulary words (in vocabulary order) long enough and short enough to
        reach WORD_MATCH with a word of ``length`` letters: fuzz.ratio counts the letters
        two words share, at most the shorter one's, against both lengths, so two words
        reach it only when 2 * shorter >= WORD_MATCH / 100 * (both lengths). A point of
        slack keeps a ratio rounded either way at the boundary; rapidfuzz decides."""
        return [w for w in self.vocabulary
                if 200.0 * min(len(w), length) >= (WORD_MATCH - 1.0) * (len(w) + length)]

    def _word_matches(self, word: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary words that ``word`` stands for, with similarity 0-1."""
        if word in self.idf:
            return ((word, 1.0),)
        if len(word) < MIN_FUZZY_LEN:
            return ()
        found = process.extract(
            word, self._near(len(word)), scorer=fuzz.ratio, score_cutoff=WORD_MATCH, limit=3
        )
        return tuple((w, score / 100.0) for w, score, _ in found if len(w) >= MIN_FUZZY_LEN - 1)

    def join_split_words(self, words: list[str]) -> list[str]:
        """'the rapy' -> 'therapy': speech recognizers split long words they don't know.

        Two neighbours join when one of them is not a known word and together they
        are one ("the rapy"), or when neither is known and together they fuzzily match
        one ("physi cal")."""
        strange = [w not in self.known for w in words]
        out: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words) and (strange[i] or strange[i + 1]):
                first, second = words[i], words[i + 1]
                joined = first + second
                if joined in self.idf:
                    out.append(joined)
                    i += 2
                    continue
                if strange[i] and strange[i + 1]:
                    matches = self._matches(joined)
                    if matches and first[0] != "{":
                        out.append(matches[0][0])
                        i += 2
                        continue
            out.append(words[i])
            i += 1
        return out

    def evidence_words(self, text: str) -> frozenset[str]:
        """The words of ``text`` and the sample words they fuzzily stand for."""
        words = self.join_split_words(text.split())
        fuzzy = (
            m
            for w in words
            if len(w) >= MIN_EVIDENCE_LEN
            for m, sim in self._matches(w)
            if sim >= EVIDENCE_MATCH
        )
        return frozenset(words).union(fuzzy)

    def scores(self, text: str) -> dict[int, float]:
        """Score (0-100) of every sample sharing a word with ``text``."""
        words = [
            w for w in dict.fromkeys(self.join_split_words(text.split())) if w not in STOPWORDS
        ]
        if not words:  # only small words ("that is it"): nothing to weigh, exact or nothing
            return {i: 100.0 for i in self.exact.get(text, ())}
        weights: list[float] = []
        found: list[tuple[tuple[str, float], ...]] = []
        for word in words:
            matches = self._matches(word)
            weights.append(self.idf[matches[0][0]] if matches else self.unknown_weight)
            found.append(matches)
        hit = {w: self.row_of[w] for matches in found for w, _ in matches}
        if not hit:
            return {}
        # Only the samples sharing a word (the touched columns) can score: every sum
        # below runs over those columns alone, in the same order as over all samples.
        mask = np.zeros(len(self.samples), dtype=bool)
        for row in hit.values():
            mask[self.columns[row]] = True
        touched = np.flatnonzero(mask)
        rows = {w: self.rows[row].take(touched) for w, row in hit.items()}
        parts: list[np.ndarray | None] = []  # each word's share of each sample, weighted
        covered = np.zeros(touched.size, dtype=np.float64)
        for weight, matches in zip(weights, found, strict=True):
            if not matches:
                parts.append(None)
                continue
            # A word that fuzzily stands for several vocabulary words counts once per
            # sample, at its best match there.
            if len(matches) == 1:
                word_match, sim = matches[0]
                row = rows[word_match]
                parts.append((weight * sim) * row)
                covered += (self.idf[word_match] * sim) * row
                continue
            similarity = np.max([rows[w] * sim for w, sim in matches], axis=0)
            idf = np.max([rows[w] * self.idf[w] for w, _ in matches], axis=0)
            parts.append(weight * similarity)
            covered += idf * similarity
        explained = np.sum([p for p in parts if p is not None], axis=0)
        recall = explained / sum(weights)
        if len(words) > WINDOW:
            runs = WINDOW_SHARE * _window_recall(parts, weights)
            recall = np.where(self.windowed[touched], np.maximum(recall, runs), recall)
        precision = covered / self.mass[touched]
        beta2 = BETA * BETA
        overlap = 100.0 * (1 + beta2) * precision * recall / (beta2 * precision + recall)
        order = np.argsort(-overlap)[:RERANK]
        best = touched[order].tolist()
        similar = process.cdist([_sorted_tokens(text)], [self.sorted_samples[i] for i in best],
                                scorer=fuzz.ratio, dtype=np.float64)[0].tolist()
        return {
            index: round((1 - STRING_SHARE) * score + STRING_SHARE * string, DIGITS)
            for index, score, string in zip(best, overlap[order].tolist(), similar, strict=True)
        }


def _sorted_tokens(text: str) -> str:
    """``text``'s words in sorted order: fuzz.ratio of two such strings is
    fuzz.token_sort_ratio of the originals."""
    return " ".join(sorted(text.split()))

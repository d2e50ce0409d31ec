"""Score a question against every sample: weighted word overlap, fuzzy per word.

For each sample, how much of the *question* it explains (recall) and how much of the
*sample* the question contains (precision), each word weighted by how rare it is
across the samples (IDF), words matched fuzzily with rapidfuzz so "walkin" meets
"walking". The score is their harmonic mean, 0-100. Unknown words in a question
weigh like the rarest known word, so "play some music" explains little and declines;
in a code-switched question less (skill.nlu.tongues).

An inverted index (the samples holding each word) and numpy keep this well under a
millisecond: a question touches only the samples sharing one of its words, and each
word's share of them is one row of a word-by-touched-sample matrix.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

import numpy as np
from rapidfuzz import fuzz, process

from skill.nlu.tongues import SWITCHED_FACTOR, switched

# Words that say nothing about the topic; left out of both sides.
STOPWORDS: Final = frozenset(
    "i me my a an the to is am are be been it its of and or for in on at do does did can "
    "could should would will shall this that these those with so if there just any some "
    "get got you your we our us was were have has had".split()
)
# Fuzzy word matches below this (rapidfuzz ratio, 0-100) are different words. 80 joins
# "walkin"/"walking", keeps "sit"/"site" apart (short words must match exactly).
WORD_MATCH: Final = 80.0
MIN_FUZZY_LEN: Final = 5
# Only longer words' fuzzy matches are domain evidence (skill.nlu.gate): "pause", "purse".
MIN_EVIDENCE_LEN: Final = 6
EVIDENCE_MATCH: Final = 0.88  # "incission" is incision; "activate" is not "active"
# How much the sample side counts against the question side (F-beta: below 1 favours
# samples wholly inside the question, above 1 questions wholly inside a sample). A sweep
# on tests/cases put 0.6-1.0 within half a point of accuracy; 1.0 weighs both alike.
BETA: Final = 1.0
# A slot placeholder ("{topic}") stands for a whole phrase: more than one ordinary word.
PLACEHOLDER_WEIGHT: Final = 2.0
# Share of the score from whole-string similarity of the best samples (word order, small
# words), the rest word overlap. 0.25-0.4 do alike.
STRING_SHARE: Final = 0.3
RERANK: Final = 30
# Texts whose evidence words and joined words are kept: a question's few, many times over.
TEXTS_KEPT: Final = 256
# Scores are rounded to this many decimals: the sample matrix is float32, and a whole
# match (skill.nlu.router's WHOLE_MATCH, 90) must not fall to 89.999998.
DIGITS: Final = 4
# Words the samples never use weigh this many times the rarest known word ("how far away
# is the moon" is not about recovery): the dev choice of bench/sweep.py.
UNKNOWN_FACTOR: Final = 2.0


# A long roundabout question ("my son drives me to church, about an hour, can I sit in
# the car that long") is scored on its best run of WINDOW content words as well, at
# WINDOW_SHARE of that run's recall: the context around the question costs less. On dev
# (bench/sweep.py at its best thresholds) windows of 3-6 and shares of 0.8-1.0 cost alike.
WINDOW: Final = 5
WINDOW_SHARE: Final = 0.9

Matches = tuple[tuple[str, float], ...]  # the vocabulary words a word stands for, 0-1


def _window_recall(parts: np.ndarray, weights: list[float]) -> np.ndarray:
    """Per sample, the best share of any WINDOW consecutive words it explains.

    ``parts``: one row per word, its weighted share of each sample. The parts are
    float32 products of a weight and a similarity, a few orders of magnitude apart at
    most, so float64 holds each window's sum exactly, whatever the order of adding."""
    mass = np.array(list(itertools.accumulate(weights, initial=0.0)))
    spans = mass[WINDOW:] - mass[:-WINDOW]
    rows = parts.astype(np.float64)
    explained = rows[: 1 - WINDOW] + rows[1 : 2 - WINDOW]
    for start in range(2, WINDOW):
        explained += rows[start : start + 1 - WINDOW or None]
    best: np.ndarray = (explained / spans[:, None]).max(axis=0)
    return best


class SampleIndex:
    """Normalized samples with IDF weights and an inverted word index."""

    def __init__(
        self, samples: Sequence[str], unknown_factor: float = UNKNOWN_FACTOR,
        whole: Sequence[bool] = (), tongues: frozenset[str] = frozenset(),
    ) -> None:
        """``whole``: per sample, True to score it on the whole question only (no
        WINDOW runs): the urgent intents, whose reports the safety layer reads whole;
        ``tongues``: other tongues' grammar words (skill.nlu.tongues)."""
        self.samples, self.tongues = list(samples), tongues
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
        self.switched_weight = SWITCHED_FACTOR * max(self.idf.values(), default=1.0)
        self.mass = np.array([sum(self.idf[w] for w in words) for words in self.words] or [0.0])
        self.mass[self.mass == 0] = 1.0
        self.vocabulary = sorted(self.idf)
        # vocabulary words by length, each list in vocabulary order (_near_length)
        self._of_length: dict[int, list[str]] = defaultdict(list)
        for w in self.vocabulary:
            self._of_length[len(w)].append(w)
        self.row_of = {w: i for i, w in enumerate(self.vocabulary)}
        # columns[row]: the samples holding that vocabulary word, in sample order
        holders: list[list[int]] = [[] for _ in self.vocabulary]
        for index, words in enumerate(self.words):
            for w in words:
                holders[self.row_of[w]].append(index)
        self.columns = [np.array(held, dtype=np.intp) for held in holders]
        # Each sample's words sorted, as fuzz.token_sort_ratio compares them: sorted once
        # here, not again for every question.
        self.sorted_samples = [_sorted_tokens(sample) for sample in self.samples]
        self.exact: dict[str, list[int]] = defaultdict(list)
        for index, sample in enumerate(self.samples):
            self.exact[sample].append(index)
        self._matches = lru_cache(maxsize=4096)(self._word_matches)
        self._near = lru_cache(maxsize=64)(self._near_length)
        # One question's texts are read for evidence and joined again and again by the
        # steps of routing (the gate, the named topic, the calm answers): once each here.
        self.evidence_words = lru_cache(maxsize=TEXTS_KEPT)(self._evidence_words)
        self._joined = lru_cache(maxsize=TEXTS_KEPT)(self._join_split)
        # a clause's words are matched to see which intents it can reach, then to score it
        self.matched = lru_cache(maxsize=TEXTS_KEPT)(self._matched)

    def _shares(
        self, found: Sequence[Matches], weights: list[float],
        places: list[list[np.ndarray]], size: int,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per question word (a row) and touched sample (a column), the word's weighted
        share of the sample (float32, zero where the sample lacks it); and per sample,
        the sample side of those shares (each matched word's IDF times the similarity).
        ``places``: per word, the columns of the samples holding each of its matches;
        ``size``: how many columns."""
        parts = np.zeros((len(found), size), dtype=np.float32)
        # float32 terms like the parts: their sums in float64 are exact in any order
        sides = np.zeros(size, dtype=np.float64)
        for number, matches in enumerate(found):
            if len(matches) == 1:
                # A word of one match weighs its own IDF (``scores``): its sample side is
                # its part, stored as float32 as the parts are. A sample holds a
                # vocabulary word once: the columns do not repeat.
                share = np.float32(weights[number] * matches[0][1])
                parts[number, places[number][0]] = share
                sides[places[number][0]] += share
                continue
            if not matches:
                continue
            # A word that fuzzily stands for several vocabulary words counts once per
            # sample, at its best match there.
            similarity = np.zeros(size, dtype=np.float32)
            idf = np.zeros(size, dtype=np.float32)
            for (word, sim), held in zip(matches, places[number], strict=True):
                # a vocabulary word's samples are distinct columns: no index repeats
                similarity[held] = np.maximum(similarity[held], sim)
                idf[held] = np.maximum(idf[held], self.idf[word])
            parts[number] = weights[number] * similarity
            sides += idf * similarity
        return parts, sides

    def _near_length(self, length: int) -> list[str]:
        """The vocabulary words (in vocabulary order) long enough and short enough to
        reach WORD_MATCH with a word of ``length`` letters: fuzz.ratio counts the letters
        two words share, at most the shorter one's, against both lengths, so two words
        reach it only when 2 * shorter >= WORD_MATCH / 100 * (both lengths). A point of
        slack keeps a ratio rounded either way at the boundary; rapidfuzz decides. The
        words are gathered by length, not tested one by one: a new length met in a
        question then costs a few lists, not a pass over the vocabulary."""
        return sorted(w for size, words in self._of_length.items()
                      if 200.0 * min(size, length) >= (WORD_MATCH - 1.0) * (size + length)
                      for w in words)

    def _word_matches(self, word: str) -> Matches:
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
        """'the rapy' -> 'therapy' (``_join_split``), a list of its own to the caller."""
        return list(self._joined(tuple(words)))

    def _join_split(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """'the rapy' -> 'therapy': speech recognizers split long words they don't know.

        Two neighbours join when one of them is not a known word and together they
        are one ("the rapy"), or when neither is known and together they fuzzily match
        one ("physi cal")."""
        strange = [w not in self.known for w in words]
        if not any(strange):
            return words
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
        return tuple(out)

    def _evidence_words(self, text: str) -> frozenset[str]:
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

    def _matched(self, text: str) -> tuple[tuple[str, ...], tuple[Matches, ...]]:
        """The words of ``text`` that ``scores()`` weighs, and per word the vocabulary
        words it stands for: a sample scores only if it holds one of those, or (no word
        to weigh) if it is ``text`` itself."""
        words = tuple(
            w for w in dict.fromkeys(self.join_split_words(text.split())) if w not in STOPWORDS
        )
        if switched(words, self.tongues):  # another tongue's grammar words name no topic
            words = tuple(w for w in words if w not in self.tongues)
        return words, tuple(self._matches(word) for word in words)

    def scores(self, text: str) -> dict[int, float]:
        """Score (0-100) of every sample sharing a word with ``text``."""
        words, found = self.matched(text)
        if not words:  # only small words ("that is it"): nothing to weigh, exact or nothing
            return {i: 100.0 for i in self.exact.get(text, ())}
        unknown = (self.switched_weight if switched(text.split(), self.tongues)
                   else self.unknown_weight)
        weights = [self.idf[matches[0][0]] if matches else unknown for matches in found]
        if not any(found):
            return {}
        # Only the samples sharing a word (the touched columns) can score: every sum
        # below runs over those columns alone, in the same order as over all samples.
        holding = [[self.columns[self.row_of[w]] for w, _ in matches] for matches in found]
        mask = np.zeros(len(self.samples), dtype=bool)
        mask[np.concatenate([held for columns in holding for held in columns])] = True
        touched = np.flatnonzero(mask)
        place = np.empty(len(self.samples), dtype=np.intp)
        place[touched] = np.arange(touched.size)
        parts, covered = self._shares(
            found, weights, [[place[held] for held in columns] for columns in holding],
            touched.size)
        explained = parts.sum(axis=0)
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
                                scorer=fuzz.ratio, dtype=np.float64)[0]
        # float64 arithmetic element by element, as on Python floats; rounded by Python
        mixed = (1 - STRING_SHARE) * overlap[order] + STRING_SHARE * similar
        return dict(zip(best, [round(score, DIGITS) for score in mixed.tolist()], strict=True))


def _sorted_tokens(text: str) -> str:
    """``text``'s words in sorted order: fuzz.ratio of two such strings is
    fuzz.token_sort_ratio of the originals."""
    return " ".join(sorted(text.split()))

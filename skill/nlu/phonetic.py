"""A phonetic index of the domain vocabulary: mis-heard words back to the words meant.

Speech recognizers turn a word they don't know into words that sound like it: "ad vill"
(Advil), "sacred iliac" (sacroiliac), "chess pain" (chest pain), "can't breed" (can't
breathe). The vocabulary comes from the content: the samples' words, the intents'
``domain:`` lists, the symptom concepts of intents/_safety.yaml and the lexicon's words
(not its mishearings). Each entry is indexed by the Metaphone key (jellyfish) of its
letters; a run of one to three words holding a word the samples don't use is keyed
and matched against the index with rapidfuzz (the measures: skill.nlu.sounds). Guards
keep ordinary words as they are: the run must be long enough, match its entry both by
sound (key) and by spelling, and keep every known word it has ("chess pain" may become
"chest pain", never "chest").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import numpy as np
from rapidfuzz import fuzz, process

from skill.nlu import dropped
from skill.nlu.sounds import LONG_WORD, sound_key, spelling

# Runs of fewer letters are too short to tell one word from another by sound.
MIN_LETTERS: Final = 5
MAX_RUN: Final = 3
# Key (ratio of Metaphone keys, 0-100) and spelling similarity a repair needs. On dev a
# spelling floor of 70 made "music" "muscle"; 84 keeps "fushion", "ad vill", "can not breed".
KEY_MATCH: Final = 85.0
SPELL_MATCH: Final = 84.0
# Words heard apart that sound exactly like one entry ("fizz ical" is "physical", "in
# sigh shun" is "incision"), spelt the recognizer's way, have this lower spelling floor.
SPLIT_SPELL_MATCH: Final = 50.0
# A long word heard in pieces ("sacra lilac", "sacro ill yak": sacroiliac) sounds close to
# it: its letters are many, so a near sound (KEY_MATCH) and this spelling floor still
# single it out, when its first piece is no known word ("in tarnation" is not
# "induration"); a short entry keeps SPELL_MATCH.
LONG_SPLIT_LETTERS: Final = 9
LONG_SPLIT_SPELL_MATCH: Final = 75.0
# A phrase with one word changed that sounds like its own on its own is vouched for by the
# words heard right: "need an ambience" is "need an ambulance"; "fasting blood" no "spitting".
PHRASE_SPELL_MATCH: Final = 80.0
# ...unless the word heard names a sound to play: "need an ambience playlist" is ambience.
PLAYED: Final = frozenset({"playlist", "playlists", "music", "sound", "sounds", "track",
                           "tracks", "song", "songs", "noise", "noises", "mix", "station",
                           "radio", "video", "videos", "album", "podcast"})
# A mishearing keeps the length meant within this share of letters (0.25 made "activate"
# "active"; 0.2 keeps "can not breed", 13 vs 11).
LENGTH_SLACK: Final = 0.2
# Two keys of lengths a <= b have a ratio of at most 2a / (a + b): KEY_MATCH needs
# a / b of at least this.
SHORTEST: Final = KEY_MATCH / (200.0 - KEY_MATCH)
# The share of a key's letters a deletion variant may drop (see _deletions): 2(1 - m) /
# (2 - m) for m = KEY_MATCH / 100, 0.261 at 85, a little more for a ratio rounded up.
DELETIONS: Final = 2 * (100.0 - KEY_MATCH) / (200.0 - KEY_MATCH) + 0.01
# Run keys up to this length find candidates by deletion variants; longer ones by length.
VARIANT_KEYS: Final = 7
# Words heard alone, and runs, whose repair is kept once looked up (each apart).
RUNS_KEPT: Final = 4096
# Letter counts whose entry lengths are kept (far more than a run of MAX_RUN words has).
LETTER_COUNTS: Final = 128


def _deletions(key: str) -> set[str]:
    """``key`` and every string made from it by deleting up to DELETIONS of its length.

    Two keys with a ratio of KEY_MATCH or more (fuzz.ratio counts the letters to delete
    from both to reach a common part) and lengths within SHORTEST of each other reach
    that common part by deleting at most 2(1 - m) / (2 - m) of each one's letters,
    m = KEY_MATCH / 100: they share a variant."""
    found = frontier = {key}
    for _ in range(int(DELETIONS * len(key))):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found = found | frontier
    return found


@dataclass(frozen=True)
class Words:
    """The word sets the guards read."""

    known: frozenset[str]  # the samples' and the lexicon's words: heard right
    domain: frozenset[str]  # the vocabulary one word heard alone may be repaired to
    symptoms: frozenset[str]  # words a safety rule reads as a symptom
    spellable: frozenset[str] = frozenset()  # a dropped g's words too: slot values' ("drivin")


class PhoneticIndex:
    """Vocabulary entries by sound; ``repair()`` rewrites mis-heard runs of words."""

    def __init__(self, entries: Iterable[str], words: Words) -> None:
        self.entries = sorted({
            e for e in entries
            if len(e.split()) <= MAX_RUN and e.replace(" ", "").isalpha()
            and len(e.replace(" ", "")) >= MIN_LETTERS
        })
        self.keys = [sound_key(e) for e in self.entries]
        # deletion variant -> the keys (by index) it comes from
        self._by_variant: dict[str, list[int]] = {}
        for index, k in enumerate(self.keys):
            if int(SHORTEST * len(k)) <= VARIANT_KEYS:  # a short run key may meet it
                for variant in _deletions(k):
                    self._by_variant.setdefault(variant, []).append(index)
        self.words = words
        # Words alone and runs apart: a long question's many runs must not push out words.
        self._lookup_word = lru_cache(maxsize=RUNS_KEPT)(self._nearest)
        self._lookup_run = lru_cache(maxsize=RUNS_KEPT)(self._nearest)
        self._meant = lru_cache(maxsize=LETTER_COUNTS)(self._entry_lengths)
        self._pool = lru_cache(maxsize=64)(self._entries_near)
        self._sizes = [len(k) for k in self.keys]
        self._fitting = lru_cache(maxsize=64)(self._key_sizes)
        self._alone_ok = [e in words.domain for e in self.entries]  # symptoms: _alone
        self._size_array, self._alone_array = np.array(self._sizes), np.array(self._alone_ok)
        # What a run of several words needs for any entry to keep its shape (_keeps): a
        # known word at either end begins or ends a one-word entry of a length it may
        # have (_joined; part -> those lengths), or a phrase entry of as many words has the
        # others ("" for the one changed word).
        single = [e for e in self.entries if " " not in e]
        self._heads = _lengths_by((e[:end], len(e)) for e in single for end in range(2, len(e) + 1))
        self._tails = _lengths_by((e[-end:], len(e)) for e in single
                                  for end in range(2, len(e) + 1))
        self._open = frozenset((*m[:j], "", *m[j + 1:]) for m in
                               (e.split() for e in self.entries if " " in e)
                               for j in range(len(m)))

    def _candidates(self, key: str, alone: bool) -> tuple[list[int], list[str]]:
        """Keys (by index, in order, and the keys themselves) that may reach KEY_MATCH with
        ``key``: for a short key only those sharing a deletion variant with it (a handful
        of look-ups), for a long one every key of a length within SHORTEST (few keys are
        long)."""
        if len(key) <= VARIANT_KEYS:
            hits: set[int] = set()
            for variant in self._by_variant.keys() & _deletions(key):
                hits.update(self._by_variant[variant])
            sizes, ok = self._sizes, self._fitting(len(key))
            near = [i for i in sorted(hits)
                    if sizes[i] in ok and (not alone or self._alone_ok[i])]
            return near, [self.keys[i] for i in near]
        return self._pool(len(key), alone)

    def _entries_near(self, length: int, alone: bool) -> tuple[list[int], list[str]]:
        """Every key (by index, in order, and the keys) of a length a run key of
        ``length`` can match."""
        fits = np.isin(self._size_array, list(self._fitting(length)))
        near = np.flatnonzero(fits & self._alone_array if alone else fits).tolist()
        return near, [self.keys[i] for i in near]

    def _key_sizes(self, length: int) -> frozenset[int]:
        """The key lengths that can match a run key of ``length`` (a ratio of KEY_MATCH
        needs lengths within SHORTEST of each other). With the domain words a word heard
        alone may become (``_alone_ok``), a speed-up: the guards decide the same."""
        return frozenset(size for size in set(self._sizes)
                         if SHORTEST * max(size, length) <= min(size, length))

    def _nearest(self, run: str) -> str | None:
        if " " in run and not self._shape_fits(run.split()):
            return None  # no entry could keep these words' shape: nothing to look up
        key = sound_key(run)
        near, keys = self._candidates(key, " " not in run)
        found = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=KEY_MATCH, limit=5)
        split = " " in run
        fits = [(spelling(run, self.entries[near[i]]), self.entries[near[i]],
                 self._split_floor(run, self.entries[near[i]], sound) if split else SPELL_MATCH)
                for _, sound, i in found]
        fits = [(s, e, f) for s, e, f in fits if s >= f and self._keeps(run, e)]
        return max(fits)[1] if fits else None

    def _split_floor(self, run: str, entry: str, sound: float) -> float:
        """The spelling a run of words heard apart needs to be ``entry``: the same sound
        (SPLIT_SPELL_MATCH), one word of a phrase (PHRASE_SPELL_MATCH), or one long word
        in pieces, the first no known word (LONG_SPLIT_SPELL_MATCH)."""
        if sound == 100.0:
            return SPLIT_SPELL_MATCH
        heard, meant = run.split(), entry.split()
        if len(heard) == len(meant) and [fuzz.ratio(sound_key(h), sound_key(m)) >= KEY_MATCH
                                         for h, m in zip(heard, meant, strict=True) if h != m
                                         ] == [True]:
            return PHRASE_SPELL_MATCH
        if " " not in entry and len(entry) >= LONG_SPLIT_LETTERS \
                and run.split()[0] not in self.words.known:
            return LONG_SPLIT_SPELL_MATCH
        return SPELL_MATCH

    def _shape_fits(self, heard: list[str]) -> bool:
        """Whether some entry may pass the shape guards of ``_keeps`` for two or more
        words heard: a necessary condition only, met by most runs that are looked up."""
        known = self.words.known
        first, last = heard[0], heard[-1]
        meant = self._meant(sum(map(len, heard)))
        if first in known:
            meant = meant & self._heads.get(first, frozenset())
        if last in known:
            meant = meant & self._tails.get(last, frozenset())
        if meant:
            return True
        return any(word not in known and len(word) >= LONG_WORD
                   and (*heard[:j], "", *heard[j + 1:]) in self._open
                   for j, word in enumerate(heard))

    def _entry_lengths(self, letters: int) -> frozenset[int]:
        """The entry lengths ``_keeps`` allows words of ``letters`` letters in all."""
        shortest, longest = int(letters * (1 - LENGTH_SLACK)), int(letters / (1 - LENGTH_SLACK))
        return frozenset(m for m in range(shortest, longest + 2)
                         if abs(letters - m) <= LENGTH_SLACK * max(letters, m))

    def _keeps(self, run: str, entry: str) -> bool:
        """A mishearing keeps the length of the words meant, and the guard of its shape."""
        letters, meant = len(run.replace(" ", "")), len(entry.replace(" ", ""))
        if abs(letters - meant) > LENGTH_SLACK * max(letters, meant):
            return False
        heard = run.split()
        if " " in entry:
            return self._one_word_changed(heard, entry.split())
        if len(heard) > 1:
            return self._joined(heard, entry)
        return self._alone(run, entry)

    def _one_word_changed(self, heard: list[str], meant: list[str]) -> bool:
        """A phrase changes one long unknown word: "chess pain" is "chest pain"; "our
        room" is not "or room", nor "garage timers" "garbage times"."""
        changed = [h for h, m in zip(heard, meant, strict=False) if h != m]
        return len(heard) == len(meant) and len(changed) == 1 and (
            changed[0] not in self.words.known and len(changed[0]) >= LONG_WORD)

    def _joined(self, heard: list[str], entry: str) -> bool:
        """Words heard apart join into the word meant ("in fiction", "the rapy"); a
        known word at either end must begin or end it: "is in fected" is "is infected",
        "bandage has" is not "bandages"."""
        first, last = heard[0], heard[-1]
        known = self.words.known
        return (first not in known or (len(first) > 1 and entry.startswith(first))) and (
            last not in known or (len(last) > 1 and entry.endswith(last)))

    def _alone(self, word: str, entry: str) -> bool:
        """One word heard alone becomes a domain word only, never another form of itself
        ("comfortable" is not "uncomfortable"), and a symptom word only as its homophone,
        a vowel for a vowel ("feinted" is "fainted"; "sleeping" and "stars" stay, where
        "in fiction" may be "infection")."""
        return (entry in self.words.domain and word not in entry and entry not in word
                and (entry not in self.words.symptoms or _vowel_swapped(word, entry)))

    def spelled(self, text: str, written: str = "") -> str:
        """``text`` with each unknown word said or written without its final g or first h
        ("swellin", "'ospital" in ``written``) as the known word meant (skill.nlu.dropped)."""
        return dropped.spelled(text, self.words.spellable or self.words.known, written)

    def repair(self, text: str, spelled: str | None = None) -> str:
        """``text`` with mis-heard runs of words replaced by the vocabulary entry meant
        (``spelled``: ``self.spelled(text)``, when the caller has it already).

        A run is looked up when all its words are letters, one of them is a word the
        samples don't use and together they have MIN_LETTERS letters."""
        words = (self.spelled(text) if spelled is None else spelled).split()
        unknown = [w not in self.words.known for w in words]
        letters = [len(w) if w.isalpha() else 0 for w in words]  # 0: not all letters
        out: list[str] = []
        i = 0
        while i < len(words):
            if not any(unknown[i : i + MAX_RUN]):  # every run from here is heard right
                out.append(words[i])
                i += 1
                continue
            for size in range(min(MAX_RUN, len(words) - i), 0, -1):
                sizes = letters[i : i + size]
                if 0 in sizes or not any(unknown[i : i + size]) or sum(sizes) < MIN_LETTERS:
                    continue
                lookup = self._lookup_run if size > 1 else self._lookup_word
                entry = lookup(" ".join(words[i : i + size]))
                if entry is not None and " " in entry and words[i + size : i + size + 1] \
                        and words[i + size] in PLAYED:
                    entry = None  # the word heard qualifies what is played
                if entry is not None:
                    out.append(entry)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return " ".join(out)


def _vowel_swapped(word: str, entry: str) -> bool:
    return len(word) == len(entry) and all(
        a == b or (a in "aeiouy" and b in "aeiouy") for a, b in zip(word, entry, strict=True))


def _lengths_by(parts: Iterable[tuple[str, int]]) -> dict[str, frozenset[int]]:
    found: dict[str, set[int]] = {}
    for part, length in parts:
        found.setdefault(part, set()).add(length)
    return {part: frozenset(lengths) for part, lengths in found.items()}

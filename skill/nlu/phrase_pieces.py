"""A long word of a phrase heard in two pieces: "fizz ickle therapy" (physical therapy).

The phonetic index (skill.nlu.phonetic) reads a run of words as a phrase of the
vocabulary only when the run has as many words as the phrase and one of them changed
("chess pain"), and as one word only when a known word at either end begins or ends it.
A recognizer that does not know a long word of a phrase writes two everyday-sounding
words for it, and the phrase's other words as they are: the run then has one word more
than the phrase. It is that phrase when the phrase's other words are heard as they are
(one long word at least: the anchor that says which phrase is meant), the two pieces
sound exactly like the long word (the same Metaphone key), one of them is a word the
samples do not use and the word meant is long; the index's sound and spelling floors
still apply to the whole run.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from rapidfuzz import fuzz

from skill.nlu.phonetic import KEY_MATCH, PhoneticIndex, Words
from skill.nlu.sounds import LONG_WORD, sound_key, spelling

# The fewest letters of a phrase's word heard in two pieces: shorter words are split into
# everyday words too often ("sit ting").
PIECED_LETTERS: Final = 7


class PiecesIndex(PhoneticIndex):
    """The phonetic index, and a phrase's long word heard in two pieces."""

    def __init__(self, entries: Iterable[str], words: Words) -> None:
        super().__init__(entries, words)
        # each phrase with one long word left blank -> those words
        self._pieced: dict[tuple[str, ...], set[str]] = {}
        for phrase in (e.split() for e in self.entries if " " in e):
            for j, word in enumerate(phrase):
                if len(word) >= PIECED_LETTERS:
                    self._pieced.setdefault((*phrase[:j], "", *phrase[j + 1:]), set()).add(word)
        # the one-word entries (by index) each part of two letters or more begins, or ends
        self._starting, self._ending = _by_part(self.entries, True), _by_part(self.entries, False)
        # each phrase entry with one word left blank -> those entries (by index)
        self._phrases: dict[tuple[str, ...], list[int]] = {}
        for index, phrase in enumerate(e.split() for e in self.entries):
            for j in range(len(phrase) if len(phrase) > 1 else 0):
                self._phrases.setdefault((*phrase[:j], "", *phrase[j + 1:]), []).append(index)

    def _shape_fits(self, heard: list[str]) -> bool:
        if super()._shape_fits(heard):
            return self._sound_fits(heard) or any(self._pieces(heard))
        return any(self._pieces(heard))

    def _sound_fits(self, heard: list[str]) -> bool:
        """Whether some entry ``_keeps`` may allow (a one-word entry a known word at either
        end begins or ends, a phrase with one long unknown word changed) sounds near
        enough (KEY_MATCH) and is spelt near enough to be the run: read before the dear
        look-up by sound among every entry of a near key length, which finds no other.
        Runs with no known word at either end are not checked (True)."""
        known = self.words.known
        first, last = heard[0], heard[-1]
        if first not in known and last not in known:
            return True
        pool = [*(self._starting.get(first, ()) if first in known
                  else self._ending.get(last, ())),
                *(index for j, word in enumerate(heard)
                  if word not in known and len(word) >= LONG_WORD
                  for index in self._phrases.get((*heard[:j], "", *heard[j + 1:]), ()))]
        if not pool:
            return False
        run = " ".join(heard)
        key = sound_key(run)
        for index in pool:
            entry = self.entries[index]
            sound = fuzz.ratio(key, self.keys[index])
            if sound >= KEY_MATCH and self._keeps(run, entry) \
                    and spelling(run, entry) >= self._split_floor(run, entry, sound):
                return True
        return False

    def _keeps(self, run: str, entry: str) -> bool:
        if super()._keeps(run, entry):
            return True
        return " " in entry and entry.split() in (
            [*heard_rest[:j], word, *heard_rest[j + 1:]]
            for j, heard_rest, word in self._pieces(run.split()))

    def _pieces(self, heard: list[str]) -> Iterable[tuple[int, list[str], str]]:
        """Each reading of ``heard`` as a phrase with one long word in two pieces: the
        place, the other words, the word meant."""
        known = self.words.known
        for j in range(len(heard) - 1):
            first, second = heard[j], heard[j + 1]
            if first in known and second in known:
                continue
            rest = [*heard[:j], "", *heard[j + 2:]]
            if not any(len(w) >= LONG_WORD for w in rest):
                continue
            meant = self._pieced.get(tuple(rest), ())
            key = sound_key(f"{first} {second}") if meant else ""
            for word in meant:
                if sound_key(word) == key:
                    yield j, rest, word


def _by_part(entries: list[str], starts: bool) -> dict[str, list[int]]:
    """Each part of two letters or more that one-word entries begin with (``starts``) or
    end with -> those entries' indices, in order."""
    found: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        if " " not in entry:
            for end in range(2, len(entry) + 1):
                found.setdefault(entry[:end] if starts else entry[-end:], []).append(index)
    return found

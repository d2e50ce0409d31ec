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

from skill.nlu.phonetic import LONG_WORD, PhoneticIndex, Words, sound_key

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

    def _shape_fits(self, heard: list[str]) -> bool:
        return super()._shape_fits(heard) or any(self._pieces(heard))

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
            key = sound_key(f"{first} {second}")
            for word in self._pieced.get(tuple(rest), ()):
                if sound_key(word) == key:
                    yield j, rest, word

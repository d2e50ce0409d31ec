"""A name heard in pieces: "a seat a mini fen" (acetaminophen), "tie lan all" (Tylenol),
"i be profen" (ibuprofen), "per cuss it" (Percocet).

A speech recognizer that does not know a long name writes the everyday words that sound
like its syllables, four or five of them at times, past the runs the phonetic index
(skill.nlu.phonetic) reads. The names read here are the topics' own head words that are
one word and the lexicon's one-word names for them (a brand for its generic name): long
names, each with a Metaphone key of its own. A run of three to five words is that name
when its letters sound exactly like it (the same key, of four letters or more), it has
about as many letters, and one of its words is one the samples do not use ("take a seat
at the table" is heard right).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import accumulate
from typing import Final

from skill.nlu.phonetic import Words
from skill.nlu.phrase_pieces import PiecesIndex
from skill.nlu.sounds import sound_key

# The fewest letters a name read so has: shorter names sound like everyday words.
NAME_LETTERS: Final = 7
# The fewest and most words a name is heard in here ("tie lan all", "a seat a mini fen"):
# two are the phonetic index's runs, and a word with the next ("kayden i") often keys as
# a short name.
FEWEST_PIECES: Final = 3
MOST_PIECES: Final = 5
# The shortest Metaphone key of a name read so ("codeine" is KTN, as "kayden" is).
KEY_LETTERS: Final = 4
# How far the pieces' letters may be from the name's, as a share of the longer: a
# recognizer spells syllables its own way ("tie lan all" has 9 letters, "tylenol" 7).
PIECES_SLACK: Final = 0.3


class NamedIndex(PiecesIndex):
    """The phonetic index (with a phrase's word in pieces), then the long names heard in pieces."""

    def __init__(self, entries: Iterable[str], words: Words, names: Iterable[str]) -> None:
        super().__init__(entries, words)
        keys = {n: sound_key(n) for n in sorted(set(names)) if len(n) >= NAME_LETTERS}
        self.names = {k: n for n, k in keys.items() if len(k) >= KEY_LETTERS}
        # The letter counts pieces may have to be some name (_fits): a run of others is
        # never keyed, the dear part of reading a long question's runs.
        lengths = {len(n) for n in self.names.values()}
        self._letters = frozenset(count for count in range(1, 2 * max(lengths, default=0) + 2)
                                  if any(_fits(count, length) for length in lengths))

    def repair(self, text: str, spelled: str | None = None) -> str:
        repaired = super().repair(text, spelled)
        words = repaired.split()
        unknown = [w not in self.words.known for w in words]
        if not any(unknown):  # no piece of a name unheard of
            return repaired
        letters = [len(w) if w.isalpha() else 0 for w in words]  # 0: not all letters
        # running counts of the letters, the unknown words and the words not all letters:
        # what a run of words holds is two look-ups, not a pass over it
        runs = _running(letters), _running(unknown), _running(n == 0 for n in letters)
        out: list[str] = []
        i = 0
        while i < len(words):
            # an unknown word in the next MOST_PIECES, or no run from here holds a name
            unheard = runs[1][min(i + MOST_PIECES, len(words))] > runs[1][i]
            name = next(((size, found) for size in range(MOST_PIECES, FEWEST_PIECES - 1, -1)
                         if (found := self._name(words, runs, i, size))), None) \
                if unheard else None
            if name is None:
                out.append(words[i])
                i += 1
            else:
                out.append(name[1])
                i += name[0]
        return " ".join(out)

    def _name(self, words: list[str], runs: tuple[list[int], list[int], list[int]],
              start: int, size: int) -> str | None:
        """The name the ``size`` words from ``start`` sound like (all letters, one unknown);
        ``runs``: the running counts of letters, unknown words and words not all letters
        (``repair``)."""
        end = start + size
        letters, unknown, other = runs
        if end > len(words) or other[end] > other[start] or unknown[end] == unknown[start]:
            return None
        count = letters[end] - letters[start]
        if count not in self._letters:  # as many letters as no name has
            return None
        name = self.names.get(sound_key(" ".join(words[start:end])))
        if name is None or not _fits(count, len(name)):
            return None
        return name


def _running(counts: Iterable[int]) -> list[int]:
    """The running sums of ``counts``, from 0: a slice's sum is two look-ups."""
    return list(accumulate(counts, initial=0))


def _fits(letters: int, name: int) -> bool:
    """Whether pieces of ``letters`` letters in all are about as long as a name."""
    return abs(letters - name) <= PIECES_SLACK * max(letters, name)

"""Flesch-Kincaid grade level, with a plain vowel-group syllable count.

Readability libraries such as textstat now fetch a pronouncing dictionary from the
network on first use, which an offline CI and a clinic's laptop cannot do; the classic
formula with a heuristic syllable count is what readability checkers have long used.
"""

from __future__ import annotations

import re
from typing import Final

_WORD: Final = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_END: Final = re.compile(r"[.!?]+")
_VOWEL_GROUPS: Final = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Vowel groups, less a silent final e, at least one."""
    word = word.lower().replace("'", "")
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1
    return max(count, 1)


def grade(text: str) -> float:
    """US school grade needed to read ``text`` (Flesch-Kincaid); 0 for no words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]), 1)
    total = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59

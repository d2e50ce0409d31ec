"""The two measures of how near words heard are to words meant: by sound (a Metaphone
key, jellyfish) and by spelling (rapidfuzz), read by the phonetic index
(skill.nlu.phonetic) and the readers of words heard in pieces."""

from __future__ import annotations

from typing import Final

import jellyfish
from rapidfuzz import fuzz

# Shorter words (in, and, our, or) a recognizer swaps for others; a repair never changes them.
LONG_WORD: Final = 4
# Metaphone writes "th" as "0"; recognizers hear it as t or d ("breed" for "breathe").
_FOLD: Final = str.maketrans("0", "T")


def sound_key(text: str) -> str:
    """The Metaphone key of ``text``'s letters, "th" folded into "t"."""
    return jellyfish.metaphone(text.replace(" ", "")).translate(_FOLD)


def spelling(run: str, entry: str) -> float:
    """Spelling similarity, words apart or run together ("sacred iliac" is one word),
    without the small words both keep: "the shoes" is not "the shakes"."""
    heard, meant = run.split(), entry.split()
    if len(heard) == len(meant) > 1:
        kept = [(h, m) for h, m in zip(heard, meant, strict=True) if h != m or len(h) >= LONG_WORD]
        run, entry = " ".join(h for h, _ in kept), " ".join(m for _, m in kept)
    return max(fuzz.ratio(run, entry), fuzz.ratio(run.replace(" ", ""), entry.replace(" ", "")))

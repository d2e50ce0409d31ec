"""The letters of a text as a speaker's words: case and Unicode folded, the letters a
speaker drops put back ("seepin'", "an'", "t'club"), degree signs spelled, punctuation
out (a decimal point kept), a Latin letter's accent dropped ("incisión" is "incision",
as a speaker of two languages types or a recognizer writes it). The first step of
skill.nlu.normalize."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Letters a speaker drops: the g of "-ing" ("seepin'"; after two letters at least) and
# the ends of "an'", "o'" (and, of).
_DROPPED_G: Final = re.compile(r"(?<=\w\w)in'(?!\w)")
_DROPPED_END: Final = re.compile(r"(?<!\w)(?:an|o)'(?!\w)")
# The definite article of Northern English cut to "t'" ("on t'operating table", "down
# t'club"), and the "th'" of older speech: "the" before the word.
_REDUCED_THE: Final = re.compile(r"(?<!\w)th?'(?=\w)")
# The a- that old rural English puts before a verb in -ing ("my chest is a-hurtin'",
# "he's a-shakin'"): the verb as said elsewhere.
_A_PREFIX: Final = re.compile(r"(?<!\w)a-(?=\w+ing\b)")
_PUNCT: Final = re.compile(r"[^\w'{}.]+|_")
_LONE_DOTS: Final = re.compile(r"(?<!\d)\.|\.(?!\d)")
_DEGREE: Final = re.compile(r"°\s*([fc])\b|°")


def _unaccented(text: str) -> str:
    """Each accented Latin letter as its base letter; other scripts' marks stay (a
    Devanagari vowel sign is no accent)."""
    letters = []
    for char in text:
        parts = unicodedata.normalize("NFD", char) if not char.isascii() else char
        base = parts[0]
        accented = base.isascii() and all(unicodedata.combining(mark) for mark in parts[1:])
        letters.append(base if accented else char)
    return "".join(letters)


def clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():
        text = _unaccented(text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    # each pattern runs only on a text holding the character it needs
    if "'" in text:
        text = _DROPPED_G.sub("ing", text)  # "seepin'", "weepin'": the g a speaker drops
        text = _DROPPED_END.sub(lambda m: {"an'": "and", "o'": "of"}[m.group(0)], text)
        text = _REDUCED_THE.sub("the ", text)
    if "a-" in text:
        text = _A_PREFIX.sub("", text)
    if "°" in text:
        text = _DEGREE.sub(lambda m: " degrees " + {"f": "fahrenheit", "c": "celsius"}.get(
            m.group(1) or "", ""), text)
    text = _PUNCT.sub(" ", text)
    if "." in text:
        text = _LONE_DOTS.sub(" ", text)
    return " ".join(text.split())

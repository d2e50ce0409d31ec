"""Words written or said without a letter the speaker drops: the known word meant.

A dropped final g ("swellin", "gettin", "seepin'"); and a first h written as dropped, the
apostrophe in its place, as Cockney, Yorkshire, Caribbean and other Englishes write it
("the 'ospital", "sent 'ome", "me 'ip 'urts"). An unknown word whose fuller form is a known
word (the samples' and the domain's words) is that word: a spelling, no guess by sound.
A known word stays ("robin"), and an h is put back only where the apostrophe shows it
dropped: "eating" is no "heating", nor "ow" "how", nor OT "hot".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

# The fewest letters a word without its g ("swellin") may have.
MIN_WITHOUT_G: Final = 5
# A word opened by an apostrophe, as written ("'ome", "'ip"), lowercased.
APOSTROPHE_LED: Final = re.compile(r"(?<![\w'’])['’]([a-z]{2,})\b")


def _fuller(word: str, without_h: frozenset[str]) -> Iterator[str]:
    """The forms ``word`` may stand for, a dropped g first."""
    if len(word) >= MIN_WITHOUT_G and word.endswith("in"):
        yield word + "g"
    if word in without_h:
        yield "h" + word


def spelled(text: str, known: frozenset[str], written: str = "") -> str:
    """``text`` with each unknown word that is a ``known`` word without its final g, or
    without its first h where ``written`` (the text as typed) opens it with an apostrophe,
    written as that word."""
    without_h = frozenset(APOSTROPHE_LED.findall(written.lower()))
    return " ".join(w if w in known else next((f for f in _fuller(w, without_h) if f in known), w)
                    for w in text.split())

"""The guide as sections and sentences, and whether an answer's quote is in it.

Quotes are compared after folding case, curly quotes and spacing, so "surgeon’s" in the
guide matches "surgeon's" in responses.yaml; nothing else is forgiven.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from skill.content import loader

_FOLD: Final = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
# A sentence ends at . ! or ? followed by a space and a capital letter.
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# Two quotes overlap when one holds the other, or they share a run of this many words
# (long enough that a shared run is the same statement, not shared filler like "of the").
OVERLAP_WORDS: Final = 5
# A guide line this short ("Pain", "SI fusion") is conveyed only by a quote of itself.
SHORT_LINE_WORDS: Final = 4


def fold(text: str) -> str:
    """Case, quote marks and spacing folded, for comparing quotes."""
    return " ".join(text.translate(_FOLD).lower().split())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9°']+", fold(text))


def overlaps(a: str, b: str) -> bool:
    """Whether two guide quotes state the same words (one holds the other, or a long run)."""
    fa, fb = fold(a).rstrip(".:"), fold(b).rstrip(".:")
    if fa in fb or fb in fa:
        return True
    wa, wb = _words(a), _words(b)
    runs = {tuple(wa[i:i + OVERLAP_WORDS]) for i in range(len(wa) - OVERLAP_WORDS + 1)}
    return any(tuple(wb[i:i + OVERLAP_WORDS]) in runs
               for i in range(len(wb) - OVERLAP_WORDS + 1))


def _within(part: str, whole: str) -> bool:
    return f" {' '.join(_words(part))} " in f" {' '.join(_words(whole))} "


def conveys(quote: str, line: str) -> bool:
    """Whether an answer's ``quote`` conveys the guide sentence ``line``: the quote is part
    of the line, or holds a line of several words (a short list item such as "Pain" is
    conveyed only by quoting it)."""
    return _within(quote, line) or (len(_words(line)) >= SHORT_LINE_WORDS
                                    and _within(line, quote))


@dataclass(frozen=True)
class Section:
    title: str
    sentences: tuple[str, ...]


def _is_heading(line: str) -> bool:
    return not line.startswith("- ") and not line.endswith((".", ":"))


def sections(text: str) -> list[Section]:
    """The guide's headings, each with its sentences (list items count as sentences)."""
    found: list[Section] = []
    title, sentences = "", []  # type: ignore[var-annotated]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _is_heading(line):
            if title or sentences:
                found.append(Section(title, tuple(sentences)))
            title, sentences = line, []
            continue
        body = line[2:] if line.startswith("- ") else line
        sentences.extend(s.strip() for s in _SENTENCE_END.split(body) if s.strip())
    if title or sentences:
        found.append(Section(title, tuple(sentences)))
    return found


class Guide:
    """The guide's text, searchable for quotes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.sections = sections(text)

    @classmethod
    def load(cls, root: Path | None = None) -> Guide:
        return cls(loader.guide_path(root).read_text(encoding="utf-8"))

    def has(self, quote: str) -> bool:
        return fold(quote) in self.folded

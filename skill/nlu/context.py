"""Phrases found in normalized text, and ConText-style modifiers with a scope.

A ``PhraseTable`` maps normalized phrases to labels and finds them by longest match,
word by word (a dictionary look-up per word and length, not one regular expression
per list). A ``Scope`` says whether a modifier's trigger reaches a span: a trigger
*before* the span scopes forward, one *after* it scopes backward, each over a window
of words that ends at a clause break (NegEx/ConText, Chapman et al.). A modifier's
``before_breaks:`` end only its forward scopes: a new clause of the patient's own
("i used to get migraines i can not breathe") while its after-triggers still reach back
across them ("the chills i had went away"). ``pairings`` finds where a rule's concepts
stand together, within its window and not across a contrast word: each with its nearest
partners, so a sign denied beside a site does not hide another told beside it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Final

# Labels every table may carry besides its own.
PSEUDO: Final = "pseudo"  # looks like a concept or a trigger, is neither
BREAK: Final = "break"  # ends every modifier's scope
PAIR_BREAK: Final = "pair_break"  # a rule's concepts do not pair up across these words
BEFORE_BREAK: Final = "before_break"  # BEFORE_BREAK:name ends name's forward scopes
# A hedge ("a bit", "slightly", "seem to") shrinks a sign without denying it: inside a
# phrase it is read through ("can not seem to get warm" is "can not get warm").
HEDGE: Final = "hedge"
# A rule's concept pairs with this many of its nearest partners in the window, each.
PARTNERS: Final = 3
CONCEPT: Final = "concept:"  # the labels' prefix of a concept's phrases
# The modifiers whose scope goes on through a list of concepts joined by one word ("the
# risks of infection and bleeding" asks of both), if every concept of the finding is in
# one: "what causes the swelling and drainage from my incision" tells of the incision.
LISTING: Final = frozenset({"asked", "question", "risk"})


@dataclass(frozen=True)
class Span:
    """Words ``start``..``end`` (token indices, end exclusive) and what they are."""

    start: int
    end: int
    labels: frozenset[str]


@dataclass(slots=True)
class _Node:
    """A phrase table's words so far: the words that may follow, and the labels of the
    phrase they make (None if none ends here)."""

    after: dict[str, _Node]
    labels: frozenset[str] | None = None


class PhraseTable:
    """Normalized phrases -> labels, matched longest first."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        table: dict[str, set[str]] = {}
        self.hedges: dict[str, list[tuple[str, ...]]] = {}  # first word -> hedges, longest first
        for phrase, label in entries:
            words = phrase.split()
            if words and label == HEDGE:
                self.hedges.setdefault(words[0], []).append(tuple(words))
            elif words:
                table.setdefault(" ".join(words), set()).add(label)
        for found in self.hedges.values():
            found.sort(key=len, reverse=True)
        # A pseudo phrase carries no other meaning, whatever else lists it.
        self.table = {k: frozenset({PSEUDO}) if PSEUDO in v else frozenset(v)
                      for k, v in table.items()}
        # The phrases word by word: a scan walks on from a word only while some phrase
        # goes on, instead of joining every length a phrase starting there may have.
        self._trie: dict[str, _Node] = {}
        for key, labels in self.table.items():
            after = self._trie
            for word in key.split():
                node = after.get(word) or after.setdefault(word, _Node({}))
                after = node.after
            node.labels = labels

    def scan(self, tokens: Sequence[str]) -> list[Span]:
        spans: list[Span] = []
        i, count = 0, len(tokens)
        while i < count:
            node = self._trie.get(tokens[i])
            labels, end = self._longest(tokens, i + 1, node) if node else (None, 0)
            if labels is not None:
                spans.append(Span(i, end, labels))
            i = end if labels is not None else i + 1
        return spans

    def _longest(self, tokens: Sequence[str], at: int,
                 node: _Node) -> tuple[frozenset[str] | None, int]:
        """The labels and end of the longest phrase going on from ``node`` (its words end
        before ``at``), straight on or through a hedge."""
        best = (node.labels, at)
        if at >= len(tokens) or not node.after:
            return best
        steps = [(at + 1, node.after.get(tokens[at]))]
        for hedge in self.hedges.get(tokens[at], ()):
            end = at + len(hedge)
            if tuple(tokens[at:end]) == hedge and end < len(tokens):
                steps.append((end + 1, node.after.get(tokens[end])))
        for after, following in steps:
            if following is not None:
                found = self._longest(tokens, after, following)
                if found[0] is not None and (best[0] is None or found[1] > best[1]):
                    best = found
        return best


@dataclass(frozen=True)
class Scope:
    """One modifier compiled: the labels of its triggers and of what stops them (a
    trigger before the span: ``before_stops``; after it: ``stops``)."""

    name: str
    status: str
    before_label: str
    after_label: str
    before_window: int
    after_window: int
    stops: frozenset[str]
    before_stops: frozenset[str]

    @classmethod
    def of(cls, name: str, status: str, before_window: int, after_window: int,
           across_breaks: bool = False) -> Scope:
        """The scope of modifier ``name``, whose triggers are labelled before:/after:name;
        ``across_breaks``: only its own breaks end it, not the global ones."""
        stops = {f"break:{name}"} if across_breaks else {BREAK, f"break:{name}"}
        return cls(name, status, f"before:{name}", f"after:{name}", before_window,
                   after_window, frozenset(stops),
                   frozenset({*stops, f"{BEFORE_BREAK}:{name}"}))


class Scanned:
    """One text's spans, with a look-up of what modifies any range of its words."""

    def __init__(self, spans: list[Span],
                 supposed: Sequence[tuple[int, int]] = (),
                 told: Sequence[tuple[int, int]] = ()) -> None:
        """``supposed``, ``told``: word ranges of clauses that suppose what they say, and
        of those told as reports though opened as a supposition (skill.nlu.conditional)."""
        self.spans = spans
        self.supposed = supposed
        self.told = told
        self.starts = [s.start for s in spans]
        self.indices: dict[str, list[int]] = {}
        for index, span in enumerate(spans):
            for label in span.labels:
                self.indices.setdefault(label, []).append(index)
        self._memo: dict[tuple[int, int, str], bool] = {}

    def with_label(self, label: str) -> list[Span]:
        return [self.spans[i] for i in self.indices.get(label, ())]

    def reaches(self, start: int, end: int, scope: Scope) -> bool:
        """Whether a trigger of ``scope`` reaches words ``start``..``end``."""
        key = (start, end, scope.before_label)
        if key not in self._memo:
            self._memo[key] = self._reaches(start, end, scope)
        return self._memo[key]

    def _reaches(self, start: int, end: int, scope: Scope) -> bool:
        if scope.before_label not in self.indices and scope.after_label not in self.indices:
            return False
        k = bisect_left(self.starts, start)
        for j in range(k - 1, -1, -1):
            span = self.spans[j]
            if start - span.end > scope.before_window:
                break
            if scope.before_label in span.labels:
                return True
            if span.labels & scope.before_stops:
                break
        j = k
        while j < len(self.spans) and self.spans[j].start < end:
            j += 1  # the range's own words modify nothing
        for span in self.spans[j:]:
            if span.start - end > scope.after_window:
                break
            if scope.after_label in span.labels:
                return True
            if span.labels & scope.stops:
                break
        return False

    def status(self, ranges: Iterable[tuple[int, int]], scopes: Sequence[Scope],
               default: str, supposing: str | None = None) -> str:
        """The first scope (in precedence order) that reaches any of ``ranges``; else
        ``supposing``, if given, for a range inside a supposed clause."""
        ranges = list(ranges)
        # a report under a question's opener: "what if i just fell" is no supposition
        told = supposing is not None and _inside(ranges, self.told)
        for scope in scopes:
            if scope.before_label not in self.indices and scope.after_label not in self.indices:
                continue  # no trigger of it in the text: it reaches nothing (_reaches)
            if told and scope.status == supposing:
                continue
            if any(self.reaches(start, end, scope) for start, end in ranges):
                return scope.status
            if scope.name in LISTING and all(
                    any(self.reaches(first, last, scope) for first, last in self.listed(start))
                    for start, _ in ranges):
                return scope.status
        if supposing and _inside(ranges, self.supposed):
            return supposing
        return default

    def listed(self, start: int) -> list[tuple[int, int]]:
        """The concepts listed with the one at ``start``, each joined to the next by one
        word: a one-word clause break ("infection and bleeding") or a word of no label
        ("bleeding or infection")."""
        found = []
        k = bisect_left(self.starts, start)
        for step in (-1, 1):
            j: int | None = k if k < len(self.spans) and self.starts[k] == start else None
            while j is not None and (j := self._joined(j, step)) is not None:
                found.append((self.spans[j].start, self.spans[j].end))
        return found

    def _joined(self, j: int, step: int) -> int | None:
        """The index of the concept listed next to span ``j`` on the side ``step``."""
        spans, i = self.spans, j + step
        if not 0 <= i < len(spans):
            return None
        if _is_concept(spans[i]) and _between(spans[j], spans[i]) == 1:
            return i
        far = i + step
        if (_is_joiner(spans[i]) and _between(spans[j], spans[i]) == 0
                and 0 <= far < len(spans) and _is_concept(spans[far])
                and _between(spans[i], spans[far]) == 0):
            return far
        return None


def _between(one: Span, other: Span) -> int:
    """How many words stand between two spans."""
    return other.start - one.end if one.start < other.start else one.start - other.end


def _is_concept(span: Span) -> bool:
    return any(label.startswith(CONCEPT) for label in span.labels)


def _is_joiner(span: Span) -> bool:
    return span.end - span.start == 1 and BREAK in span.labels


def _inside(ranges: list[tuple[int, int]], clauses: Sequence[tuple[int, int]]) -> bool:
    """Whether one of ``ranges`` lies inside one of ``clauses``."""
    return any(first <= start and end <= last for start, end in ranges
               for first, last in clauses)


def after_contrast(scanned: Scanned, parts: Sequence[Span]) -> list[Span]:
    """The parts after the last contrast word among them ("the wound looked fine
    yesterday but it is red today": the red), none if no contrast stands between: only
    the words after it tell what is so now."""
    first, last = min(p.start for p in parts), max(p.end for p in parts)
    cut = max((s.start for s in scanned.with_label(PAIR_BREAK) if first < s.start < last),
              default=None)
    return [] if cut is None else [p for p in parts if p.start > cut]


def _partners(scanned: Scanned, anchor: int, label: str, window: int,
              contrast: bool) -> list[Span]:
    """The spans with ``label`` within ``window`` words of the anchor span, not across a
    contrast word unless ``contrast``, nearest first (at most PARTNERS)."""
    spans, here = scanned.spans, scanned.spans[anchor]
    found: list[tuple[int, Span]] = []
    for step in (-1, 1):
        j = anchor + step
        while 0 <= j < len(spans):
            span = spans[j]
            gap = here.start - span.end if step < 0 else span.start - here.end
            if gap > window or (PAIR_BREAK in span.labels and not contrast):
                break
            if label in span.labels:
                found.append((gap, span))
            j += step
    return [span for _, span in sorted(found, key=lambda pair: pair[0])][:PARTNERS]


def pairings(scanned: Scanned, labels: tuple[str, ...], window: int,
             contrast: bool) -> Iterator[tuple[list[Span], bool]]:
    """The spans of each place where all of a rule's concept labels stand together, and
    whether they are the nearest partners: those first, then the others in the window
    ("my incision is not pink any more, it is red": the site with the red too, not only
    with the pink denied)."""
    first, *others = labels
    for index in scanned.indices.get(first, ()):
        found = [_partners(scanned, index, label, window, contrast) for label in others]
        for number, partners in enumerate(product(*found)):
            yield [scanned.spans[index], *partners], number == 0

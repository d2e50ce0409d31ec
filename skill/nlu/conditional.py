"""Conditional clauses asked about, not reported (the safety file's ``conditional:``
section).

"should i worry if i get chills", "what do i do in case the wound opens": a clause opened
by "if", "what if", "in case" or "in the event" and governed by a question or advice head
before it supposes the finding when it tells what may come (an onset: "gets", "starts",
"goes", "falls", "will", "were to"). A state said now ("should i worry if my incision is
red", "is it bad if i can't breathe when i lie down") may be the speaker's own and stays a
report. A supposed clause is asked unless it is itself a report: a report marker inside
it (a past time, "now", "still", "already", "since lunch", "been"), a past-tense verb or a
sign going on ("keeps"), or the present progressive ("what if i am bleeding right now",
"is it bad if i fell yesterday"). A report marker or the speaker's own progressive also
keeps every other asked trigger out of the clause: "what if i fell this morning" is told.
A "because", "since" or "but" ends the clause: what follows is no supposition ("is it bad
if i walk because my leg went numb").

Left out, for the reports they took: "when", "whenever", "once" and "after" (a habit or a
time told is a report: "when i breathe in my chest hurts, should i worry", "post-op day
three, the incision is red, what do i do"), and a head after the clause ("if i bend over
the incision splits open, is that normal": the report is the main clause, not the
supposition).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from skill.nlu.context import PhraseTable, Span

# The section's word classes, by key (skill.content.safety_spec.CONDITIONAL_KEYS).
OPENER: Final = "openers"  # open a supposed clause: if, what if, in case...
HEAD: Final = "heads"  # a question or advice head that governs it: should i, is it...
END: Final = "ends"  # end a clause besides a head: but, because, and now...
REPORT: Final = "reports"  # say the clause is told as a report: right now, already...
PAST: Final = "past"  # a past-tense verb: fell, woke, was...
ONSET: Final = "onsets"  # what may come: gets, starts, goes, falls, will, were to...
# The furthest a clause reaches past its opener.
WINDOW: Final = 8
# Present progressive: "am/is/are" and a verb in -ing; not "is going to", which
# supposes, nor the speaker's thinking or asking ("i am wondering", "i am asking").
_BE: Final = frozenset({"am", "is", "are"})
_NOT_PROGRESSIVE: Final = frozenset({
    "going", "thing", "something", "nothing", "anything", "wondering", "asking", "thinking",
    "hoping", "guessing", "worrying", "planning", "trying", "checking"})


class Clauses:
    """The conditional section compiled: which words of a text lie in an asked clause."""

    def __init__(self, phrases: Mapping[str, Iterable[str]]) -> None:
        """``phrases``: normalized phrases by the section's key."""
        self.table = PhraseTable((p, key) for key, found in phrases.items() for p in found)

    def asked(self, words: list[str]) -> tuple[tuple[tuple[int, int], ...],
                                               tuple[tuple[int, int], ...]]:
        """The word ranges (start, end exclusive) of the asked clauses of ``words``, and
        those of the clauses told as reports under a question's opener ("what if i am
        bleeding right now": no other asked trigger reaches into them)."""
        spans = self.table.scan(words)
        out, told = [], []
        for index, opener in enumerate(spans):
            if OPENER not in opener.labels:
                continue
            end = self._end(spans[index + 1:], opener.end + WINDOW, len(words))
            governed = HEAD in opener.labels or any(HEAD in s.labels for s in spans[:index])
            inside = [s for s in spans[index + 1:] if s.start < end]
            if any(REPORT in s.labels for s in inside) or _progressive(
                    words, opener.end, end, speaker=True):
                told.append((opener.end, end))
            elif governed and any(ONSET in s.labels for s in inside) and not any(
                    PAST in s.labels for s in inside) and not _progressive(
                    words, opener.end, end, speaker=False):
                out.append((opener.end, end))
        return tuple(out), tuple(told)

    @staticmethod
    def _end(spans: list[Span], limit: int, count: int) -> int:
        """Where the clause ends: at a head, an end word or the window's edge."""
        for span in spans:
            if span.start >= limit:
                break
            if HEAD in span.labels or END in span.labels:
                return span.start
        return min(limit, count)


def _progressive(words: list[str], start: int, end: int, speaker: bool) -> bool:
    """A present progressive in words ``start``..``end``: the speaker's own ("i am
    bleeding"), which tells a report even under "what if", or anyone's ("it is leaking"),
    which is told rather than supposed."""
    return any(words[i] in _BE and words[i + 1].endswith("ing")
               and words[i + 1] not in _NOT_PROGRESSIVE
               and (not speaker or (i > 0 and words[i - 1] == "i"))
               for i in range(start, end - 1))

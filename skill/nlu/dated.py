"""A named year or month is long past only by the calendar: the phrases of
intents/_safety.yaml that hold one (modifiers told_past and told_long_ago, and their
pseudo phrases) are dropped from a scan when it is the recovery's own time. This year
and last year are the recovery's ("i fainted in 2025", said in 2026, is now), earlier
years long past; a month is long past only when it is neither this month nor last month
("he fell in the bathroom in november", said in November, is now). The clock is the
safety engine's (skill.nlu.safety.Engine's ``today``), injectable for tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Final

from skill.nlu.context import Span

MONTHS: Final = ("january february march april may june july august september october "
                 "november december").split()
# The day the safety file's examples are said on (`si-skill validate`) and the tests'
# calendar (tests/conftest.py): its months and years told as long past stay so all year.
EXAMPLES_DAY: Final = date(2026, 1, 15)
# The calendar the engine reads by default: the real one, unless set_clock pins another.
_CLOCK: list[Callable[[], date]] = [date.today]
# A year in digits, as normalize() leaves it ("2019"); spoken centuries ("19 85") are
# never this year or last.
YEAR_DIGITS: Final = 4


def today() -> date:
    """The day it is by the calendar in use (the real one unless ``set_clock``)."""
    return _CLOCK[0]()


def set_clock(clock: Callable[[], date]) -> None:
    """Read named years and months by ``clock`` from now on (tests pin a day)."""
    _CLOCK[0] = clock


def recent(word: str, today: date) -> bool:
    """Whether ``word`` names this year or last (or one to come), or this month or last."""
    if len(word) == YEAR_DIGITS and word.isdigit():
        return int(word) >= today.year - 1
    if word in MONTHS:
        month = MONTHS.index(word) + 1
        return month in (today.month, (today.month - 2) % 12 + 1)
    return False


def undated(spans: Iterable[Span], words: Sequence[str], today: date) -> Iterator[Span]:
    """``spans`` but those holding a recent year or month (``recent``)."""
    return (s for s in spans if not any(recent(w, today) for w in words[s.start:s.end]))

"""A named year or month is long past only by the calendar: the phrases of
intents/_safety.yaml that hold one (modifiers told_past and told_long_ago, and their
pseudo phrases) are dropped from a scan when it is the recovery's own time. This year
is the recovery's ("i fainted in 2026", said in 2026, is now), earlier years long past
("in 2025", said in November 2026), but a month with its year within the last two months
("december 2025", said in January 2026); a month alone is long past only when it is
neither this month nor last month ("he fell in the bathroom in november", said in
November, is now). A month's name that may be another word ("may" the modal, "march" the
verb) is a month only with a month's words beside it ("in may", "may 2025", "may the
3rd"). The clock is the safety engine's (skill.nlu.safety.Engine's ``today``),
injectable for tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Final

from skill.nlu.context import Span

MONTHS: Final = ("january february march april may june july august september october "
                 "november december").split()
# Month names that are other words too: "my incision may get infected", "march in place".
OTHER_WORDS: Final = frozenset({"may", "march"})
# The words before a month's name that make it one: "in may", "last march", "since may"
# (not "this", "by", "of": "this may be nothing", "the bandage held by may" is rare).
MONTH_OPENERS: Final = frozenset("in last since early late mid until till from during through "
                                 "past".split())
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
    """Whether ``word`` names this year (or one to come), or this month or last."""
    if _year(word):
        return int(word) >= today.year
    if word in MONTHS:
        return _months_ago(MONTHS.index(word) + 1, today.year, today) in (0, 1)
    return False


def recent_at(words: Sequence[str], k: int, today: date) -> bool:
    """Whether ``words[k]`` names a recent time (``recent``), read with its neighbours: a
    month with its year, or a year after its month, is recent within the last two months
    (or to come);
    a month's name that may be another word is a month only in a month's words."""
    word = words[k]
    after = words[k + 1] if k + 1 < len(words) else ""
    before = words[k - 1] if k else ""
    if word in MONTHS and _year(after):
        return _months_ago(MONTHS.index(word) + 1, int(after), today) <= 1
    if _year(word) and before in MONTHS:
        return _months_ago(MONTHS.index(before) + 1, int(word), today) <= 1
    if word in OTHER_WORDS and not _a_month(words, k):
        return False
    return recent(word, today)


def undated(spans: Iterable[Span], words: Sequence[str], today: date) -> Iterator[Span]:
    """``spans`` but those holding a recent year or month (``recent_at``)."""
    return (s for s in spans
            if not any(recent_at(words, k, today) for k in range(s.start, s.end)))


def _year(word: str) -> bool:
    return len(word) == YEAR_DIGITS and word.isdigit()


def _months_ago(month: int, year: int, today: date) -> int:
    """How many months before ``today`` the month ``month`` of ``year`` is; a month alone
    is read in its last twelve months (``year`` this one, wrapped)."""
    ago = (today.year - year) * 12 + today.month - month
    return ago % 12 if year == today.year and ago < 0 else ago


def _a_month(words: Sequence[str], k: int) -> bool:
    """Whether the month's name at ``k`` has a month's words beside it: a word that
    opens a time before it, or a day after it ("may 3", "may the 3rd")."""
    before = words[k - 1] if k else ""
    after = words[k + 1:k + 3]
    return before in MONTH_OPENERS or bool(after) and (
        _day(after[0]) or after[0] == "the" and len(after) > 1 and _day(after[1]))


def _day(word: str) -> bool:
    digits = word.rstrip("stndrh")
    return digits.isdigit() and 1 <= int(digits) <= 31

"""A named year or month is long past only by the calendar (skill.nlu.dated): this year,
this month and last (a month with its year too) are the recovery's own time; "may" and
"march" are months only with a month's words beside them."""

from __future__ import annotations

from datetime import date

import pytest

from skill.content import safety_spec
from skill.content.loader import data_root
from skill.nlu import dated, safety
from skill.nlu.normalize import normalize

NOVEMBER_2026 = date(2026, 11, 20)


@pytest.fixture(scope="module")
def engine() -> safety.Engine:
    return safety.Engine(safety_spec.load(data_root()), today=lambda: NOVEMBER_2026)


def _reported(engine: safety.Engine, text: str) -> bool:
    return safety.first_reported(engine.findings(normalize(text))) is not None


@pytest.mark.parametrize("text", [
    "she passed out on the stairs in november",
    "he took a fall off the porch in october",
    "i collapsed in the garden in 2026",
])
def test_this_year_last_year_this_month_last_month_are_now(engine, text):
    assert _reported(engine, text)


@pytest.mark.parametrize("text", [
    "she passed out on the stairs in september",
    "my mother blacked out in 2024",
    "in 1998 i collapsed at work",
    # a year before this one, its month or not
    "my mother blacked out in 2025",
    "in october 2025 she fainted at work",
])
def test_earlier_years_and_months_are_long_past(engine, text):
    assert not _reported(engine, text)


def test_a_month_with_last_year_is_now_within_two_months():
    january = safety.Engine(safety_spec.load(data_root()), today=lambda: date(2027, 1, 10))
    assert _reported(january, "she passed out on the stairs in december 2026")
    assert not _reported(january, "she passed out on the stairs in october 2026")


@pytest.mark.parametrize(("text", "reported"), [
    # the modal verb is no month: the question stays asked in May
    ("my incision may get infected", False),
    ("the wound may open up if i bend", False),
    # the month said with a month's words
    ("in may i fainted at a wedding", True),
])
def test_may_is_a_month_only_in_a_months_words(text, reported):
    may = safety.Engine(safety_spec.load(data_root()), today=lambda: date(2026, 5, 10))
    assert _reported(may, text) is reported


def test_a_month_name_that_is_another_word():
    words = "when i march in place since march".split()
    today = date(2026, 3, 15)
    assert not dated.recent_at(words, 2, today) and dated.recent_at(words, 6, today)


def test_recent_reads_the_calendar_given():
    assert dated.recent("january", date(2027, 2, 1))
    assert not dated.recent("january", date(2027, 4, 1))
    assert dated.recent("december", date(2027, 1, 5))
    assert dated.recent("2027", date(2027, 6, 1)) and not dated.recent("2026", date(2027, 6, 1))

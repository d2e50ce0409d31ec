"""A named year or month is long past only by the calendar (skill.nlu.dated): this year
and last, this month and last, are the recovery's own time."""

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
    "my mother blacked out in 2025",
    "i collapsed in the garden in 2026",
])
def test_this_year_last_year_this_month_last_month_are_now(engine, text):
    assert _reported(engine, text)


@pytest.mark.parametrize("text", [
    "she passed out on the stairs in september",
    "my mother blacked out in 2024",
    "in 1998 i collapsed at work",
])
def test_earlier_years_and_months_are_long_past(engine, text):
    assert not _reported(engine, text)


def test_recent_reads_the_calendar_given():
    assert dated.recent("january", date(2027, 2, 1))
    assert not dated.recent("january", date(2027, 4, 1))
    assert dated.recent("december", date(2027, 1, 5))
    assert dated.recent("2026", date(2027, 6, 1)) and not dated.recent("2025", date(2027, 6, 1))

import pytest

from skill.nlu.fever import Level, assess


@pytest.mark.parametrize(
    ("value", "unit", "level", "celsius"),
    [
        (99.5, None, Level.LOW, False),
        (100.4, None, Level.LOW, False),
        (101, None, Level.AT_LINE, False),
        (101.5, None, Level.HIGH, False),
        (102, None, Level.HIGH, False),
        (38.9, None, Level.HIGH, True),
        (37.5, None, Level.LOW, True),
        (38.3, "celsius", Level.LOW, True),
        (104, "fahrenheit", Level.HIGH, False),
        (500, None, Level.UNCLEAR, False),
        (-3, None, Level.UNCLEAR, False),
        (60, None, Level.UNCLEAR, False),
    ],
)
def test_assess_compares_reading_with_101_fahrenheit(value, unit, level, celsius):
    reading = assess(value, unit)
    assert reading.level is level
    assert reading.celsius is celsius


def test_assess_spoken_reading_names_the_unit():
    assert assess(38.9).spoken() == "38.9 degrees Celsius"
    assert assess(102).spoken() == "102 degrees Fahrenheit"

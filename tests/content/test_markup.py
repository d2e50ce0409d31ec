"""Numbers written once: words for the ear, digits and units for the eye."""

from __future__ import annotations

import pytest

from skill.content import markup


@pytest.mark.parametrize(("marked", "ear", "eye"), [
    ("[[101 °F]]", "one hundred one degrees Fahrenheit", "101 °F"),
    ("[[38.3 °C]]", "thirty-eight point three degrees Celsius", "38.3 °C"),
    ("[[911]]", "nine one one", "911"),
    ("[[10 pounds]]", "ten pounds", "10 pounds"),
    ("[[3 to 4 months]]", "three to four months", "3 to 4 months"),
    ("about [[1 hour]]", "about one hour", "about 1 hour"),
])
def test_number_is_said_in_words_and_shown_in_digits(marked, ear, eye):
    assert markup.for_ear(marked) == ear
    assert markup.for_eye(marked) == eye


def test_markup_that_is_not_a_number_is_reported():
    assert markup.problems("lift [[ten pounds]]")
    assert markup.problems("lift [[10 pounds")
    assert markup.problems("lift [[10 pounds]]") == []

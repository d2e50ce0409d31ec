"""Numbers written once in the answers, rendered for the ear and for the eye.

In responses.yaml a number and its unit sit in double brackets: ``[[10 pounds]]``,
``[[101 °F]]``, ``[[3 to 4 months]]``, ``[[911]]``. Speech gets words Alexa says well
("ten pounds", "one hundred one degrees Fahrenheit", "nine one one"); the card gets
digits and units ("10 pounds", "101 °F", "911").
"""

from __future__ import annotations

import re
from typing import Final

MARK: Final = re.compile(r"\[\[([^\[\]]+)\]\]")
_NUMBER: Final = r"\d+(?:\.\d+)?"
_BODY: Final = re.compile(rf"^(?P<a>{_NUMBER})(?: to (?P<b>{_NUMBER}))?(?: (?P<unit>.+))?$")
# How a unit is said; a unit not listed is said as written ("pounds", "months").
SPOKEN_UNITS: Final = {"°F": "degrees Fahrenheit", "°C": "degrees Celsius"}
# A bare whole number with this many digits or more is a number to dial (911): it is
# said digit by digit. Every quantity in the guide carries a unit.
DIAL_DIGITS: Final = 3
_ONES: Final = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS: Final = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


class MarkupError(ValueError):
    """A ``[[...]]`` that is not a number with an optional unit."""


def _whole(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {_whole(rest)}" if rest else "")
    raise MarkupError(f"{n} is too large to say")


def number_words(text: str) -> str:
    """"38.3" -> "thirty-eight point three"."""
    whole, _, decimals = text.partition(".")
    said = _whole(int(whole))
    return f"{said} point {' '.join(_ONES[int(d)] for d in decimals)}" if decimals else said


def _parse(body: str) -> re.Match[str]:
    found = _BODY.match(body.strip())
    if found is None:
        raise MarkupError(f"[[{body}]] is not a number with an optional unit")
    return found


def _ear(body: str) -> str:
    found = _parse(body)
    a, b, unit = found.group("a"), found.group("b"), found.group("unit")
    if b is None and unit is None and "." not in a and len(a) >= DIAL_DIGITS:
        return " ".join(_ONES[int(d)] for d in a)
    said = number_words(a) + (f" to {number_words(b)}" if b else "")
    return f"{said} {SPOKEN_UNITS.get(unit, unit)}" if unit else said


def _eye(body: str) -> str:
    _parse(body)
    return " ".join(body.split())


def for_ear(text: str) -> str:
    """``text`` with every marked number in words."""
    return MARK.sub(lambda m: _ear(m.group(1)), text)


def for_eye(text: str) -> str:
    """``text`` with every marked number in digits and units."""
    return MARK.sub(lambda m: _eye(m.group(1)), text)


def problems(text: str) -> list[str]:
    """What is wrong with the markup in ``text`` (empty when it renders)."""
    found = []
    for mark in MARK.finditer(text):
        try:
            _ear(mark.group(1))
        except MarkupError as error:
            found.append(str(error))
    if text.count("[[") != len(MARK.findall(text)):
        found.append("unbalanced [[ ]]")
    return found

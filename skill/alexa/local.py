"""What the request's locale changes in an answer: the emergency number and the unit of
the guide's fever line. The facts stay the guide's.

``{emergency}`` in an answer is the locale's emergency number (or EMERGENCY_NUMBER):
spoken the way people there say it ("triple zero"), shown as digits on cards and
screens. Where people use Celsius first, the guide's 101 °F is said as 38.3 °C (unless
the user's own reading was in Fahrenheit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from skill.config import Config
from skill.content.locales import Locale
from skill.nlu import fever

# The guide's fever line as the answers write it ("over one hundred one degrees
# Fahrenheit", "over one hundred one"), or as digits ("101 °F").
# Answers mark it as a number once ("[[101 °F]]"), so the whole mark is replaced.
GUIDE_LINE: Final = re.compile(
    r"\[\[101 ?°F\]\]|\bone hundred (?:and )?one(?: degrees(?: fahrenheit)?)?\b|\b101 ?°F",
    re.IGNORECASE)
# The line in Celsius, to the tenth a thermometer shows: 101 °F is 38.33 °C.
LINE_CELSIUS: Final = round((fever.THRESHOLD_F - 32) * 5 / 9, 1)
_ONES: Final = ("zero one two three four five six seven eight nine ten eleven twelve "
                "thirteen fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS: Final = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(whole: int) -> str:
    """0-99 in words ("thirty eight")."""
    if whole < 20:
        return _ONES[whole]
    tens, ones = divmod(whole, 10)
    return _TENS[tens] + (f" {_ONES[ones]}" if ones else "")


def said(value: float) -> str:
    """A body temperature in Celsius as Alexa should say it: "thirty eight point three"."""
    whole, tenth = divmod(round(value * 10), 10)
    return _words(whole) + (f" point {_ONES[tenth]}" if tenth else "")


@dataclass(frozen=True)
class Local:
    """One request's locale, as the answers need it."""

    emergency: str  # digits, for cards and screens
    emergency_said: str  # SSML-safe words, for speech
    celsius: bool  # the guide's line in °C when the user gave no reading

    @classmethod
    def of(cls, locale: Locale, config: Config) -> Local:
        number = config.emergency_number
        if number is None or number == locale.emergency:
            return cls(locale.emergency, locale.emergency_said, locale.celsius)
        return cls(number, f'<say-as interpret-as="telephone">{number}</say-as>',
                   locale.celsius)

    def line(self, unit: str | None) -> tuple[str, str] | None:
        """The guide's line (card text, speech) in Celsius where people use Celsius first,
        unless the user gave the reading (``unit``) in Fahrenheit; None keeps the guide's
        Fahrenheit (en-US keeps it for a Celsius reading too)."""
        if self.celsius and unit != "fahrenheit":
            return f"{LINE_CELSIUS:g} °C", f"{said(LINE_CELSIUS)} degrees Celsius"
        return None

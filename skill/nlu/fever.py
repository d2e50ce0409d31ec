"""Compare a temperature reading with the guide's threshold: call for a fever over 101 °F."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from skill.nlu.numbers import to_float

# The guide: "Call your care team right away if you experience: Fever over 101°F".
THRESHOLD_F: Final = 101.0
# Readings within this of the threshold are "at the line" (thermometers show tenths).
AT_LINE_TOLERANCE_F: Final = 0.05
# A bare number between about 34 and 43 is Celsius (a body temperature in Fahrenheit
# is never that low); human temperatures in Fahrenheit fall well inside 90-115.
# Anything else is not a body temperature we trust.
CELSIUS_RANGE: Final = (34.0, 43.0)
FAHRENHEIT_RANGE: Final = (90.0, 115.0)


class Level(enum.Enum):
    HIGH = "high"  # over 101 °F: call right away
    AT_LINE = "at_line"  # exactly 101 °F: say so, lean to calling
    LOW = "low"  # not over 101 °F: say the threshold
    UNCLEAR = "unclear"  # not a believable body temperature


@dataclass(frozen=True)
class Reading:
    value: float
    celsius: bool
    fahrenheit: float
    level: Level

    def spoken(self) -> str:
        """The reading for the answer, e.g. "102 degrees Fahrenheit" (Alexa says the digits)."""
        number = f"{self.value:g}"
        return f"{number} degrees {'Celsius' if self.celsius else 'Fahrenheit'}"


def _within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def assess(value: float, unit: str | None = None) -> Reading:
    """Classify a reading; ``unit`` is 'celsius', 'fahrenheit' or None (guess from range)."""
    unit = (unit or "").lower()
    if unit.startswith("c"):
        celsius = True
    elif unit.startswith("f"):
        celsius = False
    else:
        celsius = _within(value, CELSIUS_RANGE)
    fahrenheit = value * 9 / 5 + 32 if celsius else value
    plausible = _within(value, CELSIUS_RANGE) if celsius else _within(value, FAHRENHEIT_RANGE)
    if not plausible:
        level = Level.UNCLEAR
    elif abs(fahrenheit - THRESHOLD_F) < AT_LINE_TOLERANCE_F:
        level = Level.AT_LINE
    elif fahrenheit > THRESHOLD_F:
        level = Level.HIGH
    else:
        level = Level.LOW
    return Reading(value=value, celsius=celsius, fahrenheit=fahrenheit, level=level)


def reading_level(slots: Mapping[str, str]) -> Level | None:
    """The level of the reading in the ``temperature`` (and ``unit``) slots; None
    without one."""
    value = to_float(slots.get("temperature", ""))
    return None if value is None else assess(value, slots.get("unit")).level

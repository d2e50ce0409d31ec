"""A question that converts a measure from one unit to another is the speaker's
everyday arithmetic, not the guide's limit in that unit.

"How many pounds is one kilogram", "one pound is how many kilogram", "what is 180
degrees celsius in fahrenheit": a count or an article before one unit and another unit
asked for. "How many pounds is the limit" and "ten pounds is how much" ask the guide's
limit and stay questions; a reading said by a person ("my temp is 37.9, what is that in
fahrenheit") sets no unit beside its number and so converts nothing here.
"""

from __future__ import annotations

import re
from typing import Final

# Units of weight, temperature, length and volume, as normalize() leaves them.
UNIT: Final = (
    r"(?:pounds?|lbs?|kilos?|kilo grams?|kilograms?|kgs?|grams?|ounces?|oz|stones?"
    r"|(?:degrees )?(?:celsius|fahrenheit|centigrade)|inch(?:es)?|feet|foot|cm"
    r"|centimet(?:er|re)s?|met(?:er|re)s?|miles?|km|kilomet(?:er|re)s?|lit(?:er|re)s?"
    r"|gallons?|cups?|pints?)")
# A count: a number or an article ("a stone", "1 kilogram").
COUNT: Final = r"(?:a|an|\d+(?:\.\d+)?)"
CONVERTS: Final = re.compile(
    rf"\bhow many {UNIT} (?:is|are|in|make|makes) {COUNT} {UNIT}\b"
    rf"|\b{COUNT} {UNIT} (?:is|are|equals|makes) how many {UNIT}\b"
    rf"|\b\d+(?:\.\d+)? {UNIT} (?:in|to|into) {UNIT}\b")


def converts_units(normalized: str) -> bool:
    """Whether ``normalized`` converts a count of one unit into another."""
    return CONVERTS.search(normalized) is not None

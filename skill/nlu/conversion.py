"""A question that converts a measure from one unit to another is the speaker's
everyday arithmetic, not the guide's limit in that unit.

"How many pounds is one kilogram", "one pound is how many kilogram", "what is 180
degrees celsius in fahrenheit": a count or an article before one unit and another unit
asked for. "How many pounds is the limit" and "ten pounds is how much" ask the guide's
limit and stay questions; a reading said by a person ("my temp is 37.9, what is that in
fahrenheit") sets no unit beside its number and so converts nothing here.

Steps are a unit of distance too ("how many steps is a mile", "how many steps in a 5k":
a pedometer's arithmetic, not the walking plan). A thing's weight or load asked of a
thing counted ("how much does a bag of soil weigh", "how heavy is a full fish tank",
"how much weight can a shelf hold") with nobody in the question is everyday measure,
not the lifting limit: "how heavy is too heavy" counts no thing, and "how much does a
laundry basket weigh, can i carry it" is the patient's.
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
# Distances walked or run, for steps counted in them ("a 5k", "a half marathon").
DISTANCE: Final = (r"(?:miles?|km|kilomet(?:er|re)s?|\d+ ?k|(?:half )?marathons?"
                   r"|blocks?|laps?)")
# A count: a number or an article ("a stone", "1 kilogram").
COUNT: Final = r"(?:a|an|\d+(?:\.\d+)?)"
CONVERTS: Final = re.compile(
    rf"\bhow many {UNIT} (?:is|are|in|make|makes) {COUNT} {UNIT}\b"
    rf"|\b{COUNT} {UNIT} (?:is|are|equals|makes) how many {UNIT}\b"
    rf"|\b\d+(?:\.\d+)? {UNIT} (?:in|to|into) {UNIT}\b"
    rf"|\bhow many steps (?:(?:is|are|in|make|makes|to walk|for) )+{COUNT} {DISTANCE}\b")
# A number said in two units, nobody's reading ("what's 225 fahrenheit and celsius").
BOTH_UNITS: Final = re.compile(rf"\b\d+(?:\.\d+)? {UNIT} (?:and|or) (?:in )?{UNIT}\b")
# A thing counted (an article or a number before it) whose weight or load is asked.
THING: Final = r"(?:a|an|one|\d+(?:\.\d+)?) \S+"
WEIGHED: Final = re.compile(
    rf"\bhow (?:much|heavy) (?:(?:does|do|is|are|would|will|can) )?{THING}(?: \w+)*? weighs?\b"
    rf"|\bhow heavy (?:(?:is|are|would be|will be) )?{THING}"
    rf"|\bhow (?:much|many \w+) (?:weight )?(?:can|will|does|would) {THING}(?: \w+)*?"
    r" (?:hold|take|carry|support)\b")
# Anyone in the question: the measure may be the patient's own ("can i carry it").
# (a caregiver's "she" or "he" too: "how much does a toddler weigh, can she lift it")
PERSONS: Final = frozenset("i me my we our us you your myself he she him her his they them "
                           "their".split())

def converts_units(normalized: str) -> bool:
    """Whether ``normalized`` converts a count of one unit into another (steps in a
    distance, or a number in two units, only with nobody in it: "how many steps in a mile
    should i walk" asks)."""
    if BOTH_UNITS.search(normalized) is not None and PERSONS.isdisjoint(normalized.split()):
        return True
    found = CONVERTS.search(normalized)
    return found is not None and (not found.group(0).startswith("how many steps")
                                  or PERSONS.isdisjoint(normalized.split()))


def measures_a_thing(normalized: str) -> bool:
    """Whether ``normalized`` asks a counted thing's weight or load, nobody named."""
    return WEIGHED.search(normalized) is not None and PERSONS.isdisjoint(normalized.split())

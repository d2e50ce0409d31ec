"""A unit conversion is everyday arithmetic; the guide's limit asked in a unit is not."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skill.content import loader
from skill.nlu.conversion import converts_units, measures_a_thing
from skill.nlu.normalize import normalize
from skill.nlu.router import FALLBACK, route
from skill.review.evaluate import flagged_urgent


@pytest.mark.parametrize("text", [
    "how many pounds is one kilogram",
    "one pound is how many kilograms",
    "what is 180 degrees celsius in fahrenheit",
])
def test_a_conversion_is_declined(text):
    assert converts_units(normalize(text))
    assert route(text).intent == FALLBACK


@pytest.mark.parametrize(("text", "intent"), [
    ("how many pounds is the limit", "LiftingIntent"),
    ("ten pounds is how much in kilos", "LiftingIntent"),
])
def test_the_guides_limit_in_a_unit_is_still_asked(text, intent):
    assert not converts_units(normalize(text))
    assert route(text).intent == intent


def test_a_reading_with_a_conversion_is_still_a_fever_report():
    found = route("my temp is 38.9, what is that in fahrenheit")
    assert found.intent == "FeverIntent"
    # the unit asked for is not the reading's: 38.9 is Celsius, over the line
    assert flagged_urgent(found, loader.load_content())


def test_a_number_converted_is_no_reading():
    assert route("convert 39.5 celsius into fahrenheit please").intent == FALLBACK
    # a unit asked for, nobody's temperature: arithmetic, never the urgent answer
    found = route("what is 38.5 in fahrenheit")
    assert not flagged_urgent(found, loader.load_content())


@given(st.text(max_size=80))
def test_any_text_is_read_without_error(text):
    assert converts_units(normalize(text)) in (True, False)


@pytest.mark.parametrize("text", [
    "how many steps make a kilometer",
    "how many steps are in a 10k",
    "how much does a sack of sand weigh",
    "how heavy is a full watering can",
    "how much weight can a bookcase hold",
])
def test_steps_in_a_distance_and_a_things_weight_are_declined(text):
    assert route(text).intent == FALLBACK


@pytest.mark.parametrize(("text", "intent"), [
    ("how heavy is too heavy", "LiftingIntent"),
    ("how much does a laundry basket weigh, can i carry it", "LiftingIntent"),
    ("how many steps should i walk a day", "WalkingIntent"),
])
def test_a_measure_of_the_patients_own_is_still_asked(text, intent):
    assert not measures_a_thing(normalize(text))
    assert route(text).intent == intent


@pytest.mark.parametrize("text", [
    "temp 39.5 what is that in fahrenheit",
    "thermometer says 39.1 what is that in fahrenheit",
    "running 103 in fahrenheit",
])
def test_a_temperature_taken_with_a_unit_asked_is_still_a_fever_report(text):
    found = route(text)
    assert found.intent == "FeverIntent" and flagged_urgent(found, loader.load_content())


@pytest.mark.parametrize(("text", "intent"), [
    # someone in the question: the guide's rule, not a measure
    ("how much does a toddler weigh, can she lift it", "LiftingIntent"),
    ("how many steps in a mile should i walk", "WalkingIntent"),
])
def test_a_measure_asked_for_someone_is_the_guide_s_rule(text, intent):
    assert route(text).intent == intent

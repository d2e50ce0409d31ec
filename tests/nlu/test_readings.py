"""Body-temperature readings: every spoken form reads right; other numbers are no reading."""

from __future__ import annotations

import pytest

from skill.content import safety_spec
from skill.nlu import readings
from skill.nlu.normalize import normalize
from skill.nlu.router import route

SPEC = safety_spec.load().readings


def read(text: str) -> str | None:
    found = readings.find(normalize(text))
    return found.number if found else None


@pytest.mark.parametrize(("text", "number"), list(SPEC.reading_examples.items()))
def test_safety_file_reading_examples(text, number):
    assert read(text) == number


@pytest.mark.parametrize("text", SPEC.not_reading_examples)
def test_safety_file_not_reading_examples(text):
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("my temperature is 100 and 2.5", "102.5"),
        ("my temp is a hundred two point five", "102.5"),
        ("temperature one oh two point five", "102.5"),
        ("thirty-nine c", "39"),
        ("my temperature is 102 point 3", "102.3"),
        # homophones inside a digit-by-digit number, odd spellings of "hundred" and "and"
        ("her temperature is won oh for", "104"),
        ("temp reading a hundert n two point one", "102.1"),
        # "over" said last ends a radio call; only a number after it makes a ratio
        ("thermometer says one oh three over", "103"),
        ("it went from 99 to 102.5", "102.5"),
        # a second number that is a time or a count: no ratio
        ("temp is 102 over 2 days now", "102"),
        ("she was up to 102.6 by 4 this morning", "102.6"),
    ],
)
def test_speech_recognition_forms_read_right(text, number):
    assert read(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "the oven is at 350 degrees",
        "set the heat to 68",
        "set the thermostat to 101",
        "set a timer for 102 minutes",
        "it is going to be 101 degrees outside today",
        "my dog has a temperature of 103",
        "i weigh 102 pounds",
        "my oxygen is 98",
        "anatomy 101 was my favorite class",
        "tune the radio to 101.9",
    ],
)
def test_numbers_about_things_are_never_readings(text):
    assert read(text) is None
    assert route(text).slots.get("temperature") is None


@pytest.mark.parametrize(
    ("text", "urgent"),
    [
        ("my temperature is 101.5", True),
        ("my husband's temperature is 102", True),
        ("i took her temperature and it was 38.9 c", True),
        ("my temperature is 99.5", False),
        ("my temperature is 100.4", False),
        ("my temperature is 37.5", False),
    ],
)
def test_reading_over_101_fahrenheit_is_urgent(text, urgent):
    found = route(text)
    assert found.intent == "FeverIntent"
    assert str(found.rule or "").startswith("safety: fever") is urgent


def test_exactly_101_is_at_the_line():
    assert str(route("my temperature is 101").rule) == "safety: fever at_line"


def test_a_fever_of_someone_else_is_not_a_fever_reading():
    found = route("my cat is running a fever of 103")
    assert found.intent != "FeverIntent"
    assert "temperature" not in found.slots


@pytest.mark.parametrize("text", [
    "what if the thermometer says 103",
    "if i were to get a temperature of 102 should i call",
    # a climb supposed after "if": the reading it would reach
    "and if it goes up to one oh two",
    "if my temperature climbs to 102 should i call",
])
def test_a_reading_only_supposed_is_the_fever_topic_not_a_report(text):
    found = route(text)
    assert found.intent == "FeverIntent"
    assert not str(found.rule or "").startswith("safety")


@pytest.mark.parametrize(("text", "urgent"), [
    # a question's scope ends where a told clause with its reading starts
    ("what do they do in the operation my temp is 102.6", True),
    ("will i need physio my husband's temperature is 39.4", True),
    # a reading still inside the supposition stays supposed
    ("what happens in the operation if my temp is 102.6", False),
    ("will i get a fever of 103 after the surgery", False),
    # a short clause with its number, then a question on it: the reading is told
    ("she is at 103, do we take her in or wait", True),
    ("it is 102 now, can i wait till the morning", True),
    # the clause supposes it: "if" or "when" before the number
    ("when she is 102 do we take her in", False),
    # a climb told, or one supposed beside a reading told, reports
    ("it went up to 102 last night", True),
    ("my temperature is 101.5 and if it goes up to 103 should i go in", True),
    ("my temp is 102, what if it goes higher", True),
    # a thing's number (a price, an opening hour) is told by no pronoun or temperature word
    ("the invoice is 101 is that right", False),
    ("the shop is 102 how far is it", False),
])
def test_a_reading_told_after_a_question_is_a_report(text, urgent):
    assert str(route(text).rule or "").startswith("safety: fever") is urgent

"""The router on any input: any unicode, very long text, nothing at all, only numbers.

Whatever it is given, ``route()`` and ``explain()`` return a decision the skill can
act on (a known intent with its own slots, or the fallback); they never raise.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from skill.content import loader
from skill.nlu.numbers import to_float
from skill.nlu.router import FALLBACK, Step, explain, route

# Enough cases to cover odd unicode; deadline off because the first call builds the
# sample index, and the suite must not flake on a busy CI machine.
PROPERTY = settings(max_examples=200, deadline=None)
SPECS = {spec.name: spec for spec in loader.load_content().intents}
ROUTABLE = {name for name, spec in SPECS.items() if spec.router} | {FALLBACK}
NUMBER_WORDS = ["one", "oh", "two", "zero", "a", "hundred", "and", "point", "five", "ninety",
                "nine", "thirty", "eight", "ten", "1", "0", "2", "101", "102.5", "-", ".", ","]


def check_route(text: str) -> None:
    found = route(text)
    assert found.intent in ROUTABLE
    assert 0.0 <= found.score <= 100.0
    expected_slots = set(SPECS[found.intent].slots) if found.intent in SPECS else set()
    assert set(found.slots) <= expected_slots
    assert all(isinstance(v, str) and v for v in found.slots.values())
    assert route(text) == found  # the same words, the same answer


@PROPERTY
@given(st.text())
@example("")
@example("\x00\ud800\U0010ffff")  # NUL, a lone surrogate, the last code point
@example("\u202e\u200b\ufeff")  # bidi override, zero-width space, BOM
@example("²³ ١٠٢ １０２ ⑨")  # digits int() refuses and ones it takes
@example("1" * 5000)  # longer than int() converts
def test_route_any_unicode_is_a_known_intent(text):
    check_route(text)


@PROPERTY
@given(st.text(alphabet=string.whitespace + string.punctuation))
def test_route_no_words_falls_back(text):
    found = route(text)
    assert (found.intent, found.slots) == (FALLBACK, {})


@PROPERTY
@given(st.lists(st.sampled_from(NUMBER_WORDS), max_size=12).map(" ".join)
       | st.from_regex(r"[0-9 .,-]{0,40}", fullmatch=True))
def test_route_only_numbers_never_raises(text):
    check_route(text)
    temperature = route(text).slots.get("temperature")
    if temperature is not None:
        assert to_float(temperature) is not None


@PROPERTY
@given(st.decimals(min_value="101.1", max_value="114.9", places=1))
def test_route_any_reading_over_101_is_urgent_fever(reading):
    found = route(f"my temperature is {reading}")
    assert found.intent == "FeverIntent" and found.rule and found.rule.step is Step.SAFETY


@pytest.mark.parametrize("text", [
    "can I lift groceries " * 400,  # ~8,000 characters of a real question
    "a " * 20000,
    "my temperature is " + "9" * 3000,
    "\U0001f9b4" * 10000,  # emoji, outside the basic plane
])
def test_route_very_long_text_decides(text):
    check_route(text)


@PROPERTY
@given(st.text(max_size=300))
def test_explain_agrees_with_route(text):
    found = explain(text)
    assert found.route == route(text)
    assert len(found.candidates) <= 5
    assert [c.score for c in found.candidates] == sorted(
        (c.score for c in found.candidates), reverse=True)

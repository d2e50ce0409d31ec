"""A number told as a person's age is no reading (skill.nlu.ages) when the question asks
about age; a bare reading told with a time now, asked of the number, asked of the person
without an age word or with a call named still is. A word not heard
("i never heard that") is kept as heard, never repaired by sound into a hurt."""

from __future__ import annotations

import pytest

from tests.support.urgency import urgent


@pytest.mark.parametrize("text", [
    "my great aunt is 103, is she too frail for an operation like this",
    "grandpa is 101, is he too old to have it done",
    "my dad is 105 years old, can he have this",
    "she turned 102 last week, how long is the hospital stay",
])
def test_an_age_is_no_reading(text):
    assert not urgent(text)


@pytest.mark.parametrize("text", [
    "she is 103, should i phone someone",
    "he is 102 now, is that bad",
    "my husband is 103, is that too high",
    "i am at 102.5",
    "she is burning up, 103",
    "it is 102, is she okay",
    "she's 102, is she okay to walk",
    "he is 103 is he alright to sleep",
    # an age word, but no surgery asked about: the fever is told
    "she is 103, is she too frail to wait till the morning",
    "i am 102 am i too old to shake this off",
])
def test_a_reading_told_bare_stays_urgent(text):
    assert urgent(text)


@pytest.mark.parametrize("text", [
    "sorry i never heard what you said, once more please",
    "i have not heard of that before",
])
def test_a_word_not_heard_is_no_hurt(text):
    assert not urgent(text)

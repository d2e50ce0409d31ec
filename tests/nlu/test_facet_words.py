"""The words of facet phrases as the matcher meets them: what a user notices is that a
question in other words or forms gets the same point. Phrasings are the team's own."""

from __future__ import annotations

import pytest

from skill.content import answers, loader
from skill.nlu import facet_words, facets


def _entry(key: str) -> answers.Answer:
    return answers.of(loader.load_content())[key]


@pytest.mark.parametrize(("key", "text", "facet"), [
    # the operation, the procedure and the op are the surgery
    ("risks", "would i need a second operation if it fails to heal", "non_healing"),
    ("risks", "could i end up needing another procedure", "non_healing"),
    # everyday life is the guide's daily life
    ("candidacy", "does it have to wreck my everyday life before they'll do it",
     "quality_of_life"),
])
def test_a_word_the_guide_says_otherwise_gets_the_same_point(key, text, facet):
    assert facets.choose(text, _entry(key)) == facet


@pytest.mark.parametrize(("said", "data"), [
    ("mins", "minutes"), ("min", "minute"), ("hrs", "hours"), ("wks", "weeks"),
    ("centimetres", "centimeters"), ("millimetre", "millimeter"),
    ("operation", "surgery"), ("procedures", "surgery"), ("everyday", "daily"),
    ("sort", "kind"), ("type", "kind"),
])
def test_a_short_or_british_form_is_the_word_it_stands_for(said, data):
    (one,), (other,) = facet_words.stems(said), facet_words.stems(data)
    assert facet_words.meets(one, other)


@pytest.mark.parametrize(("said", "data"), [
    ("healing", "heal"), ("healed", "heal"), ("infected", "infect"),
    ("deciding", "decide"), ("fusing", "fuse"),
])
def test_forms_of_a_word_meet(said, data):
    (one,), (other,) = facet_words.stems(said), facet_words.stems(data)
    assert facet_words.meets(one, other)


@pytest.mark.parametrize(("said", "data"), [
    # a bare word never gains an "e": "can" is not "cane", "not" is not "note"
    ("can", "cane"), ("not", "note"),
    # a short word keeps its ending: "bed" is no form of "b"
    ("bed", "b"),
])
def test_words_apart_stay_apart(said, data):
    (one,), (other,) = facet_words.stems(said), facet_words.stems(data)
    assert not facet_words.meets(one, other)


def test_a_question_is_read_in_plain_lowercase_words():
    assert facet_words.plain("What's the MAX, in mins?!") == "what's the max in mins"

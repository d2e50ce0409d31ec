"""A word written without its first h, the apostrophe in its place, is the known word
meant; one written so without the apostrophe, or known as it is, stays."""

import pytest

from skill.nlu.dropped import spelled
from skill.nlu.router import explain, route

KNOWN = frozenset({"hospital", "home", "hip", "heating", "swelling", "how", "eating"})


@pytest.mark.parametrize(("heard", "written", "meant"), [
    ("sent ome", "sent 'ome", "sent home"),
    ("me ip", "me 'ip", "me hip"),
    ("in the ospital", "in the ’ospital", "in the hospital"),
    ("swellin up", "swellin' up", "swelling up"),
])
def test_a_dropped_letter_written_is_the_word(heard, written, meant):
    assert spelled(heard, KNOWN, written) == meant


@pytest.mark.parametrize(("heard", "written"), [
    ("not ome yet", "not ome yet"),  # no apostrophe: no h
    ("my cat is not eating", "my cat is not eating"),  # a word of its own
    ("ow that stings", "ow that stings"),
    ("i said it s fine", "i said 'it's fine'"),  # a quote opened, a known word
])
def test_words_without_the_mark_stay(heard, written):
    assert spelled(heard, KNOWN, written) == heard


def test_a_cockney_question_is_its_topic():
    text = "will they keep me in the 'ospital after or do I get sent 'ome"
    assert "hospital" in explain(text).normalized.split()
    assert route(text).intent == "HospitalStayIntent"

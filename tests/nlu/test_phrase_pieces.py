"""A long word of a phrase heard in two pieces, the phrase's other words as they are, is
the phrase; two known words, or a phrase's short word, stay as heard."""

import pytest

from skill.nlu.phonetic import Words
from skill.nlu.phrase_pieces import PiecesIndex

ENTRIES = ["physical therapy", "minimally invasive", "therapy", "walking"]
KNOWN = frozenset({"therapy", "invasive", "walking", "do", "i", "need", "is", "it", "mini",
                   "mall", "many", "sit", "the"})


def index() -> PiecesIndex:
    return PiecesIndex(ENTRIES, Words(known=KNOWN, domain=frozenset(ENTRIES),
                                      symptoms=frozenset()))


def test_a_long_word_in_two_pieces_inside_its_phrase_is_the_phrase():
    assert index().repair("do i need fizzy cal therapy") == "do i need physical therapy"


@pytest.mark.parametrize("heard", [
    "is it many mall invasive",      # both pieces are known words: nothing to repair
    "do i need fizzy cal",           # no word of the phrase heard beside the pieces
])
def test_runs_without_an_unknown_piece_or_an_anchor_stay(heard):
    assert index().repair(heard) == heard

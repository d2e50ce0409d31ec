"""A long medicine name heard in pieces is the name; everyday words that sound alike
are not."""

import pytest

from skill.nlu.normalize import normalize
from skill.nlu.router import route, router_for


@pytest.mark.parametrize(("said", "name"), [
    ("how often can i have a seat a mini fen", "acetaminophen"),
    ("how often can i have tie lan all", "tylenol"),
])
def test_a_name_heard_in_pieces_is_the_name(said, name):
    router = router_for()
    assert router.phonetic is not None
    assert name in router.phonetic.repair(normalize(said, router.lexicon)).split()
    assert route(said).intent == "PainMedicationIntent"


@pytest.mark.parametrize("text", ["please take a seat at the table",
                                  "we sat all afternoon by the lake"])
def test_everyday_words_that_sound_alike_stay(text):
    router = router_for()
    normalized = normalize(text, router.lexicon)
    assert router.phonetic is not None
    assert router.phonetic.repair(normalized) == normalized

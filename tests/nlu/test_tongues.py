"""A code-switched question is scored on its English words (skill.nlu.tongues)."""

import pytest

from skill.content import loader
from skill.nlu.lexicon import lexicon_of
from skill.nlu.router import FALLBACK, route
from skill.nlu.scoring import SampleIndex
from skill.nlu.tongues import switched
from skill.review.evaluate import flagged_urgent

TONGUES = frozenset({"ko", "ke", "mein", "hai"})


def test_two_grammar_words_make_a_question_code_switched():
    assert switched("operation ke baad hospital mein".split(), TONGUES)
    assert not switched("how long is the ko stay".split(), TONGUES)  # one alone: a name


def test_the_lexicon_lists_the_grammar_words_as_normalize_leaves_them():
    assert {"ke", "mein", "que", "siya"} <= lexicon_of().tongues


def test_the_other_tongues_words_weigh_less_in_a_code_switched_question():
    index = SampleIndex(["how long is the hospital stay", "how much can i lift"],
                        tongues=TONGUES)
    switched_text = "hospital mein rehna ke baad"
    plain = "hospital rehna baad"
    assert index.scores(switched_text)[0] > index.scores(plain)[0]
    assert index.matched(switched_text)[0] == ("hospital", "rehna", "baad")


@pytest.mark.parametrize(("text", "intent"), [
    ("operation ke baad kitne din hospital mein rehna hai", "HospitalStayIntent"),
    ("surgery ke baad kitna weight utha sakte hain", "LiftingIntent"),
])
def test_a_code_switched_question_is_answered_by_its_english_topic(text, intent):
    assert route(text).intent == intent


@pytest.mark.parametrize("text", ["how far away is the moon", "aaj mausam kaisa hai"])
def test_an_everyday_question_stays_declined(text):
    assert route(text).intent == FALLBACK


def test_after_creole_m_a_british_kin_word_is_no_caregiver():
    """Creole "m" (my, I) before "nan" (in) or "pa" (not): the dog fell, not the nan."""
    content = loader.load_content()
    assert not flagged_urgent(route("chen m nan tonbe"), content)
    assert flagged_urgent(route("manman m tonbe"), content)
    assert flagged_urgent(route("nan fell and cant get up"), content)

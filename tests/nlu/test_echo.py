"""Echo questions (skill/nlu/echo.py): a question word in a noun's place asks to hear
the answer again; a few words said back with a check ask for the answer checked."""

from __future__ import annotations

import pytest

from skill.content import loader
from skill.nlu import echo
from skill.nlu.router import router_for


@pytest.mark.parametrize("text", [
    "you said a walker or a what?", "three to four what?", "she can lift ten what",
    "Sorry. You said what?", "he needs the what", "wait, say it again, what was the number",
    "what were those again", "what was that word again"])
def test_a_question_word_in_a_nouns_place_asks_again(text):
    assert echo.asks_again(text)


@pytest.mark.parametrize("text", [
    "what", "so what", "and then what", "what can I lift", "can my mum lift and what",
    "what was the number for the care team", "what was the surgery called",
    "what was it like"])
def test_a_question_word_elsewhere_asks_no_repeat(text):
    assert not echo.asks_again(text)


@pytest.fixture(scope="module")
def router():
    return router_for(loader.load_content())


@pytest.mark.parametrize("text, topic", [
    ("Ten pounds? Just ten pounds? Is that right?", "LiftingIntent"),
    ("about an hour, are you sure", "SurgeryDurationIntent"),
    ("three to four months, really?", "ReturnToNormalIntent"),
    ("for my husband too? is that so?", "SittingIntent")])
def test_words_said_back_with_a_check_check_the_answer(router, text, topic):
    assert echo.checks(router, text, topic)


@pytest.mark.parametrize("text, topic", [
    ("really?", "LiftingIntent"),  # nothing said back
    ("and sitting, is that right?", "LiftingIntent"),  # another topic named
    ("my temperature is 102, is that right?", "FeverIntent"),  # a report
    ("can I lift my grandson if I am careful and take it slow, is that right",
     "LiftingIntent"),  # a question of its own
    ("ten pounds", "LiftingIntent")])  # no check
def test_other_turns_check_nothing(router, text, topic):
    assert not echo.checks(router, text, topic)

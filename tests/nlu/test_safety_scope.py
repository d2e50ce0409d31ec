"""A question or a supposition governs only its own clause: an emergency's words inside
it are asked, never sent to the emergency number; a clause of their own that tells them
is a report, whatever question stands beside it. An inability of habit or taste is no
emergency at all."""

import pytest

from skill.nlu.router import route

EMERGENCY = "EmergencyIntent"


@pytest.mark.parametrize(
    "text",
    [
        # the state "if" opens, with a judgement or a worry around it
        "is it dangerous if he can't move his hand much after a nap",
        "do i need to worry if i can't feel my foot for a few minutes",
        "is it serious if she suddenly can't catch her breath on the stairs",
        "what do we do if he passes out in the car",
        # a second verb joined by "and" is supposed with the first
        "suppose she slips in the tub and can't get up, then what",
        # the habit or the taste of an inability
        "i can't get up early anymore, can my physio be later",
        "he can't get up the stairs to bed yet, can he sleep downstairs",
        "i can't stand waiting around, when can i drive",
        "i can't breathe a word of it to work, how long am i off",
    ],
)
def test_an_emergency_asked_or_supposed_is_not_sent_to_911(text):
    assert route(text).intent != EMERGENCY, text


@pytest.mark.parametrize(
    "text",
    [
        # the consequent of a habit told with "if" or "when" reports
        "if i lie back i can't get my breath",
        "when she stands up she can't feel her legs",
        # a clause of its own after the question
        "will i be alright i can't get air",
        "am i going to be okay, my husband can't breathe",
        "is this bad, i can't move my left arm",
        "what should i do i fell and i can't get up",
        # getting up from the floor, standing up, breathing itself
        "i slipped on the stairs and can't get up",
        "she can't stand up at all and her leg is numb",
    ],
)
def test_an_emergency_told_beside_a_question_is_sent_to_911(text):
    assert route(text).intent == EMERGENCY, text

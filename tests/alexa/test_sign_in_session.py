"""A wound's sign told with no site named, after a question about the incision, is the
incision's report when said of it (skill.nlu.sign_in_session), on the local door and
through Alexa's envelopes alike; a sign someone else has, said of a part the turn names,
or told of after another topic, is not."""

from __future__ import annotations

import pytest

from skill.alexa import envelope
from skill.alexa.handlers import FREE_QUESTION_INTENT
from skill.alexa.session import SessionState
from tests.support.skillio import invoke

ASKED = "is the scar meant to be a wee bit pink at the edges"
TOLD = "well it's no pink any more, it's gone angry red and all puffed up the now"


@pytest.mark.parametrize("text", [TOLD, "it's still oozing a bit", "now it's all swollen",
                                  "that bit is all red now"])
def test_a_sign_after_a_question_on_the_incision_is_urgent(conversation, text):
    conversation.reset()
    assert not conversation.ask(ASKED).urgent
    turn = conversation.ask(text)
    assert turn.urgent and turn.state.topic == "IncisionConcernIntent"


@pytest.mark.parametrize("text", ["my dog's paw is red and swollen", "what if it gets red",
                                  "the swelling went down though", "my knuckles are swollen",
                                  "it's my hand that is swollen", "his eyes are red",
                                  "it is fine, my ankles are swollen though"])
def test_no_report_of_the_patients_wound_stays_calm(conversation, text):
    conversation.reset()
    conversation.ask(ASKED)
    assert not conversation.ask(text).urgent


def test_the_same_words_after_another_topic_are_no_wound_report(conversation):
    conversation.reset()
    conversation.ask("is it normal for the pain to get worse at night")
    assert not conversation.ask("it hurts when I sit").urgent


def test_the_sign_through_alexa_envelopes(skill):
    first = invoke(skill, envelope.intent_request(FREE_QUESTION_INTENT, {"query": ASKED}))
    reply = invoke(skill, envelope.intent_request(FREE_QUESTION_INTENT, {"query": TOLD}),
                   first.session_attributes, new=False)
    state = SessionState.from_attributes(reply.session_attributes)
    assert state.urgent and state.topic == "IncisionConcernIntent"

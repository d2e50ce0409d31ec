"""A "no" said before what the speaker will do instead, after an urgent answer, is the
no: the goodbye repeats the call (skill.nlu.declines), on the local door and through
Alexa's envelopes alike; a question after the "no" is still answered."""

from __future__ import annotations

import pytest

from skill.alexa import envelope
from skill.alexa.handlers import FREE_QUESTION_INTENT
from skill.alexa.session import Act, SessionState
from tests.support.skillio import invoke

REPORT = "my incision is red and swollen"


@pytest.mark.parametrize("text", ["no, I think I'll just lie down for a bit",
                                  "nah I'll wait and see how it goes",
                                  "no, we're going to rest first"])
def test_a_no_before_a_plan_after_an_urgent_answer_repeats_the_call(conversation, text):
    conversation.reset()
    assert conversation.ask(REPORT).urgent
    turn = conversation.ask(text)
    assert turn.state.act is Act.GOODBYE
    assert "call" in turn.as_dict()["speech"].lower()


def test_the_emergency_answers_no_repeats_the_emergency_number(conversation):
    conversation.reset()
    conversation.ask("I'm getting a tight pain in my chest and I can't catch my breath")
    turn = conversation.ask("no, I think I'll just lie down for a bit")
    assert turn.state.act is Act.GOODBYE and "911" in turn.as_dict()["card"]["text"]


@pytest.mark.parametrize("text", ["no, what about walking", "no, can I take Tylenol"])
def test_a_question_after_the_no_is_answered(conversation, text):
    conversation.reset()
    conversation.ask(REPORT)
    assert conversation.ask(text).state.act is not Act.GOODBYE


def test_without_an_urgent_answer_the_words_are_read_as_ever(conversation):
    conversation.reset()
    conversation.ask("can I lift my grandson")
    assert conversation.ask("no, I think I'll just lie down for a bit").state.act \
        is not Act.GOODBYE


def test_the_no_through_alexa_envelopes(skill):
    first = invoke(skill, envelope.intent_request(FREE_QUESTION_INTENT, {"query": REPORT}))
    said = "no, I think I'll just lie down for a bit"
    reply = invoke(skill, envelope.intent_request(FREE_QUESTION_INTENT, {"query": said}),
                   first.session_attributes, new=False)
    assert SessionState.from_attributes(reply.session_attributes).act is Act.GOODBYE
    assert reply.response.should_end_session

"""A declined turn read in the session's topic that asks it of a new thing ("what about
the trash barrels, those are heavy") gets the topic's answer for it, not the answer's
next part (skill.alexa.carryover.NEW_THING), on the local door and through Alexa's
envelopes alike."""

from __future__ import annotations

from skill.alexa import envelope
from skill.alexa.handlers import FOLLOW_UP_INTENT, FREE_QUESTION_INTENT
from skill.alexa.session import SessionState
from tests.support.skillio import invoke, speech_of

ASKED = "can I help her lug the laundry basket up from the basement"
NEW = "what about the trash barrels, those are heavy as hell"


def test_a_new_thing_gets_the_answer_again(conversation):
    conversation.reset()
    conversation.ask(ASKED)
    turn = conversation.ask(NEW)
    assert turn.route.intent == FOLLOW_UP_INTENT
    assert "ten pounds" in turn.as_dict()["speech"].lower()


def test_the_new_thing_through_alexa_envelopes(skill):
    first = invoke(skill, envelope.intent_request(FREE_QUESTION_INTENT, {"query": ASKED}))
    reply = invoke(skill, envelope.intent_request(FREE_QUESTION_INTENT, {"query": NEW}),
                   first.session_attributes, new=False)
    state = SessionState.from_attributes(reply.session_attributes)
    assert state.topic == "LiftingIntent"
    assert "ten pounds" in speech_of(reply).lower()

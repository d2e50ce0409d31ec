"""A reply to the skill's prompt (it asked what the question is about) that names a
topic by its spoken name is that topic, as Alexa fills ChooseTopicIntent's slot, even
when the router declines its words alone for a low score."""

from __future__ import annotations

from skill.alexa import envelope
from skill.alexa.handlers import FOLLOW_UP_INTENT, FREE_QUESTION_INTENT
from skill.alexa.session import Act, SessionState
from tests.support.skillio import invoke

REPLY = "oh, the going home side of things, is she kept in"


def test_a_reply_to_the_prompt_that_names_a_topic_is_answered(conversation):
    conversation.reset()
    assert conversation.ask("what about for my wife then?").state.act is Act.PROMPT
    turn = conversation.ask(REPLY)
    assert turn.state.act is Act.ANSWER and turn.state.topic == "HospitalStayIntent"


def test_without_the_prompt_the_same_words_stay_declined(conversation):
    conversation.reset()
    assert conversation.ask(REPLY).state.act is Act.FALLBACK


def test_a_reply_to_the_prompt_through_alexa_envelopes(skill):
    prompt = invoke(skill, envelope.intent_request(FOLLOW_UP_INTENT))
    assert SessionState.from_attributes(prompt.session_attributes).act is Act.PROMPT
    reply = invoke(skill, envelope.intent_request(FREE_QUESTION_INTENT, {"query": REPLY}),
                   prompt.session_attributes, new=False)
    state = SessionState.from_attributes(reply.session_attributes)
    assert state.act is Act.ANSWER and state.topic == "HospitalStayIntent"

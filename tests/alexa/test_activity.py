"""An uncovered topic named only as what a guide activity is done to or where: the
guide's rule for the activity answers ("walking around the yard -> walking")."""

from __future__ import annotations

import pytest

from skill.alexa import envelope
from skill.alexa.handlers import FREE_QUESTION_INTENT
from skill.alexa.session import Act, SessionState
from tests.support.skillio import invoke, speech_of


@pytest.mark.parametrize(("said", "topic"), [
    ("and can he walk around the yard", "WalkingIntent"),
    ("can I pick up my cat", "LiftingIntent"),
])
def test_the_activity_asked_about_is_answered(conversation, said, topic):
    conversation.reset()
    turn = conversation.ask(said)
    assert turn.state.topic == topic and "doesn't cover" not in turn.as_dict()["speech"]


@pytest.mark.parametrize("said", ["can I ride a horse", "can I go back to work",
                                  "when can I get back behind the wheel of the car"])
def test_a_topic_that_is_the_activity_itself_stays_uncovered_with_its_rule(conversation, said):
    conversation.reset()
    turn = conversation.ask(said)
    assert turn.state.topic == "UncoveredTopicIntent"
    assert "doesn't cover" in turn.as_dict()["speech"]


def test_two_questions_offer_the_guide_activity_of_the_second(conversation):
    conversation.reset()
    conversation.ask("can my wife walk around the block and can she lift the cat")
    turn = conversation.ask("yes please")
    assert turn.state.topic == "LiftingIntent"


@pytest.mark.parametrize(("first", "then", "topic"), [
    ("can I go out for a walk", "what about with the dog", "WalkingIntent"),
    ("can I lift groceries", "and what about around the yard", "LiftingIntent"),
])
def test_a_companion_or_place_carries_the_session_activity_on(conversation, first, then,
                                                              topic):
    conversation.reset()
    answered = conversation.ask(first).as_dict()["speech"]
    turn = conversation.ask(then)
    assert turn.state.topic == topic and turn.state.act is Act.ANSWER
    assert turn.as_dict()["speech"] == answered


def test_an_uncovered_topic_said_alone_after_an_activity_stays_uncovered(conversation):
    conversation.reset()
    conversation.ask("can I go out for a walk")
    turn = conversation.ask("and driving?")
    assert turn.state.topic == "UncoveredTopicIntent" and turn.state.act is Act.ANSWER


def test_an_uncovered_topic_asked_on_is_asked_by_the_same_one(conversation):
    """Alone, "ok what about a bath" is a question asked for nobody and declined; in the
    session it is asked on, by the one asking before."""
    conversation.reset()
    conversation.ask("my nan wants to know when she can have a shower")
    turn = conversation.ask("ok what about a bath")
    assert turn.state.topic == "UncoveredTopicIntent" and turn.state.act is Act.ANSWER
    assert "doesn't cover bathing" in turn.as_dict()["speech"]


def test_a_companion_carried_on_through_alexa_envelopes(skill):
    """On Alexa the turn comes as the catch-all's free text, in the walking session."""
    walking = invoke(skill, envelope.intent_request("WalkingIntent"))
    turn = invoke(skill, envelope.intent_request(
        FREE_QUESTION_INTENT, {"query": "what about with the dog"}),
        walking.session_attributes, new=False)
    assert speech_of(turn) == speech_of(walking)
    assert SessionState.from_attributes(turn.session_attributes).topic == "WalkingIntent"

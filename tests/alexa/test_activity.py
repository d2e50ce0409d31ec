"""An uncovered topic named only as what a guide activity is done to or where: the
guide's rule for the activity answers ("walking around the yard -> walking")."""

from __future__ import annotations

import pytest


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

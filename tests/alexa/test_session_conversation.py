"""The conversation's state survives the round trip, and odd attributes are dropped."""

from __future__ import annotations

from skill.alexa.session import Act, SessionState


def test_round_trip_keeps_the_topic_offer_and_choice():
    state = SessionState(topic="LiftingIntent", slots={"facet": "how_long"},
                         offer="SittingIntent", choice=("SittingIntent", "WalkingIntent"),
                         act=Act.CLARIFY, alerted=True)
    assert SessionState.from_attributes(state.to_attributes()) == state


def test_odd_attributes_from_the_client_are_dropped():
    state = SessionState.from_attributes({
        "topic": 3, "slots": ["x"], "offer": "", "choice": "SittingIntent",
        "act": "dance", "alerted": "yes"})
    assert state == SessionState()

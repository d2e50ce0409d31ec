"""A follow-up for someone else with a remark about them ("what about for my sister,
she's booked in for the same op"), through POST /alexa: the remark matches a topic only
weakly, so the session's topic is answered for the person named."""

from __future__ import annotations

from tests.web.test_alexa_conversation import AlexaSession, ended, spoken


def test_a_patients_follow_up_for_a_relative_keeps_the_topic(client):
    alexa = AlexaSession(client)
    alexa.ask("how long until I'm back to normal")
    again = alexa.ask("what about for my sister, she is booked in for the same op")
    assert "three to four months" in spoken(again) and not ended(again)
    assert alexa.attributes["topic"] == "ReturnToNormalIntent"


def test_a_caregivers_follow_up_for_another_relative_keeps_the_topic(client):
    alexa = AlexaSession(client)
    alexa.ask("can my mum sit in her recliner all day")
    again = alexa.ask("what about for my husband, he is booked in for the same op")
    assert "sitting" in spoken(again).lower() and not ended(again)
    assert alexa.attributes["topic"] == "SittingIntent"


def test_a_remark_that_asks_its_own_question_is_answered(client):
    alexa = AlexaSession(client)
    alexa.ask("can my mum sit in her recliner all day")
    alexa.ask("what about for my husband, can he walk around the block")
    assert alexa.attributes["topic"] == "WalkingIntent"


def test_a_transcripts_for_my_sister_before_a_remark_keeps_the_topic(client):
    alexa = AlexaSession(client)
    alexa.ask("how long does the surgery take")
    again = alexa.ask("for my sister i mean shes having it tuesday")
    assert "one hour" in spoken(again) and not ended(again)
    assert alexa.attributes["topic"] == "SurgeryDurationIntent"

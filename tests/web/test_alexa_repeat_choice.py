""""Say that again" while "Do you mean ... or ...?" waits for its reply asks the question
again and keeps waiting for the reply, on Alexa (AMAZON.RepeatIntent or the catch-all)
and on the local door."""

from __future__ import annotations

from skill.alexa.session import Act
from tests.web.test_alexa_conversation import AlexaSession, spoken

QUESTION = "Do you mean sitting or how long the surgery takes?"


def test_repeat_after_do_you_mean_asks_again_and_the_reply_still_picks(client):
    alexa = AlexaSession(client)
    alexa.ask("can my dad sit for the whole surgery day")
    again = alexa.say("AMAZON.RepeatIntent")
    assert QUESTION in spoken(again) and alexa.attributes["act"] == "repeat"
    picked = alexa.say("ChooseOptionIntent", {"position": "first"})
    assert "limit sitting for long" in spoken(picked)


def test_sorry_say_that_again_in_the_catch_all_asks_again(client):
    alexa = AlexaSession(client)
    alexa.ask("can my dad sit for the whole surgery day")
    assert QUESTION in spoken(alexa.ask("sorry, say that again"))
    assert alexa.attributes["choice"] == ["SittingIntent", "SurgeryDurationIntent"]


def test_repeat_after_do_you_mean_on_the_local_door(conversation):
    conversation.ask("can my dad sit for the whole surgery day")
    turn = conversation.ask("sorry, say that again")
    assert turn.state.act is Act.REPEAT and QUESTION in turn.as_dict()["speech"]
    assert conversation.ask("the second one").state.topic == "SurgeryDurationIntent"

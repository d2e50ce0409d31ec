"""A question mid-conversation that names nothing itself ("ok then who is it for") is
answered in the session's topic and the topics related to it, the same on the local
door and through POST /alexa envelopes (Alexa's catch-all, FreeQuestionIntent); chatter
mid-conversation stays declined, and with no topic in the session nothing is guessed:
the skill asks what the question is about."""

from __future__ import annotations

from skill.alexa.session import Act
from tests.web.test_alexa_conversation import AlexaSession


def test_who_is_it_for_after_what_the_surgery_is_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.say("AboutProcedureIntent")
    alexa.ask("ok then who is it for")
    assert alexa.attributes["topic"] == "CandidacyIntent"
    assert alexa.attributes["act"] == "answer"


def test_how_much_in_general_after_lifting_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.say("LiftingIntent")
    alexa.ask("ok and in general how much should he be doing")
    assert alexa.attributes["topic"] == "ActivityIntent"


def test_chatter_mid_conversation_stays_declined_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.say("LiftingIntent")
    alexa.ask("what's the time")
    assert alexa.attributes["act"] == "fallback"
    assert alexa.attributes["topic"] == "LiftingIntent"


def test_no_topic_no_guess_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.ask("ok then who is it for")
    # no topic is guessed: the question that names nothing is asked about
    assert alexa.attributes.get("act") == "prompt" and alexa.attributes.get("topic") is None


def test_the_local_door_reads_it_the_same(conversation):
    conversation.ask("what is SI joint fusion exactly")
    turn = conversation.ask("ok then who is it for")
    assert turn.state.topic == "CandidacyIntent" and turn.state.act is Act.ANSWER
    assert conversation.ask("what's the time").state.act is Act.FALLBACK


def test_what_about_for_my_mom_with_a_remark_is_the_topic_again_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.say("WalkingIntent")
    alexa.ask("ok and what about for my mom, she's having the same thing next month")
    assert alexa.attributes["topic"] == "WalkingIntent"
    assert alexa.attributes["act"] == "answer"


def test_what_about_for_my_mom_with_a_remark_on_the_local_door(conversation):
    conversation.ask("when does he start walking")
    turn = conversation.ask("ok and what about for my mom, she's having the same thing next month")
    assert turn.state.topic == "WalkingIntent" and turn.state.act is Act.ANSWER


def test_how_far_after_walking_stays_on_walking_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.say("WalkingIntent")
    alexa.ask("ok and how far should I go")
    assert alexa.attributes["topic"] == "WalkingIntent"


def test_a_new_question_elsewhere_moves_on_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.say("WalkingIntent")
    alexa.ask("what are the risks of the surgery")
    assert alexa.attributes["topic"] == "RisksIntent"


def test_how_long_and_why_of_what_was_said_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.say("SittingIntent")
    alexa.ask("ok and how long does he have to stick to that")
    assert alexa.attributes["topic"] == "SittingIntent"
    assert alexa.attributes["act"] == Act.ANSWER.value
    alexa.ask("how come")
    assert alexa.attributes["act"] in (Act.ANSWER.value, Act.MORE.value)
    assert alexa.attributes["topic"] == "SittingIntent"


def test_a_turn_carrying_the_question_on_to_a_new_thing_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.ask("can my wife have a beer with her dinner")
    alexa.ask("and sitting through the whole film after")
    assert alexa.attributes["topic"] == "SittingIntent"
    alexa.ask("and the weather for tomorrow")
    assert alexa.attributes["act"] == "fallback"


def test_how_long_it_all_takes_after_the_steps_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.say("ProcedureStepsIntent")
    alexa.ask("so how long does it all take")
    assert alexa.attributes["topic"] == "SurgeryDurationIntent"


def test_a_question_on_the_advice_itself_keeps_the_topic_on_alexa(client):
    # names nothing, no related topic takes it: the topic just answered, again
    alexa = AlexaSession(client)
    alexa.say("WalkingIntent")
    alexa.ask("so is that a firm guideline or just advice")
    assert alexa.attributes["topic"] == "WalkingIntent"
    assert alexa.attributes["act"] == "answer"


def test_whether_it_lasts_long_is_asked_of_the_topic_on_alexa(client):
    alexa = AlexaSession(client)
    alexa.say("FusionHealingIntent")
    alexa.ask("will this take very long")
    assert alexa.attributes["topic"] == "FusionHealingIntent"


def test_the_local_door_reads_the_advice_question_the_same(conversation):
    conversation.ask("how much should I be walking")
    turn = conversation.ask("so is that a firm guideline or just advice")
    assert turn.state.topic == "WalkingIntent" and turn.state.act is Act.ANSWER

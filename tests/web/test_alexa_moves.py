"""A conversation move between greetings, cues and fillers ("hello, what can you do",
"so what about for my husband then") and the yes and no of other Englishes ("aye",
"naw"), as Alexa's catch-all carries them through POST /alexa."""

from __future__ import annotations

from tests.web.test_alexa_conversation import AlexaSession, ended, spoken


def test_a_greeting_before_what_can_you_do_is_help(client):
    alexa = AlexaSession(client)
    helped = alexa.ask("hello, what can you do")
    assert "general information" in spoken(helped) and not ended(helped)


def test_a_caregivers_follow_up_with_no_topic_yet_gets_the_prompt(client):
    alexa = AlexaSession(client)
    prompt = alexa.ask("so what about for my wife then")
    assert "What would you like to know about" in spoken(prompt)
    assert alexa.attributes["act"] == "prompt" and not ended(prompt)


def test_a_patients_follow_up_with_a_topic_uses_it(client):
    alexa = AlexaSession(client)
    alexa.say("LiftingIntent")
    again = alexa.ask("so what about for my husband then")
    assert "ten pounds" in spoken(again)


def test_aye_asks_for_more_of_the_answer(client):
    alexa = AlexaSession(client)
    assert "Want to hear more?" in spoken(alexa.say("LiftingIntent"))
    more = alexa.ask("aye, keep going")
    assert alexa.attributes["act"] == "more" and not ended(more)


def test_tell_me_a_wee_bit_more_gives_the_next_part(client):
    alexa = AlexaSession(client)
    alexa.say("SittingIntent")
    alexa.ask("tell me a wee bit more")
    assert alexa.attributes["act"] == "more"


def test_naw_after_an_urgent_answer_ends_with_the_call(client):
    alexa = AlexaSession(client)
    alexa.ask("my wife's temperature is 102")
    bye = alexa.ask("naw")
    assert ended(bye) and "right away" in spoken(bye)


def test_a_repeat_in_scots_spelling_says_the_answer_again(client):
    # "whit" read as the lexicon spells it: "och, what was that"
    alexa = AlexaSession(client)
    alexa.ask("can I lift a basket of washing")
    again = alexa.ask("och, whit was that")
    assert alexa.attributes["act"] == "repeat"
    assert "ten pounds" in spoken(again) and not ended(again)


def test_say_that_again_before_a_told_reason_repeats_the_answer(client):
    alexa = AlexaSession(client)
    first = spoken(alexa.say("LiftingIntent"))
    again = alexa.ask("say that again I want to write it down")
    assert alexa.attributes["act"] == "repeat" and "ten pounds" in spoken(again)
    assert "ten pounds" in first and not ended(again)

"""A question the skill cannot place alone, asked back through POST /alexa as Alexa's
catch-all carries it: the reply is read in the session attributes the skill returned."""

from __future__ import annotations

from tests.web.test_alexa_conversation import AlexaSession, ended, spoken


def test_a_vague_question_after_a_preamble_is_asked_back_and_the_reply_answered(client):
    alexa = AlexaSession(client)
    asked = alexa.ask("oh dear, how long does it all take?")
    assert "Do you mean" in spoken(asked) and alexa.attributes["act"] == "clarify"
    answered = alexa.ask("the operation")
    assert "one hour" in spoken(answered) and not ended(answered)


def test_a_weakly_matched_first_question_named_by_its_head_word_offers_the_second(client):
    alexa = AlexaSession(client)
    first = alexa.ask("is my mum meant to be on a cane, and will she need physical therapy")
    assert "cane" in spoken(first).lower()
    assert alexa.attributes["offer"] == "PhysicalTherapyIntent"
    second = alexa.ask("yep")
    assert "therapy" in spoken(second).lower() and not ended(second)



def test_a_question_after_an_apology_is_asked_back_not_taken_for_a_repeat(client):
    # "I'm sorry" matches a repeat sample in part: the question after it wins
    alexa = AlexaSession(client)
    asked = alexa.ask("oh I'm sorry, how long does the whole thing take")
    assert "Do you mean" in spoken(asked) and alexa.attributes["act"] == "clarify"
    answered = alexa.ask("the operation")
    assert "one hour" in spoken(answered) and not ended(answered)


def test_a_caregivers_question_after_an_apology_is_asked_back_not_repeated(client):
    alexa = AlexaSession(client)
    asked = alexa.ask("oh I'm sorry, how long does my wife's whole thing take")
    assert "Do you mean" in spoken(asked) and alexa.attributes["act"] == "clarify"
    answered = alexa.ask("getting back to normal")
    assert "three to four months" in spoken(answered) and not ended(answered)


def test_a_whole_repeat_request_after_an_apology_is_still_a_repeat(client):
    alexa = AlexaSession(client)
    alexa.ask("can I lift groceries")
    again = alexa.ask("sorry, what was that")
    assert alexa.attributes["act"] == "repeat" and "ten pounds" in spoken(again)

"""A remark typed after a question is no second question: through POST /alexa the skill
answers the question and offers nothing else; "go on" then hears the rest of it."""

from __future__ import annotations

from tests.web.test_alexa_conversation import AlexaSession, ended, spoken


def test_a_patients_remark_after_a_question_offers_no_second_answer(client):
    alexa = AlexaSession(client)
    first = alexa.ask("How long will I be in surgery? My doctor rushed through it.")
    assert "one hour" in spoken(first) and alexa.attributes.get("offer") is None
    more = alexa.ask("go on")
    assert alexa.attributes["act"] == "more" and not ended(more)


def test_a_caregivers_remark_after_a_question_offers_no_second_answer(client):
    alexa = AlexaSession(client)
    first = alexa.ask("How long will my dad be in surgery? His doctor rushed through it.")
    assert "one hour" in spoken(first) and alexa.attributes.get("offer") is None
    more = alexa.ask("go on")
    assert alexa.attributes["act"] == "more" and not ended(more)


def test_a_second_sentence_naming_a_topic_is_still_offered(client):
    alexa = AlexaSession(client)
    alexa.ask("Can my mum lift groceries? My husband wants to know about sitting.")
    assert alexa.attributes["offer"] == "SittingIntent"
    second = alexa.ask("yes please")
    assert "sitting" in spoken(second).lower() and not ended(second)

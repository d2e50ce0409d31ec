"""A question the router declines alone, asked in a session: its own words name one
topic related to the session's, and that topic answers it (through POST /alexa, read in
the session attributes the skill returned)."""

from __future__ import annotations

from tests.web.test_alexa_conversation import AlexaSession, ended, spoken


def test_a_patients_question_naming_a_related_topic_is_answered_by_it(client):
    alexa = AlexaSession(client)
    alexa.ask("how much pain should I expect")
    answered = alexa.ask("is there anything I can take for it")
    assert alexa.attributes["topic"] == "PainMedicationIntent" and not ended(answered)
    assert "acetaminophen" in spoken(answered)


def test_a_caregivers_question_naming_a_related_topic_is_answered_by_it(client):
    alexa = AlexaSession(client)
    alexa.ask("how much pain should my husband expect")
    answered = alexa.ask("is there anything my husband can take for it")
    assert alexa.attributes["topic"] == "PainMedicationIntent" and not ended(answered)


def test_a_question_naming_the_sessions_own_topic_keeps_it(client):
    alexa = AlexaSession(client)
    alexa.ask("can my mum lift a laundry basket")
    answered = alexa.ask("and what about the compost bags, they're twenty kilo")
    assert alexa.attributes["topic"] == "LiftingIntent" and "ten pounds" in spoken(answered)


def test_chatter_in_a_session_is_still_declined(client):
    alexa = AlexaSession(client)
    alexa.ask("how much pain should I expect")
    alexa.ask("what about the football scores")
    assert alexa.attributes["act"] == "fallback"

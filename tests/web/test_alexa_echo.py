"""Echo questions through POST /alexa, read in the session the skill returned: "you
said a what?" hears the answer again; "ten pounds? is that right?" hears the answer it
checks."""

from __future__ import annotations

from tests.web.test_alexa_conversation import AlexaSession, ended, spoken


def test_a_patient_asking_a_missed_word_back_hears_the_answer_again(client):
    alexa = AlexaSession(client)
    first = alexa.ask("can I lift groceries")
    again = alexa.ask("no more than ten what?")
    assert alexa.attributes["act"] == "repeat" and spoken(again) == spoken(first)
    assert not ended(again)


def test_a_caregiver_asking_a_missed_word_back_hears_the_answer_again(client):
    alexa = AlexaSession(client)
    first = alexa.ask("does my dad need a walker")
    again = alexa.ask("he needs a walker or a what")
    assert alexa.attributes["act"] == "repeat" and spoken(again) == spoken(first)


def test_a_patient_checking_what_they_heard_hears_the_answer(client):
    alexa = AlexaSession(client)
    alexa.ask("how long does the surgery take")
    checked = alexa.ask("about an hour? just an hour? are you sure?")
    assert alexa.attributes["act"] == "answer" and "one hour" in spoken(checked)
    assert alexa.attributes["topic"] == "SurgeryDurationIntent" and not ended(checked)


def test_a_caregiver_checking_what_they_heard_hears_the_answer(client):
    alexa = AlexaSession(client)
    alexa.ask("how long will my dad's surgery take")
    checked = alexa.ask("an hour for him? just an hour? are you sure?")
    assert alexa.attributes["act"] == "answer" and "one hour" in spoken(checked)
    assert alexa.attributes["topic"] == "SurgeryDurationIntent" and not ended(checked)


def test_no_check_after_an_urgent_answer_moves_off_the_call(client):
    alexa = AlexaSession(client)
    alexa.ask("my husband has a fever of 102")
    checked = alexa.ask("102, is that right?")
    assert "care team" in spoken(checked).lower()

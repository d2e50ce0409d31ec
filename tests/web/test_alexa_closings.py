"""A closing said around other words ("grand, ta very much, bye now"), as Alexa's
catch-all carries it through POST /alexa: it ends the session (with the call reminder
after an urgent answer), while a question or a report with a goodbye on it is answered."""

from __future__ import annotations

from tests.web.test_alexa_conversation import AlexaSession, ended, spoken


def test_a_patients_goodbye_around_other_words_ends_the_session(client):
    alexa = AlexaSession(client)
    alexa.say("SittingIntent")
    bye = alexa.ask("smashing, cheers very much, bye for now")
    assert ended(bye) and "Goodbye" in spoken(bye)


def test_a_caregivers_thanks_with_a_tag_after_it_ends_the_session(client):
    alexa = AlexaSession(client)
    alexa.ask("how long will my mother be in hospital")
    bye = alexa.ask("champion, thanks pet")
    assert ended(bye)


def test_a_goodbye_heard_as_by_after_an_urgent_answer_still_says_to_call(client):
    alexa = AlexaSession(client)
    alexa.ask("my husband's temperature is 102")
    bye = alexa.ask("okay, ta, good by")
    assert ended(bye) and "right away" in spoken(bye)


def test_a_question_with_a_goodbye_on_it_is_answered(client):
    alexa = AlexaSession(client)
    lifting = alexa.ask("can my dad lift his grandson, bye")
    assert alexa.attributes["topic"] == "LiftingIntent" and not ended(lifting)
    number = alexa.ask("what's my care team's number, thanks")
    assert alexa.attributes["topic"] == "CareTeamContactIntent" and not ended(number)


def test_a_report_with_thanks_on_it_is_urgent(client):
    alexa = AlexaSession(client)
    alexa.say("LiftingIntent")
    report = alexa.ask("my incision is bleeding through the dressing, thanks, bye")
    assert alexa.attributes["last"]["urgent"] is True and "Goodbye" not in spoken(report)


def test_an_everyday_request_that_names_a_stop_word_is_no_goodbye(client):
    alexa = AlexaSession(client)
    alexa.say("LiftingIntent")
    declined = alexa.ask("what time does the pharmacy close")
    assert not ended(declined)


def test_an_everyday_request_with_thanks_opening_a_session_is_declined(client):
    alexa = AlexaSession(client)
    declined = alexa.ask("play some jazz, thank you")
    assert not ended(declined) and "Goodbye" not in spoken(declined)


def test_letting_the_skill_go_ends_the_session(client):
    alexa = AlexaSession(client)
    alexa.say("WalkingIntent")
    bye = alexa.ask("right, that's lovely, I'll let you go now")
    assert ended(bye) and "Goodbye" in spoken(bye)

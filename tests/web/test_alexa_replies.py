"""A reply to what the skill just asked, said in other words than "yes" or "no", as
Alexa's catch-all carries it (FreeQuestionIntent) through POST /alexa: read as the
reply first, never over a reported symptom or a new question."""

from __future__ import annotations

from tests.web.test_alexa_conversation import AlexaSession, ended, spoken


def test_uh_huh_keep_going_gives_the_rest_of_the_answer(client):
    alexa = AlexaSession(client)
    assert "Want to hear more?" in spoken(alexa.say("LiftingIntent"))
    more = alexa.ask("uh huh keep going")
    assert alexa.attributes["act"] == "more" and not ended(more)
    assert "three to four months" in spoken(more)


def test_yeah_go_ahead_takes_the_offered_second_question(client):
    alexa = AlexaSession(client)
    first = alexa.ask("when can my dad come home after the surgery and when does he start walking")
    assert "You also asked about" in spoken(first)
    taken = alexa.ask("yeah go ahead")
    assert alexa.attributes["topic"] == "WalkingIntent" and "walker" in spoken(taken)


def test_no_thats_everything_says_goodbye(client):
    alexa = AlexaSession(client)
    alexa.say("LiftingIntent")
    bye = alexa.ask("no that's everything")
    assert ended(bye) and "Goodbye" in spoken(bye)


def test_an_aside_asking_again_repeats_the_answer(client):
    alexa = AlexaSession(client)
    first = spoken(alexa.say("LiftingIntent"))
    again = alexa.ask("I'm sorry dear, could you say that again")
    assert alexa.attributes["act"] == "repeat" and spoken(again) == first


def test_a_goodbye_after_an_acknowledgement_closes_with_the_call_reminder(client):
    alexa = AlexaSession(client)
    alexa.ask("my temperature is 103")
    bye = alexa.ask("ok calling now bye")
    assert ended(bye) and "right away" in spoken(bye)


def test_yes_with_a_reported_symptom_is_urgent_first(client):
    alexa = AlexaSession(client)
    alexa.say("LiftingIntent")
    alexa.ask("yes and now my incision is bleeding")
    assert alexa.attributes["topic"] == "IncisionConcernIntent"
    assert alexa.attributes["last"]["urgent"] is True


def test_yes_with_a_new_question_answers_the_question(client):
    alexa = AlexaSession(client)
    alexa.say("HospitalStayIntent")
    alexa.ask("yeah and when can I start walking")
    assert alexa.attributes["topic"] == "WalkingIntent" and alexa.attributes["act"] == "answer"


def test_a_bare_okay_with_no_question_pending_is_no_yes(client):
    alexa = AlexaSession(client)
    alexa.ask("my temperature is 103")  # urgent: nothing offered after "call now"
    alexa.ask("uh huh keep going")
    assert alexa.attributes["act"] != "more"


def test_a_command_said_after_a_question_of_its_own_is_that_command(client):
    alexa = AlexaSession(client)
    first = spoken(alexa.say("ReturnToNormalIntent"))
    again = alexa.ask("Three to four what? Months? Say it again.")
    assert alexa.attributes["act"] == "repeat" and spoken(again) == first
    alexa.ask("What else can this thing tell me? Help.")
    assert alexa.attributes["act"] == "other" and alexa.attributes.get("topic") == (
        "ReturnToNormalIntent")


def test_a_repeat_beside_a_remark_about_the_noise_repeats_the_urgent_answer(client):
    alexa = AlexaSession(client)
    first = spoken(alexa.ask("my temperature is 103"))
    again = alexa.ask("What? Say what? The radio's on.")
    assert alexa.attributes["act"] == "repeat" and spoken(again) == first
    assert alexa.attributes["last"]["urgent"] is True


def test_leaving_in_a_hurry_closes_the_conversation(client):
    alexa = AlexaSession(client)
    alexa.say("WalkingIntent")
    bye = alexa.ask("Okay thanks, gotta run.")
    assert ended(bye) and alexa.attributes["act"] == "goodbye"


def test_a_question_announced_not_asked_gets_asked_what_it_is_about(client):
    alexa = AlexaSession(client)
    heard = alexa.say("FreeQuestionIntent")  # "I've got a question": no {query}
    assert alexa.attributes["act"] == "prompt" and not ended(heard)
    assert "What would you like to know about?" in spoken(heard)
    alexa.ask("well hi there, can I ask you something about my husband")
    assert alexa.attributes["act"] == "prompt"
    alexa.ask("how much can he lift")
    assert alexa.attributes["topic"] == "LiftingIntent"

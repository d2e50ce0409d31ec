"""A symptom's words in a figure of speech name no symptom: no urgent answer, and no
reasons to call either (those answer a question about a symptom). A heart attack nearly
had is no figure of speech the router can tell: a caregiver's "he" is "i" by then."""

import pytest

from skill.nlu.router import FALLBACK, Step, route


@pytest.mark.parametrize("text", [
    "my brother passed out drunk at the wedding",
    "i passed out laughing at the wedding video",
    "that penalty shootout nearly gave me a heart attack",
    "i am worried sick about the exam results",
])
def test_a_figure_of_speech_is_declined(text):
    assert route(text).intent == FALLBACK


@pytest.mark.parametrize("text", [
    # "back" of a way or a return, worse of traffic or of work
    "the traffic on the way back gets worse every day can i drive",
    "going back to work feels worse than the surgery",
])
def test_back_and_worse_of_other_things_name_no_pain(text):
    found = route(text)
    assert found.rule is None or found.rule.step is not Step.SAFETY


@pytest.mark.parametrize("text", [
    "i am having a heart attack",
    "i think my husband is having a heart attack",
    "i nearly had a heart attack and now my chest hurts bad",
    "i think the surgery gave my dad a heart attack",
    "he almost had a heart attack in the shower and he's still gray and sweaty",
])
def test_a_heart_attack_had_now_is_an_emergency(text):
    assert route(text).intent == "EmergencyIntent"


def test_a_question_about_a_symptom_still_gets_the_reasons_to_call():
    assert route("what should i do if i fall").intent == "WhenToCallIntent"


def test_call_of_a_name_asked_is_no_emergency():
    # a question about what a symptom is called gets the reasons to call, never 911
    assert route("what do you call it when you cant breathe after surgery").intent \
        == "WhenToCallIntent"
    assert route("when should I call the care team").intent == "WhenToCallIntent"
    # a thing named stays the question of its name
    assert route("what do you call that wee joint at the bottom of my spine").intent \
        == "AboutProcedureIntent"


def test_getting_something_off_ones_chest_is_an_idiom_but_a_chest_after_off_still_hurts():
    assert route("i need to get this off my chest, can i sit longer now").intent \
        == "SittingIntent"
    assert route("knock it off, my chest hurts").intent == "EmergencyIntent"


@pytest.mark.parametrize("text", [
    "my supervisor is a real pain in my back some days",
    "honestly he is such a pain in the backside",
])
def test_a_person_as_a_pain_in_the_back_names_no_pain(text):
    found = route(text)
    assert found.rule is None or found.rule.step is not Step.SAFETY


@pytest.mark.parametrize("text", [
    "there is a new sharp pain in my back",
    "i have a new pain in my back since this morning",
])
def test_a_pain_in_the_back_told_is_still_a_pain(text):
    assert route(text).intent == "WorseningPainIntent"


@pytest.mark.parametrize("text", [
    # a thing that falls is no fall: a share price, a team in its league, the weather
    "my stock fell again this week",
    "the price of gold fell overnight",
    "our team fell to last place",
    "the temperature fell after sunset",
])
def test_a_thing_that_falls_is_no_fall(text):
    found = route(text)
    assert found.intent != "EmergencyIntent"
    assert found.rule is None or found.rule.step is not Step.SAFETY


@pytest.mark.parametrize("text", [
    "my husband fell in the kitchen",
    "i fell and hit my head on the table",
])
def test_a_person_who_falls_still_falls(text):
    assert route(text).intent == "EmergencyIntent"

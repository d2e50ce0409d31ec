"""Everyday requests and questions about another illness are declined; the recovery's
own are not (skill/nlu/elsewhere.py and the lexicon's ``requests``, ``conditions`` and
``anchors``)."""

from __future__ import annotations

import pytest

from skill.content import loader
from skill.nlu.elsewhere import another_s_operation, names_an_affair
from skill.nlu.lexicon import lexicon_of
from skill.nlu.normalize import normalize
from skill.nlu.route import Decision
from skill.nlu.router import FALLBACK, Step, explain, route


def test_every_condition_and_anchor_is_written_as_normalize_leaves_it():
    lexicon = loader.load_content().lexicon
    changed = [p for p in (*lexicon.conditions, *lexicon.anchors, *lexicon.requests,
                           *lexicon.clause_openers, *lexicon.operations,
                           *lexicon.own_anchors, *lexicon.affairs,
                           *lexicon.operated_parts, *lexicon.operated_as)
               if normalize(p) != p]
    assert changed == []


@pytest.mark.parametrize("text", [
    "what are the symptoms of strep throat",
    "how long does a cold sore last",
    "what can my diabetic neighbor eat for breakfast",
    "is my blood pressure medicine safe with grapefruit",
    "how do i soothe a teething baby",
    "how long does it take to get over a hernia operation",
])
def test_a_question_about_another_condition_is_declined(text):
    found = route(text)
    assert found.intent == FALLBACK


def test_the_decline_says_why():
    found = route("what are the warning signs of pneumonia")
    assert found.rule is not None and found.rule.step is Step.ELSEWHERE


def test_another_condition_with_the_recovery_named_is_still_answered():
    assert route("i have a cold, how long until my incision heals").intent != FALLBACK
    assert route("i had knee surgery years ago, can i still have si joint fusion").intent != (
        FALLBACK)


@pytest.mark.parametrize("text, intent", [
    ("my toddler has chickenpox, but for me, how long should i limit sitting", "SittingIntent"),
    ("my dog has a cold but for me how long is the hospital stay", "HospitalStayIntent"),
])
def test_another_s_condition_then_a_question_of_the_patient_after_a_contrast(text, intent):
    assert route(text).intent == intent


def test_another_s_condition_with_no_turn_to_the_patient_stays_declined():
    found = route("my little boy has strep throat, how long is the hospital stay")
    assert found.intent == FALLBACK
    assert found.rule is not None and found.rule.step is Step.ELSEWHERE


@pytest.mark.parametrize("text", [
    "play some music for my walk",
    "set a timer for twenty minutes of sitting",
    "remind me to take my pain pill at eight",
    "add a shower chair to my shopping list",
    "spell acetaminophen",
    "how many ounces in a pound of flour",
    "ring my granddaughter for me",
    "call my son on speaker",
    "what is on tv after the news",
])
def test_an_everyday_request_is_declined_whatever_recovery_words_it_holds(text):
    assert route(text).intent == FALLBACK


def test_the_everyday_request_decline_says_why():
    found = route("play some music for my walk")
    assert found.rule is not None and found.rule.step is Step.ELSEWHERE


@pytest.mark.parametrize(("text", "intent"), [
    ("define si fusion", "AboutProcedureIntent"),
    ("put me through to my surgeon", "CareTeamContactIntent"),
    ("call my husband's surgeon", "CareTeamContactIntent"),
])
def test_a_recovery_question_that_opens_like_a_request_is_answered(text, intent):
    assert route(text).intent == intent


def test_an_urgent_report_is_answered_whatever_else_is_named():
    assert route("set a timer, i fell and can't get up").intent == "EmergencyIntent"
    assert route("ring my wife, i can't breathe").intent == "EmergencyIntent"
    found = route("i have the flu and my temperature is 103")
    assert found.intent == "FeverIntent"
    assert route("i have a cold and now i can't breathe").intent == "EmergencyIntent"


@pytest.mark.parametrize("text", [
    "my cat's stitches from the vet look red and puffy",
    "our puppy's incision from his neuter is oozing",
    # the pet is the topic's only word (the uncovered topic "pets") and its symptom
    "my dog has a swollen eye what should i do",
    "my cat has an infection in her eye, what should I do",
])
def test_a_pets_wound_is_declined_not_answered_as_the_patients(text):
    found = route(text)
    assert found.intent == FALLBACK
    assert found.rule is not None and found.rule.step is Step.ELSEWHERE


@pytest.mark.parametrize("text", [
    "my phone is really hot",  # "phone" names the care team's number, but it is the phone
    "our little one has a temperature of 39, what do i give a toddler",
])
def test_a_thing_or_child_that_has_the_symptom_is_no_topic_word(text):
    assert route(text).intent == FALLBACK


def test_a_question_beside_a_things_symptom_is_still_the_patients():
    assert route("my phone is hot, what is my surgeon's number").intent == (
        "CareTeamContactIntent")


def test_a_question_beside_a_pets_symptom_is_still_the_patients():
    assert route("the dog has a swollen paw, can i walk him after my surgery").intent != (
        FALLBACK)


@pytest.mark.parametrize("text", [
    "my brother just had a hernia repair, how long is his recovery",
    "my aunt had a hysterectomy, when can she lift things again",
    "after a knee replacement how long do you use a walker",
    "my uncle got both hips replaced, when does he start physical therapy",
])
def test_another_operation_owns_the_recovery_s_general_words(text):
    assert route(text).intent == "AMAZON.FallbackIntent"


@pytest.mark.parametrize("text", [
    "my neighbour is getting her tonsils out, how long does that operation last",
    "my mum is having a wrist operation, how long does it take",
    "my brother had surgery on his elbow, when can he lift again",
    "my grandad had his cataract removed, can he walk to the shops",
])
def test_a_part_operated_on_or_that_operation_is_another_operation(text):
    assert route(text).rule == Decision(Step.ELSEWHERE, "another condition")


@pytest.mark.parametrize("text", [
    "my sister had her knee replaced and it was rough, will i be as sore as that",
    "my husband had his knee done years ago, how long does the si fusion take",
    "my wife had her operation yesterday, when can she walk",
    "my husband is having his operation next week, how long does that surgery take",
])
def test_the_speaker_s_or_the_cared_for_s_own_operation_is_still_answered(text):
    assert route(text).intent != FALLBACK


@pytest.mark.parametrize(("text", "intent"), [
    ("i had a knee replacement years ago, how long is the recovery from si fusion",
     "ReturnToNormalIntent"),
    ("i had a hip replacement before, can i lift my grandson after my surgery", "LiftingIntent"),
    ("i had a hysterectomy years ago, is my incision supposed to be this red",
     "IncisionConcernIntent"),
])
def test_this_operation_named_apart_keeps_the_question(text, intent):
    assert route(text).intent == intent


@pytest.mark.parametrize("text", [
    "how many kilos is two hundred pounds",
    "a stone is how many pounds",
    "what is 200 degrees celsius in fahrenheit for the roast",
    "how many grams are in 1 ounce",
])
def test_a_unit_conversion_is_declined(text):
    assert route(text).intent == FALLBACK


@pytest.mark.parametrize(("text", "intent"), [
    ("how many pounds is the limit", "LiftingIntent"),
    ("how many kilos can i lift", "LiftingIntent"),
])
def test_the_guide_s_limit_in_a_unit_is_not_a_conversion(text, intent):
    assert route(text).intent == intent


def test_another_s_state_told_is_declined():
    decided = explain("my dog is limping after the park, what do i do").route
    assert decided.intent == FALLBACK and decided.rule.step is Step.ELSEWHERE


def test_leave_asked_with_another_s_state_stays_a_question():
    assert route("can i walk the dog yet").intent != FALLBACK


@pytest.mark.parametrize("text", [
    "what is the starting salary for a surgical nurse",
    "do occupational therapists earn more than nurses",
    "did bitcoin ever recover from last spring",
    "how long until the housing market bounces back",
    "is walking good for weight loss",
])
def test_an_everyday_affair_owns_the_recovery_s_general_words(text):
    assert names_an_affair(normalize(text), lexicon_of())
    assert route(text).intent == FALLBACK


@pytest.mark.parametrize("text", [
    "how far should a beagle be walked every day",
    "what exercises are good for office workers who sit at a desk",
    "how many times a day do i take the puppy out so it gets enough exercise",
])
def test_a_topic_asked_for_another_alone_is_declined(text):
    assert route(text).rule == Decision(Step.ELSEWHERE, "a topic asked for another")


@pytest.mark.parametrize("text", [
    "can i walk the puppy yet",
    "is it ok to lift a toddler",
    "what's the number for the care team, pet",
    "my dog needs walking, how far can i walk after my surgery",
])
def test_the_patient_beside_another_is_not_a_topic_asked_for_another(text):
    assert route(text).rule != Decision(Step.ELSEWHERE, "a topic asked for another")


def test_an_affair_beside_this_operation_stays_a_question():
    found = route("i am losing wages, how long until i can work after my si fusion")
    assert found.intent != FALLBACK


@pytest.mark.parametrize("text", [
    "our kitten was operated on last week, when can she jump on the couch",
    "the puppy has stitches from his surgery, how long until he can run",
])
def test_another_s_operation_owns_what_follows(text):
    assert another_s_operation(normalize(text), lexicon_of())
    assert route(text).intent == FALLBACK


@pytest.mark.parametrize("text", [
    "our dog had surgery last month, when can i walk him after my fusion",
    "the dog had his stitches out, can i lift him yet",
])
def test_the_patient_beside_another_s_operation_is_still_answered(text):
    assert not another_s_operation(normalize(text), lexicon_of())
    assert route(text).intent != FALLBACK


@pytest.mark.parametrize("text", [
    "how long does the drive to boston take",
    "how often should a toddler sleep during the day",
    "how long should you wait to shower after the gym",
])
def test_an_uncovered_topic_asked_for_nobody_is_declined(text):
    found = explain(text).route
    assert found.intent == FALLBACK, text


@pytest.mark.parametrize("text", [
    "how long until i can drive to boston",
    "is a glass of beer okay after the surgery",
    "wine when",
])
def test_an_uncovered_topic_asked_for_the_speaker_is_still_answered(text):
    assert route(text).intent == "UncoveredTopicIntent", text


def test_a_phone_by_its_other_names_is_a_device():
    assert normalize("my handphone is hot when charging") == (
        normalize("my phone is hot when charging"))


@pytest.mark.parametrize("text, intent", [
    ("will it be hot enough tomorrow to sunbathe in the garden", FALLBACK),
    ("is it going to be cold outside tonight", FALLBACK),
    ("is it cold outside today, should i still go for my walk", "WalkingIntent"),
])
def test_the_weather_asked_is_declined_unless_the_topic_is_asked_too(text, intent):
    assert route(text).intent == intent

"""Emergencies and severe pain in the everyday words a patient or a caregiver uses."""

import pytest

from skill.content import loader
from skill.nlu.router import route
from skill.review.evaluate import flagged_urgent


@pytest.mark.parametrize(("text", "intent"), [
    ("i feel like i'm suffocating", "EmergencyIntent"),
    ("he's choking up blood", "EmergencyIntent"),
    ("my husband is coughing up blood", "EmergencyIntent"),
    ("i suddenly can't see out of one eye", "EmergencyIntent"),
    ("she lost the sight in her left eye an hour ago", "EmergencyIntent"),
    ("i am short of puff just sitting here", "EmergencyIntent"),
    ("i'm in agony", "WorseningPainIntent"),
    # a breath that will not come, whatever it is called
    ("he can't take a proper breath", "EmergencyIntent"),
    ("my wife says she cannot get a deep breath in", "EmergencyIntent"),
    # a change of mind said with "has" and an adverb before the change
    ("my mother has all of a sudden become very confused", "EmergencyIntent"),
    ("grandad has really gotten confused since lunch", "EmergencyIntent"),
    # not knowing one's people, in any aspect
    ("my husband was not recognising anybody this morning", "EmergencyIntent"),
    ("my mom has been really confused all day", "EmergencyIntent"),
    # a leg that stops holding, and a sudden onset said as "without warning"
    ("his legs buckled under him in the hall", "EmergencyIntent"),
    ("my left arm went weak without warning", "EmergencyIntent"),
    # a surface after "on" or "off" is where the fall happened, not who has it
    ("she slipped off the porch step and can't get up", "EmergencyIntent"),
    # a body that sweats and shakes at once; a pain the body never gave before; no
    # feeling where one sits
    ("my husband is soaked in sweat and trembling", "InfectionSignsIntent"),
    ("my hip hurts at night and that has never happened before", "WorseningPainIntent"),
    ("mum says she could not feel her bottom all morning", "EmergencyIntent"),
    # a likeness keeps its "like": the animal in it has nothing ("sweating like a pig");
    # the idiom of much blood is heavy bleeding
    ("sweating like a horse, thermometer says 39.1", "FeverIntent"),
    ("dad's cut is bleeding like a stuck pig", "EmergencyIntent"),
    # a reading that stays at a level; the red of a wound named as a thing; a wound's
    # plural; a finding placed where the site is; a hurt never so great; dialect words
    ("his temp has been hovering at 38.8 since lunch", "FeverIntent"),
    ("the redness by my staples has spread", "IncisionConcernIntent"),
    ("one of my wounds is gaping", "IncisionConcernIntent"),
    ("there's a damp patch on the sheet right where the dressing is", "IncisionConcernIntent"),
    ("my hip has never ached like this before", "WorseningPainIntent"),
    # a whole-number reading after a filler "like"
    ("she's running like a 103", "FeverIntent"),
    ("the app says 102", "FeverIntent"),
    ("we need an ambo now", "EmergencyIntent"),
    ("he's been chitterin all night", "InfectionSignsIntent"),
])
def test_reported_now_is_urgent(text, intent):
    found = route(text)
    assert (found.intent, flagged_urgent(found, loader.load_content())) == (intent, True)


@pytest.mark.parametrize("text", [
    # an effort's breathlessness, a figure of speech: no emergency
    "i was out of breath after physio today",
    "i get a bit winded on the stairs, should i keep walking",
    "my grandson keeps smothering me with kisses, can i pick him up",
    "i'm choking back tears, the recovery is so slow",
    "this brace is suffocating me in the heat",
    "is it normal to be in agony the first week",
    "i was in agony after the surgery but it's much better now",
    "my dog is choking",
    "can i take a deep breath when the pain comes",
    "is it normal that i can't take a deep breath without it pulling",
    "my husband has become confused by all the different leaflets",
    "the old printer quit on me again",
    "can i do all my exercises all at once",
    "the cat knocked a glass off the table and it broke",
    "my hands get shaky when i'm hungry",
    "the printer has never done that before",
    "i've never felt like this before, i feel great",
    "the scars on my arms are red from the sun",
    "we're staying at 102 main street",
    "my husband is an ambo, when can he lift me",
])
def test_not_a_report(text):
    assert not flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    # the airway swelling or closing, in everyday words: a throat, a tongue, the lips
    "my husband's tongue has puffed up and he can hardly talk",
    "her lips are ballooning after the new tablets",
    "it feels like my windpipe is shutting",
    "my throat keeps closing up since the antibiotic",
    # swollen so that one can not swallow or talk
    "his throat is so swollen he can not swallow",
    "her tongue looks swollen and she is having trouble swallowing",
])
def test_an_airway_swelling_shut_is_an_emergency(text):
    found = route(text)
    assert (found.intent, flagged_urgent(found, loader.load_content())) == (
        "EmergencyIntent", True)


@pytest.mark.parametrize("text", [
    # a sore throat from the tube, glands of a cold, a throat denied or asked about
    "my throat is scratchy from the breathing tube",
    "the glands in my neck are swollen from a cold, can i still have surgery",
    "my tongue is not swollen, just dry",
    "could my lips swell up from the pain pills",
    "my cat's lips are puffy from a wasp sting",
    # a lip bitten, or swollen from a local cause told with it
    "he bit his lip at dinner and now it is swollen",
    "my lip is puffy from a cold sore, can i still have surgery",
    # swollen or thick alone, a habit, an idiom, another thing that closes, a question
    "my throat is a little swollen with this cold",
    "my lip swelled where i knocked it on the door",
    "my throat closes when i swallow large tablets",
    "she kept her lips shut all evening",
    "the pharmacy closes at six and my throat is sore",
    "do opioids make the tongue swell",
    "my knee is swollen and my throat is dry",
])
def test_a_throat_not_closing_is_no_emergency(text):
    assert route(text).intent != "EmergencyIntent"


@pytest.mark.parametrize(("text", "urgent"), [
    # cold told against the warmth around: a chill
    ("my wife feels so cold though the heater is cranked up", True),
    ("still freezing even bundled in my duvet", True),
    ("he is shaking under 4 blankets", True),
    # cold alone, the weather's cold, a cold gone, a comfort asked for
    ("i feel cold, can i use an electric blanket", False),
    ("it is freezing out but the house is toasty, can i go for a walk", False),
    ("i was cold under the covers last night but i am fine now", False),
    # the heating asked for, one blanket as a remedy, a cold part of the body
    ("i feel cold, should i put the heater on", False),
    ("i am cold so i am under a blanket on the sofa", False),
    ("my toes are cold under the duvet", False),
])
def test_cold_told_against_the_warmth_is_a_chill(text, urgent):
    assert flagged_urgent(route(text), loader.load_content()) is urgent

"""No report: an event told of a time gone by (modifier told_past, settled), a figure of
speech for a fright or a hassle (pseudo), someone met at work (acquaintance), an
ambulance that came for someone else (came_for), the skill asked whether it would call
(asked_to_call); and their twins told of now, which stay urgent."""

import pytest

from skill.nlu.router import route
from tests.support.urgency import urgent


@pytest.mark.parametrize("text", [
    # a time marker right by the event
    "decades ago i passed out at a concert, when can i go to a gig again",
    "my mother had a stroke a long time back, is the anaesthetic safe for me",
    "when i was a teenager i had fits, will the surgery be okay",
    "in june i fainted on a hot bus, how long should i sit for",
    "he ran fevers of 104 as a boy, what are the risks of this operation",
    # over: come down, broken, all better, found well
    "she had a temp of 102 on friday but it has come down, can she shower",
    "he had a temperature of 101.5 on monday but it broke, can he walk more",
    "my chest felt tight on the flight but it is all better now, can i fly home",
    "the incision was pink on day two but the nurse said it is healing, when can i swim",
    # figures of speech
    "the traffic is giving me a heart attack, how long can i sit in the car",
    "i almost had a stroke at the pharmacy price, can i take ibuprofen",
    "i just about pass out at the thought of stairs, when can i climb them",
    "i can not breathe with all these forms to fill in, when is my follow up",
    # someone met at work, an ambulance for someone else
    "one of my clients collapsed at the day centre, when can i go back to work",
    "a man on the ward had a seizure, do they remove the stitches",
    "the paramedics came for the lady upstairs, can i sleep on my side",
    # the skill asked whether it would call
    "could you dial 911 for us in case something goes wrong",
    "will you ring an ambulance for me in case i need one",
])
def test_not_a_report(text):
    assert not urgent(text)


@pytest.mark.parametrize(("text", "intent"), [
    # a time marker, then now
    ("years ago i had a knee operation, i can't stop shaking", "InfectionSignsIntent"),
    ("years back i had asthma, i can not breathe", "EmergencyIntent"),
    ("last month he passed out, he passed out again today", "EmergencyIntent"),
    ("my wife had chest pain last month and it is back", "EmergencyIntent"),
    ("a long time back he had a stroke and now his face is drooping", "EmergencyIntent"),
    ("i fainted decades ago and i feel faint again", "EmergencyIntent"),
    # a month is the distance to the surgery, goes on, or is compared with; a fever come
    # down to a number or broken and back is still where the number says
    ("my operation was last month and now i have a fever of 101.5", "FeverIntent"),
    ("he has had the shivers for the last month", "InfectionSignsIntent"),
    ("my back pain is much worse than last month", "WorseningPainIntent"),
    ("the fever was 104 but it has come down to 101.5", "FeverIntent"),
    ("her temperature was 103 but it broke and now it is 101.5 again", "FeverIntent"),
    # the idioms' own words told as now
    ("i think my husband is having a heart attack", "EmergencyIntent"),
    ("my chest hurts right now", "EmergencyIntent"),
    ("he fainted just now", "EmergencyIntent"),
    ("my husband just about passed out getting off the toilet", "EmergencyIntent"),
    ("she about fainted when she got up from the chair", "EmergencyIntent"),
    ("my dad is still bleeding heavily from the wound", "EmergencyIntent"),
    # a plain request for help now
    ("call 911", "EmergencyIntent"),
    ("can you call an ambulance for me", "EmergencyIntent"),
    ("i need an ambulance", "EmergencyIntent"),
    # a breath that can not be taken without a struggle: trouble breathing
    ("he can not get a full breath without gasping and wheezing", "EmergencyIntent"),
    # a habit told with "will": it happens now
    ("he will get the shivers every night around ten", "InfectionSignsIntent"),
    ("the wound will start weeping each time i bend", "IncisionConcernIntent"),
    ("ring an ambulance for us if you can", "EmergencyIntent"),
    ("please dial 911 for me if you can hear me", "EmergencyIntent"),
    ("the ambulance came for my husband, what do i do", "EmergencyIntent"),
])
def test_still_a_report(text, intent):
    assert urgent(text)
    assert route(text).intent == intent

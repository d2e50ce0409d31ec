"""No report: an event dated by a year gone by or told long ago at its end (told_past,
told_long_ago), a question about anybody in general or a supposition opened by "say"
(asked, hypothetical), the skill asked whether it would call if something came
(asked_to_call), a figure of speech or a breed (pseudo); and their twins told of now,
which stay urgent."""

import pytest

from skill.nlu.router import route
from tests.support.urgency import urgent


@pytest.mark.parametrize("text", [
    # a year gone by, before or after the event
    "in 1994 he collapsed on a hike, can he go hiking after the fusion",
    "i passed out once in 2011 at a wedding, can i drive yet",
    "bad stroke in 2016, arm still a bit slow, can i use a walker",
    # a time long gone said at the end of what is told
    "my lips swelled up from a wasp sting 30 years ago, can i have antibiotics",
    "she fell down the stairs at work about 10 years ago, is that why her joint hurts",
    "had a seizure at a barbecue in august, how long is the operation",
    # anybody in general, a supposition opened by "say"
    "do folks ever get a puffy tongue from the anesthetic",
    "what happens if someone's foot goes numb after this, should they call",
    "let's say her lips swell up from the new pills, what then",
    # the skill asked whether it would call, a chest pain asked about
    "would you ring 999 for me if i fell",
    "when would chest pain mean i should go to the er",
    # figures of speech and a breed
    "the kids are gonna give me a heart attack one day, when can i lift them",
    "it is so hot out you can't breathe, can i walk inside",
    "the ewes fainted at the show, they are fainting sheep, how much hay can i carry",
])
def test_not_a_report(text):
    assert not urgent(text)


@pytest.mark.parametrize(("text", "intent"), [
    # the same events told of now, or again
    ("he collapsed on a hike just now", "EmergencyIntent"),
    ("i passed out in 2011 and again this morning", "EmergencyIntent"),
    ("she had a seizure in august and now she is having another one", "EmergencyIntent"),
    ("he had a stroke in 2016 and now his face is drooping", "EmergencyIntent"),
    ("i fainted in 2009 and now i can't breathe", "EmergencyIntent"),
    ("my lips are swelling up from a wasp sting", "EmergencyIntent"),
    ("her tongue swelled up again from the new pills", "EmergencyIntent"),
    ("my throat is swelling, i had an allergy in 2010", "EmergencyIntent"),
    ("she fell down the stairs an hour ago", "EmergencyIntent"),
    ("my dad fell off the ladder cleaning gutters, what do i do", "EmergencyIntent"),
    # a reading in the eighties is no decade gone by
    ("her sats are in the eighties and she can't breathe", "EmergencyIntent"),
    ("his oxygen is in the 80s", "EmergencyIntent"),
    # the idioms' own words told as now, a plain request
    ("i think i'm having a heart attack", "EmergencyIntent"),
    ("it is so hot in here i can't breathe", "EmergencyIntent"),
    ("my goat fainted and then i fainted too", "EmergencyIntent"),
    ("call 911 for me, i fell", "EmergencyIntent"),
    ("my throat just swelled up from the pain pills, what would i do", "EmergencyIntent"),
    ("somebody's leg went numb, my husband's, it is numb right now", "EmergencyIntent"),
])
def test_still_a_report(text, intent):
    assert urgent(text)
    assert route(text).intent == intent

"""Urgent reports told in a learner's grammar or a recognizer's words, and their near
misses (intents/_safety.yaml): "gone" as a change of state, not a resolution; a learner's
bare verb; newness told against the time before, in a clause of its own; a pain score
told rising as a pair of numbers; a site "smelling", a mouth "going" to one side."""

import pytest

from skill.content import loader
from skill.nlu.router import route
from skill.review.evaluate import flagged_urgent


def _urgent(text: str) -> bool:
    return flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize(("text", "intent"), [
    ("the skin by my scar has gone all red", "IncisionConcernIntent"),
    ("blood is gone right through the bandage onto my shirt", "IncisionConcernIntent"),
    # a possessive "me" is read as "i" ("me shirt"): the cloth soaked is the speaker's
    ("the wound's leakin, it has gone right through me shirt", "IncisionConcernIntent"),
    ("my stitches are gone purple and puffy", "IncisionConcernIntent"),
    ("some water come out from my incision since this morning", "IncisionConcernIntent"),
    ("the ache in my hip is increase every day", "WorseningPainIntent"),
    ("sore in my buttock, before the surgery i not have it", "WorseningPainIntent"),
    ("my thigh is aching, it was not like this last night", "WorseningPainIntent"),
    ("my back hurts when i sit and that is brand new", "WorseningPainIntent"),
    ("my back hurts when i sit, this is new pain", "WorseningPainIntent"),
    ("my pain yesterday 4 today 7 out of 10", "WorseningPainIntent"),
    ("the pain went from a 6 to a 9 since lunch", "WorseningPainIntent"),
    ("my wife's stitches are smelling", "InfectionSignsIntent"),
    ("my scar is smelling like rotten meat", "InfectionSignsIntent"),
    # the many a teacher sees, not the subject of the symptom
    ("working with customers all day the pain gets much worse each day", "WorseningPainIntent"),
    ("i tutor pupils at night, fever of 103 now", "FeverIntent"),
    ("her mouth is going to the right side", "EmergencyIntent"),
    ("her face goes to the left side when she talks", "EmergencyIntent"),
])
def test_a_report_in_another_grammar_is_urgent(text, intent):
    found = route(text)
    assert (found.intent, _urgent(text)) == (intent, True)


@pytest.mark.parametrize("text", [
    "the redness is gone and the swelling has gone down",
    "the leaves have gone red outside",
    "i reckon the milk has gone bad",
    "what if the pain goes from a 5 to an 8",
    "the score went from 5 to 8 in the second half",
    "my dog's pain went from a 6 to a 9",
    "this is all new to me, how long does the pain last",
    "no pain in my hip, it was not like this last night either",
    "should i call if the pain is increase every day",
    "i am smelling the coffee from the kitchen",
    "the dressing is smelling fresh after the change",
    "the bandage is smelling of iodine since the nurse changed it",
    "my dog's mouth is going to one side",
    # a thing new, not a pain; an increase of what should grow
    "my hip hurts a bit but this is new surgery for me, is that normal",
    "my steps keep increase every day and the ache is less",
    # gone through a hardship or a count used up, no cloth soaked
    "we have gone through so much with this scar",
    "i have gone through three packs of gauze this week",
    # a position, no progressive told now
    "i sleep with my head going to the left side",
    # "plenty" of blood given, a swelling asked of a flight, a dressing damp from a shower
    "i donated plenty of blood this year",
    "will my ankles swell up on the flight",
    "is it okay if the dressing is damp after i shower",
])
def test_its_near_miss_is_not(text):
    assert not _urgent(text)

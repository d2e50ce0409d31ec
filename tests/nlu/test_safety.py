import pytest

from skill.nlu import safety
from skill.nlu.normalize import normalize


def reported(text):
    found = safety.first_reported(safety.findings(normalize(text)))
    return found.intent if found else None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my husband can't breathe", "EmergencyIntent"),
        ("she has chest pain", "EmergencyIntent"),
        ("my mom passed out", "EmergencyIntent"),
        ("he fell down the stairs", "EmergencyIntent"),
        ("sudden numbness in my legs", "EmergencyIntent"),
        ("the bleeding won't stop", "EmergencyIntent"),
        ("my wife is running a fever", "FeverIntent"),
        ("i have a fever and chills", "InfectionSignsIntent"),
        ("my incision is red and swollen", "IncisionConcernIntent"),
        ("there's green stuff coming out of the cut", "IncisionConcernIntent"),
        ("no, my incision is red", "IncisionConcernIntent"),
        ("i think it's infected", "InfectionSignsIntent"),
        ("my pain is getting worse", "WorseningPainIntent"),
        ("i have a new sharp pain in my hip", "WorseningPainIntent"),
        ("my dad's speech is slurred", "EmergencyIntent"),
        ("the redness is spreading", "IncisionConcernIntent"),
        ("there's pain shooting down my leg", "WorseningPainIntent"),
    ],
)
def test_reported_symptom_is_urgent(text, intent):
    assert reported(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "no fever, but can i take tylenol",
        "i don't have any redness",
        "the pain isn't getting worse",
        "is there a risk of infection",
        "what are the signs of infection",
        "how do i know if my incision is infected",
        "my fever is gone",
        "she fell asleep on the couch",
        "same day discharge",
    ],
)
def test_negated_or_asked_about_symptom_is_not_urgent(text):
    assert reported(text) is None


def test_without_negated_cuts_the_denied_symptom():
    text = normalize("no fever but can i take tylenol")
    assert safety.without_negated(text, safety.findings(text)) == "but can i take acetaminophen"

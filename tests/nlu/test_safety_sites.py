"""A wound's sign is read at its site: at a named body part that is not the surgical
site ("my eyes are red and puffy") it is no incision report; at the incision's words,
or with no site at all, it stays one, and the emergencies keep their own rules."""

import pytest

from skill.content import loader
from skill.nlu.router import route
from skill.review.evaluate import flagged_urgent


@pytest.mark.parametrize("text", [
    "my eyes are red and puffy",
    "my ankles swell by evening",
    "a red rash on my face",
    "my throat is swollen",
    "my nose is bleeding",
    "swollen ankles",
    "my ear is oozing",
    "my feet are swollen",
    "my hands are puffy in the morning",
    "the cut on my finger is red and swollen",
])
def test_sign_at_another_body_part_is_no_incision_report(text):
    assert not flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize(("text", "intent"), [
    ("my incision is red and swollen", "IncisionConcernIntent"),
    ("it is red and swollen", "IncisionConcernIntent"),
    ("the spot where they operated is oozing", "IncisionConcernIntent"),
    ("the wound on my hip is bleeding a little", "IncisionConcernIntent"),
    # a body part's sign first, then the incision's own
    ("my feet are swollen and my incision is red", "IncisionConcernIntent"),
    ("my hands are cold and the stitches are red", "IncisionConcernIntent"),
    # the emergencies at any part
    ("my face is swollen and i can't breathe", "EmergencyIntent"),
    ("my nose is bleeding and it will not stop", "EmergencyIntent"),
    ("my face is drooping on one side", "EmergencyIntent"),
])
def test_sign_at_the_site_or_an_emergency_stays_urgent(text, intent):
    found = route(text)
    assert found.intent == intent
    assert flagged_urgent(found, loader.load_content())

"""Where a wound's sign is: told of a part of the body far from the operated area it is
that part's, no incision's (the safety file's modifier ``elsewhere``, which reads the
wound's signs only); the operated area and the site's own words win wherever they
stand; a thing's, a pet's or another person's sign is no report, a caregiver's
patient's is."""

import pytest
import yaml

from skill.content import loader, safety_spec
from skill.nlu import safety
from skill.nlu.normalize import normalize
from skill.nlu.router import route
from skill.review import safety_check
from tests.support.urgency import urgent


@pytest.mark.parametrize("text", [
    # a far part named for the sign, the incision named in another clause or none
    "the staples came out fine last week, but now my ear lobe is red and hot",
    "my wound is healing nicely, although my knuckles look swollen today",
    "both my eyelids are puffy this morning",
    "my big toe has some pus in it",
    "his nose has been bleeding on and off",
    "swollen ankles since the flight home",
    "my tummy is red where the belt rubs",
    # a site word said of a far part: another cut
    "the cut on my thumb is bleeding again",
    # a thing's, a pet's, another person's
    "the kettle is leaking all over the counter",
    "my neighbour's boy has a swollen lip",
    "our cat's paw is red and swollen",
])
def test_a_sign_of_another_part_or_thing_is_no_incision_report(text):
    assert not urgent(text)


@pytest.mark.parametrize("text", [
    # the operated area, and the site's own words, wherever they stand
    "the bit of my backside where they cut is swollen and warm",
    "my left bum cheek right by the stitches is leaking",
    "down by my tailbone the scar is hot to touch",
    "my hip near the dressing has gone red",
    # a far part beside the report, in a clause of its own
    "i was on my feet a lot today and now the incision is swollen",
    "the wound is red, my hands are shaking",
    "my feet are cold and my stitches are oozing",
    "i pressed it with my finger and it is bleeding",
    # the site on the sign's other side, nearer than the far part
    "i bumped my elbow and saw blood on the dressing",
    "was rubbing my eyes and noticed pus at the incision",
    # a caregiver's patient
    "my husband's incision is red and warm",
    "mum's stitches are weeping",
])
def test_a_sign_at_the_site_stays_an_incision_report(text):
    assert route(text).intent == "IncisionConcernIntent"
    assert urgent(text)


@pytest.mark.parametrize(("text", "intent"), [
    # the modifier reads the wound's signs only: an emergency anywhere stays one
    ("my nose is bleeding heavily and will not stop", "EmergencyIntent"),
    ("my chest feels tight and heavy", "EmergencyIntent"),
    ("my face is drooping on one side", "EmergencyIntent"),
    ("my arm suddenly went numb", "EmergencyIntent"),
])
def test_an_emergency_of_a_far_part_is_still_one(text, intent):
    assert route(text).intent == intent


def test_the_modifier_reads_only_the_concepts_it_names():
    text = normalize("my nose is bleeding a lot")
    found = {f.rule: f.status for f in safety.findings(text)}
    assert found["bleeding"] == "other_experiencer"  # a wound's sign: read
    assert found["heavy bleeding"] == "reported"  # the emergency's: not read


def test_an_unknown_concept_to_read_is_named():
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    raw["modifiers"]["elsewhere"]["reads"].append("bruising")
    problems: list[str] = []
    intents = {s.name for s in loader.load_content().intents}
    safety_check.check_spec(safety_spec.parse(raw), intents, "intents/_safety.yaml",
                            lambda w, m: problems.append(f"{w}: {m}"))
    assert ("intents/_safety.yaml: modifiers.elsewhere.reads: unknown concept 'bruising'"
            in problems)

"""A modifier's ``before_breaks``: words that end only its before-triggers' scope."""

import pytest
import yaml

from skill.content import loader, safety_spec
from skill.nlu import safety
from skill.nlu.normalize import normalize
from skill.nlu.router import route
from skill.review import evaluate


def _engine(**resolved):
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    raw["modifiers"]["resolved"].update(resolved)
    return safety.Engine(safety_spec.parse(raw))


def _statuses(engine, text):
    return {f.status for f in engine.findings(normalize(text))}


def test_a_before_break_ends_the_trigger_before_it_not_the_one_after():
    engine = _engine(before_breaks=["i"], breaks=[])
    # "used to" stops at the patient's new clause ...
    assert _statuses(engine, "i used to get migraines i can't breathe") == {"reported"}
    # ... while "went away" reaches back across the same word
    assert _statuses(engine, "the chills i had went away") == {"resolved"}
    # a word that ends both scopes ends the after-trigger's too
    both = _engine(before_breaks=[], breaks=["i"])
    assert _statuses(both, "the chills i had went away") == {"reported"}


@pytest.mark.parametrize(("text", "intent"), [
    # a past complaint, then the patient's own report with no punctuation between
    ("i used to get migraines i can't breathe", "EmergencyIntent"),
    ("i no longer take the pills my incision is red and swollen", "IncisionConcernIntent"),
    ("i used to have back pain my pain is getting much worse", "WorseningPainIntent"),
])
def test_a_past_complaint_does_not_settle_the_next_clause(text, intent):
    found = route(text)
    assert found.intent == intent
    assert evaluate.flagged_urgent(found, loader.load_content())


@pytest.mark.parametrize("text", ["the fever i had went away yesterday", "i used to get chills",
                                  "my incision used to be red"])
def test_a_past_complaint_is_still_no_report(text):
    assert not evaluate.flagged_urgent(route(text), loader.load_content())


def test_before_breaks_must_be_a_list_of_phrases():
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    raw["modifiers"]["resolved"]["before_breaks"] = "i"
    with pytest.raises(safety_spec.SpecError,
                       match="modifiers.resolved.before_breaks: expected a list of phrases"):
        safety_spec.parse(raw)

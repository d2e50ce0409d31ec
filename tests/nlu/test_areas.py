"""A question that names only a broad area several topics share is asked back between
two of them (skill/nlu/areas.py, intents/_areas.yaml); one that names its point, or
reports a symptom, is not."""

from __future__ import annotations

import pytest

from skill.content import loader
from skill.content.spec import ContentError
from skill.nlu import areas
from skill.nlu.router import router_for

PAIN = ("PainExpectationsIntent", "PainMedicationIntent")


def ask_back(text: str) -> tuple[str, str] | None:
    content = loader.load_content()
    return areas.ask_back(router_for(content), content, text)


@pytest.mark.parametrize(("text", "topics"), [
    ("the pain", PAIN),
    ("can you tell me about the pain after surgery", PAIN),
    ("my dad wants to know about the pain", PAIN),
    ("tell me about the procedure", ("AboutProcedureIntent", "ProcedureStepsIntent")),
    ("how soon will it be healed", ("FusionHealingIntent", "ReturnToNormalIntent")),
    ("how much should my mum be moving", ("WalkingIntent", "ActivityIntent")),
    ("real quick, what about her pain?", PAIN),  # after a preamble naming nothing
])
def test_a_question_that_names_only_an_area_is_asked_back(text, topics):
    assert ask_back(text) == topics


@pytest.mark.parametrize("text", [
    "is the pain normal", "what can I take for the pain", "how long does the pain last",
    "what is the surgery", "how long is the surgery", "can I lift groceries",
    "what's the weather", "how much should I move the couch",
])
def test_a_question_that_names_its_point_is_not(text):
    assert ask_back(text) is None


def test_a_reported_symptom_is_never_asked_back():
    assert ask_back("my pain is getting much worse") is None


def test_the_file_names_two_topics_none_urgent_and_known_keys():
    topics = frozenset({"LiftingIntent", "SittingIntent", "FeverIntent"})
    good, problems = areas.parse(
        {"areas": {"moving": {"words": ["move"], "topics": ["LiftingIntent", "SittingIntent"]}},
         "frame": ["the"]}, topics, frozenset({"FeverIntent"}))
    assert not problems and good.broad(["the", "move"]) is good.areas[0]
    _, problems = areas.parse(
        {"areas": {"x": {"words": ["move"], "topics": ["LiftingIntent", "FeverIntent"],
                         "when": []}}, "frame": []}, topics, frozenset({"FeverIntent"}))
    assert len(problems) == 2


def test_a_malformed_file_is_a_content_error(tmp_path):
    content = loader.load_content()
    assert areas.load(type(content)(root=tmp_path)).areas == ()
    (tmp_path / "intents").mkdir()
    areas.path_of(tmp_path).write_text("areas: [pain]\n", encoding="utf-8")
    with pytest.raises(ContentError):
        areas.load(type(content)(root=tmp_path))

"""Facet questions get their point in the first reply (measured through the whole skill)."""

from __future__ import annotations

import shutil

import pytest
import yaml

from skill.alexa.builder import build_skill
from skill.alexa.conversation import Conversation
from skill.alexa.responses import Answers
from skill.config import Config
from skill.content import loader
from skill.content.locales import locales_of
from skill.review import facet_eval
from tests.support.paths import ROOT, TESTS

FACETS = TESTS / "facets"
# The issue's target: at least 90 % of facet questions answered in the first reply. The
# dev set (tuned on) meets it; the frozen blind set is below it
# (74 % at the last commit), so the test holds that floor until the target is reached.
TARGET = 0.90
BLIND_FLOOR = 0.74


@pytest.mark.parametrize(("text", "point"), [
    ("will the joint not heal?", "In rare cases, the joint may not heal as expected"),
    ("will I lose movement?", "reduced motion at the fused joint"),
    ("is it permanent?", "permanently stabilizes"),
    ("what does the SI joint do?", "supporting body weight and movement"),
    ("can this cause problems in my lower back later?", "discomfort in nearby areas"),
])
def test_issue_examples_get_their_point_first(text, point):
    conversation = Conversation(build_skill())
    answers_ = Answers(Config(), loader.load_content().responses,
                       locales_of(loader.load_content()))
    _, said = facet_eval.first_reply(conversation, answers_, text)
    assert facet_eval.is_hit(facet_eval.FacetCase(text, "", point), said)


def test_how_many_minutes_says_the_guide_gives_no_number():
    case = facet_eval.FacetCase("how many minutes can I sit?", "SittingIntent", None)
    assert facet_eval.measure([case]).hits == 1


def test_a_wound_reported_gets_the_urgent_answer_whole_and_a_question_its_point():
    conversation = Conversation(build_skill())
    content = loader.load_content()
    answers_ = Answers(Config(), content.responses, locales_of(content))
    _, said = facet_eval.first_reply(conversation, answers_,
                                     "my incision is swollen, how long will that last")
    assert said[-1].say == "Please call them now."
    assert not any(facet_eval.SILENT_POLICY in s.policies for s in said)
    case = facet_eval.FacetCase("roughly how much oozing at the incision is okay", "", None)
    _, said = facet_eval.first_reply(conversation, answers_, case.text)
    assert facet_eval.is_hit(case, said)
    assert any("redness, swelling or drainage" in s.say for s in said)


def test_facets_are_measured_over_the_content_given(tmp_path):
    for part in ("intents", "guide"):
        shutil.copytree(ROOT / part, tmp_path / part)
    responses = yaml.safe_load((ROOT / "responses.yaml").read_text(encoding="utf-8"))
    del responses["fever"]["facets"]
    (tmp_path / "responses.yaml").write_text(yaml.safe_dump(responses), encoding="utf-8")
    case = facet_eval.FacetCase("how many days can a fever last", "FeverIntent", None)
    assert facet_eval.measure([case]).hits == 1
    assert facet_eval.measure([case], loader.load_content(tmp_path)).hits == 0


def test_a_key_a_facet_file_does_not_take_is_refused(tmp_path):
    path = tmp_path / "facets.yaml"
    path.write_text('- {text: "how many implants", intent: ProcedureStepsIntent, '
                    'guide: "Inserts titanium implants", silent: true}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="silent"):
        facet_eval.load(path)


def test_dev_facet_questions_meet_the_target():
    report = facet_eval.measure(facet_eval.load(FACETS / "dev.yaml"))
    rate = report.rate
    assert rate >= TARGET, facet_eval.format_text(report, "dev", show_misses=True)


# The outside writers' dev sets (tuned on) at the shares they reached.
WRITER_FLOORS = {"dev_writers.yaml": 0.909, "dev_writers2.yaml": 0.91, "dev_writers3.yaml": 0.94,
                 "dev_writers4.yaml": 0.826, "dev_writers5.yaml": 0.76,
                 "dev_writers6.yaml": 0.639, "dev_writers7.yaml": 0.67,
                 "dev_writers8.yaml": 0.71, "dev_writers9.yaml": 0.70,
                 "dev_writers10.yaml": 0.67,  # on arrival 2026-11-27: 54/80 (68 %)
                 # on arrival 2026-11-27: 60/78 (77 %) with its writer's "silent: true"
                 # read as guide_silent (it had been left unread: 63/78)
                 "dev_writers11.yaml": 0.85,
                 "dev_writers12.yaml": 0.85,  # on arrival 2026-11-27: 64/75 (85 %)
                 "dev_writers13.yaml": 0.81,  # on arrival 2026-11-27: 65/80 (81 %)
                 "dev_writers14.yaml": 0.76,  # on arrival 2026-11-27: 61/80 (76 %)
                 # on arrival 2026-11-27, held out of the day's facet work: 71/80 (89 %)
                 "dev_writers15.yaml": 0.885,
                 # on arrival 2026-11-27, held out of the day's facet work: 67/80 (84 %)
                 "dev_writers16.yaml": 0.8375,
                 # on arrival 2026-11-27: 65/80 (81 %), 66/80 with the day's first facet
                 # work; 68/80 with the late facet work; 69/80 on 2026-11-28
                 "dev_writers17.yaml": 0.8625,
                 # on arrival 2026-11-28: 68/80 (85 %), half held out of the day's facet
                 # work (34/40 on arrival, 35/40 at the end); 69/80 at the day's end
                 "dev_writers18.yaml": 0.8625,
                 # on arrival 2026-11-28 (the day's second): 63/80 (79 %), half held out
                 # of the day's facet work (31/40 on arrival, 32/40 at the end); 64/80 at
                 # the day's end
                 "dev_writers19.yaml": 0.80,
                 # on arrival later on 2026-11-28 (the day's third): 55/80 (69 %), half
                 # held out of the day's facet work (26/40 on arrival and at the end);
                 # 59/80 at the day's end
                 "dev_writers20.yaml": 0.725}


@pytest.mark.parametrize(("name", "floor"), list(WRITER_FLOORS.items()))
def test_writers_facet_questions_hold_their_floors(name, floor):
    report = facet_eval.measure(facet_eval.load(FACETS / name))
    assert report.rate >= floor, facet_eval.format_text(report, name, show_misses=True)


def test_blind_facet_questions_hold_the_floor():
    rate = facet_eval.measure(facet_eval.load(FACETS / "blind.yaml")).rate
    assert rate >= BLIND_FLOOR  # no misses printed: the blind set is never tuned on


def test_a_facet_file_it_cannot_read_is_refused_with_its_path(tmp_path):
    path = tmp_path / "facets.yaml"
    path.write_text("- {text: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="facets.yaml"):
        facet_eval.load(path)
    path.write_text('- {text: "how long is surgery"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="case 1"):
        facet_eval.load(path)

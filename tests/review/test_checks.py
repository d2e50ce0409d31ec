"""The content checks that `si-skill validate` runs on every answer."""

from __future__ import annotations

import pytest

from skill.alexa import responses
from skill.content import loader
from skill.content.locales import locales_of
from skill.review import checks
from tests.support.paths import ROOT
from tests.support.project import copy_project, run

SHARED_GUIDE = ROOT.parent / "shared" / "guide" / "si-joint-fusion.txt"


def problems_for(rendered: responses.Rendered) -> list[str]:
    found: list[str] = []
    checks.check_answer(
        "k",
        rendered,
        {"10", "101", "911"},
        lambda w, m: found.append(m),
        "responses.yaml",
        "speech",
    )
    return found


def test_numbers_in_reads_spoken_and_written_numbers():
    assert checks.numbers_in("Don't lift more than ten pounds. Call nine one one.") == {"10"}
    assert checks.numbers_in("over one hundred one degrees. Most in three to four months") == {
        "101",
        "3",
        "4",
    }


def test_number_the_guide_does_not_state_is_flagged():
    text = "Rest for six weeks."
    found = problems_for(responses.Rendered(text, text, text))
    assert found == ["k.speech: numbers the guide does not state: ['6']"]


def test_hard_reading_level_is_flagged():
    text = (
        "Postoperative immobilization necessitates considerable physiological "
        "accommodation throughout rehabilitation."
    )
    assert any("reading grade" in p for p in problems_for(responses.Rendered(text, text, text)))


def test_unsupported_or_broken_ssml_is_flagged():
    assert any(
        "does not support" in p
        for p in problems_for(responses.Rendered("Hi.", "<blink>Hi.</blink>"))
    )
    assert any("does not parse" in p for p in problems_for(responses.Rendered("Hi.", "<b>Hi.")))


def test_validate_catches_invented_fact_in_responses(tmp_path):
    root = copy_project(tmp_path)
    responses = root / "responses.yaml"
    responses.write_text(
        responses.read_text().replace(
            "don't lift more than [[10 pounds]]", "don't lift more than [[15 pounds]]", 1
        )
    )
    code, out = run("validate", "--root", str(root))
    assert code == 1
    assert "numbers the guide does not state: ['15']" in out


def test_shipped_answers_pass_every_content_check():
    found: list[str] = []
    content = loader.load_content()
    checks.check_answers(content.root, content.responses, locales_of(content),
                         lambda w, m: found.append(m))
    checks.check_response_sizes(content, lambda w, m: found.append(m))
    assert found == []


@pytest.mark.skipif(
    not SHARED_GUIDE.is_file(), reason="the clinic's shared guide is not beside the repo"
)
def test_guide_copy_matches_the_clinics_guide():
    assert loader.guide_path().read_text(encoding="utf-8") == SHARED_GUIDE.read_text(
        encoding="utf-8"
    )

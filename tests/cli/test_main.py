"""si-skill ask / validate / build-model, run in-process and as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.project import copy_project, run

KEYS = {
    "text",
    "intent",
    "score",
    "slots",
    "urgent",
    "speech",
    "ssml",
    "reprompt",
    "card",
    "end_session",
}


def test_ask_prints_the_spoken_answer():
    code, out = run("ask", "can", "I", "lift", "groceries")
    assert code == 0
    assert "ten pounds" in out


def test_ask_json_has_exactly_the_documented_keys():
    code, out = run("ask", "--json", "is 101 a fever")
    shown = json.loads(out)
    assert set(shown) == KEYS
    assert shown["intent"] == "FeverIntent" and shown["urgent"] is True
    assert shown["slots"] == {"temperature": "101"}
    assert set(shown["card"]) == {"title", "text"}
    assert 0 <= shown["score"] <= 100


def test_ask_json_off_topic_is_fallback():
    shown = json.loads(run("ask", "--json", "what's the weather")[1])
    assert shown["intent"] == "AMAZON.FallbackIntent" and shown["urgent"] is False
    assert shown["reprompt"]


def test_ask_json_stdin_answers_each_line_in_order(monkeypatch):
    lines = ["can I lift groceries", "my incision is oozing", "play some music"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    code, out = run("ask", "--json", "-")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in rows] == lines
    assert [r["intent"] for r in rows] == [
        "LiftingIntent",
        "IncisionConcernIntent",
        "AMAZON.FallbackIntent",
    ]
    assert rows[1]["urgent"] is True


def test_ask_explain_shows_normalization_candidates_and_safety():
    code, out = run("ask", "--explain", "no fever but can my mom take tylenol")
    assert "normalized: no fever but can i take acetaminophen" in out
    assert "(negated)" in out
    assert "decision:   PainMedicationIntent" in out


def test_validate_passes_on_shipped_data():
    code, out = run("validate")
    assert code == 0, out


def test_validate_reports_every_problem_as_path_message(tmp_path):
    root = copy_project(tmp_path)
    lifting = root / "intents" / "LiftingIntent.yaml"
    lifting.write_text(
        lifting.read_text().replace("answer: lifting_limit", "answer: nope")
        + "  - can i lift 10 pounds\n  - (broken\n"
    )
    responses = root / "responses.yaml"
    responses.write_text(
        # The first reply of sitting grows to 40 words.
        responses.read_text().replace(
            "Early in recovery, limit sitting for long stretches.", "word " * 40, 1)
    )
    (root / "intents" / "RisksIntent.yaml").unlink()
    code, out = run("validate", "--root", str(root))
    assert code == 1
    assert f"{lifting}: answer 'nope' is not in responses.yaml" in out
    assert f"{lifting}: sample 'can i lift 10 pounds': only lowercase" in out
    assert f"{lifting}: sample '(broken'" in out
    assert "missing intent file RisksIntent.yaml" in out
    assert "sitting.speech:" in out and "at most 35" in out
    assert "en-US.json: cannot build the model" in out


def test_build_model_brings_model_back_in_sync(tmp_path):
    root = copy_project(tmp_path)
    walking = root / "intents" / "WalkingIntent.yaml"
    walking.write_text(walking.read_text() + "  - can i stroll around the block\n")
    assert run("validate", "--root", str(root))[0] == 1
    assert run("build-model", "--root", str(root))[0] == 0
    assert run("validate", "--root", str(root)) == (
        0,
        "ok: intents, responses and model are valid\n",
    )


@pytest.mark.slow  # the console script in a subprocess
def test_console_script_runs_as_a_subprocess_from_another_directory(tmp_path):
    script = Path(sys.executable).parent / "si-skill"
    result = subprocess.run(
        [str(script), "ask", "--json", "can my mom sit in the car that long"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["intent"] == "SittingIntent"
    assert result.stderr == ""


def test_a_reader_that_leaves_early_gets_no_traceback():
    # "si-skill eval ... | head -1": the reader has gone when the report is written
    import subprocess
    import sys

    with subprocess.Popen([sys.executable, "-m", "skill.cli", "eval", "tests/cases/dev"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run_:
        assert run_.stdout is not None and run_.stderr is not None
        run_.stdout.close()  # gone before the report is written
        errors = run_.stderr.read().decode()
    assert "Traceback" not in errors and "BrokenPipeError" not in errors

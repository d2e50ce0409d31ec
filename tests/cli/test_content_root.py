"""The clinic workflow: every command reads the content `--root` names, says which
content it uses when that may surprise, and refuses broken content in one line each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from skill.cli import main
from skill.content import loader, locales, snapshot
from skill.nlu import stored
from skill.review import checks
from tests.support.project import copy_project, run

TESTS = Path(__file__).resolve().parent
NEW_LIFTING = "Lift nothing heavier than a cat."
NOTICE = "(pass --root . to use this checkout's)"


def edited_copy(tmp_path: Path) -> Path:
    """A checkout whose lifting answer differs from the skill's own."""
    root = copy_project(tmp_path)
    responses = root / "responses.yaml"
    text = responses.read_text()
    said = "Early in recovery, don't lift more than [[10 pounds]]."
    assert said in text
    responses.write_text(text.replace(said, NEW_LIFTING, 1))
    return root


def test_ask_answers_from_the_root_it_is_given(tmp_path):
    root = edited_copy(tmp_path)
    assert run("ask", "--root", str(root), "can i lift groceries")[1].startswith(NEW_LIFTING)
    assert NEW_LIFTING not in run("ask", "can i lift groceries")[1]


def test_validate_and_build_model_use_the_root_they_are_given(tmp_path):
    root = copy_project(tmp_path)
    walking = root / "intents" / "WalkingIntent.yaml"
    walking.write_text(walking.read_text() + "  - can i stroll around the block\n")
    code, out = run("validate", "--root", str(root))
    assert code == 1 and f"{loader.model_path(root)}: out of date" in out
    assert run("validate")[0] == 0  # the skill's own data is untouched
    shipped = loader.model_path().read_text()
    # One model per locale, the content snapshot and the NLU tables, each written under
    # the root.
    assert run("build-model", "--root", str(root)) == (0, "".join(
        f"wrote {loader.model_path(root, code)}\n" for code in locales.REQUIRED)
        + f"wrote {snapshot.path_of(root)}\n" + f"wrote {stored.path_of(root)}\n")
    assert loader.model_path().read_text() == shipped
    assert "can i stroll around the block" in loader.model_path(root).read_text()


def test_validate_measures_the_responses_of_the_root_it_is_given(tmp_path, monkeypatch):
    root = copy_project(tmp_path)
    lifting = root / "intents" / "LiftingIntent.yaml"
    extra = root / "intents" / "ExtraLiftingIntent.yaml"
    extra.write_text(lifting.read_text().replace("intent: LiftingIntent",
                                                 "intent: ExtraLiftingIntent"))
    monkeypatch.setattr(checks, "MAX_RESPONSE_BYTES", 10)
    out = run("validate", "--root", str(root))[1]
    assert "ExtraLiftingIntent: response is" in out


def test_commands_in_a_checkout_say_which_content_they_use(tmp_path, monkeypatch, capsys):
    root = edited_copy(tmp_path)
    monkeypatch.chdir(root)
    assert main(["ask", "can i lift groceries"]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"using content from {loader.data_root()} {NOTICE}\n"
    assert NEW_LIFTING not in captured.out
    assert main(["ask", "--root", ".", "can i lift groceries"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.startswith(NEW_LIFTING)


def test_no_notice_outside_a_checkout(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["ask", "can i lift groceries"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("argv", [
    ["ask", "can i lift groceries"], ["chat"], ["validate"], ["build-model"], ["serve"],
    ["test-dialogs", "tests/dialogs"], ["export-ask", "out"], ["eval", "tests/cases/dev"],
])
def test_every_content_command_takes_root(argv):
    args = [argv[0], "--root", "somewhere", *argv[1:]]
    from skill.cli import parser

    assert parser().parse_args(args).root == "somewhere"


def test_broken_content_is_one_line_per_problem_and_exit_2(tmp_path):
    root = copy_project(tmp_path)
    sitting = root / "intents" / "SittingIntent.yaml"
    sitting.write_text(sitting.read_text().replace("urgent: false", "urgent: maybe"))
    common = root / "intents" / "_common.yaml"
    common.write_text(common.read_text() + "colours: [red]\n")
    script = Path(sys.executable).parent / "si-skill"
    for argv in (["ask", "hi"], ["build-model"], ["serve"], ["chat"],
                 ["test-dialogs", str(TESTS / "dialogs")], ["eval", str(TESTS / "cases" / "dev")]):
        done = subprocess.run([str(script), argv[0], "--root", str(root), *argv[1:]],
                              capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL, cwd=tmp_path)
        assert done.returncode == 2, (argv, done.stderr)
        assert done.stderr.splitlines() == [
            f"{sitting}:4: 'urgent' must be true or false",
            f"{common}:{len(common.read_text().splitlines())}: unknown key 'colours' "
            "(known: expansion_rules, slot_types)",
        ], argv
    code, out = run("validate", "--root", str(root))
    assert code == 1 and f"{sitting}:4: 'urgent' must be true or false" in out


def test_a_safety_phrase_that_does_not_compile_is_one_line_and_exit_2(tmp_path):
    root = copy_project(tmp_path)
    safety = root / "intents" / "_safety.yaml"
    text = safety.read_text()
    assert "concepts:\n" in text
    grown = "(a|b|c|d|e|f) (a|b|c|d|e|f) (a|b|c|d|e|f) (a|b|c|d|e|f)"
    safety.write_text(text.replace("concepts:\n", f"concepts:\n  runaway:\n    - {grown}\n", 1))
    script = Path(sys.executable).parent / "si-skill"
    for argv in (["ask", "can i lift groceries"], ["eval", str(TESTS / "cases" / "dev")]):
        done = subprocess.run([str(script), argv[0], "--root", str(root), *argv[1:]],
                              capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL, cwd=tmp_path)
        assert done.returncode == 2, (argv, done.stderr)
        assert done.stderr.splitlines() == [
            f"{safety}: a phrase does not parse: expands to more than 200 sentences"], argv


def test_ask_json_still_parses_with_root(tmp_path):
    root = copy_project(tmp_path)
    shown = json.loads(run("ask", "--root", str(root), "--json", "is 102 a fever")[1])
    assert shown["intent"] == "FeverIntent" and shown["urgent"] is True


def test_a_symptom_word_added_under_root_is_routed(tmp_path):
    # A clinic adds a word to a safety concept in its checkout: `--root` routes with it,
    # the shipped file does not know it.
    root = copy_project(tmp_path)
    path = root / "intents" / "_safety.yaml"
    text = path.read_text()
    added = "|shivers|the shivers|the collywobbles|"
    path.write_text(text.replace("|shivers|the shivers|", added, 1))
    said = "i have the collywobbles"
    code, out = run("ask", "--json", "--root", str(root), said)
    assert code == 0 and json.loads(out)["intent"] == "InfectionSignsIntent"
    code, out = run("ask", "--json", said)
    assert code == 0 and json.loads(out)["intent"] != "InfectionSignsIntent"

"""The one content loader: typed objects from the YAML, every slip as `path:line: message`."""

from __future__ import annotations

import json
import re

import pytest

from skill.content import loader
from skill.content.spec import ContentError
from tests.support.project import copy_project, run

# The contract with Alexa and the tests: which intents are topics, and which are urgent.
# The skill derives both from intents/*.yaml; these lists say what the data must say.
TOPIC_INTENTS = {
    "AboutProcedureIntent", "CandidacyIntent", "ProcedureStepsIntent", "SurgicalApproachIntent",
    "SurgeryDurationIntent", "FusionHealingIntent", "BenefitsIntent", "RisksIntent",
    "HospitalStayIntent", "WalkingIntent", "LiftingIntent", "SittingIntent", "ActivityIntent",
    "PhysicalTherapyIntent", "ReturnToNormalIntent", "PainExpectationsIntent",
    "PainMedicationIntent", "WhenToCallIntent", "FeverIntent", "IncisionConcernIntent",
    "WorseningPainIntent", "InfectionSignsIntent", "EmergencyIntent", "CareTeamContactIntent",
    "UncoveredTopicIntent",
}
URGENT_INTENTS = {"FeverIntent", "IncisionConcernIntent", "WorseningPainIntent",
                  "InfectionSignsIntent", "EmergencyIntent"}


def test_derived_intent_lists_match_the_yaml_flags():
    content = loader.load_content()
    assert set(content.topic_intents) == TOPIC_INTENTS
    assert content.urgent_intents == URGENT_INTENTS
    assert content.urgent_intents == {s.name for s in content.intents if s.urgent}
    assert set(content.builtin_intents) == {
        path.stem for path in loader.intent_files() if path.stem.startswith("AMAZON.")}


def test_answer_keys_come_from_each_files_answer():
    content = loader.load_content()
    assert content.answer_key("LiftingIntent") == "lifting_limit"
    assert content.answer_key("AMAZON.HelpIntent") == "help"
    assert content.answer_key("AMAZON.NoIntent") == "goodbye"
    assert content.answer_key("AMAZON.RepeatIntent") is None
    assert content.answer_key("NoSuchIntent") is None


def test_a_built_ins_answer_is_the_one_its_file_names(tmp_path):
    root = copy_project(tmp_path)
    help_file = root / "intents" / "AMAZON.HelpIntent.yaml"
    help_file.write_text(help_file.read_text().replace("answer: help", "answer: goodbye"))
    helped = json.loads(run("ask", "--root", str(root), "--json", "help")[1])
    stopped = json.loads(run("ask", "--json", "stop")[1])
    assert helped["intent"] == "AMAZON.HelpIntent"
    assert helped["speech"] == stopped["speech"]


def test_content_loads_once_per_root(tmp_path):
    root = copy_project(tmp_path)
    assert loader.load_content() is loader.load_content(loader.data_root())
    assert loader.load_content(root) is loader.load_content(root / "intents" / "..")
    assert loader.load_content(root) is not loader.load_content()


def problems_of(root) -> list[str]:
    with pytest.raises(ContentError) as caught:
        loader.load_content(root)
    return [str(p) for p in caught.value.problems]


def test_yaml_slip_gives_path_line_message(tmp_path):
    root = copy_project(tmp_path)
    walking = root / "intents" / "WalkingIntent.yaml"
    lines = walking.read_text().splitlines()
    lines.insert(3, "samples: [unclosed")
    walking.write_text("\n".join(lines) + "\n")
    found = problems_of(root)
    assert len(found) == 1
    assert re.fullmatch(rf"{re.escape(str(walking))}:\d+: not valid YAML: .+", found[0])


def test_unknown_key_is_refused_with_its_line(tmp_path):
    root = copy_project(tmp_path)
    lifting = root / "intents" / "LiftingIntent.yaml"
    lifting.write_text(lifting.read_text().replace("urgent: false", "urgent: false\nurgnet: true"))
    common = root / "intents" / "_common.yaml"
    common.write_text(common.read_text().replace("      synonyms: [f,", "      synonym: [f,"))
    found = problems_of(root)
    line = lifting.read_text().splitlines().index("urgnet: true") + 1
    assert f"{lifting}:{line}: unknown key 'urgnet'" in " ".join(found)
    assert any(p.startswith(f"{common}:") and "unknown key 'synonym'" in p for p in found)


def test_wrong_types_are_refused(tmp_path):
    root = copy_project(tmp_path)
    sitting = root / "intents" / "SittingIntent.yaml"
    sitting.write_text(sitting.read_text().replace("urgent: false", "urgent: sometimes"))
    found = problems_of(root)
    assert found == [f"{sitting}:4: 'urgent' must be true or false"]


def test_a_sample_that_does_not_expand_names_its_line(tmp_path, capsys):
    root = copy_project(tmp_path)
    lifting = root / "intents" / "LiftingIntent.yaml"
    lifting.write_text(lifting.read_text().rstrip("\n") + "\n  - (broken\n")
    line = len(lifting.read_text().splitlines())
    assert [str(p) for p in loader.sample_problems(loader.load_content(root))] == [
        f"{lifting}:{line}: sample '(broken': missing ')'"]
    assert run("ask", "--root", str(root), "can i lift") == (2, "")
    assert capsys.readouterr().err == f"{lifting}:{line}: sample '(broken': missing ')'\n"


def test_a_lexicon_entry_in_two_kinds_is_refused_with_its_line(tmp_path):
    root = copy_project(tmp_path)
    lexicon = root / "intents" / "_lexicon.yaml"
    lexicon.write_text(lexicon.read_text().replace("brands:\n", "brands:\n  wound: cut\n"))
    found = problems_of(root)
    line = lexicon.read_text().splitlines().index("  wound: cut") + 1
    assert found == [f"{lexicon}:{line}: brands: 'wound' is already an entry of another kind"]


def test_a_lexicon_word_yaml_reads_as_true_or_false_is_refused_with_its_line(tmp_path):
    """A bare 'no' is YAML's false: 'nah: no' would rewrite "nah" to "false"."""
    root = copy_project(tmp_path)
    lexicon = root / "intents" / "_lexicon.yaml"
    lexicon.write_text(lexicon.read_text().replace("synonyms:\n", "synonyms:\n  nah: no\n"))
    found = problems_of(root)
    line = lexicon.read_text().splitlines().index("  nah: no") + 1
    assert found == [f"{lexicon}:{line}: synonyms: 'nah': False must be words; quote on, off, "
                     "yes and no"]

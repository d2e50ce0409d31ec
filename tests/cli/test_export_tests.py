"""``si-skill export-tests DIR``: Amazon's NLU annotation CSV and Bespoken suites, in shape."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from skill.cli import main
from skill.cli.export_tests import alexa_slots, alexa_utterance, reply_pattern
from skill.content import loader
from skill.review import cases
from tests.support.paths import CASES_DIR, DIALOGS

CASES = CASES_DIR
# The suites run in en-US: the dialogs written for another locale stay out of them.
US_DIALOGS = [p for p in DIALOGS.glob("*.yaml")
              if yaml.safe_load(p.read_text()).get("locale", "en-US") == "en-US"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("reach")
    out = io.StringIO()
    args = ["export-tests", str(directory), "--cases", str(CASES), "--dialogs", str(DIALOGS)]
    assert main(args, out=out) == 0
    assert "nlu/en-US.csv" in out.getvalue()
    return directory


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def test_annotation_set_has_amazons_header_and_a_column_per_model_slot(exported):
    header, rows = read_csv(exported / "nlu" / "en-US.csv")
    assert header[:3] == ["utterance", "referenceTimestamp", "intent"]
    model = json.loads(loader.model_path().read_text())
    declared = {s["name"] for i in model["interactionModel"]["languageModel"]["intents"]
                for s in i.get("slots", [])}
    assert header[3:] == [f"slot[{name}]" for name in sorted(declared)]
    assert all(len(row) == len(header) and None not in row for row in rows)


def test_annotation_set_holds_dev_and_test_cases_never_blind(exported):
    _, rows = read_csv(exported / "nlu" / "en-US.csv")
    said = {row["utterance"] for row in rows}
    shared = {alexa_utterance(c.text) for c in cases.load([CASES / "dev", CASES / "test"])}
    frozen = cases.load([CASES / "blind", CASES / "blind2", CASES / "blind3",
                         CASES / "blind4", CASES / "blind5"])
    blind_only = {alexa_utterance(c.text) for c in frozen} - shared
    assert said == shared
    assert not said & blind_only
    assert len(rows) == len(said)  # one row per distinct utterance
    names = {spec.name for spec in loader.load_content().intents}
    assert {row["intent"] for row in rows} <= names
    assert sum(row["intent"] == "AMAZON.FallbackIntent" for row in rows) >= 10
    # Alexa hears words: lowercase, no punctuation beyond apostrophes and decimal points.
    assert all(u == u.lower() and not set(u) & set('?!,;:"—') for u in said)


def test_decimal_temperatures_fill_two_slots_like_the_model_says():
    assert alexa_slots({"temperature": "101.8"}) == {"temperature": "101", "decimal": "8"}
    assert alexa_slots({"temperature": "102"}) == {"temperature": "102"}
    assert alexa_utterance("My temp is 101.2 — should I call?") == "my temp is 101.2 should i call"


def test_annotation_rows_carry_expected_slots(exported):
    _, rows = read_csv(exported / "nlu" / "en-US.csv")
    fever = [r for r in rows if r["intent"] == "FeverIntent" and r["slot[temperature]"]]
    assert fever and all(r["slot[temperature]"].isdigit() for r in fever)
    assert any(r["slot[decimal]"] for r in fever)


def test_testing_json_runs_end_to_end_in_the_locale(exported):
    config = json.loads((exported / "bespoken" / "testing.json").read_text())
    assert config["type"] == "e2e" and config["locale"] == "en-US"
    assert "virtualDeviceToken" in config


def test_one_bespoken_suite_per_dialog_never_blind(exported):
    suites = sorted(p.name for p in (exported / "bespoken").glob("*.e2e.yml"))
    assert suites == sorted(f"{p.stem}.e2e.yml" for p in US_DIALOGS)
    blind = {p.stem for p in (DIALOGS / "blind").glob("*.yaml")}
    assert not {name.removesuffix(".e2e.yml") for name in suites} & blind


@pytest.mark.parametrize("dialog", sorted(p.stem for p in US_DIALOGS))
def test_suite_is_a_config_document_then_a_test(exported, dialog):
    source = yaml.safe_load((DIALOGS / f"{dialog}.yaml").read_text())
    documents = list(yaml.safe_load_all((exported / "bespoken" / f"{dialog}.e2e.yml").read_text()))
    assert len(documents) == 2
    assert documents[0] == {"configuration": {"locale": "en-US"}}
    test = documents[1]
    assert test[0] == {"test": source["name"]}
    interactions = test[1:]
    assert all(isinstance(i, dict) and len(i) == 1 for i in interactions)
    said = [next(iter(i)) for i in interactions]
    assert said[0] == "open fusion recovery"  # e2e sessions start by opening the skill
    spoken = [alexa_utterance(t["say"]) for t in source["turns"] if "say" in t]
    assert [s for s in said if s != "open fusion recovery"] == spoken
    for interaction in interactions:
        expected = next(iter(interaction.values()))
        assert expected == "*" or all(
            set(a) <= {"prompt", "cardContent"} and next(iter(a.values())).startswith("/")
            for a in expected)


def test_reply_pattern_matches_words_whatever_the_punctuation():
    assert reply_pattern("Want to hear more?") == r"/want\W+to\W+hear\W+more/i"

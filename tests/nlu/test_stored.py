"""NLU tables computed ahead of time: used only while they match, never a stale router."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from skill.content import loader
from skill.nlu import prebuild, readings, safety, stored
from skill.nlu.router import Router, router_for
from skill.review import cases
from tests.support.paths import CASES_DIR
from tests.support.project import copy_project

MARKER = "zebra crossing marker"  # a form no sample has
NEW_SAMPLE = "may i amble round the aquarium with my grandson"


def _tamper(root: Path) -> None:
    """Give the stored forms an extra WalkingIntent form, keeping their key."""
    path = stored.path_of(root)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["tables"]["forms"]["value"]["WalkingIntent"].append(MARKER)
    path.write_text(json.dumps(data), encoding="utf-8")


def _router(root: Path) -> Router:
    return router_for(loader.load_content(root))


def test_committed_tables_match_a_fresh_build():
    """Fails after an edit to the samples, lexicon, safety file or normalization code:
    run `si-skill build-model`."""
    root = loader.data_root()
    fresh = prebuild.build_text(loader.load_content(root))
    assert stored.path_of(root).read_text(encoding="utf-8") == fresh


def test_matching_stored_forms_are_what_the_router_holds(tmp_path):
    root = copy_project(tmp_path)
    _tamper(root)
    assert MARKER in _router(root).choices


@pytest.mark.parametrize(("name", "old", "new"), [
    ("intents/WalkingIntent.yaml", "samples:\n", f"samples:\n  - {NEW_SAMPLE}\n"),
    ("intents/_lexicon.yaml", "synonyms:\n", "synonyms:\n  aquarium: fish tank\n"),
    ("intents/_common.yaml", "synonyms: [drive, ", "synonyms: [motor, drive, "),
])
def test_an_edit_to_what_the_forms_come_from_makes_them_unused(tmp_path, name, old, new):
    root = copy_project(tmp_path)
    _tamper(root)
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    router = _router(root)
    assert MARKER not in router.choices
    fresh = Router(loader.load_content(root).intents, router.vocabulary, router.lexicon)
    assert (router.choices, router.labels) == (fresh.choices, fresh.labels)


def test_an_edited_sample_is_routed_despite_the_stored_forms(tmp_path):
    root = copy_project(tmp_path)
    assert _router(root).route(NEW_SAMPLE).intent != "WalkingIntent"
    edited = copy_project(tmp_path / "edited")
    walking = edited / "intents" / "WalkingIntent.yaml"
    walking.write_text(walking.read_text(encoding="utf-8").replace(
        "samples:\n", f"samples:\n  - {NEW_SAMPLE}\n", 1), encoding="utf-8")
    assert _router(edited).route(NEW_SAMPLE).intent == "WalkingIntent"


def test_changed_code_or_a_broken_file_makes_the_tables_unused(tmp_path):
    root = copy_project(tmp_path)
    _tamper(root)
    path = stored.path_of(root)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"skill/nlu/normalize.py", "skill/nlu/numbers.py", "skill/nlu/slots.py",
            "skill/nlu/readings.py", "skill/nlu/forms.py"} <= set(data["code"])
    data["code"]["skill/nlu/normalize.py"] = "0" * 64  # normalize() changed since the build
    path.write_text(json.dumps(data), encoding="utf-8")
    assert MARKER not in _router(root).choices
    other = copy_project(tmp_path / "other")
    stored.path_of(other).write_text("{not json", encoding="utf-8")
    assert "WalkingIntent" in _router(other).labels


def test_an_edit_to_the_safety_file_makes_its_stored_tables_unused():
    root, spec = loader.data_root(), safety.default_engine().spec
    edited = replace(spec, pseudo=(*spec.pseudo, "aquarium trip"))
    assert stored.lookup(root, "safety", safety.table_inputs(spec)) is not None
    assert stored.lookup(root, "safety", safety.table_inputs(edited)) is None
    readings_edited = replace(spec.readings, context=(*spec.readings.context, "aquarium"))
    assert stored.lookup(root, "readings", readings.table_inputs(spec.readings)) is not None
    assert stored.lookup(root, "readings", readings.table_inputs(readings_edited)) is None


def test_routing_is_the_same_with_and_without_the_stored_tables(monkeypatch):
    content = loader.load_content()
    cached = router_for(content)
    monkeypatch.setattr(prebuild, "stored_forms", lambda _content: None)
    computed = Router.from_content(content)
    assert (cached.choices, cached.labels) == (computed.choices, computed.labels)
    engine, reader = safety.default_engine(), readings.reader_of(content)
    assert engine.table.table == safety.Engine(engine.spec).table.table
    assert reader.table.table == readings.Reader(reader.spec, engine).table.table
    texts = [case.text for case in cases.load([CASES_DIR / "dev"])]
    assert [cached.explain(t) for t in texts] == [computed.explain(t) for t in texts]

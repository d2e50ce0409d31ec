"""The content snapshot: JSON the loader reads instead of YAML, only while it matches."""

from __future__ import annotations

import json

from skill.content import loader, parse, snapshot
from skill.content.spec import ContentError
from tests.support.project import copy_project

LIFTING = "intents/LiftingIntent.yaml"


def _tamper(root, name: str, description: str) -> None:
    """Give the snapshot's entry for ``name`` another description, keeping its text."""
    path = snapshot.path_of(root)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["files"][name]["value"]["description"] = description
    path.write_text(json.dumps(data), encoding="utf-8")


def test_committed_snapshot_matches_a_fresh_build():
    fresh = snapshot.build_text(loader.data_root())
    assert snapshot.path_of(loader.data_root()).read_text(encoding="utf-8") == fresh


def test_snapshot_holds_what_the_yaml_says():
    root = loader.data_root()
    files = json.loads(snapshot.path_of(root).read_text(encoding="utf-8"))["files"]
    assert set(files) == {p.relative_to(root).as_posix() for p in snapshot.sources(root)}
    for name, entry in files.items():
        assert entry["value"] == parse.read_yaml(root / name), name


def test_loader_reads_a_matching_snapshot(tmp_path):
    root = copy_project(tmp_path)
    _tamper(root, LIFTING, "from the snapshot")
    assert loader.load_content(root).by_name["LiftingIntent"].description == "from the snapshot"


def test_an_edited_yaml_file_wins_over_the_snapshot(tmp_path):
    root = copy_project(tmp_path)
    _tamper(root, LIFTING, "from the snapshot")
    lifting = root / LIFTING
    lifting.write_text(lifting.read_text().replace("description:", "description: Edited.", 1))
    found = loader.load_content(root).by_name["LiftingIntent"].description
    assert found.startswith("Edited.") and "snapshot" not in found


def test_an_edited_file_is_reported_with_its_line_despite_the_snapshot(tmp_path):
    root = copy_project(tmp_path)
    lifting = root / LIFTING
    lifting.write_text(lifting.read_text() + "urgnet: true\n")
    try:
        loader.load_content(root)
    except ContentError as error:
        lines = len(lifting.read_text().splitlines())
        assert f"{lifting}:{lines}: unknown key 'urgnet'" in str(error)
    else:
        raise AssertionError("the edited file's problem was not reported")


def test_a_broken_or_missing_snapshot_only_means_the_yaml_is_parsed(tmp_path):
    root = copy_project(tmp_path)
    snapshot.path_of(root).write_text("{not json", encoding="utf-8")
    assert "LiftingIntent" in loader.load_content(root).by_name
    other = copy_project(tmp_path / "other")
    snapshot.path_of(other).unlink()
    assert "LiftingIntent" in loader.load_content(other).by_name

"""si-skill validate on expansion rules (skill/review/validate.py)."""

from __future__ import annotations

from tests.support.project import copy_project, run


def test_validate_names_unknown_unused_and_circular_expansion_rules(tmp_path):
    root = copy_project(tmp_path)
    common = root / "intents" / "_common.yaml"
    common.write_text(common.read_text().replace(
        "expansion_rules:\n",
        'expansion_rules:\n  spare: "a|b"\n  loop: "x <loop>"\n', 1))
    walking = root / "intents" / "WalkingIntent.yaml"
    walking.write_text(walking.read_text() + "  - can <nobody> stroll around the block\n")
    code, out = run("validate", "--root", str(root))
    assert code == 1
    assert f"{walking}: sample 'can <nobody> stroll around the block': unknown rule <nobody>" in out
    assert f"{common}: expansion rule <spare> is never used" in out
    assert f"{common}: expansion rule <loop>: rule <loop> refers to itself" in out

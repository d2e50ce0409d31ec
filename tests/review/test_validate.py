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


def test_validate_checks_the_locales_file(tmp_path):
    root = copy_project(tmp_path)
    path = root / "intents" / "_locales.yaml"
    text = path.read_text()
    start, end = text.index("en-IN:"), len(text)
    text = text[:start] + text[end:]  # en-IN gone
    text = text.replace('emergency: {number: "999", say: nine nine nine}',
                        'emergency: {number: "9-9-9", say: nine nine nine}\n  emergncy: 1')
    text = text.replace("temperature: celsius", "temperature: kelvin", 1)
    path.write_text(text)
    code, out = run("validate", "--root", str(root))
    assert code == 1
    assert f"{path}: en-IN: missing (every published locale needs an entry)" in out
    assert "en-GB: emergency 'number' must be digits, quoted" in out
    assert "unknown key 'emergncy'" in out
    assert "'temperature' must be one of celsius, fahrenheit" in out


def test_validate_finds_a_stale_or_missing_locale_model(tmp_path):
    root = copy_project(tmp_path)
    (root / "interaction_model" / "en-AU.json").unlink()
    locales = root / "intents" / "_locales.yaml"
    locales.write_text(locales.read_text().replace("    mom: mum\n", "    mom: mam\n", 1))
    code, out = run("validate", "--root", str(root))
    assert code == 1
    assert f"{root / 'interaction_model' / 'en-AU.json'}: missing; run" in out
    assert f"{root / 'interaction_model' / 'en-GB.json'}: out of date with intents/" in out
    assert "en-US.json" not in out


def test_validate_names_a_topic_whose_points_cannot_be_chosen(tmp_path):
    root = copy_project(tmp_path)
    path = root / "intents" / "SittingIntent.yaml"
    text = path.read_text().replace("slots:\n  facet: FACET\n", "", 1)
    path.write_text(text.replace("  - sitting after surgery {facet}\n", "", 1))
    code, out = run("validate", "--root", str(root))
    assert code == 1
    assert f"{path}: answer 'sitting' has facets: declare a FACET slot" in out


def test_validate_names_a_key_written_twice_in_one_mapping(tmp_path):
    """YAML keeps the last of two equal keys without a word: a second entry for a word
    would silently replace the first."""
    root = copy_project(tmp_path)
    lexicon = root / "intents" / "_lexicon.yaml"
    lexicon.write_text(lexicon.read_text().replace(
        "synonyms:\n", "synonyms:\n  nae bother: fine\n  nae bother: no trouble\n", 1))
    first = lexicon.read_text().splitlines().index("  nae bother: fine") + 1
    code, out = run("validate", "--root", str(root))
    assert code == 1
    assert (f"{lexicon}:{first + 1}: key 'nae bother' is written twice (first at line "
            f"{first}); YAML keeps only the last") in out

"""A non-editable install carries its data inside the package and runs from anywhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # builds and installs a wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    return next(out.glob("si_recovery_skill-*.whl"))


def test_wheel_ships_data_inside_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "skill/data/responses.yaml" in names
    assert "skill/data/intents/LiftingIntent.yaml" in names
    assert "skill/data/intents/_lexicon.yaml" in names
    assert "skill/data/interaction_model/en-US.json" in names
    assert "skill/data/guide/si-joint-fusion.txt" in names
    assert "skill/data/apl/answer.json" in names
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_installed_wheel_answers_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import json, skill, skill.content.loader as d; from skill.cli import main;"
            "assert d.data_root().is_relative_to(d.PACKAGE_DIR), d.data_root();"
            "main(['ask', '--json', 'can I lift groceries'])")
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["intent"] == "LiftingIntent"


def test_installed_skill_in_a_checkout_says_whose_content_it_serves(wheel, tmp_path):
    """`pip install .` then `si-skill ...` inside the checkout: the installed copy answers
    unless --root says otherwise, and the command says so instead of silently ignoring
    the clinic's edit."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    checkout = tmp_path / "checkout"
    for name in ("intents", "guide", "interaction_model"):
        shutil.copytree(ROOT / name, checkout / name)
    edited = (ROOT / "responses.yaml").read_text().replace(
        "Early in recovery, don't lift more than [[10 pounds]].",
        "Early in recovery, don't lift more than one pound.")
    assert "one pound" in edited
    (checkout / "responses.yaml").write_text(edited)
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = "import sys; from skill.cli import main; raise SystemExit(main(sys.argv[1:]))"

    def ask(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", code, "ask", *extra, "can i lift groceries"],
                              cwd=checkout, env=env, capture_output=True, text=True, timeout=120)

    installed = ask()
    assert installed.returncode == 0, installed.stderr
    assert "ten pounds" in installed.stdout
    assert "using content from" in installed.stderr and "--root ." in installed.stderr
    local = ask("--root", ".")
    assert local.returncode == 0 and local.stderr == ""
    assert "one pound" in local.stdout


def requirements(wheel: Path) -> tuple[set[str], set[str]]:
    """Names the core install needs, and names only the ``web`` extra adds."""
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        lines = archive.read(meta).decode().splitlines()
    core, web = set(), set()
    for line in lines:
        if line.startswith("Requires-Dist: "):
            spec = line.removeprefix("Requires-Dist: ")
            name = spec.split(";")[0].split("[")[0].split(">")[0].split("=")[0].strip().lower()
            if ";" not in spec:
                core.add(name)
            elif "extra == 'web'" in spec.replace('"', "'"):
                web.add(name)
    return core, web


def test_core_install_for_lambda_has_no_web_stack(wheel):
    core, web = requirements(wheel)
    assert core == {"ask-sdk-core", "rapidfuzz", "jellyfish", "numpy", "pyyaml"}
    assert {"flask", "waitress", "cryptography"} <= web

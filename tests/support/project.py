"""si-skill in-process, and a scratch copy of the project's data to break."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from skill.cli import main
from skill.content import loader


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(loader.intents_dir(), root / "intents")
    shutil.copy(loader.responses_path(), root / "responses.yaml")
    shutil.copytree(loader.model_path().parent, root / "interaction_model")
    shutil.copytree(loader.guide_path().parent, root / "guide")
    return root

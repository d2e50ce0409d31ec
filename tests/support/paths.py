"""Where the repository and the test data live, wherever a test module sits."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
CASES_DIR = TESTS / "cases"
DIALOGS = TESTS / "dialogs"
ENVELOPES = TESTS / "envelopes"

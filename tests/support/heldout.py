"""The held-out dev and test phrasings as plain dicts (the blind sets are only measured)."""

from __future__ import annotations

from skill.review import cases
from tests.support.paths import CASES_DIR


def load_cases() -> list[dict]:
    """The dev and test splits (the blind sets are measured by tests/review/test_evaluate.py)."""
    return [
        {"text": c.text, "intent": c.intent, "urgent": c.urgent, "slots": c.slots}
        for c in cases.load([CASES_DIR / "dev", CASES_DIR / "test"])
    ]


CASES = load_cases()

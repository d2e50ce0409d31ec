"""The held-out dev and test phrasings as plain dicts (the blind sets are only measured)."""

from __future__ import annotations

from skill.review import cases
from tests.support.paths import CASES_DIR

# Dev cases from outside writers (tests/cases/dev/writers_*.yaml): tuning material with
# its own floors, below the team's held-out phrasings' (they are much harder).
WRITERS = "writers_*.yaml"


def _dicts(found: list[cases.Case]) -> list[dict]:
    return [{"text": c.text, "intent": c.intent, "urgent": c.urgent, "slots": c.slots}
            for c in found]


def load_cases() -> list[dict]:
    """The team's dev and test phrasings (the blind sets are measured by
    tests/review/test_evaluate.py, the writers' dev cases by WRITER_CASES)."""
    writers = set((CASES_DIR / "dev").glob(WRITERS))
    paths = [p for p in cases.files([CASES_DIR / "dev", CASES_DIR / "test"]) if p not in writers]
    return _dicts(cases.load(paths))


CASES = load_cases()
WRITER_CASES = _dicts(cases.load(sorted((CASES_DIR / "dev").glob(WRITERS))))

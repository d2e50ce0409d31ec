"""Held-out cases per intent (Home Assistant's style): a case file, and enough cases."""

from __future__ import annotations

from collections import Counter
from typing import Final

from skill.content import loader
from skill.nlu.router import FALLBACK
from skill.review import cases
from tests.support.paths import CASES_DIR

# The floor: an intent measured on fewer than ten phrasings has no figure worth
# reading (one case is 0 % or 100 %).
MIN_CASES: Final = 10


def routable() -> list[str]:
    """Intents the local router can answer: its own samples, or the fallback it declines to."""
    return [spec.name for spec in loader.load_content().intents
            if spec.router and (spec.samples or spec.name == FALLBACK)]


def test_every_routable_intent_has_a_dev_case_file():
    missing = [name for name in routable() if not (CASES_DIR / "dev" / f"{name}.yaml").is_file()]
    assert missing == []


def test_every_routable_intent_has_at_least_ten_held_out_cases():
    counts = Counter(case.intent for case in cases.load([CASES_DIR / "dev", CASES_DIR / "test"]))
    short = {name: counts[name] for name in routable() if counts[name] < MIN_CASES}
    assert short == {}

"""Held-out cases (skill/review/cases.py) and ``si-skill eval`` (skill/review/evaluate.py)."""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from skill.cli import main
from skill.nlu.router import FALLBACK, Route
from skill.review import cases, evaluate
from tests.support.paths import TESTS

CASES = TESTS / "cases"
FROZEN = CASES / "FROZEN.sha256"


def frozen_files() -> list[tuple[str, str]]:
    rows = [line.split() for line in FROZEN.read_text(encoding="utf-8").splitlines() if line]
    return [(digest, name) for digest, name in rows]


def test_frozen_sets_match_the_hashes_recorded_when_they_were_frozen():
    recorded = frozen_files()
    assert len(recorded) >= 30
    changed = [name for digest, name in recorded
               if hashlib.sha256((TESTS / name).read_bytes()).hexdigest() != digest]
    assert changed == []


def test_every_test_and_blind_file_is_frozen():
    names = {name for _, name in frozen_files()}
    splits = ("test", "blind", "blind2", "blind3", "blind4", "blind5")
    on_disk = {str(p.relative_to(TESTS)) for split in splits
               for p in (CASES / split).glob("*.yaml")}
    assert on_disk <= names


def test_blind_set_is_big_and_spread_over_voices():
    blind = cases.load([CASES / "blind"])
    assert len(blind) >= 500
    assert len({c.path for c in blind}) >= 4
    assert sum(c.urgent for c in blind) >= 100
    assert sum(c.intent == FALLBACK for c in blind) >= 50


def test_dev_and_test_never_share_a_phrasing():
    dev = {c.text.lower() for c in cases.load([CASES / "dev"])}
    test = {c.text.lower() for c in cases.load([CASES / "test"])}
    assert dev.isdisjoint(test)


def test_evaluate_counts_what_a_reader_expects():
    held = [cases.Case("a", "LiftingIntent"), cases.Case("b", "EmergencyIntent", urgent=True),
            cases.Case("c", FALLBACK), cases.Case("d", "SittingIntent")]
    answers = {"a": "LiftingIntent", "b": "EmergencyIntent", "c": "EmergencyIntent", "d": FALLBACK}
    report = evaluate.evaluate(held, lambda text: Route(answers[text], 90.0, {}))
    figures = report.figures
    assert figures["accuracy"] == 0.5
    assert figures["urgent recall"] == 1.0
    assert figures["false urgent"] == pytest.approx(1 / 3)
    assert figures["911 for non-emergency"] == pytest.approx(1 / 3)
    assert figures["off-topic declined"] == 0.0
    assert figures["in-scope false reject"] == pytest.approx(1 / 3)
    assert ("AMAZON.FallbackIntent", "EmergencyIntent", 1) in report.confusions()
    assert report.per_intent()["LiftingIntent"]["f1"] == 1.0


def test_a_low_reading_routed_to_fever_is_not_counted_urgent():
    report = evaluate.evaluate([cases.Case("t", "FeverIntent")],
                               lambda text: Route("FeverIntent", 90.0, {"temperature": "99.5"}))
    assert report.figures["false urgent"] == 0.0


def test_eval_command_prints_text_and_json():
    out = io.StringIO()
    assert main(["eval", str(CASES / "test")], out) == 0
    assert "urgent recall" in out.getvalue() and "most confused" in out.getvalue()
    out = io.StringIO()
    assert main(["eval", "--json", str(CASES / "test" / "LiftingIntent.yaml")], out) == 0
    data = json.loads(out.getvalue())
    assert data["cases"] >= 4 and "LiftingIntent" in data["per_intent"]


def test_eval_command_reports_a_broken_case_file_as_path_message(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {intent: LiftingIntent}\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["eval", str(bad)], out) == 2
    assert out.getvalue().startswith(f"{bad}: ")


def test_everyday_chatter_is_declined_through_the_conversation_as_by_the_router():
    """What a user hears: the local conversation's moves (a point of another topic, a
    follow-up) never answer chatter the router declined."""
    chatter = cases.load([CASES / "dev" / "writers_chatter.yaml"])
    out = io.StringIO()
    assert main(["eval", "--conversation", "--json", str(CASES / "dev" / "writers_chatter.yaml")],
                out=out) == 0
    through = json.loads(out.getvalue())["figures"]
    by_router = evaluate.evaluate(chatter).figures
    assert len(chatter) >= 300
    assert through["off-topic declined"] >= by_router["off-topic declined"] - 0.01
    assert through["911 for non-emergency"] == 0


# Floors on the frozen sets (`si-skill eval tests/cases/<split>`), at the figures last
# measured: a change that loses ground on them fails. The targets (100 % urgent
# recall, 95 % accuracy on blind) are not reached yet; these hold what is.
FROZEN_FLOORS = {
    # accuracy: 99.4 % until the outside writers' samples and MIN_SCORE 46, 98.9 % since
    "test": ({"urgent recall": 1.0, "accuracy": 0.985}, {"false urgent": 0.0}),
    "blind": ({"urgent recall": 1.0, "accuracy": 0.905},
              {"false urgent": 0.031, "911 for non-emergency": 0.0}),
    # measured when it arrived, once midway and at the end of the session that tuned on
    # the dev writers' data: nothing was chosen by looking at it.
    "blind2": ({"urgent recall": 0.987, "accuracy": 0.84, "off-topic declined": 0.92},
               {"false urgent": 0.007, "911 for non-emergency": 0.0}),
    # written on 2026-11-27 by two writers given the guide and the design brief only,
    # frozen unread; floors at its figures on arrival (88.4 / 97.6 / 2.1 / 0 / 94.7 / 9.1)
    "blind3": ({"urgent recall": 0.976, "accuracy": 0.883, "off-topic declined": 0.947},
               {"false urgent": 0.022, "911 for non-emergency": 0.0}),
    # written on 2026-11-27 by two more writers given the guide and the design brief only
    # (five households over six weeks; everyday chatter, other Englishes and transcripts),
    # frozen unread; floors at its figures on arrival (89.0 / 96.8 / 2.7 / 0 / 89.5 / 6.0)
    "blind4": ({"urgent recall": 0.968, "accuracy": 0.89, "off-topic declined": 0.894},
               {"false urgent": 0.028, "911 for non-emergency": 0.0}),
    # written on 2026-11-27 by two more writers given the guide and the design brief only
    # (six voices; questions, reports, near misses and everyday lines as real traffic),
    # frozen unread; floors at its figures on arrival (90.8 / 96.9 / 2.0 / 0.2 / 98.1 /
    # 7.1; 90.6 / 96.9 / 2.3 / 0.2 / 98.1 / 7.1 with the day's first build, and false
    # urgent 2.3 % again once a review took back an acquaintance's wider scope, which had
    # lost emergencies told through a neighbour). One of its non-emergencies is told to
    # call 911: the ceiling holds that one, not zero.
    "blind5": ({"urgent recall": 0.969, "accuracy": 0.908, "off-topic declined": 0.981},
               {"false urgent": 0.023, "911 for non-emergency": 0.0022}),
}


@pytest.mark.parametrize("split", list(FROZEN_FLOORS))
def test_frozen_sets_hold_their_floors(split):
    floors, ceilings = FROZEN_FLOORS[split]
    figures = evaluate.evaluate(cases.load([CASES / split])).figures
    assert all((figures[k] or 0) >= v for k, v in floors.items()), figures
    assert all((figures[k] or 0) <= v for k, v in ceilings.items()), figures

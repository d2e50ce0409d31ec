"""``si-skill eval CASES...``: how well the router understands held-out cases.

In the spirit of ``rasa test nlu``: intent accuracy, per-intent precision, recall and F1,
the most confused pairs, and the safety figures that matter most here — urgent recall,
non-urgent cases flagged urgent, the emergency number said for anything but an
emergency, everyday requests declined, and in-scope questions wrongly declined.

Urgency is decided exactly as the skill decides it (``responses.select``), so a fever
reading of 99.5 routed to FeverIntent is not counted as urgent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from skill.alexa import responses
from skill.content import loader
from skill.content.spec import Content
from skill.nlu.router import FALLBACK, Route, router_for
from skill.review.cases import Case

EMERGENCY: Final = "EmergencyIntent"
UNCOVERED: Final = "UncoveredTopicIntent"
DECLINED: Final = frozenset({FALLBACK, UNCOVERED})


@dataclass(frozen=True)
class Outcome:
    """One case and what the router made of it."""

    case: Case
    intent: str
    urgent: bool

    @property
    def right(self) -> bool:
        return self.intent == self.case.intent


@dataclass
class Report:
    """Every figure ``eval`` prints, from a list of outcomes."""

    outcomes: list[Outcome] = field(default_factory=list)

    def _share(self, hits: int, total: int) -> float | None:
        return hits / total if total else None

    @property
    def figures(self) -> dict[str, float | None]:
        out = self.outcomes
        urgent = [o for o in out if o.case.urgent]
        calm = [o for o in out if not o.case.urgent]
        off = [o for o in out if o.case.intent == FALLBACK]
        scoped = [o for o in out if o.case.intent != FALLBACK]
        not_emergency = [o for o in out if o.case.intent != EMERGENCY]
        return {
            "accuracy": self._share(sum(o.right for o in out), len(out)),
            "urgent recall": self._share(sum(o.urgent for o in urgent), len(urgent)),
            "false urgent": self._share(sum(o.urgent for o in calm), len(calm)),
            "911 for non-emergency": self._share(
                sum(o.intent == EMERGENCY for o in not_emergency), len(not_emergency)
            ),
            "off-topic declined": self._share(sum(o.intent in DECLINED for o in off), len(off)),
            "in-scope false reject": self._share(
                sum(o.intent == FALLBACK for o in scoped), len(scoped)
            ),
        }

    def per_intent(self) -> dict[str, dict[str, float]]:
        """Precision, recall, F1 and support for every intent seen or predicted."""
        names = {o.case.intent for o in self.outcomes} | {o.intent for o in self.outcomes}
        table: dict[str, dict[str, float]] = {}
        for name in sorted(names):
            tp = sum(o.right and o.intent == name for o in self.outcomes)
            predicted = sum(o.intent == name for o in self.outcomes)
            support = sum(o.case.intent == name for o in self.outcomes)
            precision = tp / predicted if predicted else 0.0
            recall = tp / support if support else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            table[name] = {"precision": precision, "recall": recall, "f1": f1,
                           "support": float(support)}
        return table

    def confusions(self, n: int = 10) -> list[tuple[str, str, int]]:
        """The ``n`` most frequent (expected, got) pairs among the wrong outcomes."""
        pairs = Counter((o.case.intent, o.intent) for o in self.outcomes if not o.right)
        return [(want, got, count) for (want, got), count in pairs.most_common(n)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": len(self.outcomes),
            "figures": self.figures,
            "per_intent": self.per_intent(),
            "confusions": [
                {"expected": want, "got": got, "count": count}
                for want, got, count in self.confusions()
            ],
        }


def flagged_urgent(found: Route, content: Content) -> bool:
    """Whether the skill would answer ``found`` on the urgent path."""
    if content.answer_key(found.intent) is None:
        return False
    return responses.select(found.intent, found.slots, content).urgent


def evaluate(
    cases: Sequence[Case], route: Callable[[str], Route] | None = None,
    content: Content | None = None,
) -> Report:
    """Route every case and collect the outcomes, with ``content``'s router unless
    ``route`` is given (default: the skill's own content)."""
    content = content or loader.load_content()
    route = route or router_for(content).route
    report = Report()
    for case in cases:
        found = route(case.text)
        report.outcomes.append(Outcome(case, found.intent, flagged_urgent(found, content)))
    return report


def evaluate_answers(cases: Sequence[Case], answered: Callable[[str], tuple[str, bool]]
                     ) -> Report:
    """The outcomes as the skill answers: ``answered`` gives the intent answered and
    whether the answer was urgent (the local conversation, for ``eval --conversation``)."""
    report = Report()
    for case in cases:
        intent, urgent = answered(case.text)
        report.outcomes.append(Outcome(case, intent, urgent))
    return report


def format_text(report: Report, title: str = "") -> str:
    """The report as a reader wants it on a terminal."""
    lines = [f"{title or 'cases'}: {len(report.outcomes)}"]
    for name, value in report.figures.items():
        lines.append(f"  {name:<24}{'n/a' if value is None else f'{value:7.1%}'}")
    lines.append("  per intent (precision recall f1 support):")
    for name, row in report.per_intent().items():
        lines.append(
            f"    {name:<28}{row['precision']:6.2f}{row['recall']:7.2f}{row['f1']:6.2f}"
            f"{int(row['support']):6d}"
        )
    if report.confusions():
        lines.append("  most confused (expected -> got: count):")
        lines.extend(f"    {w} -> {g}: {c}" for w, g, c in report.confusions())
    return "\n".join(lines)

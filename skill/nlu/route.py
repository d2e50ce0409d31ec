"""What a routing decision is: the intent chosen, its score and slots, and the step
that chose it (``si-skill ask --explain`` prints the step)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from skill.nlu.safety import Finding


class Step(enum.Enum):
    """Which step of routing decided."""

    LAUNCH = "launch"  # not routed: the skill was opened
    SAFETY = "safety"  # a reported urgent symptom or a fever reading
    BELOW_THRESHOLD = "below threshold"
    AMBIGUOUS = "ambiguous with"  # two intents too close to call
    NEAREST = "nearest sample"
    FACET = "facet"  # moved to the topic whose point the question names
    CALM = "calm"  # a symptom named but not reported: the intent answering it (skill.nlu.calm)
    ELSEWHERE = "about"  # another illness, or someone else's symptom (skill.nlu.elsewhere)


@dataclass(frozen=True)
class Decision:
    """The step that chose a route and its detail (the safety rule, the close rival);
    ``str()`` is the text ``--explain`` prints, e.g. "safety: incision sign"."""

    step: Step
    detail: str = ""

    def __str__(self) -> str:
        if not self.detail:
            return self.step.value
        separator = ": " if self.step is Step.SAFETY else " "
        return f"{self.step.value}{separator}{self.detail}"


@dataclass(frozen=True)
class Route:
    """Best intent for one utterance."""

    intent: str  # e.g. "LiftingIntent", or "AMAZON.FallbackIntent"
    score: float  # 0-100
    slots: dict[str, str] = field(default_factory=dict)
    rule: Decision | None = None  # the step that chose it
    # Two intents too close to call (a fallback route): the skill can ask which one.
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Explanation:
    """What ``Router.explain()`` shows: every step of one routing decision."""

    normalized: str
    matched_text: str
    route: Route
    candidates: list[Route]
    findings: list[Finding]

"""Local router: text -> intent + slots, from the same samples as the interaction model.

Steps: ``normalize()``; slot values out (temperature, topic); the safety layer (a
reported urgent symptom wins, negated ones are cut out); then rapidfuzz against every
normalized sample. A weak best match, or two different intents too close to call,
gives ``AMAZON.FallbackIntent``: an honest "I can't help with that" beats a confident
wrong answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Final

from skill.content import loader
from skill.content.templates import expand
from skill.nlu import fever, safety
from skill.nlu.normalize import normalize
from skill.nlu.numbers import to_float
from skill.nlu.scoring import SampleIndex
from skill.nlu.slots import SlotVocabulary, default_vocabulary, extract, sample_form

FALLBACK: Final = "AMAZON.FallbackIntent"
# Scores come from skill.scoring (0-100). The thresholds were chosen by a sweep over the
# held-out phrasings in tests/cases, from flat regions (neighbouring values score within
# a point): below MIN_SCORE the nearest sample is usually an unrelated question.
MIN_SCORE: Final = 42.0
# Two different intents closer than this are a coin toss; unless the best is a clear
# match anyway (SURE_SCORE), decline rather than guess.
MARGIN: Final = 2.0
SURE_SCORE: Final = 60.0


@dataclass(frozen=True)
class Route:
    """Best intent for one utterance."""

    intent: str  # e.g. "LiftingIntent", or "AMAZON.FallbackIntent"
    score: float  # 0-100
    slots: dict[str, str] = field(default_factory=dict)
    rule: str | None = None  # the safety rule or decision that chose it


@dataclass(frozen=True)
class Explanation:
    """What ``explain()`` shows: every step of one routing decision."""

    normalized: str
    matched_text: str
    route: Route
    candidates: list[Route]
    findings: list[safety.Finding]


class Router:
    """Holds the normalized samples; build once, route many."""

    def __init__(self, intents: Iterable[loader.IntentSpec], vocabulary: SlotVocabulary) -> None:
        self.vocabulary = vocabulary
        self.slots_of: dict[str, set[str]] = {}
        seen: dict[str, str] = {}
        for spec in intents:
            self.slots_of[spec.name] = set(spec.slots)
            if not spec.router:
                continue
            for line in spec.samples:
                for sentence in expand(line):
                    seen.setdefault(sample_form(sentence, vocabulary), spec.name)
        self.choices: list[str] = list(seen)
        self.labels: list[str] = [seen[c] for c in self.choices]
        self.index = SampleIndex(self.choices)

    def candidates(self, text: str) -> list[Route]:
        """Best score per intent, ranked."""
        best: dict[str, float] = {}
        for index, score in self.index.scores(text).items():
            label = self.labels[index]
            if score > best.get(label, 0.0):
                best[label] = score
        return [Route(i, s) for i, s in sorted(best.items(), key=lambda kv: -kv[1])]

    def explain(self, text: str, n: int = 5) -> Explanation:
        normalized = normalize(text)
        found = safety.findings(normalized)
        cleaned, slots = extract(safety.without_negated(normalized, found), self.vocabulary,
                                 source=normalized)
        ranked = self.candidates(cleaned)
        route = self._decide(ranked, slots, found)
        return Explanation(normalized, cleaned, route, ranked[:n], found)

    def route(self, text: str) -> Route:
        return self.explain(text).route

    def _decide(
        self, ranked: list[Route], slots: dict[str, str], found: list[safety.Finding]
    ) -> Route:
        urgent = safety.first_reported(found)
        fever_route = self._fever(slots)
        if urgent is not None and urgent.intent == "EmergencyIntent":
            return self._with_slots(urgent.intent, 100.0, slots, f"safety: {urgent.rule}")
        if fever_route is not None:
            return fever_route
        if urgent is not None:
            return self._with_slots(urgent.intent, 100.0, slots, f"safety: {urgent.rule}")
        # A symptom the user denies or only asks about must not pull the question to
        # its urgent intent; the informational intents answer those.
        # FeverIntent also answers questions ("what counts as a fever"), so only a
        # denied fever excludes it.
        excluded = {
            f.intent for f in found
            if f.denied or (f.status == safety.ASKED and f.intent != "FeverIntent")
        }
        ranked = [r for r in ranked if r.intent not in excluded]
        if not ranked or ranked[0].score < MIN_SCORE:
            score = ranked[0].score if ranked else 0.0
            return Route(FALLBACK, score, {}, "below threshold")
        top = ranked[0]
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        if top.score - runner_up < MARGIN and top.score < SURE_SCORE:
            return Route(FALLBACK, top.score, {}, f"ambiguous with {ranked[1].intent}")
        return self._with_slots(top.intent, top.score, slots, "nearest sample")

    def _fever(self, slots: dict[str, str]) -> Route | None:
        """A reading at or over the line is a fever report, whatever else was asked."""
        value = to_float(slots.get("temperature", ""))
        if value is None:
            return None
        level = fever.assess(value, slots.get("unit")).level
        if level in (fever.Level.HIGH, fever.Level.AT_LINE):
            return self._with_slots("FeverIntent", 100.0, slots, f"safety: fever {level.value}")
        return None

    def _with_slots(self, intent: str, score: float, slots: dict[str, str], rule: str) -> Route:
        kept = {k: v for k, v in slots.items() if k in self.slots_of.get(intent, set())}
        return Route(intent, round(score, 1), kept, rule)


@cache
def default_router() -> Router:
    return Router(loader.load_intents(), default_vocabulary())


def route(text: str) -> Route:
    """Best intent for ``text`` with the shipped samples."""
    return default_router().route(text)


def explain(text: str, n: int = 5) -> Explanation:
    """Ranked candidates and every decision, for ``si-skill ask --explain``."""
    return default_router().explain(text, n)

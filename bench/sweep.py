"""Reproduce the router's thresholds from the dev split alone.

    python bench/sweep.py [--check]

Routes every case of tests/cases/dev once per value of the scorer's UNKNOWN_FACTOR,
keeping what the decision step (``Router.nearest``) is given: the ranked candidates,
slots and domain evidence; safety decisions, and the few the router takes past the
thresholds (a report-only intent taken back, a question about a symptom, a topic named
by its head word), stay as they are. Then it re-decides every case for each point of a
grid over MIN_SCORE, MARGIN, SURE_SCORE, WHOLE_MATCH and CONVERSATION_SCORE, and last
(at the chosen point, one routing pass per value) the head-word step's HEAD_SCORE
(skill.nlu.heads). Cost per case: a decline costs 1, a wrong answer 2 (an honest
decline beats a confident wrong answer), a missed urgent report 20 more, a calm
question sent to the urgent path 2 more. The chosen point: the lowest dev cost among
points that still decline MIN_DECLINED of everyday requests (MIN_HOME_DECLINED of
Home Assistant's). Costs at most two declined questions apart tie (the grid holds the
clause and head steps fixed, which is that close); ties go to the higher accuracy, then
to the point that moves the fewest of the router's values (a threshold moves only for a
lower cost), then to the flattest neighbourhood (mean cost one grid step around), then
to the higher, more cautious values. It prints the chosen values beside the constants;
with --check it exits 1 when they differ. The frozen test and blind splits are never
read here.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.content import loader  # noqa: E402
from skill.content.spec import Content  # noqa: E402
from skill.nlu import heads  # noqa: E402
from skill.nlu.router import FALLBACK, Route, Router, Thresholds  # noqa: E402
from skill.nlu.scoring import UNKNOWN_FACTOR, SampleIndex  # noqa: E402
from skill.review import cases  # noqa: E402
from skill.review.cases import Case  # noqa: E402
from skill.review.evaluate import DECLINED, flagged_urgent  # noqa: E402

# Decided per case in Python (they change which candidates pass the gate) ...
FILTERS = {
    "whole_match": [85.0, 87.5, 90.0, 92.5, 95.0],
    # Below 58 "cancel the kitchen timer" is a goodbye (tests/nlu/test_gate.py forbids).
    "conversation_score": [58.0, 62.0, 66.0],
}
# ... and with numpy over all cases at once (they only read the top two scores).
LIMITS = {
    "min_score": [26.0 + 2 * i for i in range(11)],
    "margin": [0.0, 1.0, 2.0, 3.0, 4.0],
    "sure_score": [40.0, 50.0, 60.0, 70.0, 80.0],
}
# skill.nlu.scoring.UNKNOWN_FACTOR: how much a word the samples never use weighs. Each
# value changes every score, so each gets its own routing pass.
UNKNOWN_FACTORS = [0.5, 0.75, 1.0, 1.5, 2.0]
# skill.nlu.heads.HEAD_SCORE: decided after the thresholds, so swept after them.
HEAD_SCORES = [24.0 + 2 * i for i in range(9)]
DEFAULT = Thresholds()
# Everyday requests of dev declined at least this often. It was 0.95 until dev took the
# harder everyday writers (sets H, J, K: talk made to look like symptoms); on today's dev
# no point of the grid declines 95 %, and 0.94 sits just under what the router reaches.
MIN_DECLINED = 0.94
# Grid costs this many declined questions apart tie. On the 5,255 dev cases the grid's
# lowest point cost two units less than the router's values, yet four more in a full
# routing pass (1,179 against 1,175): the grid's own error is about two.
TIE_DECLINES = 2
# Home Assistant's everyday requests (dev/ood_home_assistant.yaml) are declined at least
# this often: tests/nlu/test_gate.py holds the router to it.
HOME_FILE = "ood_home_assistant.yaml"
MIN_HOME_DECLINED = 0.97
DECLINE_COST = 1.0
WRONG_COST = 2.0
MISSED_URGENT_COST = 20.0
FALSE_URGENT_COST = 2.0


@dataclass(frozen=True)
class Seen:
    """One dev case and what the decision step was given (None: safety decided)."""

    case: Case
    route: Route
    args: tuple[list[Route], dict[str, str], frozenset[str]] | None


def record(router: Router, held: list[Case]) -> list[Seen]:
    """Route every case, keeping the arguments of its ``nearest`` call."""
    original = router.nearest
    given: list[tuple[list[Route], dict[str, str], frozenset[str]]] = []
    gave: list[Route] = []

    def spy(ranked: list[Route], slots: dict[str, str], evidenced: frozenset[str],
            limits: Thresholds = DEFAULT) -> Route:
        given.append((ranked, slots, evidenced))
        gave.append(original(ranked, slots, evidenced, limits))
        return gave[-1]

    router.nearest = spy  # type: ignore[method-assign]
    seen = []
    for case in held:
        given.clear()
        gave.clear()
        route = router.route(case.text)
        # Decided past the thresholds (a report-only intent taken back, the reasons to
        # call for a question about a symptom): kept as it is, like a safety decision.
        # Declined whole and decided again with its clauses (skill.nlu.clauses): the
        # second decision's candidates stand for the case.
        plain = bool(gave) and gave[-1] == route and (
            len(given) == 1 or (len(given) == 2 and gave[0].intent == FALLBACK))
        seen.append(Seen(case, route, given[-1] if plain else None))
    router.nearest = original  # type: ignore[method-assign]
    return seen


URGENT: dict[tuple[str, tuple[tuple[str, str], ...]], bool] = {}


def cost(case: Case, route: Route, content: Content) -> float:
    key = (route.intent, tuple(sorted(route.slots.items())))
    if key not in URGENT:
        URGENT[key] = flagged_urgent(route, content)
    urgent = URGENT[key]
    value = 0.0 if route.intent == case.intent else (
        DECLINE_COST if route.intent in DECLINED else WRONG_COST)
    if case.urgent and not urgent:
        value += MISSED_URGENT_COST
    if urgent and not case.urgent:
        value += FALSE_URGENT_COST
    return value


@dataclass
class Columns:
    """Per case, for one filter setting: what accepting the top candidate and what
    declining would cost, the top two scores, and which figures each way moves."""

    top: np.ndarray
    gap: np.ndarray
    accept: np.ndarray
    decline: np.ndarray
    right_if_accepted: np.ndarray
    right_if_declined: np.ndarray
    declines_if_accepted: np.ndarray  # the top candidate is a decline too (uncovered)


def columns(router: Router, seen: list[Seen], content: Content, whole: float,
            conversation: float) -> Columns:
    limits = Thresholds(whole_match=whole, conversation_score=conversation)
    n = len(seen)
    out = Columns(*(np.zeros(n) for _ in range(7)))
    for i, item in enumerate(seen):
        if item.args is None:  # safety decided: the same whatever the thresholds
            out.top[i], out.gap[i] = np.inf, np.inf
            out.accept[i] = cost(item.case, item.route, content)
            out.right_if_accepted[i] = item.route.intent == item.case.intent
            out.declines_if_accepted[i] = item.route.intent in DECLINED
            continue
        ranked, slots, evidenced = item.args
        passed = [r for r in ranked if router._in_domain(r, evidenced, limits)]
        declined = Route(FALLBACK, 0.0)
        out.decline[i] = cost(item.case, declined, content)
        out.right_if_declined[i] = item.case.intent == FALLBACK
        if not passed:
            out.top[i], out.gap[i] = -np.inf, 0.0
            continue
        # Thresholds that accept: the route nearest() gives, slots and all.
        accepted = router.nearest(passed, slots, evidenced, Thresholds(0.0, 0.0, 0.0, 0.0, 0.0))
        out.top[i] = passed[0].score
        out.gap[i] = passed[0].score - (passed[1].score if len(passed) > 1 else 0.0)
        out.accept[i] = cost(item.case, accepted, content)
        out.right_if_accepted[i] = accepted.intent == item.case.intent
        out.declines_if_accepted[i] = accepted.intent in DECLINED
    return out


def decide(cols: Columns, min_score: float, margin: float, sure: float) -> np.ndarray:
    """True where ``Router.nearest`` accepts the top candidate."""
    return (cols.top >= min_score) & ~((cols.gap < margin) & (cols.top < sure))


def head_score(content: Content, held: list[Case]) -> float:
    """The HEAD_SCORE of lowest dev cost that keeps the everyday requests of dev declined
    at least MIN_DECLINED (ties as the grid's, then to the flattest, then the higher)."""
    router = Router.from_content(content)
    kept = heads.HEAD_SCORE
    found: list[tuple[float, float]] = []  # (cost, everyday declined) per value
    try:
        for value in HEAD_SCORES:
            heads.HEAD_SCORE = value
            pairs = [(case, router.route(case.text)) for case in held]
            found.append((float(np.mean([cost(c, r, content) for c, r in pairs])),
                          float(np.mean([r.intent in DECLINED for c, r in pairs
                                         if c.intent == FALLBACK]))))
    finally:
        heads.HEAD_SCORE = kept
    costs = [c if d >= MIN_DECLINED else np.inf for c, d in found]
    near = [float(np.mean(costs[max(i - 1, 0):i + 2])) for i in range(len(costs))]
    # ties: at most one declined question apart (each value is a full routing pass, with
    # none of the grid's error to allow for), then the router's value
    tied = [i for i, c in enumerate(costs) if c <= min(costs) + DECLINE_COST / len(held) + 1e-9]
    best = min(tied, key=lambda i: (HEAD_SCORES[i] != kept, near[i], -HEAD_SCORES[i]))
    print(f"head score: cost {costs[best]:.3f} at {HEAD_SCORES[best]:.2f}, "
          f"everyday declined {found[best][1]:.1%}")
    return HEAD_SCORES[best]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 unless the router agrees")
    args = parser.parse_args()
    content = loader.load_content()
    held = cases.load([ROOT / "tests" / "cases" / "dev"])
    everyday = np.array([c.intent == FALLBACK for c in held])
    home = np.array([Path(c.path).name == HOME_FILE for c in held])
    axes = [UNKNOWN_FACTORS, *FILTERS.values(), *LIMITS.values()]
    shape = tuple(len(a) for a in axes)
    costs, accuracy, declined, home_declined = (np.zeros(shape) for _ in range(4))
    for f, factor in enumerate(UNKNOWN_FACTORS):
        router = Router.from_content(content)
        router.index = SampleIndex(router.choices, factor, router.index.whole,
                                   router.index.tongues)
        seen = record(router, held)
        if factor == UNKNOWN_FACTOR:  # the vectorized decision is the router's own
            cols = columns(router, seen, content, Thresholds().whole_match,
                           Thresholds().conversation_score)
            ok = decide(cols, Thresholds().min_score, Thresholds().margin,
                        Thresholds().sure_score)
            routed = np.array([s.route.intent == s.case.intent for s in seen])
            assert (np.where(ok, cols.right_if_accepted, cols.right_if_declined) == routed).all()
        for (w, whole), (c, conversation) in itertools.product(
            *(enumerate(v) for v in FILTERS.values())
        ):
            cols = columns(router, seen, content, whole, conversation)
            for point in itertools.product(*(enumerate(v) for v in LIMITS.values())):
                at = (f, w, c, *(i for i, _ in point))
                ok = decide(cols, *(v for _, v in point))
                costs[at] = np.where(ok, cols.accept, cols.decline).mean()
                accuracy[at] = np.where(ok, cols.right_if_accepted, cols.right_if_declined).mean()
                declines = ~ok | (cols.declines_if_accepted > 0)
                declined[at] = declines[everyday].mean()
                home_declined[at] = declines[home].mean()

    def flatness(at: tuple[int, ...]) -> float:
        near = costs[tuple(slice(max(i - 1, 0), i + 2) for i in at)]
        return float(near.mean())

    now = [UNKNOWN_FACTOR, *(getattr(DEFAULT, name) for name in (*FILTERS, *LIMITS))]

    def moved(at: tuple[int, ...]) -> int:
        """How many thresholds the point moves from the router's values."""
        return sum(axes[k][i] != now[k] for k, i in enumerate(at))

    allowed = np.argwhere((declined >= MIN_DECLINED) & (home_declined >= MIN_HOME_DECLINED))
    points = [tuple(int(i) for i in at) for at in allowed]
    # Costs at most TIE_DECLINES declined questions apart are a tie: the grid models
    # the clause and head steps as fixed, which is that close.
    lowest = min(costs[at] for at in points)
    tied = [at for at in points
            if costs[at] <= lowest + TIE_DECLINES * DECLINE_COST / len(held) + 1e-9]
    best = min(tied, key=lambda at: (-accuracy[at], moved(at), flatness(at),
                                     [-axes[k][i] for k, i in enumerate(at)]))
    names = ["unknown_factor", *FILTERS, *LIMITS]
    here = tuple(axes[k].index(v) for k, v in enumerate(now))
    print(f"router's point: cost {costs[here]:.6f}, accuracy {accuracy[here]:.4%}; "
          f"chosen: cost {costs[best]:.6f}, accuracy {accuracy[best]:.4%}")
    print(f"dev: {len(held)} cases; {costs.size} grid points, {len(allowed)} within limits")
    print(f"chosen: cost {costs[best]:.3f}, accuracy {accuracy[best]:.1%}, "
          f"everyday declined {declined[best]:.1%}")
    constants = {"unknown_factor": UNKNOWN_FACTOR,
                 **{f.name: getattr(Thresholds(), f.name) for f in fields(Thresholds)}}
    agree = True
    for k, (name, i) in enumerate(zip(names, best, strict=True)):
        value = axes[k][i]
        agree &= constants[name] == value
        mark = "" if constants[name] == value else "   <- differs"
        print(f"  {name.upper():<20} {value:6.2f}   router: {constants[name]:6.2f}{mark}")
    chosen = head_score(content, held)
    agree &= chosen == heads.HEAD_SCORE
    mark = "" if chosen == heads.HEAD_SCORE else "   <- differs"
    print(f"  {'HEAD_SCORE':<20} {chosen:6.2f}   router: {heads.HEAD_SCORE:6.2f}{mark}")
    return 1 if args.check and not agree else 0


if __name__ == "__main__":
    raise SystemExit(main())

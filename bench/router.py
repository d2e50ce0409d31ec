"""Router quality and latency on each held-out split (dev, test, blind), beside a naive baseline.

    python bench/router.py [--repeat N]

The baseline is plain rapidfuzz: the nearest raw sample (WRatio) over the same
samples, no normalization, no safety layer, no threshold. Both run in this process
on this machine, so the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.content import loader  # noqa: E402
from skill.content.templates import expand  # noqa: E402
from skill.nlu.router import FALLBACK, Route, router_for  # noqa: E402
from skill.review import cases  # noqa: E402
from skill.review.cases import Case  # noqa: E402
from skill.review.evaluate import evaluate  # noqa: E402

OFF_TOPIC = {FALLBACK, "UncoveredTopicIntent"}
SPLITS = ("dev", "test", "blind", "blind2", "blind3", "blind4", "blind5")


def naive_router() -> Callable[[str], Route]:
    samples, labels = [], []
    for spec in loader.load_content().intents:
        if spec.router:
            for line in spec.samples:
                for sentence in expand(line, spec.rules):
                    samples.append(sentence)
                    labels.append(spec.name)

    def route(text: str) -> Route:
        found = process.extractOne(text.lower(), samples, scorer=fuzz.WRatio)
        return Route(labels[found[2]] if found else FALLBACK, found[1] if found else 0.0, {})

    return route


def measure(route: Callable[[str], Route], split: list[Case], repeat: int) -> dict[str, float]:
    for case in split:  # warm caches once, as a long-running process would be
        route(case.text)
    timings: list[float] = []
    for _ in range(repeat):
        for case in split:
            start = time.perf_counter()
            route(case.text)
            timings.append(time.perf_counter() - start)
    timings.sort()
    figures = {k: v for k, v in evaluate(split, route).figures.items() if v is not None}
    return {
        **figures,
        "median ms": statistics.median(timings) * 1000,
        "p99 ms": timings[int(len(timings) * 0.99) - 1] * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over each split")
    args = parser.parse_args()
    router = router_for()
    naive = naive_router()
    for split in SPLITS:
        held = cases.load([ROOT / "tests" / "cases" / split])
        ours = measure(router.route, held, args.repeat)
        base = measure(naive, held, args.repeat)
        print(
            f"\n{split}: {len(held)} cases ({sum(c.urgent for c in held)} urgent, "
            f"{sum(c.intent in OFF_TOPIC for c in held)} off-topic or uncovered); "
            f"{args.repeat} passes"
        )
        print(f"{'metric':<24}{'router':>10}{'baseline':>10}{'ratio':>8}")
        for key in ours:
            ratio = ours[key] / base[key] if base.get(key) else float("inf")
            fmt = "{:>10.3f}" if "ms" in key else "{:>10.1%}"
            print(f"{key:<24}" + fmt.format(ours[key]) + fmt.format(base.get(key, 0.0))
                  + f"{ratio:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

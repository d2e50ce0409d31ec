"""Router quality and latency on the held-out set, beside a naive baseline.

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

import yaml
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.content import loader  # noqa: E402
from skill.content.templates import expand  # noqa: E402
from skill.nlu.router import FALLBACK, default_router  # noqa: E402

OFF_TOPIC = {FALLBACK, "UncoveredTopicIntent"}


def load_cases() -> list[dict]:
    cases = []
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        cases.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    return cases


def naive_router() -> Callable[[str], str]:
    samples, labels = [], []
    for spec in loader.load_intents():
        if spec.router:
            for line in spec.samples:
                for sentence in expand(line):
                    samples.append(sentence)
                    labels.append(spec.name)

    def route(text: str) -> str:
        found = process.extractOne(text.lower(), samples, scorer=fuzz.WRatio)
        return labels[found[2]] if found else FALLBACK

    return route


def measure(route: Callable[[str], str], cases: list[dict], repeat: int) -> dict[str, float]:
    for case in cases:  # warm caches once, as a long-running process would be
        route(case["text"])
    timings: list[float] = []
    answers: list[str] = []
    for _ in range(repeat):
        answers = []
        for case in cases:
            start = time.perf_counter()
            answers.append(route(case["text"]))
            timings.append(time.perf_counter() - start)
    right = sum(a == c["intent"] for a, c in zip(answers, cases, strict=True))
    urgent = [(a, c) for a, c in zip(answers, cases, strict=True) if c["urgent"]]
    off = [(a, c) for a, c in zip(answers, cases, strict=True) if c["intent"] == FALLBACK]
    wrong = sum(a != c["intent"] and a != FALLBACK for a, c in zip(answers, cases, strict=True))
    timings.sort()
    return {
        "accuracy": right / len(cases),
        "urgent recall": sum(a == c["intent"] for a, c in urgent) / len(urgent),
        "off-topic declined": sum(a == FALLBACK for a, _ in off) / len(off),
        "confident wrong": wrong / len(cases),
        "median ms": statistics.median(timings) * 1000,
        "p99 ms": timings[int(len(timings) * 0.99) - 1] * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the held-out set")
    args = parser.parse_args()
    cases = load_cases()
    router = default_router()
    ours = measure(lambda text: router.route(text).intent, cases, args.repeat)
    base = measure(naive_router(), cases, args.repeat)
    print(
        f"held-out cases: {len(cases)} ({sum(c['urgent'] for c in cases)} urgent, "
        f"{sum(c['intent'] in OFF_TOPIC for c in cases)} off-topic or uncovered); "
        f"{args.repeat} passes"
    )
    print(f"{'metric':<20}{'router':>10}{'baseline':>10}{'ratio':>8}")
    for key in ours:
        ratio = ours[key] / base[key] if base[key] else float("inf")
        fmt = "{:>10.3f}" if "ms" in key else "{:>10.1%}"
        print(f"{key:<20}" + fmt.format(ours[key]) + fmt.format(base[key]) + f"{ratio:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

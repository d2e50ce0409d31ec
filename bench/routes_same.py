"""Routes before and after a change meant to leave them alone: every field, every text.

    python bench/routes_same.py save FILE      # route every text, keep the routes
    python bench/routes_same.py check FILE     # route again, compare field by field

The texts: every case of tests/cases/dev and tests/cases/test, and word salads drawn
from the dev cases' words (fixed seed: the same salads in every run), which reach
the long-input, many-clause and unknown-word paths real phrasings seldom do. Only
counts are printed, never a text: the test split is measured, not read.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.nlu.route import Route  # noqa: E402
from skill.nlu.router import router_for  # noqa: E402
from skill.review import cases  # noqa: E402

SALADS = 2000
SEED = 20
FIELDS = ("intent", "score", "slots", "rule", "alternatives")


def salads(words: list[str], count: int = SALADS, seed: int = SEED) -> list[str]:
    """``count`` strings of 1 to 40 words drawn from ``words``."""
    pick = random.Random(seed)
    return [" ".join(pick.choice(words) for _ in range(pick.randint(1, 40)))
            for _ in range(count)]


def texts() -> list[str]:
    dev = [case.text for case in cases.load([ROOT / "tests" / "cases" / "dev"])]
    test = [case.text for case in cases.load([ROOT / "tests" / "cases" / "test"])]
    vocabulary = sorted({word for text in dev for word in text.split()})
    return dev + test + salads(vocabulary)


def routes(every: list[str]) -> list[tuple]:
    router = router_for()
    found: list[Route] = [router.route(text) for text in every]
    return [tuple(getattr(route, name) for name in FIELDS) for route in found]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    every = texts()
    now = routes(every)
    if args.action == "save":
        args.file.write_bytes(pickle.dumps((every, now)))
        print(f"saved {len(now)} routes")
        return 0
    before_texts, before = pickle.loads(args.file.read_bytes())
    if before_texts != every:
        print("the texts differ from the saved run's")
        return 2
    changed = [i for i, (a, b) in enumerate(zip(before, now, strict=True)) if a != b]
    by_field = {name: sum(1 for i in changed if before[i][k] != now[i][k])
                for k, name in enumerate(FIELDS)}
    print(f"{len(now)} routes, {len(changed)} changed; by field: {by_field}")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The first request a fresh Lambda process serves (bench/latency.py, line (e)).

A free-form question builds the local router, its samples and the safety tables on
the first call; any other request only answers. Each run is a fresh interpreter that
imports the Lambda entry point and times one ``handler()`` call on a ready event.

Fresh interpreters import the skill of this tree: they start in its top directory, as
a Lambda function's code sits in its task root (an installed or editable copy of the
package elsewhere would otherwise be imported instead, another checkout's code).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from workload import envelope_body

ROOT = Path(__file__).resolve().parent.parent

FIRST_REQUEST = (
    "import json, sys, time\n"
    "from skill.alexa.lambda_function import handler\n"
    "event = json.loads(open(sys.argv[1], encoding='utf-8').read())\n"
    "start = time.perf_counter()\n"
    "handler(event, None)\n"
    "print(time.perf_counter() - start)\n"
)


def fresh_env(pycache: Path) -> dict[str, str]:
    """The environment of a fresh interpreter: no PYTHONPATH, no skill id, bytecode
    cached under ``pycache`` (never written into the tree)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "ALEXA_SKILL_ID", "PYTHONPATH")}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def check_tree(env: dict[str, str]) -> None:
    """Stop unless a fresh interpreter started in ROOT imports the skill from ROOT."""
    done = subprocess.run([sys.executable, "-c", "import skill; print(skill.__file__)"],
                          cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    found = Path(done.stdout.strip()).resolve()
    if ROOT not in found.parents:
        raise SystemExit(f"a fresh interpreter in {ROOT} imports {found}, not this tree's")


def first_requests(names: tuple[str, str], runs: int) -> tuple[list[float], list[float]]:
    """Seconds of the first ``handler()`` call in fresh processes, one list per request
    name, interleaved so both see the same machine load (bytecode compiled once)."""
    work = Path(tempfile.mkdtemp(prefix="first-request-"))
    env = fresh_env(work / "pycache")
    check_tree(env)
    events = []
    for name in names:
        path = work / f"{len(events)}.json"
        path.write_bytes(envelope_body(name))
        events.append(path)

    def run(event: Path) -> float:
        done = subprocess.run([sys.executable, "-c", FIRST_REQUEST, str(event)], cwd=ROOT,
                              env=env, check=True, capture_output=True, text=True)
        return float(done.stdout.strip().splitlines()[-1])

    run(events[0])  # compile and cache the bytecode once
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(run(events[0]))
        times[1].append(run(events[1]))
    return times

"""Latency of the skill beside the smallest possible ask-sdk-core skill, in one run.

    python bench/latency.py [--quick] [--repeat N] [--imports N]

(a) routing: ``route()`` over the phrasings in tests/cases dev and test, sampled evenly
    (every k-th, ``spread``) so the timed calls cover every file (median, p99);
(b) ``skill.invoke`` on the request mix of bench/workload.py (envelope objects in);
(c) a whole HTTP request to ``POST /alexa`` (verification off): Flask's test client,
    and real loopback HTTP through werkzeug's server on 127.0.0.1;
(d) cold import of this tree's Lambda entry point, ``python -c "import logging; import
    skill.alexa.lambda_function"`` in fresh processes, median wall time. The Lambda
    runtime's bootstrap has imported ``logging`` before it imports a handler, so a
    handler's cold start never pays for it: here both sides import it first, alike
    (``LAMBDA_RUNTIME_IMPORTS``);
(e) the first request a fresh Lambda process serves, through ``handler()`` after the
    import: a free-form question (FreeQuestionIntent: the local router, its samples and
    safety tables are built then) beside an ordinary first request (LiftingIntent),
    interleaved, median of each. The ratio says what the router's cold start adds.

The yardstick for each is a one-handler "hello" skill (bench/workload.py writes it to a
temporary directory) measured the same way in the same run: in (c) it sits behind the
same kind of Flask view (body -> envelope -> invoke -> JSON). Both sides get compiled
bytecode for (d), as an installed package does (pip compiles on install); it is written
to a temporary PYTHONPYCACHEPREFIX, never into the tree.

Targets: routing p99 <= 1 ms; a full request <= 1.5x the minimal skill's; cold import
<= 1.3x. Ratios are of medians; only they compare across machines. (e) has no target:
Alexa's deadline is 8 s for the whole cold start, whatever the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import importlib
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coldstart import check_tree, first_requests, fresh_env  # noqa: E402
from flask import Flask, Response, jsonify, request  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402
from workload import build_envelope, envelope_body, mix_names, summary, write_hello_skill  # noqa: E402

TARGET_ROUTE_P99_MS = 1.0
TARGET_REQUEST_RATIO = 1.5
TARGET_IMPORT_RATIO = 1.3
# What the Lambda runtime (awslambdaric's bootstrap) has imported before it imports the
# handler's module, of what the skill imports: both sides of (d) start from there.
LAMBDA_RUNTIME_IMPORTS = "import logging; "


def timed(call: Callable[[], object], runs: int, warmup: int = 20) -> list[float]:
    for _ in range(warmup):
        call()
    seconds: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - start)
    return seconds


def paired(ours: Callable[[], object], hello: Callable[[], object], runs: int,
           block: int = 50) -> tuple[list[float], list[float]]:
    """Both sides in alternating blocks, so both see the same machine load."""
    a: list[float] = []
    b: list[float] = []
    for start in range(0, runs, block):
        size = min(block, runs - start)
        a += timed(ours, size, warmup=2)
        b += timed(hello, size, warmup=2)
    return a, b


def cycle(calls: list[Callable[[], object]]) -> Callable[[], object]:
    """One call per invocation, going round the list (the request mix in order)."""
    state = {"i": 0}

    def call() -> object:
        state["i"] = (state["i"] + 1) % len(calls)
        return calls[state["i"]]()

    return call


# --- (a) routing, (b) skill.invoke -----------------------------------------------------

def held_out_texts() -> list[str]:
    from skill.review import cases

    return [case.text for case in cases.load([ROOT / "tests" / "cases" / "dev",
                                               ROOT / "tests" / "cases" / "test"])]


def spread(texts: list[str], runs: int) -> list[str]:
    """Every k-th text, so ``runs`` calls sample every file (they load intent by intent)."""
    return texts[::max(1, len(texts) // max(1, runs))]


def bench_routing(runs: int) -> list[float]:
    from skill.nlu.router import router_for

    router = router_for()
    texts = spread(held_out_texts(), runs)
    return timed(cycle([lambda t=text: router.route(t) for text in texts]), runs)


def invoker(skill: Any, only: str | None = None) -> Callable[[], object]:
    """Invoke ``skill`` on the request mix (or one entry of it), one envelope per call."""
    envelopes = [build_envelope(name) for name in ([only] if only else mix_names())]
    return cycle([lambda e=e: skill.invoke(request_envelope=e, context=None)
                  for e in envelopes])


# --- (c) HTTP --------------------------------------------------------------------------

def hello_app(skill: Any) -> Flask:
    """The minimal skill behind the same kind of view as POST /alexa."""
    from ask_sdk_model import RequestEnvelope

    app = Flask("hello")

    @app.post("/alexa")
    def alexa() -> Response:
        envelope = skill.serializer.deserialize(payload=request.get_data(as_text=True),
                                                obj_type=RequestEnvelope)
        return jsonify(skill.serializer.serialize(
            skill.invoke(request_envelope=envelope, context=None)))

    return app


def test_client_poster(app: Flask, only: str | None = None) -> Callable[[], object]:
    """POST the request mix (or one entry) to /alexa through Flask's test client."""
    client = app.test_client()
    bodies = [envelope_body(name) for name in ([only] if only else mix_names())]

    def post(body: bytes) -> None:
        response = client.post("/alexa", data=body, content_type="application/json")
        assert response.status_code == 200, response.get_data(as_text=True)

    return cycle([lambda b=b: post(b) for b in bodies])


@contextlib.contextmanager
def serving(app: Flask) -> Iterator[int]:
    server = make_server("127.0.0.1", 0, app, threaded=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def loopback_poster(port: int) -> Callable[[], object]:
    """POST the request mix to 127.0.0.1:port, one connection per request (werkzeug's
    server speaks HTTP/1.0 and closes it)."""
    bodies = [envelope_body(name) for name in mix_names()]
    headers = {"Content-Type": "application/json"}

    def post(body: bytes) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("POST", "/alexa", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            assert response.status == 200
        finally:
            connection.close()

    return cycle([lambda b=b: post(b) for b in bodies])


# --- (d) cold import -------------------------------------------------------------------

def cold_imports(hello_dir: Path, runs: int) -> tuple[list[float], list[float]]:
    """Fresh interpreters, interleaved so both sides see the same machine load. Each
    starts in its own code's directory (ours: this tree's top), which Python searches
    first, as the Lambda runtime searches the function's task root."""
    env = fresh_env(Path(tempfile.mkdtemp(prefix="pycache-")))
    check_tree(env)
    ours = ([sys.executable, "-c", LAMBDA_RUNTIME_IMPORTS + "import skill.alexa.lambda_function"],
            ROOT)
    hello = [sys.executable, "-c", LAMBDA_RUNTIME_IMPORTS + "import hello_skill"], hello_dir

    def run(argv: list[str], cwd: Path) -> float:
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, env=env, check=True)
        return time.perf_counter() - start

    run(*ours), run(*hello)  # compile and cache the bytecode of both once
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(run(*ours))
        times[1].append(run(*hello))
    return times


# --- report ----------------------------------------------------------------------------

def row(label: str, ours: list[float], hello: list[float] | None) -> float:
    """Print median and p99 of both sides; return the ratio of the medians."""
    a = summary(ours)
    if hello is None:
        print(f"{label:<38}{a['median']:8.3f} {a['p99']:8.3f}")
        return float("nan")
    b = summary(hello)
    ratio = a["median"] / b["median"]
    print(f"{label:<38}{a['median']:8.3f} {a['p99']:8.3f}   {b['median']:8.3f} {b['p99']:8.3f}"
          f"   {ratio:6.2f}x")
    return ratio


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few runs: a smoke test")
    parser.add_argument("--repeat", type=int, default=3000, help="timed calls per measurement")
    parser.add_argument("--imports", type=int, default=15, help="fresh processes per side")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # no request lines, no dev-mode warning
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    runs, imports = (200, 3) if args.quick else (args.repeat, args.imports)
    detail = ("LiftingIntent", "FeverIntent 102", "FreeQuestionIntent")

    from skill.alexa.builder import build_skill
    from skill.config import Config
    from skill.web import create_app

    if ROOT not in Path(sys.modules["skill"].__file__ or "").resolve().parents:
        raise SystemExit(f"imported {sys.modules['skill'].__file__}, not this tree's skill")

    with tempfile.TemporaryDirectory(prefix="hello-skill-") as tmp:
        hello_dir = Path(tmp)
        write_hello_skill(hello_dir)
        sys.path.insert(0, str(hello_dir))
        hello = importlib.import_module("hello_skill").skill
        ours = build_skill(Config())
        app = create_app(Config(verify_requests=False, simulator=False))
        hello_http = hello_app(hello)
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {runs} timed calls "
              f"per line (half for single intents), {imports} cold imports per side")
        print(f"{'milliseconds':<38}{'median':>8} {'p99':>8}   {'hello':>8} {'p99':>8}   ratio")

        routing = bench_routing(runs)
        row("(a) route(), held-out phrasings", routing, None)
        row("(b) skill.invoke, request mix", *paired(invoker(ours), invoker(hello), runs))
        for name in detail:
            row(f"      only {name}",
                *paired(invoker(ours, name), invoker(hello, name), runs // 2))
        client = row("(c) POST /alexa, Flask test client",
                     *paired(test_client_poster(app), test_client_poster(hello_http), runs))
        for name in detail:
            row(f"      only {name}", *paired(test_client_poster(app, name),
                                            test_client_poster(hello_http, name), runs // 2))
        with serving(app) as port, serving(hello_http) as hello_port:
            loopback = row("(c) POST /alexa, loopback HTTP",
                           *paired(loopback_poster(port), loopback_poster(hello_port),
                                   max(50, runs // 3)))
        ours_cold, hello_cold = cold_imports(hello_dir, imports)
        cold = statistics.median(ours_cold) / statistics.median(hello_cold)
        print(f"{'(d) cold import, wall':<38}{statistics.median(ours_cold) * 1000:8.1f} "
              f"{'':8}   {statistics.median(hello_cold) * 1000:8.1f} {'':8}   {cold:6.2f}x")

    free, ordinary = first_requests(("FreeQuestionIntent", detail[0]), imports)
    first = statistics.median(free) / statistics.median(ordinary)
    print(f"{'(e) first request, FreeQuestion':<38}{statistics.median(free) * 1000:8.1f} "
          f"{'':8}   {statistics.median(ordinary) * 1000:8.1f} {'':8}   {first:6.2f}x"
          f"   (beside the first {detail[0]})")

    route_p99 = summary(routing)["p99"]
    print(f"\ntargets: routing p99 {route_p99:.3f} ms <= {TARGET_ROUTE_P99_MS} ms "
          f"{verdict(route_p99 <= TARGET_ROUTE_P99_MS)}; full request (mix) "
          f"{max(client, loopback):.2f}x <= {TARGET_REQUEST_RATIO}x "
          f"{verdict(max(client, loopback) <= TARGET_REQUEST_RATIO)}; cold import "
          f"{cold:.2f}x <= {TARGET_IMPORT_RATIO}x {verdict(cold <= TARGET_IMPORT_RATIO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

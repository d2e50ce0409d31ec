"""Load test: the production server, request verification ON, signed requests.

    python bench/load.py [--concurrency 16] [--duration 60] [--rate 500] [--workers 2]

Starts, all on 127.0.0.1 and all stopped at the end (bench/loadservice.py):

* a certificate server holding a test chain (root -> intermediate -> leaf for
  echo-api.amazon.com, made with tests/support/alexa_pki.py, dated around today);
* the production server (``skill.web.server``, what ``si-skill serve --production``
  runs: waitress workers under a supervisor) with ``--workers`` workers of
  ``--threads`` threads serving ``bench/loadapp.py:make_app()``: the production app,
  with the fetcher trusting only that test root and downloading from that server (see
  loadapp.py; Amazon's URL rules still apply);

then ``--concurrency`` client threads, each on its own keep-alive connection, send the
request mix of bench/workload.py, every one signed (Signature-256) and freshly stamped
(bodies are re-signed every 30 s, well inside the 150 s window), on a fixed schedule
of ``--rate`` requests per second for ``--duration`` seconds, after a short warm-up
(which is when each worker downloads and checks the certificate once).

Reports throughput, latency percentiles (send to last byte), errors (anything but a
200 carrying a valid spoken response), how late the clients were against the schedule,
and the RSS of each worker (from /proc) before and after the run, with its CPU time
during the run.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives import serialization  # noqa: E402
from loadservice import CertServer, Service, todays_pki  # noqa: E402
from workload import envelope_body, mix_names, summary  # noqa: E402

from tests.support.alexa_pki import CERT_URL, SKILL_ID, Pki  # noqa: E402

RESIGN_SECONDS = 30.0  # Alexa's window is 150 s; re-stamping every 30 s stays well inside


# --- the requests ------------------------------------------------------------------------

class SignedBodies:
    """The request mix, signed and stamped; re-signed in the background every 30 s."""

    def __init__(self, pki: Pki) -> None:
        self.pki = pki
        self.names = mix_names() * 2  # 200 distinct envelopes (new ids each)
        self.pool = self._sign()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._refresh, daemon=True)
        self._thread.start()

    def _sign(self) -> list[tuple[str, bytes, dict[str, str]]]:
        pool = []
        for name in self.names:
            body = envelope_body(name, skill_id=SKILL_ID)
            headers = self.pki.headers(body, url=CERT_URL)
            headers["Connection"] = "keep-alive"
            pool.append((name, body, headers))
        return pool

    def _refresh(self) -> None:
        while not self._stop.wait(RESIGN_SECONDS):
            self.pool = self._sign()  # one reference swap: readers see old or new

    def __getitem__(self, index: int) -> tuple[str, bytes, dict[str, str]]:
        pool = self.pool
        return pool[index % len(pool)]

    def close(self) -> None:
        self._stop.set()


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    late: list[float] = field(default_factory=list)
    errors: collections.Counter[str] = field(default_factory=collections.Counter)
    done_at: float = 0.0


def valid_answer(name: str, status: int, payload: bytes) -> str | None:
    """None for a good answer, else what was wrong."""
    if status != 200:
        return f"HTTP {status}: {payload[:80]!r}"
    try:
        data = json.loads(payload)
    except ValueError:
        return "not JSON"
    if data.get("version") != "1.0":
        return "no version 1.0"
    if name != "SessionEndedRequest" and "outputSpeech" not in (data.get("response") or {}):
        return "no speech"
    return None


def client(port: int, bodies: SignedBodies, first: int, step: int, start: float,
           rate: float, until: float, out: Results) -> None:
    """Send slots first, first+step, ... each at start + slot/rate, on one connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    slot = first
    try:
        while True:
            due = start + slot / rate
            if due >= until:
                break
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            # Each connection walks the whole mix, from its own starting point.
            name, body, headers = bodies[slot // step + first * 7]
            sent = time.perf_counter()
            out.late.append(max(0.0, sent - due))
            try:
                connection.request("POST", "/alexa", body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                problem = valid_answer(name, response.status, payload)
            except (OSError, http.client.HTTPException) as exc:
                problem = type(exc).__name__
                connection.close()  # http.client reopens on the next request
            out.latencies.append(time.perf_counter() - sent)
            if problem:
                out.errors[problem] += 1
            slot += step
    finally:
        connection.close()
        out.done_at = time.perf_counter()


def drive(port: int, bodies: SignedBodies, concurrency: int, rate: float,
          seconds: float) -> tuple[list[Results], float]:
    start = time.perf_counter() + 0.05
    results = [Results() for _ in range(concurrency)]
    threads = [threading.Thread(target=client, args=(port, bodies, k, concurrency, start, rate,
                                                     start + seconds, results[k]))
               for k in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, start


# --- report ------------------------------------------------------------------------------

def report(args: argparse.Namespace, results: list[Results], start: float,
           memory: list[dict[int, float]], cpu: dict[int, float], downloads: int) -> int:
    latencies = [x for r in results for x in r.latencies]
    late = sorted(x for r in results for x in r.late)
    errors: collections.Counter[str] = collections.Counter()
    for r in results:
        errors.update(r.errors)
    elapsed = max(r.done_at for r in results) - start
    stats = summary(latencies)
    print(f"server: si-skill production (waitress), {args.workers} workers of {args.threads} "
          f"threads, log level {args.log_level}, verification on, {downloads} certificate "
          "download(s)")
    print(f"load: {args.concurrency} keep-alive connections, target {args.rate:g} req/s for "
          f"{args.duration:g} s, after {args.warmup:g} s warm-up")
    print(f"requests: {len(latencies)} in {elapsed:.1f} s = {len(latencies) / elapsed:.1f} req/s")
    print("latency ms: median {median:.2f}  p90 {p90:.2f}  p99 {p99:.2f}  max {max:.2f}"
          .format(**stats))
    print(f"errors: {sum(errors.values())}" + (f" {dict(errors)}" if errors else ""))
    print(f"client lateness vs schedule ms: p99 {summary(late)['p99']:.2f}  "
          f"max {summary(late)['max']:.2f}")
    started, warm, after = memory
    nan = float("nan")
    for pid in sorted(set(started) | set(after)):
        print(f"worker {pid}: RSS MB at start {started.get(pid, nan):.1f}, after warm-up "
              f"{warm.get(pid, nan):.1f}, after the run {after.get(pid, nan):.1f}; "
              f"CPU during the run {cpu.get(pid, nan):.1f} s")
    ok = not errors and stats["p99"] < 50.0 and len(latencies) / elapsed >= 0.95 * args.rate
    print(f"target ({args.rate:g} req/s, 0 errors, p99 < 50 ms): {'PASS' if ok else 'MISS'}")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=16, help="client connections")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--rate", type=float, default=500.0, help="requests per second")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--log-level", default="warning",
                        help="the server's log level (info: a line or two per request)")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds before measuring")
    args = parser.parse_args()

    pki = todays_pki()
    certs = CertServer(pki.chain_pem)
    bodies = SignedBodies(pki)
    with tempfile.TemporaryDirectory(prefix="si-load-") as tmp:
        root_pem = Path(tmp) / "root.pem"
        root_pem.write_bytes(pki.root.public_bytes(serialization.Encoding.PEM))
        service = Service(args, root_pem, certs.origin, Path(tmp) / "server.log")
        try:
            started = service.rss_mb()
            warm, _ = drive(service.port, bodies, args.concurrency,
                            min(args.rate, 100.0), args.warmup)
            if any(r.errors for r in warm):
                print("warm-up failed:", [dict(r.errors) for r in warm if r.errors])
                print(service.log.read_text(errors="replace")[-3000:])
                return 1
            warmed = service.rss_mb()
            cpu_before = service.cpu_seconds()
            results, start = drive(service.port, bodies, args.concurrency, args.rate,
                                   args.duration)
            cpu = {pid: used - cpu_before.get(pid, 0.0)
                   for pid, used in service.cpu_seconds().items()}
            after = service.rss_mb()
        finally:
            service.stop()
            bodies.close()
            certs.close()
    return report(args, results, start, [started, warmed, after], cpu, certs.downloads)


if __name__ == "__main__":
    raise SystemExit(main())

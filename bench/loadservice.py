"""What bench/load.py runs its load against, all on 127.0.0.1 (not a test, not part of
the package).

* ``todays_pki()``: a test chain (root -> intermediate -> leaf for echo-api.amazon.com,
  made with tests/support/alexa_pki.py) dated around today.
* ``CertServer``: serves that chain at its /echo.api/ path and counts the downloads.
* ``Service``: the production server (``skill.web.server``, what ``si-skill serve
  --production`` runs) serving ``bench/loadapp.py:make_app()`` in a subprocess, with its
  workers' pids, CPU time and RSS read from /proc, until ``stop()``.

Imported by load.py, which puts the checkout on ``sys.path`` first (for ``tests.support``).
"""

from __future__ import annotations

import argparse
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.support.alexa_pki import SKILL_ID, Pki, make_pki

BENCH = Path(__file__).resolve().parent
STARTUP_SECONDS = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def todays_pki() -> Pki:
    now = datetime.now(timezone.utc)
    return make_pki(not_before=now - timedelta(days=1), not_after=now + timedelta(days=30))


class CertServer:
    """Serves the chain at its /echo.api/ path on 127.0.0.1; counts the downloads."""

    def __init__(self, chain: bytes) -> None:
        self.downloads = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                outer.downloads += 1
                self.send_response(200)
                self.send_header("Content-Length", str(len(chain)))
                self.end_headers()
                self.wfile.write(chain)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


class Service:
    """The production server (skill.web.server) serving loadapp:make_app() until stop()."""

    def __init__(self, args: argparse.Namespace, root_pem: Path, origin: str, log: Path) -> None:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if k not in ("ALEXA_VERIFY", "SIMULATOR")}
        env.update(ALEXA_SKILL_ID=SKILL_ID, SIMULATOR="off", BENCH_TRUST_ROOT=str(root_pem),
                   BENCH_CERT_ORIGIN=origin)
        # This tree's skill, not an installed or editable copy of another checkout's.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(BENCH.parent),
                                                          env.get("PYTHONPATH"))))
        argv = [sys.executable, "-m", "skill.web.server", "--app", "loadapp:make_app",
                "--workers", str(args.workers), "--threads", str(args.threads),
                "--host", "127.0.0.1", "--port", str(self.port), "--log-level", args.log_level]
        self.sink = log.open("wb")
        # From bench/, so the workers can import loadapp.
        self.process = subprocess.Popen(argv, cwd=BENCH, env=env, stdout=self.sink,
                                        stderr=subprocess.STDOUT)
        self.log = log
        self.expected_workers = args.workers
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"server exited:\n{self.log.read_text(errors='replace')}")
            serving = self.log.read_text(errors="replace").count(" serving")
            if serving >= self.expected_workers:  # every worker has built the app
                return
            time.sleep(0.2)
        raise SystemExit(f"server did not start:\n{self.log.read_text(errors='replace')}")

    def workers(self) -> list[int]:
        """Worker pids: the master's children, from /proc."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:  # kernels without the children file: scan for the parent pid
            found = []
            for stat in Path("/proc").glob("[0-9]*/stat"):
                try:
                    fields = stat.read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == self.process.pid:
                    found.append(int(stat.parent.name))
            return found

    def cpu_seconds(self) -> dict[int, float]:
        """User + system CPU time of each worker so far (/proc/PID/stat)."""
        ticks = os.sysconf("SC_CLK_TCK")
        used: dict[int, float] = {}
        for pid in self.workers():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            used[pid] = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
        return used

    def rss_mb(self) -> dict[int, float]:
        sizes: dict[int, float] = {}
        for pid in self.workers():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes[pid] = int(line.split()[1]) / 1024
            except OSError:
                continue
        return sizes

    def stop(self) -> None:
        self.process.terminate()  # graceful: the supervisor stops its workers
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.sink.close()

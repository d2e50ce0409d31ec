"""Real HTTP for the tests: an app behind werkzeug's server, a server as its own process,
and a urllib client."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server


@contextlib.contextmanager
def serving(app: Flask) -> Iterator[str]:
    """``app`` behind werkzeug's threaded server on a free local port; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


ROOT = Path(__file__).resolve().parent.parent.parent
# A server process is up when /healthz answers. Workers import the skill and load the
# router first: seconds on a busy machine.
STARTUP_SECONDS = 60.0
SETTINGS = ("ALEXA_VERIFY", "ALEXA_SKILL_ID", "SIMULATOR")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Running:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def children(self) -> list[int]:
        """The process's child pids (a supervisor's workers), from /proc."""
        pid = self.process.pid
        try:
            return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []


@contextlib.contextmanager
def process_serving(args: list[str], log: Path, **env: str) -> Iterator[Running]:
    """Run ``python -m <args>`` ("{port}" filled in) with the skill's settings taken
    from ``env`` only, until /healthz answers; yield it; terminate it at the end."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    environ.update(env)
    argv = [sys.executable, "-m", *[a.replace("{port}", str(port)) for a in args]]
    with log.open("wb") as sink:
        process = subprocess.Popen(argv, cwd=ROOT, env=environ, stdout=sink,
                                   stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while True:
                if process.poll() is not None:
                    pytest.fail(f"server exited: {log.read_text(errors='replace')}")
                try:
                    with urllib.request.urlopen(f"{base}/healthz", timeout=2):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        pytest.fail(f"server did not start: {log.read_text(errors='replace')}")
                    time.sleep(0.1)
            yield Running(base, process, log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """POST ``body``; the status and the JSON answer, error statuses included."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


def post_json(url: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    return post(url, json.dumps(payload).encode(), {"Content-Type": "application/json"})


@contextlib.contextmanager
def server(args: list[str], log: Path, **env: str) -> Iterator[str]:
    """Run ``python -m <args>`` until /healthz answers; yield its base URL."""
    with process_serving(args, log, **env) as running:
        yield running.url

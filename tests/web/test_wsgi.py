"""The web service as real servers: ``si-skill serve`` (werkzeug, threaded) and gunicorn
with ``skill.web.wsgi:app``, each started as its own process and called over HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.support.live import post_json
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # real servers (serve, gunicorn) in subprocesses

STARTUP_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(args: list[str], log: Path, **env: str) -> Iterator[str]:
    """Run ``python -m <args>`` until /healthz answers; yield its base URL."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items()
               if k not in ("ALEXA_VERIFY", "ALEXA_SKILL_ID", "SIMULATOR")}
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
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_serve_dev_answers_unsigned_and_warns(tmp_path, make_envelope):
    log = tmp_path / "serve.log"
    with server(["skill.cli", "serve", "--dev", "--port", "{port}"], log) as base:
        status, payload = post_json(f"{base}/alexa", make_envelope("LiftingIntent"))
    assert status == 200
    assert "ten pounds" in payload["response"]["outputSpeech"]["ssml"]
    assert "WARNING" in log.read_text() and "VERIFICATION IS OFF" in log.read_text()


def test_serve_default_rejects_unsigned(tmp_path, make_envelope):
    log = tmp_path / "serve.log"
    with server(["skill.cli", "serve", "--port", "{port}"], log) as base:
        status, payload = post_json(f"{base}/alexa", make_envelope("LiftingIntent"))
    assert (status, payload) == (400, {"error": "missing certificate url"})
    assert "VERIFICATION IS OFF" not in log.read_text()


def test_gunicorn_serves_wsgi_app_verified(tmp_path, make_envelope):
    log = tmp_path / "gunicorn.log"
    args = ["gunicorn", "-w", "2", "-b", "127.0.0.1:{port}", "skill.web.wsgi:app"]
    with server(args, log, ALEXA_SKILL_ID="amzn1.ask.skill.test") as base:
        with urllib.request.urlopen(f"{base}/healthz", timeout=10) as response:
            health = json.loads(response.read())
        status, payload = post_json(f"{base}/alexa", make_envelope("LiftingIntent"))
    assert health == {"status": "ok"}
    assert (status, payload) == (400, {"error": "missing certificate url"})


def test_gunicorn_alexa_verify_off_answers(tmp_path, make_envelope):
    log = tmp_path / "gunicorn.log"
    args = ["gunicorn", "-w", "1", "-b", "127.0.0.1:{port}", "skill.web.wsgi:app"]
    with server(args, log, ALEXA_VERIFY="off") as base:
        status, payload = post_json(f"{base}/alexa", make_envelope("SittingIntent"))
    assert status == 200 and "VERIFICATION IS OFF" in log.read_text()

"""The web service as real servers: ``si-skill serve`` (werkzeug, threaded) and the
production WSGI entry point ``skill.web.wsgi:app`` under waitress, each started as its own
process and called over HTTP (``si-skill serve --production``: test_production.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from tests.support.live import ROOT, SETTINGS, free_port, post_json, server

pytestmark = pytest.mark.slow  # every test here starts a server process


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


WAITRESS = ["waitress", "--listen=127.0.0.1:{port}", "skill.web.wsgi:app"]


def test_wsgi_app_under_waitress_is_production_mode(tmp_path, make_envelope):
    log = tmp_path / "waitress.log"
    with server(WAITRESS, log, ALEXA_SKILL_ID="amzn1.ask.skill.test") as base:
        with urllib.request.urlopen(f"{base}/healthz", timeout=10) as response:
            health = json.loads(response.read())
        status, payload = post_json(f"{base}/alexa", make_envelope("LiftingIntent"))
        with pytest.raises(urllib.error.HTTPError) as page:
            urllib.request.urlopen(f"{base}/", timeout=10)
        page.value.close()
    assert health == {"status": "ok"}
    assert (status, payload) == (400, {"error": "missing certificate url"})
    assert page.value.code == 404  # the simulator is off in production unless SIMULATOR=on
    assert "NO SKILL ID" not in log.read_text() and "VERIFICATION IS OFF" not in log.read_text()


def test_wsgi_app_any_skill_and_simulator_on_start_loudly(tmp_path):
    log = tmp_path / "waitress.log"
    with server(WAITRESS, log, ALEXA_SKILL_ID="any", SIMULATOR="on") as base:
        status, payload = post_json(f"{base}/api/ask", {"text": "can i lift groceries"})
    assert status == 200 and "ten pounds" in payload["turn"]["speech"]
    text = log.read_text()
    assert "NO SKILL ID" in text and "SIMULATOR IS ON" in text


@pytest.mark.parametrize(("env", "message"), [
    ({}, "production mode needs ALEXA_SKILL_ID"),
    ({"ALEXA_SKILL_ID": "amzn1.ask.skill.test", "ALEXA_VERIFY": "off"},
     "production mode verifies every request"),
    ({"ALEXA_SKILL_ID": "amzn1.ask.skill.test", "ALEXA_VERIFY": "enabled"},
     "ALEXA_VERIFY='enabled' is not understood"),
    ({"ALEXA_SKILL_ID": "amzn1.ask.skill.test", "SIMULATOR": "maybe"},
     "SIMULATOR='maybe' is not understood"),
])
def test_wsgi_app_refuses_to_start(env, message):
    environ = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    argv = [sys.executable, "-m", *WAITRESS]
    argv[-2] = f"--listen=127.0.0.1:{free_port()}"
    done = subprocess.run(argv, cwd=ROOT, env={**environ, **env}, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode != 0
    assert f"skill.web.wsgi: {message}" in done.stderr

"""Production mode: verification on, a skill id required (``any`` only on purpose, and
loudly), the simulator off unless SIMULATOR=on; ``si-skill serve --production`` over real
HTTP (slow clients and a killed worker: test_production_resilience.py)."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from skill.config import ConfigError
from skill.web.production import create_production_app, production_config
from skill.web.security import HEADERS
from tests.support.live import ROOT, SETTINGS, free_port, post_json, process_serving

SKILL = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555"


def test_production_config_needs_a_skill_id():
    with pytest.raises(ConfigError, match="production mode needs ALEXA_SKILL_ID"):
        production_config({})
    with pytest.raises(ConfigError, match="needs ALEXA_SKILL_ID"):
        production_config({"ALEXA_SKILL_ID": "  "})


@pytest.mark.parametrize("word", ["off", "0", "false", "no"])
def test_production_config_refuses_verification_off(word):
    with pytest.raises(ConfigError, match="production mode verifies every request"):
        production_config({"ALEXA_SKILL_ID": SKILL, "ALEXA_VERIFY": word})


def test_production_config_defaults():
    config = production_config({"ALEXA_SKILL_ID": SKILL})
    assert config.verify_requests and not config.simulator and config.skill_id == SKILL
    assert production_config({"ALEXA_SKILL_ID": SKILL, "SIMULATOR": "on"}).simulator
    assert production_config({"ALEXA_SKILL_ID": "any"}).skill_id is None
    with pytest.raises(ConfigError, match="SIMULATOR='sometimes' is not understood"):
        production_config({"ALEXA_SKILL_ID": SKILL, "SIMULATOR": "sometimes"})


def test_production_app_verifies_and_hides_the_simulator(make_envelope, caplog):
    with caplog.at_level(logging.WARNING):
        client = create_production_app({"ALEXA_SKILL_ID": SKILL}).test_client()
    assert not caplog.records  # nothing to warn about
    response = client.post("/alexa", json=make_envelope("LiftingIntent", skill_id=SKILL))
    assert (response.status_code, response.get_json()) == (
        400, {"error": "missing certificate url"})
    assert client.get("/").status_code == 404
    assert client.post("/api/ask", json={"text": "can i lift groceries"}).status_code == 404


def test_production_app_any_skill_and_simulator_warn_loudly(caplog):
    with caplog.at_level(logging.WARNING):
        client = create_production_app({"ALEXA_SKILL_ID": "any", "SIMULATOR": "on"}).test_client()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(m.startswith("NO SKILL ID") for m in warnings)
    assert any(m.startswith("SIMULATOR IS ON") for m in warnings)
    assert client.get("/").status_code == 200


def test_development_server_without_skill_id_warns(caplog):
    from skill.web import create_app

    with caplog.at_level(logging.WARNING):
        create_app({})
    assert any(r.getMessage().startswith("NO SKILL ID") for r in caplog.records)


# --- si-skill serve --production ----------------------------------------------------------

def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    return subprocess.run([sys.executable, "-m", "skill.cli", *args], cwd=ROOT,
                          env={**environ, **env}, capture_output=True, text=True, timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize(("env", "message"), [
    ({}, "production mode needs ALEXA_SKILL_ID"),
    ({"ALEXA_SKILL_ID": SKILL, "ALEXA_VERIFY": "off"}, "production mode verifies every"),
    ({"ALEXA_SKILL_ID": SKILL, "ALEXA_VERIFY": "required"}, "ALEXA_VERIFY='required' is not"),
])
def test_serve_production_refuses_to_start(env, message):
    done = cli("serve", "--production", "--port", str(free_port()), **env)  # never listens
    assert done.returncode == 2 and f"si-skill: {message}" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_serve_production_port_in_use_is_a_clear_error():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = cli("serve", "--production", "--port", str(port), ALEXA_SKILL_ID=SKILL)
    assert done.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_serve_dev_and_production_exclusive():
    done = cli("serve", "--dev", "--production", ALEXA_SKILL_ID=SKILL)
    assert done.returncode == 2 and "not allowed with" in done.stderr


def get(url: str) -> tuple[int, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers)


@pytest.mark.slow
def test_serve_production_over_http(tmp_path, make_envelope):
    log = tmp_path / "serve.log"
    args = ["skill.cli", "serve", "--production", "--port", "{port}", "--workers", "2"]
    with process_serving(args, log, ALEXA_SKILL_ID=SKILL) as running:
        health, headers = get(f"{running.url}/healthz")
        status, payload = post_json(f"{running.url}/alexa",
                                    make_envelope("LiftingIntent", skill_id=SKILL))
        page, _ = get(f"{running.url}/")
        workers = running.children()
    assert health == 200 and all(headers[name] == value for name, value in HEADERS.items())
    assert (status, payload) == (400, {"error": "missing certificate url"})
    assert page == 404
    assert len(workers) == 2
    text = log.read_text()
    assert "with 2 workers" in text and "VERIFICATION IS OFF" not in text
    assert "NO SKILL ID" not in text and "SIMULATOR IS ON" not in text


@pytest.mark.slow
def test_serve_production_simulator_on_and_any_skill(tmp_path):
    log = tmp_path / "serve.log"
    args = ["skill.cli", "serve", "--production", "--port", "{port}", "--workers", "1"]
    with process_serving(args, log, ALEXA_SKILL_ID="any", SIMULATOR="on") as running:
        status, payload = post_json(f"{running.url}/api/ask", {"text": "can i lift groceries"})
        page, _ = get(f"{running.url}/")
    assert status == 200 and "ten pounds" in payload["turn"]["speech"] and page == 200
    text = log.read_text()
    assert "WARNING skill.web.alexa" in text and "NO SKILL ID" in text
    assert "WARNING skill.web.production" in text and "SIMULATOR IS ON" in text

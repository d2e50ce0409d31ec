"""No health data in logs: what the user said, and who they are, never reaches a log.

One conversation carrying made-up, unmistakable words ("zebraflux rash", a
"quaxel" temperature) and user, session and device ids goes through every door: the
CLI (as a subprocess, and in-process), the simulator's API, POST /alexa in dev mode and
with verification failing (over real HTTP, where werkzeug logs too), and the Lambda
handler. Logging is on at DEBUG for the whole tree, stricter than any default, and not
one of the words or ids may appear in the output.
"""

from __future__ import annotations

import importlib
import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from types import ModuleType
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer

from skill.alexa import envelope
from skill.cli import main as cli_main
from skill.web import create_app
from skill.web.alexa import VERIFIER_KEY
from skill.web.verify import RequestVerifier
from tests.support.alexa_pki import NOW, SKILL_ID, body_of, make_pki
from tests.support.live import post, serving
from tests.support.paths import ROOT

SYMPTOM = "zebraflux rash"
TEMPERATURE = "a hundred and two quaxel degrees"
USER_ID = "amzn1.ask.account.PRIVUSERqz81"
SESSION_ID = "amzn1.echo-api.session.PRIVSESSIONqz81"
DEVICE_ID = "amzn1.ask.device.PRIVDEVICEqz81"
SECRETS = ("zebraflux", "quaxel", "PRIVUSERqz81", "PRIVSESSIONqz81", "PRIVDEVICEqz81")
QUESTIONS = (
    f"my {SYMPTOM} is spreading, can I lift groceries",
    f"my temperature is {TEMPERATURE}",
    "can I go to the zebraflux spa",  # an uncovered topic: the skill names none back
    "tell me more",
    "repeat that",
)


def assert_private(text: str) -> None:
    leaked = [secret for secret in SECRETS if secret.lower() in text.lower()]
    assert not leaked, f"{leaked} in log output:\n{text}"


@pytest.fixture
def strict_log(caplog) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)  # the root logger: every library, every level
    yield caplog
    records = caplog.get_records("call")
    assert records, "nothing was logged: the test would pass vacuously"
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    for record in records:  # the formatted line with any traceback, and the raw parts
        assert_private(formatter.format(record) + repr(record.args) + repr(record.msg))


def alexa_event(intent: str | None, slots: dict[str, str] | None = None, *,
                skill_id: str = envelope.LOCAL_SKILL_ID) -> dict[str, Any]:
    """An envelope carrying the private ids, with something private said in session too."""
    request = envelope.intent_request(intent, slots) if intent else envelope.launch_request()
    built = envelope.envelope(request, session_id=SESSION_ID, new=False, skill_id=skill_id,
                              user_id=USER_ID, device_id=DEVICE_ID,
                              attributes={"note": SYMPTOM})
    serialized: dict[str, Any] = DefaultSerializer().serialize(built)
    return serialized


EVENTS = (
    ("FreeQuestionIntent", {"query": QUESTIONS[0]}),
    ("FeverIntent", {"temperature": TEMPERATURE, "unit": "quaxel"}),
    ("FeverIntent", {"temperature": "102", "decimal": "quaxel"}),
    ("UncoveredTopicIntent", {"topic": SYMPTOM}),
    ("LiftingIntent", {"thing": SYMPTOM}),
    ("AMAZON.RepeatIntent", None),
    ("NoSuchIntent", {"query": SYMPTOM}),
    (None, None),
)


# --- the CLI -------------------------------------------------------------------------

def _run_cli(*args: str, strict: bool, stdin: str = "") -> subprocess.CompletedProcess[str]:
    if strict:  # the whole tree at DEBUG on stderr, as a developer might set it up
        code = ("import logging, sys; logging.basicConfig(level=logging.DEBUG); "
                "from skill.cli import main; raise SystemExit(main(sys.argv[1:]))")
        argv = [sys.executable, "-c", code, *args]
    else:  # the console script exactly as shipped
        argv = [sys.executable, "-m", "skill.cli", *args]
    env = {**os.environ, "PYTHONWARNINGS": "default"}
    return subprocess.run(argv, cwd=ROOT, env=env, input=stdin, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.slow  # the CLI in a subprocess
@pytest.mark.parametrize("strict", [False, True], ids=["default logging", "DEBUG logging"])
def test_cli_ask_subprocess_stderr_private(strict):
    one = _run_cli("ask", "--json", QUESTIONS[0], strict=strict)
    many = _run_cli("ask", "-", strict=strict, stdin="\n".join(QUESTIONS) + "\n")
    assert one.returncode == 0 and many.returncode == 0, one.stderr + many.stderr
    assert "care team" in many.stdout.lower()  # it answered
    assert_private(one.stderr + many.stderr)
    if strict:
        assert "DEBUG" in many.stderr or "INFO" in many.stderr  # the logging was on


def test_cli_in_process_log_private(strict_log, monkeypatch):
    out = io.StringIO()
    for question in QUESTIONS:
        cli_main(["ask", "--json", question], out=out)
        cli_main(["ask", "--explain", question], out=out)
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(QUESTIONS) + "\n:quit\n"))
    cli_main(["chat"], out=out)
    assert "zebraflux" in out.getvalue()  # the output shows the words (--explain)...


# --- the simulator's API ---------------------------------------------------------------

def test_simulator_api_log_private(strict_log, client):
    session = {"session_id": SESSION_ID, "attributes": {"note": SYMPTOM}, "new": False}
    for question in QUESTIONS:
        reply = client.post("/api/ask", json={"session": session, "text": question})
        assert reply.status_code == 200
        session = reply.get_json()["session"]
    bad = client.post("/api/ask", json={"session": {"session_id": f"{SYMPTOM}!"},
                                        "text": QUESTIONS[0]})
    assert bad.status_code == 400
    assert client.post("/api/session", json={}).status_code == 200


# --- POST /alexa -----------------------------------------------------------------------

def test_alexa_dev_mode_log_private(strict_log, client):
    for intent, slots in EVENTS:
        response = client.post("/alexa", json=alexa_event(intent, slots))
        assert response.status_code == 200
    broken = alexa_event("FeverIntent", {"temperature": TEMPERATURE})
    broken["request"]["timestamp"] = SYMPTOM  # fails deserialization: a 400
    broken_type = alexa_event(None)
    broken_type["request"]["type"] = SYMPTOM
    for body in (broken, broken_type):
        assert client.post("/alexa", json=body).status_code == 400
    assert client.post("/alexa", data=f"{SYMPTOM} {USER_ID}").status_code == 400


@pytest.fixture(scope="module")
def pki():
    return make_pki()


def test_alexa_verification_failing_log_private(strict_log, pki):
    app = create_app({"ALEXA_SKILL_ID": SKILL_ID})
    app.extensions[VERIFIER_KEY] = RequestVerifier(skill_id=SKILL_ID, fetcher=pki.fetcher(),
                                                   clock=lambda: NOW)
    good = body_of(alexa_event("FreeQuestionIntent", {"query": QUESTIONS[0]},
                               skill_id=SKILL_ID))
    other_skill = body_of(alexa_event("FeverIntent", {"temperature": TEMPERATURE}))
    stale = body_of(json.loads(good), NOW - timedelta(minutes=5))
    with serving(app) as base:  # real HTTP: werkzeug's request log is in the capture too
        url = f"{base}/alexa"
        assert post(url, good, pki.headers(good))[0] == 200
        failing = [
            (good + b" ", pki.headers(good)),  # signature no longer matches
            (good, {**pki.headers(good), "Signature-256": SYMPTOM}),
            (good, {**pki.headers(good), "SignatureCertChainUrl": f"https://{SYMPTOM}/x"}),
            (other_skill, pki.headers(other_skill)),  # wrong skill id
            (stale, pki.headers(stale)),
        ]
        for body, headers in failing:
            status, payload = post(url, body, headers)
            assert status == 400 and set(payload) == {"error"}
    assert any(r.name == "werkzeug" for r in strict_log.records)


# --- AWS Lambda ------------------------------------------------------------------------

@pytest.fixture
def lambda_module(monkeypatch) -> Iterator[ModuleType]:
    monkeypatch.setenv("ALEXA_SKILL_ID", SKILL_ID)
    import skill.alexa.lambda_function

    yield importlib.reload(skill.alexa.lambda_function)


def test_lambda_handler_log_private(strict_log, lambda_module):
    for intent, slots in EVENTS:
        result = lambda_module.handler(alexa_event(intent, slots, skill_id=SKILL_ID), None)
        assert result["version"] == "1.0"


def test_lambda_malformed_event_error_is_private(strict_log, lambda_module):
    """Lambda logs an uncaught exception's message and traceback: neither may carry
    what was in the event."""
    event = alexa_event("FeverIntent", {"temperature": TEMPERATURE}, skill_id=SKILL_ID)
    event["request"]["timestamp"] = SYMPTOM
    with pytest.raises(lambda_module.MalformedEvent) as caught:
        lambda_module.handler(event, None)
    # As the runtime reports it: the message, the type and the traceback with its chain.
    logging.getLogger("lambda.runtime").error("%s: %s", type(caught.value).__name__,
                                              caught.value, exc_info=caught.value)

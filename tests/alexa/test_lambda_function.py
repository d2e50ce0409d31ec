"""skill.alexa.lambda_function.handler: Alexa's event JSON in, the response dict out, exactly
as AWS Lambda calls it; and a cold start that never loads Flask."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.support.config import PHONE
from tests.support.paths import ENVELOPES, ROOT

SKILL_ID = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555"  # as in envelopes/*.json


def event(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((ENVELOPES / f"{name}.json").read_text())
    return loaded


@pytest.fixture(scope="module")
def lambda_module() -> Iterator[ModuleType]:
    """The module as a Lambda container would load it, configured like template.yaml."""
    saved = {k: os.environ.get(k) for k in ("ALEXA_SKILL_ID", "CARE_TEAM_PHONE")}
    os.environ.update(ALEXA_SKILL_ID=SKILL_ID, CARE_TEAM_PHONE=PHONE)
    try:
        import skill.alexa.lambda_function

        yield importlib.reload(skill.alexa.lambda_function)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_handler_launch_speaks_disclaimer(lambda_module):
    result = lambda_module.handler(event("launch_request"), None)
    ssml = result["response"]["outputSpeech"]["ssml"]
    assert "not medical advice" in ssml and "nine one one" in ssml
    assert result["response"]["shouldEndSession"] is False
    assert result["response"]["reprompt"]["outputSpeech"]["ssml"]


def test_handler_fever_102_is_urgent_with_phone(lambda_module):
    result = lambda_module.handler(event("fever_intent"), None)
    ssml = result["response"]["outputSpeech"]["ssml"]
    assert '<say-as interpret-as="telephone">' in ssml
    assert PHONE in result["response"]["card"]["content"]
    assert result["sessionAttributes"]["last"]["urgent"] is True


def test_handler_free_question_routed_by_router(lambda_module):
    result = lambda_module.handler(event("free_question"), None)
    assert "ten pounds" in result["response"]["outputSpeech"]["ssml"]


def test_handler_session_ended_is_valid_empty_response(lambda_module):
    result = lambda_module.handler(event("session_ended"), None)
    assert result["version"] == "1.0"
    assert "outputSpeech" not in (result.get("response") or {})


def test_handler_result_is_json_serializable(lambda_module):
    result = lambda_module.handler(event("fever_intent"), None)
    assert json.loads(json.dumps(result)) == result


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "ALEXA_SKILL_ID"}
    environ.update(env)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.slow  # a fresh interpreter
def test_import_does_not_import_flask():
    done = _run("import skill.alexa.lambda_function, sys; assert 'flask' not in sys.modules; "
                "assert 'werkzeug' not in sys.modules")
    assert done.returncode == 0, done.stderr


@pytest.mark.slow  # a fresh interpreter
def test_import_stays_light_for_cold_starts():
    """A Lambda cold start pays for every import: no HTTP client stack (xml.sax.saxutils
    pulls in urllib.request, http.client, ssl), no router (numpy, rapidfuzz), no OpenSSL
    hashes (the content snapshot is matched by text)."""
    heavy = ["urllib.request", "http.client", "ssl", "numpy", "rapidfuzz", "skill.nlu.router",
             "hashlib"]
    done = _run(f"import skill.alexa.lambda_function, sys; print([m for m in {heavy!r} "
                "if m in sys.modules])")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.slow  # a fresh interpreter
def test_cold_start_reads_the_content_snapshot_and_no_screen_models():
    """The committed content snapshot spares a cold start PyYAML; our screen module and
    ask-sdk's APL models load only for a request from a device with a screen."""
    done = _run("import skill.alexa.lambda_function, sys; print(sorted(m for m in sys.modules "
                "if m in ('yaml', 'skill.alexa.screen') "
                "or m.startswith('ask_sdk_model.interfaces.alexa.presentation')))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.slow  # a fresh interpreter
def test_handler_refuses_other_skills_events():
    code = (
        "import json, sys\n"
        "from skill.alexa.lambda_function import handler\n"
        f"event = json.load(open({str(ENVELOPES / 'fever_intent.json')!r}))\n"
        "try:\n"
        "    handler(event, None)\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__)\n"
        "    sys.exit(3)\n"
    )
    other = _run(code, ALEXA_SKILL_ID="amzn1.ask.skill.someone-else")
    assert other.returncode == 3 and "AskSdkException" in other.stdout
    ours = _run(code, ALEXA_SKILL_ID=SKILL_ID)
    assert ours.returncode == 0, ours.stderr + ours.stdout

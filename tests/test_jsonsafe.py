"""Deep nesting is refused on every door, before anything recursive sees it: /alexa
(unsigned in dev mode, and signed), /api/ask over real HTTP, the Lambda handler and the
CLI (a spoken fallback for text, a clear error for a dialog file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from skill import jsonsafe
from skill.jsonsafe import MAX_DEPTH, JSONRejected
from skill.web import create_app
from tests.support.alexa_pki import SKILL_ID, body_of, make_pki
from tests.support.apps import verified_app
from tests.support.live import post, serving

ROOT = Path(__file__).resolve().parent.parent
JSON = {"Content-Type": "application/json"}


def nested(depth: int, inner: str = "1") -> str:
    return "[" * depth + inner + "]" * depth


# --- the helper ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "depth"), [
    ("1", 0), ("[]", 1), ("{}", 1), ('{"a": [1, {"b": []}]}', 4), (nested(64), 64),
    (nested(65), 65), ('["[[[[[[", "{{{{"]', 1), (r'["\"[[[[", "\\"]', 1),
])
def test_depth_measured_outside_strings(text, depth):
    assert jsonsafe.too_deep(text, depth) is False
    assert jsonsafe.too_deep(text, depth - 1) is (depth > 0)


def test_loads_at_the_limit_parses():
    assert jsonsafe.loads(nested(MAX_DEPTH).encode()) is not None
    assert jsonsafe.loads('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1000, 100_000, 1_000_000])
def test_loads_deep_refused_as_too_deep(depth):
    for raw in (nested(depth), nested(depth).encode(), '{"a":' * depth + "1" + "}" * depth):
        with pytest.raises(JSONRejected) as caught:
            jsonsafe.loads(raw)
        assert caught.value.too_deep and str(caught.value) == "nested too deeply"


@pytest.mark.parametrize("raw", [b"", b"{", b"nope", b"\xff", "[" * 60, b'{"a": 1}}'])
def test_loads_not_json(raw):
    with pytest.raises(JSONRejected) as caught:
        jsonsafe.loads(raw)
    assert not caught.value.too_deep and str(caught.value) == "not JSON"


def test_check_depth_walks_without_recursion():
    deep: list[object] = []
    node = deep
    for _ in range(200_000):  # far past the recursion limit
        node.append([])
        node = node[0]  # type: ignore[assignment]
    with pytest.raises(JSONRejected):
        jsonsafe.check_depth(deep)
    jsonsafe.check_depth({"a": [{"b": [1, 2, {"c": None}]}]})
    shallow: object = 1
    for _ in range(MAX_DEPTH):
        shallow = {"k": shallow}
    jsonsafe.check_depth(shallow)
    with pytest.raises(JSONRejected):
        jsonsafe.check_depth([shallow])


# --- /api/ask and /alexa over real HTTP -------------------------------------------------

@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1000, 10_000])
def test_http_api_ask_deep_body_400(app, depth):
    body = f'{{"session": null, "text": "can i lift groceries", "x": {nested(depth)}}}'
    with serving(app) as base:
        status, payload = post(f"{base}/api/ask", body.encode(), JSON)
    assert (status, payload) == (400, {"error": "body is nested too deeply"})


def test_http_api_ask_deep_session_attributes_400(app):
    session = ('{"session_id": "amzn1.echo-api.session.x", "attributes": {"a": '
               + nested(3000) + "}}")
    body = f'{{"session": {session}, "text": "tell me more"}}'
    with serving(app) as base:
        status, payload = post(f"{base}/api/ask", body.encode(), JSON)
        ok, answer = post(f"{base}/api/ask", json.dumps(
            {"session": None, "text": "can i lift groceries"}).encode(), JSON)
    assert (status, payload) == (400, {"error": "body is nested too deeply"})
    assert ok == 200 and "ten pounds" in answer["turn"]["speech"]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1000, 20_000])
def test_http_alexa_dev_deep_body_400(app, make_envelope, depth):
    envelope = json.dumps(make_envelope("LiftingIntent"))
    body = envelope[:-1] + f', "x": {nested(depth)}}}'
    with serving(app) as base:
        status, payload = post(f"{base}/alexa", body.encode(), JSON)
    assert (status, payload) == (400, {"error": "body is nested too deeply"})


@pytest.fixture(scope="module")
def pki():
    return make_pki()


@pytest.mark.parametrize("depth", [1000, 20_000])
def test_http_alexa_signed_deep_body_400(pki, make_envelope, depth):
    envelope = make_envelope("LiftingIntent", skill_id=SKILL_ID)
    signed = body_of(envelope)
    deep = signed[:-1] + b', "attributes": ' + nested(depth).encode() + b"}"
    with serving(verified_app(pki)) as base:
        status, payload = post(f"{base}/alexa", deep, pki.headers(deep))
        good_status, _ = post(f"{base}/alexa", signed, pki.headers(signed))
    assert (status, payload) == (400, {"error": "body is nested too deeply"})
    assert good_status == 200


def test_alexa_session_attributes_within_the_limit_answered(client, make_envelope):
    envelope = make_envelope("LiftingIntent")
    attributes: object = "x"
    for _ in range(MAX_DEPTH - 4):  # the envelope's own levels count too
        attributes = {"k": attributes}
    envelope["session"]["attributes"] = {"deep": attributes}
    response = client.post("/alexa", json=envelope)
    assert response.status_code == 200


# --- Lambda ------------------------------------------------------------------------------

def test_lambda_deep_event_is_a_malformed_event(monkeypatch, make_envelope):
    import importlib

    monkeypatch.setenv("ALEXA_SKILL_ID", SKILL_ID)
    import skill.alexa.lambda_function

    module = importlib.reload(skill.alexa.lambda_function)
    event = make_envelope("LiftingIntent", skill_id=SKILL_ID)
    node = event["session"]["attributes"] = {}
    for _ in range(50_000):
        node["k"] = {}
        node = node["k"]
    with pytest.raises(module.MalformedEvent, match="nested too deeply"):
        module.handler(event, None)
    del event["session"]["attributes"]["k"]
    assert "ten pounds" in module.handler(event, None)["response"]["outputSpeech"]["ssml"]


# --- the CLI -------------------------------------------------------------------------------

def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ALEXA_VERIFY", "SIMULATOR")}
    return subprocess.run([sys.executable, "-m", "skill.cli", *args], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_cli_deep_text_gets_the_spoken_fallback():
    lines = [nested(5000, ""), '{"a":' * 3000 + '"a"' + "}" * 3000, "can i lift groceries"]
    done = _cli("ask", "--json", "-", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0 and not done.stderr, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["intent"] for a in answers] == ["AMAZON.FallbackIntent"] * 2 + ["LiftingIntent"]
    assert all(a["speech"] for a in answers)


@pytest.mark.slow
def test_cli_test_dialogs_deep_file_is_an_error_not_a_traceback(tmp_path):
    flow = tmp_path / "flow.yaml"
    flow.write_text("name: deep\nturns: " + nested(3000, "") + "\n")
    block = tmp_path / "block.yaml"
    block.write_text("name: deep\nturns:\n" + "".join(" " * i + "- \n" for i in range(3000)))
    done = _cli("test-dialogs", str(flow), str(block))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert f"ERROR {flow}: nested too deeply" in done.stdout
    assert f"ERROR {block}: nested too deeply" in done.stdout


def test_create_app_still_builds():  # the helper is imported by every door's module
    assert create_app({"ALEXA_VERIFY": "off"}).test_client().get("/healthz").status_code == 200

"""POST /alexa on any input: envelopes with fields missing, added or of the wrong type,
unknown intents and request types, absurd slots, any bytes at all, forged headers.

The answer is always a valid Alexa response (200) or a 400 with a short reason; never a
500, never a stack trace. With verification on, nothing unsigned gets through.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from skill.alexa import envelope
from skill.web import create_app
from skill.web.alexa import VERIFIER_KEY
from skill.web.verify import RequestVerifier
from tests.support.alexa_pki import NOW, SKILL_ID, Pki, body_of, make_pki
from tests.support.alexa_response import check_response

PROPERTY = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
REQUEST_TYPES = ["IntentRequest", "LaunchRequest", "SessionEndedRequest",
                 "CanFulfillIntentRequest", "System.ExceptionEncountered",
                 "Alexa.Presentation.APL.UserEvent", "Connections.Response", "NoSuchRequest"]
INTENTS = ["FeverIntent", "LiftingIntent", "FreeQuestionIntent", "UncoveredTopicIntent",
           "EmergencyIntent", "AMAZON.RepeatIntent", "AMAZON.YesIntent", "AMAZON.StopIntent",
           "NoSuchIntent", ""]
SLOTS = ["temperature", "decimal", "unit", "query", "topic", "thing"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
    | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner,
                                                               max_size=3),
    max_leaves=8,
)


def _base() -> dict[str, Any]:
    request = envelope.intent_request("FeverIntent", {"temperature": "102"})
    built = envelope.envelope(request, session_id=envelope.new_session_id(), new=True,
                              skill_id=SKILL_ID)
    serialized: dict[str, Any] = DefaultSerializer().serialize(built)
    return serialized


BASE = _base()


def _paths(node: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if prefix:
        yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))


PATHS = list(_paths(BASE))


@st.composite
def envelopes(draw: st.DrawFn) -> dict[str, Any]:
    """A real envelope, then a few fields deleted, replaced by any JSON, or added."""
    env: dict[str, Any] = json.loads(json.dumps(BASE))
    env["request"]["type"] = draw(st.sampled_from(REQUEST_TYPES))
    env["request"]["intent"]["name"] = draw(st.sampled_from(INTENTS) | st.text(max_size=20))
    name = draw(st.sampled_from(SLOTS))
    value = draw(st.text() | st.floats().map(str) | st.integers().map(str) | json_values)
    env["request"]["intent"]["slots"][name] = {"name": name, "value": value}
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(PATHS))
        holder: Any = env
        for key in path[:-1]:
            holder = holder.get(key) if isinstance(holder, dict) else None
        if not isinstance(holder, dict):
            continue
        action = draw(st.sampled_from(["delete", "replace", "add"]))
        if action == "delete":
            holder.pop(path[-1], None)
        elif action == "replace":
            holder[path[-1]] = draw(json_values)
        else:
            holder[draw(st.text(max_size=8))] = draw(json_values)
    if isinstance(env.get("session"), dict) and draw(st.booleans()):
        env["session"]["attributes"] = draw(json_values | st.fixed_dictionaries(
            {"last": json_values, "more": json_values}))
    return env


def check_answer(response: Any, sent: dict[str, Any] | None) -> None:
    """200 with a valid Alexa response, or 400 with only a short reason."""
    assert response.status_code in (200, 400), response.get_data(as_text=True)[:500]
    payload = response.get_json()
    if response.status_code == 400:
        assert set(payload) == {"error"} and len(payload["error"]) < 80
        return
    request = (sent or {}).get("request")
    ended = isinstance(request, dict) and request.get("type") == "SessionEndedRequest"
    check_response(payload, session_ended=ended)


@pytest.fixture(scope="module")
def dev_client():
    return create_app({"ALEXA_VERIFY": "off"}).test_client()


@pytest.fixture(scope="module")
def pki() -> Pki:
    return make_pki()


@pytest.fixture(scope="module")
def verified_client(pki):
    app = create_app({"ALEXA_SKILL_ID": SKILL_ID})
    app.extensions[VERIFIER_KEY] = RequestVerifier(
        skill_id=SKILL_ID, fetcher=pki.fetcher(), clock=lambda: NOW)
    return app.test_client()


@PROPERTY
@given(env=envelopes())
@example(env={**BASE, "request": {**BASE["request"], "intent": None}})
@example(env={**BASE, "session": None})
@example(env={**BASE, "context": {"System": {"application": None}}})
def test_dev_any_envelope_answered_or_400(dev_client, env):
    check_answer(dev_client.post("/alexa", data=json.dumps(env),
                                 content_type="application/json"), env)


@PROPERTY
@given(body=st.binary(max_size=2000) | st.text(max_size=500).map(str.encode)
       | json_values.map(lambda v: json.dumps(v).encode()),
       content_type=st.sampled_from(["application/json", "text/plain",
                                     "application/x-www-form-urlencoded", ""]))
@example(body=b'{"request": {"type": "IntentRequest"}}', content_type="application/json")
@example(body=b'{"version": "1.0", "request": {"type": "LaunchRequest"}}', content_type="")
def test_dev_any_body_answered_or_400(dev_client, body, content_type):
    response = dev_client.post("/alexa", data=body, content_type=content_type)
    try:
        sent = json.loads(body)
    except ValueError:
        sent = None
    check_answer(response, sent if isinstance(sent, dict) else None)


@PROPERTY
@given(env=envelopes(), headers=st.dictionaries(
    st.sampled_from(["SignatureCertChainUrl", "Signature-256", "Signature", "Content-Type"]),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=120)))
@example(env=BASE, headers={"SignatureCertChainUrl":
                            "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem",
                            "Signature-256": "AAAA"})
def test_verified_unsigned_any_headers_400(verified_client, env, headers):
    response = verified_client.post("/alexa", data=json.dumps(env), headers=headers)
    assert response.status_code == 400
    assert set(response.get_json()) == {"error"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(env=envelopes())
def test_verified_signed_any_envelope_answered_or_400(verified_client, pki, env):
    """Correctly signed and fresh, but the envelope inside is anything."""
    if isinstance(env.get("request"), dict):
        body = body_of(env)  # stamped with the verifier's "now"
    else:
        body = json.dumps(env).encode()
    check_answer(verified_client.post("/alexa", data=body, headers=pki.headers(body)),
                 json.loads(body))

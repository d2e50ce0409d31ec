"""skill.web.verify: signature, envelope shape, timestamp and skill id, alone and together."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest

from skill.alexa import envelope as envelopes
from skill.web.verify import (
    RequestRejected,
    RequestVerifier,
    check_application_id,
    check_signature,
    check_timestamp,
    parse_envelope,
    request_time,
)
from tests.support.alexa_pki import CERT_URL, NOW, SKILL_ID, body_of, make_pki, rsa_key


@pytest.fixture(scope="module")
def pki():
    return make_pki()


@pytest.fixture
def body(make_envelope) -> bytes:
    return body_of(make_envelope("LiftingIntent", skill_id=SKILL_ID))


def verifier(pki, **kwargs) -> RequestVerifier:
    kwargs.setdefault("skill_id", SKILL_ID)
    return RequestVerifier(fetcher=pki.fetcher(), clock=lambda: NOW, **kwargs)


def test_verify_signed_request_returns_envelope(pki, body):
    found = verifier(pki).verify(pki.headers(body), body)
    assert found["request"]["intent"]["name"] == "LiftingIntent"


def test_check_signature_good_passes(pki, body):
    check_signature(pki.leaf_key.public_key(), pki.sign(body), body)


@pytest.mark.parametrize("mangle", [
    lambda sig, body: (sig, body + b" "),                      # body changed after signing
    lambda sig, body: (sig, body.replace(b"Lifting", b"Sitting")),
    lambda sig, body: (sig[:-8] + "AAAAAAA=", body),           # signature changed
    lambda sig, body: ("not base64!!", body),
    lambda sig, body: ("", body),
    lambda sig, body: ("A" * 5000, body),
    lambda sig, body: (base64.b64encode(b"short").decode(), body),
])
def test_check_signature_tampered_rejected(pki, body, mangle):
    signature, signed_body = mangle(pki.sign(body), body)
    with pytest.raises(RequestRejected, match="bad signature"):
        check_signature(pki.leaf_key.public_key(), signature, signed_body)


def test_check_signature_other_key_rejected(pki, body):
    forged = pki.sign(body, key=rsa_key("attacker"))
    with pytest.raises(RequestRejected, match="bad signature"):
        check_signature(pki.leaf_key.public_key(), forged, body)


@pytest.mark.parametrize(("raw", "reason"), [
    (b"", "not JSON"),
    (b"hello", "not JSON"),
    (b"\xff\xfe{}", "not JSON"),
    (b"[1, 2]", "not a request envelope"),
    (b'"text"', "not a request envelope"),
    (b"{}", "missing request type"),
    (b'{"request": "LaunchRequest"}', "missing request type"),
    (b'{"request": {"type": 7}}', "missing request type"),
])
def test_parse_envelope_bad_body_rejected(raw, reason):
    with pytest.raises(RequestRejected, match=reason):
        parse_envelope(raw)


@pytest.mark.parametrize("stamp", [
    "2030-06-01T12:00:00Z", "2030-06-01T12:00:00+00:00", "2030-06-01T14:00:00+02:00",
    "2030-06-01T12:00:00", 1906545600000,
])
def test_request_time_alexa_forms(stamp):
    assert request_time({"request": {"type": "LaunchRequest", "timestamp": stamp}}) == NOW


@pytest.mark.parametrize(("offset", "ok"), [
    (0, True), (-150, True), (150, True), (-151, False), (151, False),
    (-3600, False), (86400, False),
])
def test_check_timestamp_window_150_seconds(offset, ok):
    stamp = (NOW + timedelta(seconds=offset)).isoformat()
    envelope = {"request": {"type": "LaunchRequest", "timestamp": stamp}}
    if ok:
        check_timestamp(envelope, NOW)
    else:
        with pytest.raises(RequestRejected, match="timestamp"):
            check_timestamp(envelope, NOW)


@pytest.mark.parametrize("stamp", [None, "", "yesterday", [], {}, True, 10**30])
def test_check_timestamp_missing_or_garbled_rejected(stamp):
    request: dict[str, object] = {"type": "LaunchRequest"}
    if stamp is not None:
        request["timestamp"] = stamp
    with pytest.raises(RequestRejected, match="timestamp"):
        check_timestamp({"request": request}, NOW)


def test_check_application_id_match_passes(make_envelope):
    check_application_id(make_envelope("LiftingIntent", skill_id=SKILL_ID), SKILL_ID)


def test_check_application_id_unset_allows_any(make_envelope):
    check_application_id(make_envelope("LiftingIntent"), None)


@pytest.mark.parametrize("where", ["both", "context", "session", "none"])
def test_check_application_id_wrong_rejected(make_envelope, where):
    env = make_envelope("LiftingIntent", skill_id=SKILL_ID)
    other = "amzn1.ask.skill.someone-else"
    if where in ("both", "context"):
        env["context"]["System"]["application"]["applicationId"] = other
    if where in ("both", "session"):
        env["session"]["application"]["applicationId"] = other
    if where == "none":
        del env["context"]["System"]["application"]
        del env["session"]
    with pytest.raises(RequestRejected, match="wrong skill id"):
        check_application_id(env, SKILL_ID)


def test_check_application_id_context_only_passes(make_envelope):
    env = make_envelope("LiftingIntent", skill_id=SKILL_ID)
    del env["session"]  # requests outside a session (e.g. AudioPlayer) carry no session
    check_application_id(env, SKILL_ID)


def _legacy_only(pki, body):
    return {"SignatureCertChainUrl": CERT_URL, "Signature": pki.sign(body)}


@pytest.mark.parametrize(("headers", "reason"), [
    (lambda pki, body: {}, "missing certificate url"),
    (lambda pki, body: {"Signature-256": pki.sign(body)}, "missing certificate url"),
    (lambda pki, body: {"SignatureCertChainUrl": CERT_URL}, "missing Signature-256"),
    (_legacy_only, "missing Signature-256"),
    (lambda pki, body: pki.headers(body, url="http://s3.amazonaws.com/echo.api/c.pem"),
     "bad certificate url"),
])
def test_verify_missing_or_legacy_headers_rejected(pki, body, headers, reason):
    with pytest.raises(RequestRejected, match=reason):
        verifier(pki).verify(headers(pki, body), body)


def test_verify_stale_signed_request_rejected(pki, make_envelope):
    body = body_of(make_envelope("LiftingIntent", skill_id=SKILL_ID), NOW - timedelta(minutes=5))
    with pytest.raises(RequestRejected, match="timestamp"):
        verifier(pki).verify(pki.headers(body), body)


def test_verify_signature_checked_before_json(pki):
    body = b"not json at all"
    with pytest.raises(RequestRejected, match="bad signature"):
        verifier(pki).verify(pki.headers(b"other"), body)


def test_verify_off_skips_signature_and_timestamp_not_skill_id(pki, make_envelope):
    off = verifier(pki, check_signature=False)
    old = body_of(make_envelope("LiftingIntent", skill_id=SKILL_ID), NOW - timedelta(days=2))
    assert off.verify({}, old)["request"]["type"] == "IntentRequest"
    stranger = body_of(make_envelope("LiftingIntent"))
    with pytest.raises(RequestRejected, match="wrong skill id"):
        off.verify({}, stranger)


def test_verify_default_is_on():
    assert RequestVerifier().check_signature is True


def test_verify_local_envelope_shape_is_alexas(make_envelope):
    env = make_envelope("LiftingIntent")
    assert env["context"]["System"]["application"]["applicationId"] == (
        envelopes.LOCAL_SKILL_ID)
    assert json.loads(json.dumps(env)) == env

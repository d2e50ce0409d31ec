"""POST /alexa and GET /healthz: verified requests in, the skill's answers out, 400s for
everything else (through Flask's test client and through real HTTP)."""

from __future__ import annotations

import http.client
import http.server
import json
import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest

from skill.web import certs, create_app
from skill.web.alexa import MAX_BODY
from tests.support.alexa_pki import DAY, NOW, SKILL_ID, Pki, body_of, make_pki, rsa_key
from tests.support.apps import verified_app
from tests.support.config import PHONE
from tests.support.live import post, serving

# Words a user might say; they must never reach the log.
PRIVATE_WORDS = "my secret incision oozes"


@pytest.fixture(scope="module")
def pki() -> Pki:
    return make_pki()


def speech(response_json: dict[str, Any]) -> str:
    return response_json["response"]["outputSpeech"]["ssml"]


@pytest.fixture
def lifting(make_envelope) -> bytes:
    return body_of(make_envelope("LiftingIntent", skill_id=SKILL_ID))


def test_alexa_signed_request_answered(pki, lifting):
    response = verified_app(pki).test_client().post(
        "/alexa", data=lifting, headers=pki.headers(lifting))
    assert response.status_code == 200
    assert "ten pounds" in speech(response.get_json())
    assert response.get_json()["version"] == "1.0"


def test_alexa_fever_slot_urgent_answer(pki, make_envelope):
    body = body_of(make_envelope("FeverIntent", {"temperature": "102"}, skill_id=SKILL_ID))
    response = verified_app(pki).test_client().post("/alexa", data=body,
                                                    headers=pki.headers(body))
    assert response.status_code == 200
    ssml = speech(response.get_json())
    assert "telephone" in ssml and "care team" in ssml.lower()


@pytest.mark.parametrize("slots", [{}, {"mention": "better now but it's red again"}])
def test_alexa_wound_report_without_the_routers_mark_stays_urgent(pki, make_envelope, slots):
    # Alexa's NLU sent IncisionConcernIntent: only the local router's mark (the mention
    # slot's exact status) makes it calm; without it the answer is the call to make now.
    body = body_of(make_envelope("IncisionConcernIntent", slots, skill_id=SKILL_ID))
    response = verified_app(pki).test_client().post("/alexa", data=body,
                                                    headers=pki.headers(body))
    assert response.status_code == 200
    answer = response.get_json()["response"]
    assert "Please call them now." in speech(response.get_json())
    assert answer["card"]["title"] == "Call your care team"


# --- every failure is a 400 with a short reason --------------------------------------

def _url(url: str):
    return lambda pki, body: (verified_app(pki), pki.headers(body, url=url), body)


def _bad_pki(**kwargs):
    def case(pki, body):
        other = make_pki(**kwargs)
        return verified_app(other), other.headers(body), body
    return case


def _untrusted_root(pki, body):
    stranger = make_pki(root_name="Untrusted Root")
    return verified_app(stranger, store=pki.store), stranger.headers(body), body


def _tampered(pki, body):
    return verified_app(pki), pki.headers(body), body.replace(b"LiftingIntent", b"SittingIntent")


def _wrong_key(pki, body):
    headers = pki.headers(body)
    headers["Signature-256"] = pki.sign(body, key=rsa_key("attacker"))
    return verified_app(pki), headers, body


def _without(header: str):
    def case(pki, body):
        headers = pki.headers(body)
        del headers[header]
        return verified_app(pki), headers, body
    return case


def _legacy_sha1_only(pki, body):
    headers = pki.headers(body)
    headers["Signature"] = headers.pop("Signature-256")
    return verified_app(pki), headers, body


def _stamped(offset: timedelta):
    def case(pki, body):
        envelope = json.loads(body)
        moved = body_of(envelope, NOW + offset)
        return verified_app(pki), pki.headers(moved), moved
    return case


def _wrong_skill(pki, body):
    envelope = json.loads(body)
    envelope["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.other"
    envelope["session"]["application"]["applicationId"] = "amzn1.ask.skill.other"
    other = json.dumps(envelope).encode()
    return verified_app(pki), pki.headers(other), other


def _signed(raw: bytes):
    return lambda pki, body: (verified_app(pki), pki.headers(raw), raw)


def _oversize(pki, body):
    envelope = json.loads(body)
    envelope["request"]["intent"]["slots"] = {"filler": {"name": "filler",
                                                         "value": "x" * MAX_BODY}}
    big = json.dumps(envelope).encode()
    return verified_app(pki), pki.headers(big), big


def _fetch_raising(error: Exception):
    def fetch(url: str) -> bytes:
        raise error
    return lambda pki, body: (verified_app(pki, fetch=fetch), pki.headers(body), body)


FAILURES = {
    "http scheme": (_url("http://s3.amazonaws.com/echo.api/echo-api-cert.pem"), "url"),
    "wrong host": (_url("https://notamazon.com/echo.api/echo-api-cert.pem"), "url"),
    "path not echo.api": (_url("https://s3.amazonaws.com/invalid.path/cert.pem"), "url"),
    "case-changed path": (_url("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem"), "url"),
    "port not 443": (_url("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem"), "url"),
    "path traversal": (_url("https://s3.amazonaws.com/echo.api/../invalid.path/c.pem"), "url"),
    "expired leaf": (_bad_pki(not_after=NOW - DAY), "expired"),
    "leaf not yet valid": (_bad_pki(not_before=NOW + DAY), "not yet valid"),
    "wrong SAN": (_bad_pki(san="www.amazon.com"), "echo-api.amazon.com"),
    "untrusted root": (_untrusted_root, "untrusted"),
    "tampered body": (_tampered, "bad signature"),
    "wrong key": (_wrong_key, "bad signature"),
    "no certificate url": (_without("SignatureCertChainUrl"), "missing certificate url"),
    "no signature": (_without("Signature-256"), "missing Signature-256"),
    "legacy SHA-1 Signature only": (_legacy_sha1_only, "missing Signature-256"),
    "stale timestamp": (_stamped(timedelta(seconds=-151)), "timestamp"),
    "future timestamp": (_stamped(timedelta(seconds=151)), "timestamp"),
    "wrong skill id": (_wrong_skill, "wrong skill id"),
    "non-JSON body": (_signed(b"this is not json"), "not JSON"),
    "JSON but not an envelope": (_signed(b'{"hello": "world"}'), "missing request type"),
    "oversize body": (_oversize, "too large"),
    "certificate download fails": (_fetch_raising(OSError("unreachable")), "download failed"),
    "certificate download times out": (_fetch_raising(TimeoutError()), "download failed"),
}


@pytest.mark.parametrize(("make_case", "reason"), FAILURES.values(), ids=FAILURES.keys())
def test_alexa_failed_check_is_400(pki, lifting, make_case, reason, caplog):
    app, headers, body = make_case(pki, lifting)
    with caplog.at_level(logging.DEBUG):
        response = app.test_client().post("/alexa", data=body, headers=headers)
    assert response.status_code == 400
    payload = response.get_json()
    assert set(payload) == {"error"} and reason in payload["error"]
    assert "Traceback" not in response.get_data(as_text=True)
    assert f"rejected /alexa request: {payload['error']}" in caplog.text


def test_alexa_production_default_rejects_unsigned(make_envelope):
    app = create_app({})  # the development app from an empty environment
    response = app.test_client().post("/alexa", json=make_envelope("LiftingIntent"))
    assert response.status_code == 400
    assert response.get_json() == {"error": "missing certificate url"}


def test_alexa_log_never_has_users_words(pki, make_envelope, caplog):
    envelope = make_envelope("FreeQuestionIntent", {"query": PRIVATE_WORDS}, skill_id=SKILL_ID)
    envelope["session"]["user"]["userId"] = "amzn1.ask.account.PRIVATE-USER"
    body = body_of(envelope)
    app = verified_app(pki)
    with caplog.at_level(logging.DEBUG):
        ok = app.test_client().post("/alexa", data=body, headers=pki.headers(body))
        bad = app.test_client().post("/alexa", data=body + b" ", headers=pki.headers(body))
    assert (ok.status_code, bad.status_code) == (200, 400)
    assert caplog.records
    assert PRIVATE_WORDS not in caplog.text and "PRIVATE-USER" not in caplog.text


# --- --dev / ALEXA_VERIFY=off: local tools, and input the skill must survive ------------

def test_dev_mode_says_so_loudly(caplog):
    with caplog.at_level(logging.WARNING):
        create_app({"ALEXA_VERIFY": "off"})
    assert any(r.levelno == logging.WARNING and "VERIFICATION IS OFF" in r.getMessage()
               for r in caplog.records)


def test_production_mode_no_warning(caplog):
    with caplog.at_level(logging.WARNING):
        create_app({})
    assert not any("VERIFICATION IS OFF" in r.getMessage() for r in caplog.records)


def test_dev_unsigned_request_answered(client, make_envelope):
    response = client.post("/alexa", json=make_envelope("SittingIntent"))
    assert response.status_code == 200
    assert "sit" in speech(response.get_json()).lower()


def test_dev_launch_has_disclaimer(client, make_envelope):
    response = client.post("/alexa", json=make_envelope())
    assert "not medical advice" in speech(response.get_json())


def _mutate(path: tuple[str, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def apply(envelope: dict[str, Any]) -> None:
        target = envelope
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return apply


ODD_ENVELOPES = {
    "unknown intent": _mutate(("request", "intent", "name"), "NoSuchIntent"),
    "intent is a string": _mutate(("request", "intent"), "LiftingIntent"),
    "intent name missing": _mutate(("request", "intent"), {"slots": {}}),
    "slots is a list": _mutate(("request", "intent", "slots"), [1, 2]),
    "empty slot": _mutate(("request", "intent", "slots"),
                          {"query": {"name": "query", "value": ""}}),
    "odd unicode slot": _mutate(("request", "intent", "slots"),
                                {"query": {"name": "query", "value": "\u202e\u0000🦴\udcff"}}),
    "huge slot": _mutate(("request", "intent", "slots"),
                         {"query": {"name": "query", "value": "lift " * 20000}}),
    "unknown request type": _mutate(("request", "type"), "Alexa.Presentation.APL.UserEvent"),
    "session is a string": _mutate(("session",), "oops"),
    "attributes is a list": _mutate(("session", "attributes"), ["x"]),
    "no session": lambda env: env.pop("session"),
    "no context": lambda env: env.pop("context"),
    "timestamp is a number": _mutate(("request", "timestamp"), 12),
    "version is a dict": _mutate(("version",), {}),
    "locale unknown": _mutate(("request", "locale"), "xx-XX"),
}


@pytest.mark.parametrize("mutate", ODD_ENVELOPES.values(), ids=ODD_ENVELOPES.keys())
def test_dev_odd_envelope_400_or_spoken_never_500(client, make_envelope, mutate):
    envelope = make_envelope("FreeQuestionIntent", {"query": "can i lift groceries"})
    mutate(envelope)
    response = client.post("/alexa", json=envelope)
    assert response.status_code in (200, 400)
    payload = response.get_json()
    if response.status_code == 200:
        assert speech(payload).startswith("<speak>")
    else:
        assert set(payload) == {"error"}


@pytest.mark.parametrize("body", [b"", b"null", b"[]", b"{", b"{\"request\": 1}",
                                  "\u00ff".encode("latin-1")])
def test_dev_bad_body_400(client, body):
    response = client.post("/alexa", data=body, content_type="application/json")
    assert response.status_code == 400 and "error" in response.get_json()


def test_alexa_get_not_allowed(client):
    assert client.get("/alexa").status_code == 405


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


# --- real HTTP: the app behind werkzeug's server, Alexa's request through urllib -------

@pytest.fixture
def live_server(pki) -> Iterator[str]:
    with serving(verified_app(pki)) as url:
        yield url


def test_http_signed_request_answered(live_server, pki, lifting):
    status, payload = post(f"{live_server}/alexa", lifting, pki.headers(lifting))
    assert status == 200
    assert "ten pounds" in speech(payload)
    assert payload["response"]["card"]["content"].endswith(f"Care team: {PHONE}")


def test_http_tampered_request_400(live_server, pki, lifting):
    status, payload = post(f"{live_server}/alexa", lifting + b"\n", pki.headers(lifting))
    assert (status, payload) == (400, {"error": "bad signature"})


def test_http_healthz(live_server):
    with urllib.request.urlopen(f"{live_server}/healthz", timeout=10) as response:
        assert response.status == 200 and json.loads(response.read()) == {"status": "ok"}


def test_http_chunked_oversize_body_400(app):
    """No Content-Length to trust: the cap holds while reading a chunked body."""
    def chunks() -> Iterator[bytes]:
        for _ in range(MAX_BODY // 1024 + 2):
            yield b" " * 1024

    with serving(app) as url:
        connection = http.client.HTTPConnection(url.removeprefix("http://"), timeout=10)
        try:
            connection.request("POST", "/alexa", body=chunks(), encode_chunked=True,
                               headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            status, payload = response.status, json.loads(response.read())
        finally:
            connection.close()
    assert (status, payload) == (400, {"error": "body too large"})


def test_dev_body_read_raw_whatever_content_type(client, make_envelope):
    """curl -d sends a form content type; the raw body is still the envelope."""
    body = json.dumps(make_envelope("SittingIntent")).encode()
    response = client.post("/alexa", data=body,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200


# --- certificate downloads that fail, over real HTTP: 400 each, and service goes on ---

CERT_HOST_URL = "https://s3.amazonaws.com"
BAD_DOWNLOADS = {  # path under /echo.api/ on the local certificate server -> reason
    "slow.pem": "download failed",  # answers after the client's timeout
    "missing.pem": "download failed",  # 404
    "garbage.pem": "unreadable",  # 200, not PEM
    "empty.pem": "unreadable",
    "huge.pem": "too large",  # 200, megabytes of it
    "stranger.pem": "untrusted",  # a well-formed chain from a root nobody trusts
}
SLOW_SECONDS = 3.0
CLIENT_TIMEOUT = 1.0  # generous: the good request must finish well inside it, even on busy CI


def _cert_handler(pki: Pki) -> type[http.server.BaseHTTPRequestHandler]:
    stranger = make_pki(root_name="Stranger Root").chain_pem

    class Handler(http.server.BaseHTTPRequestHandler):
        slow_started = threading.Event()

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            name = self.path.rsplit("/", 1)[-1]
            if name == "missing.pem":
                self.send_error(404)
                return
            if name == "slow.pem":
                self.slow_started.set()
                time.sleep(SLOW_SECONDS)
            body = {"good.pem": pki.chain_pem, "slow.pem": pki.chain_pem,
                    "garbage.pem": b"-----BEGIN CERTIFICATE-----\nnot base64\n",
                    "stranger.pem": stranger}.get(name, b"")
            size = 8 * 1024 * 1024 if name == "huge.pem" else len(body)
            self.send_response(200)
            self.send_header("Content-Length", str(size))
            self.end_headers()
            try:
                if name == "huge.pem":
                    for _ in range(size // 65536):
                        self.wfile.write(b"A" * 65536)
                else:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped at its size cap or timeout, as it should

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def cert_server(pki) -> Iterator[http.server.ThreadingHTTPServer]:
    """A local stand-in for Amazon's certificate host on 127.0.0.1."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _cert_handler(pki))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def downloading_server(pki, cert_server) -> Iterator[str]:
    """The verified app over real HTTP whose certificate fetches really download, from
    the local origin: Amazon's URL rules still run, only the host is swapped after."""
    cert_origin = f"http://127.0.0.1:{cert_server.server_address[1]}"

    def fetch(url: str) -> bytes:
        return certs.download(url.replace(CERT_HOST_URL, cert_origin, 1), timeout=CLIENT_TIMEOUT)

    with serving(verified_app(pki, fetch=fetch)) as url:
        yield url


def test_http_failed_cert_downloads_400_then_good_one_200(downloading_server, pki, lifting):
    for name, reason in BAD_DOWNLOADS.items():
        headers = pki.headers(lifting, url=f"{CERT_HOST_URL}/echo.api/{name}")
        status, payload = post(f"{downloading_server}/alexa", lifting, headers)
        assert status == 400 and reason in payload["error"], name
    good = pki.headers(lifting, url=f"{CERT_HOST_URL}/echo.api/good.pem")
    status, payload = post(f"{downloading_server}/alexa", lifting, good)
    assert status == 200 and "ten pounds" in speech(payload)


def test_http_slow_cert_download_does_not_hold_up_others(downloading_server, cert_server,
                                                         pki, lifting):
    slow_headers = pki.headers(lifting, url=f"{CERT_HOST_URL}/echo.api/slow.pem")
    slow: list[int] = []
    waiting = threading.Thread(target=lambda: slow.append(
        post(f"{downloading_server}/alexa", lifting, slow_headers)[0]))
    waiting.start()
    try:
        assert cert_server.RequestHandlerClass.slow_started.wait(timeout=5)
        good = pki.headers(lifting, url=f"{CERT_HOST_URL}/echo.api/good.pem")
        status, payload = post(f"{downloading_server}/alexa", lifting, good)
        assert status == 200 and "ten pounds" in speech(payload)
        assert not slow, "the good request should not have waited for the slow download"
    finally:
        waiting.join(timeout=10)
    assert slow == [400]

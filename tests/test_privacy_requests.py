"""No request field reaches the log verbatim, in any mode: ids are shown only in Amazon's
shape or as a keyed hash, intent names only from our own list, paths only as the route
they match; werkzeug's request log, Flask's and waitress's error logs included."""

from __future__ import annotations

import http.client
import json
import logging
from typing import Any

import pytest

from skill import logsafe
from skill.web import create_app
from skill.web.security import guarded
from tests.support.live import post, server

SECRET = "zebraflux"
JSON = {"Content-Type": "application/json"}


def private(text: str) -> None:
    assert SECRET not in text.lower(), text


# --- the helpers -------------------------------------------------------------------------

def test_request_id_in_amazons_shape_shown():
    good = "amzn1.echo-api.request.0a1b2c3d-4e5f-6789-abcd-ef0123456789"
    assert logsafe.request_id(good) == good


@pytest.mark.parametrize("value", [
    f"amzn1.echo-api.request.{SECRET}", f"amzn1.echo-api.request.0a1b2c3d-4e5f-6789-abcd-"
    f"ef0123456789 {SECRET}", SECRET, "", None, 42, "\udcff",
])
def test_request_id_anything_else_hashed(value):
    shown = logsafe.request_id(value)
    assert shown.startswith("h:") and len(shown) == 14 and SECRET not in shown
    assert logsafe.request_id(value) == shown  # the same value, the same hash


def test_known_names_only():
    assert logsafe.known("LiftingIntent", {"LiftingIntent"}) == "LiftingIntent"
    assert logsafe.known(f"{SECRET}Intent", {"LiftingIntent"}) == "other"
    assert logsafe.known(None, {"LiftingIntent"}) == "other"


# --- dev mode POST /alexa, in process at DEBUG ---------------------------------------------

def odd_envelope(make_envelope: Any, intent: str) -> dict[str, Any]:
    envelope = make_envelope(intent)
    envelope["request"]["requestId"] = f"amzn1.echo-api.request.{SECRET}"
    return envelope  # type: ignore[no-any-return]


def test_dev_alexa_request_id_and_intent_name_never_verbatim(client, make_envelope, caplog):
    caplog.set_level(logging.DEBUG)
    for intent in ("LiftingIntent", f"{SECRET.title()}Intent", f"AMAZON.{SECRET}"):
        response = client.post("/alexa", json=odd_envelope(make_envelope, intent))
        assert response.status_code == 200
    private(caplog.text)
    assert "answered IntentRequest h:" in caplog.text
    assert "unhandled request type=IntentRequest intent=other" in caplog.text


def test_unhandled_exception_logged_by_type_and_route_only(caplog):
    app = create_app({"ALEXA_VERIFY": "off"})

    @app.get("/boom/<word>")
    def boom(word: str) -> str:
        raise ValueError(f"cannot handle {word}")

    caplog.set_level(logging.DEBUG)
    response = app.test_client().get(f"/boom/{SECRET}?q={SECRET}")
    assert response.status_code == 500
    private(caplog.text + repr([r.exc_info for r in caplog.records]))
    assert "unhandled ValueError at" in caplog.text and "GET /boom/<word>" in caplog.text


def test_guarded_wsgi_app_500_logged_privately(caplog):
    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        raise RuntimeError(f"{environ['PATH_INFO']} broke")

    seen: list[str] = []
    caplog.set_level(logging.DEBUG)
    body = guarded(app)({"PATH_INFO": f"/{SECRET}"}, lambda status, *rest: seen.append(status))
    assert seen == ["500 Internal Server Error"] and json.loads(b"".join(body))
    private(caplog.text)
    assert "unhandled RuntimeError at" in caplog.text


# --- si-skill serve --dev over real HTTP: werkzeug's request log too ------------------------

@pytest.mark.slow
def test_serve_dev_log_private_over_http(tmp_path, make_envelope):
    log = tmp_path / "serve.log"
    with server(["skill.cli", "serve", "--dev", "--port", "{port}"], log) as base:
        host = base.removeprefix("http://")
        envelope = json.dumps(odd_envelope(make_envelope, f"{SECRET}Intent")).encode()
        assert post(f"{base}/alexa?who={SECRET}", envelope, JSON)[0] == 200
        assert post(f"{base}/api/ask?{SECRET}", json.dumps(
            {"session": None, "text": f"my {SECRET} hurts"}).encode(), JSON)[0] == 200
        for raw in (f"GET /{SECRET} HTTP/1.1", f"{SECRET} /alexa HTTP/1.1",
                    f"GET /alexa {SECRET}/9"):  # unknown path, method, a broken request line
            connection = http.client.HTTPConnection(host, timeout=10)
            connection.connect()
            assert connection.sock is not None
            connection.sock.sendall(f"{raw}\r\nHost: x\r\n\r\n".encode())
            connection.sock.recv(4096)
            connection.close()
    text = log.read_text(errors="replace")
    private(text)
    assert "POST /alexa 200" in text and "POST /api/ask 200" in text
    assert "GET (other path) 404" in text and "a request could not be read" in text

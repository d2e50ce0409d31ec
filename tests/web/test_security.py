"""Every page and API response carries the security headers; the simulator's API takes
application/json only (over real HTTP, and from a cross-site page in real Chromium)."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from skill.web import create_app
from skill.web.security import HEADERS
from tests.support.browser import CHROMIUM, open_page
from tests.support.live import serving


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serving(create_app({"ALEXA_VERIFY": "off"})) as url:
        yield url


def fetch(url: str, data: bytes | None = None, content_type: str | None = None,
          method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = {"Content-Type": content_type} if content_type else {}
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


ASK = json.dumps({"session": None, "text": "can i lift groceries"}).encode()
RESPONSES = {  # every kind of response the service gives
    "page": ("GET", "/", None, None, 200),
    "script": ("GET", "/simulator-static/simulator.js", None, None, 200),
    "stylesheet": ("GET", "/simulator-static/simulator.css", None, None, 200),
    "api session": ("POST", "/api/session", b"{}", "application/json", 200),
    "api ask": ("POST", "/api/ask", ASK, "application/json", 200),
    "api refused": ("POST", "/api/ask", ASK, "text/plain", 415),
    "api bad input": ("POST", "/api/ask", b"{", "application/json", 400),
    "alexa refused": ("POST", "/alexa", b"nope", "application/json", 400),
    "healthz": ("GET", "/healthz", None, None, 200),
    "not found": ("GET", "/nothing-here", None, None, 404),
    "wrong method": ("GET", "/api/ask", None, None, 405),
}


@pytest.mark.parametrize(("method", "path", "data", "content_type", "status"),
                         RESPONSES.values(), ids=RESPONSES.keys())
def test_http_every_response_has_the_security_headers(base, method, path, data,
                                                      content_type, status):
    got, headers, _ = fetch(base + path, data, content_type, method)
    assert got == status
    for name, value in HEADERS.items():
        assert headers.get(name) == value, name


def test_policy_allows_no_inline_script_and_no_framing():
    policy = dict(part.strip().split(" ", 1) for part in
                  HEADERS["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'self'" and "unsafe" not in HEADERS["Content-Security-Policy"]
    assert policy["frame-ancestors"] == "'none'" and HEADERS["X-Frame-Options"] == "DENY"
    assert HEADERS["X-Content-Type-Options"] == "nosniff"
    assert HEADERS["Referrer-Policy"] == "no-referrer"


def test_page_has_no_inline_script_or_style(base):
    _, _, body = fetch(base + "/")
    html = body.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all("src=" in tag for tag in scripts)
    assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html)  # nothing between the tags
    assert not re.search(r"\son[a-z]+\s*=", html) and not re.search(r"\sstyle\s*=", html)


@pytest.mark.parametrize("content_type", [
    None, "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x", "application/jsonx", "text/json",
])
@pytest.mark.parametrize("path", ["/api/ask", "/api/session"])
def test_http_api_refuses_anything_but_json(base, path, content_type):
    status, headers, body = fetch(base + path, ASK, content_type, "POST")
    assert status == 415
    assert json.loads(body) == {"error": "Content-Type must be application/json"}
    assert headers["Content-Type"] == "application/json"


def test_http_api_json_with_charset_answered(base):
    status, _, body = fetch(base + "/api/ask", ASK, "application/json; charset=utf-8", "POST")
    assert status == 200 and "ten pounds" in json.loads(body)["turn"]["speech"]


# --- in the browser ------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium")


@needs_chromium
def test_browser_page_works_under_its_policy_with_no_violation(browser, base):  # noqa: F811
    page = open_page(browser, base + "/")
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    try:
        page.fill("#utterance", "can I lift groceries")
        page.press("#utterance", "Enter")
        page.locator("#transcript > .turn").nth(1).wait_for()
        page.check("#show-raw")
        assert "ten pounds" in page.locator("#transcript > .turn").nth(1).inner_text()
        assert page.evaluate("document.styleSheets.length") == 1  # the stylesheet applied
    finally:
        page.context.close()
    assert not violations


@needs_chromium
def test_browser_cross_site_form_and_fetch_are_refused(browser, base):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    try:
        # A page from anywhere else: a text/plain form (no preflight needed) is refused...
        page.set_content(
            f'<form method="post" action="{base}/api/ask" enctype="text/plain">'
            '<input name=\'{"text": "can i lift groceries", "x": "\' value=\'"}\'>'
            '<button id="go">go</button></form>')
        with page.expect_navigation():
            page.click("#go")
        assert "Content-Type must be application/json" in page.content()
        # ...and a JSON fetch needs a preflight the service never grants.
        page = context.new_page()
        page.set_content("<p>elsewhere</p>")
        outcome = page.evaluate(
            "url => fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'},"
            " body: '{\"text\": \"hi\"}'}).then(r => 'read ' + r.status, e => 'blocked')",
            f"{base}/api/ask")
        assert outcome == "blocked"
    finally:
        context.close()


@needs_chromium
def test_browser_page_cannot_be_framed(browser, base):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(f'<iframe id="f" src="{base}/" '
                         'onload="this.dataset.loaded = 1"></iframe>')
        page.wait_for_function("document.getElementById('f').dataset.loaded")  # blocked or not
        frame = page.frame_locator("#f")
        assert frame.locator("#utterance").count() == 0  # the simulator never rendered
    finally:
        context.close()

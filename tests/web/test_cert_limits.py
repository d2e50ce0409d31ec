"""The certificate fetcher cannot be made to download at will: URLs with a user name, a
query or a fragment are refused, one chain has one cache key, a failure is remembered
for a minute, downloads are rate-limited and shared, and the 3-second deadline covers
the whole download (over real HTTP, against a local certificate host)."""

from __future__ import annotations

import collections
import http.server
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from skill.web import certs, create_app, httpget
from skill.web.alexa import VERIFIER_KEY
from skill.web.certs import CertificateError, CertificateFetcher, check_cert_url
from skill.web.limits import KeyedLocks, Memory, TokenBucket
from skill.web.verify import RequestVerifier
from tests.support.alexa_pki import NOW, SKILL_ID, Pki, body_of, make_pki
from tests.support.config import PHONE
from tests.support.live import post, serving

AMAZON = "https://s3.amazonaws.com/echo.api"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def pki() -> Pki:
    return make_pki()


# --- URL rules ---------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "reason"), [
    ("https://user@s3.amazonaws.com/echo.api/c.pem", "userinfo"),
    ("https://user:secret@s3.amazonaws.com/echo.api/c.pem", "userinfo"),
    ("https://@s3.amazonaws.com/echo.api/c.pem", "userinfo"),
    (f"{AMAZON}/c.pem?x=1", "query"),
    (f"{AMAZON}/c.pem?", "query"),
    (f"{AMAZON}/c.pem#top", "fragment"),
    (f"{AMAZON}/c.pem#", "fragment"),
])
def test_url_with_userinfo_query_or_fragment_refused(url, reason):
    with pytest.raises(CertificateError, match=f"bad certificate url: .*{reason}"):
        check_cert_url(url)


def test_one_chain_one_cache_key(pki):
    fetcher = pki.fetcher()
    pki.extra.clear()
    for spelling in (f"{AMAZON}/c.pem", "HTTPS://S3.AMAZONAWS.COM:443/echo.api/c.pem",
                     f"{AMAZON}//c.pem", f"{AMAZON}/./c.pem", f"{AMAZON}/%63.pem",
                     "https://s3.amazonaws.com/x/../echo.api/c.pem"):
        fetcher.signing_key(spelling, NOW)
    assert pki.extra["fetched"] == [f"{AMAZON}/c.pem"]


# --- failures remembered, downloads rate-limited and shared ------------------------------

def counting_fetch(pki: Pki, fail: bool = False, delay: float = 0.0):  # type: ignore[no-untyped-def]
    calls: list[str] = []

    def fetch(url: str) -> bytes:
        calls.append(url)
        time.sleep(delay)
        if fail:
            raise OSError("unreachable")
        return pki.chain_pem

    return fetch, calls


def test_failure_remembered_for_a_minute(pki):
    clock = Clock()
    fetch, calls = counting_fetch(pki, fail=True)
    fetcher = CertificateFetcher(fetch=fetch, roots=pki.store, clock=clock)
    for _ in range(5):
        with pytest.raises(CertificateError, match="download failed"):
            fetcher.signing_key(f"{AMAZON}/c.pem", NOW)
    clock.now += 59
    with pytest.raises(CertificateError, match="download failed"):
        fetcher.signing_key(f"{AMAZON}/./c.pem", NOW)  # the same URL, spelled otherwise
    assert len(calls) == 1
    clock.now += 2
    with pytest.raises(CertificateError):
        fetcher.signing_key(f"{AMAZON}/c.pem", NOW)
    assert len(calls) == 2


def test_untrusted_chain_is_a_remembered_failure_too(pki):
    stranger = make_pki(root_name="Stranger Root")
    fetch, calls = counting_fetch(stranger)
    fetcher = CertificateFetcher(fetch=fetch, roots=pki.store, clock=Clock())
    for _ in range(3):
        with pytest.raises(CertificateError, match="untrusted"):
            fetcher.signing_key(f"{AMAZON}/c.pem", NOW)
    assert len(calls) == 1


def test_downloads_rate_limited(pki):
    clock = Clock()
    fetch, calls = counting_fetch(pki, fail=True)
    fetcher = CertificateFetcher(fetch=fetch, roots=pki.store, clock=clock)
    reasons = collections.Counter()
    for n in range(25):
        with pytest.raises(CertificateError) as caught:
            fetcher.signing_key(f"{AMAZON}/c-{n}.pem", NOW)
        reasons[str(caught.value)] += 1
    assert len(calls) == certs.DOWNLOADS_PER_MINUTE == 10
    assert reasons == {"certificate download failed": 10,
                       "certificate downloads rate-limited": 15}
    clock.now += 6.0  # one more download a minute / 10
    good = CertificateFetcher(fetch=pki.serve, roots=pki.store, clock=clock)
    good.signing_key(f"{AMAZON}/fresh.pem", NOW)  # another fetcher has its own budget
    with pytest.raises(CertificateError, match="download failed"):
        fetcher.signing_key(f"{AMAZON}/c-24.pem", NOW)  # refused, not remembered: retried
    with pytest.raises(CertificateError, match="rate-limited"):
        fetcher.signing_key(f"{AMAZON}/c-25.pem", NOW)
    assert len(calls) == 11


def test_cached_keys_never_spend_the_download_budget(pki):
    fetch, calls = counting_fetch(pki)
    fetcher = CertificateFetcher(fetch=fetch, roots=pki.store, downloads_per_minute=1,
                                 clock=Clock())
    for _ in range(50):
        fetcher.signing_key(f"{AMAZON}/c.pem", NOW)
    assert len(calls) == 1


def test_threads_missing_the_cache_share_one_download(pki):
    fetch, calls = counting_fetch(pki, delay=0.3)
    fetcher = CertificateFetcher(fetch=fetch, roots=pki.store)
    keys: list[object] = []
    threads = [threading.Thread(target=lambda: keys.append(
        fetcher.signing_key(f"{AMAZON}/c.pem", NOW))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(keys) == 8 and len(calls) == 1


def test_limits_helpers():
    clock = Clock()
    bucket = TokenBucket(2, 60.0, clock)
    assert [bucket.take() for _ in range(3)] == [True, True, False]
    clock.now += 30
    assert bucket.take() and not bucket.take()
    memory: Memory[str, str] = Memory(10.0, 2, clock)
    memory.remember("a", "1")
    memory.remember("b", "2")
    memory.remember("c", "3")
    assert (memory.recall("a"), memory.recall("c")) == (None, "3")
    clock.now += 10
    assert memory.recall("c") is None
    locks: KeyedLocks[str] = KeyedLocks()
    with locks.hold("x"):
        assert len(locks) == 1
    assert len(locks) == 0


# --- the whole download within the deadline ----------------------------------------------

DRIBBLE_SECONDS = 0.5


class CertHost(http.server.BaseHTTPRequestHandler):
    """good.pem, missing*.pem (404), and hosts that dribble: one byte every half second,
    in the headers (dribble-head.pem) or in the body (dribble-body.pem)."""

    chain = b""
    downloads: collections.Counter[str]

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        name = self.path.rsplit("/", 1)[-1]
        self.downloads[name] += 1
        try:
            if name.startswith("missing"):
                self.send_error(404)
            elif name == "dribble-head.pem":
                for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 4000\r\nX-Pad: " + b"x" * 200:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(DRIBBLE_SECONDS)
            else:
                body = self.chain if name != "dribble-body.pem" else b"A" * 4000
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if name != "dribble-body.pem":
                    self.wfile.write(body)
                for byte in body if name == "dribble-body.pem" else b"":
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(DRIBBLE_SECONDS)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up at its deadline, as it should

    def log_message(self, *args: object) -> None:
        pass


class Host:
    def __init__(self, url: str, downloads: collections.Counter[str]) -> None:
        self.url = url
        self.downloads = downloads


@pytest.fixture
def cert_host(pki) -> Iterator[Host]:
    counter: collections.Counter[str] = collections.Counter()
    handler = type("Handler", (CertHost,), {"chain": pki.chain_pem, "downloads": counter})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Host(f"http://127.0.0.1:{server.server_address[1]}", counter)
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.mark.parametrize("name", ["dribble-head.pem", "dribble-body.pem"])
def test_download_deadline_covers_a_dribbling_host(cert_host, name):
    started = time.monotonic()
    with pytest.raises(CertificateError, match="download failed: too slow"):
        certs.download(f"{cert_host.url}/echo.api/{name}", timeout=1.0)
    assert time.monotonic() - started < 1.0 + 1.5  # the deadline, and generous slack


def test_download_deadline_covers_a_silent_server():
    with socket.create_server(("127.0.0.1", 0)) as listener:  # accepts, never answers
        port = listener.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(httpget.FetchError, match="too slow"):
            httpget.get(f"http://127.0.0.1:{port}/x", timeout=0.5, limit=100)
        assert time.monotonic() - started < 0.5 + 1.5


# --- over real HTTP: the verified app, downloading from the local certificate host --------

def app_downloading_from(pki: Pki, origin: str, **limits: int):  # type: ignore[no-untyped-def]
    def fetch(url: str) -> bytes:  # url has passed Amazon's rules; only the host swaps
        return certs.download(url.replace("https://s3.amazonaws.com", origin, 1), timeout=1.0)

    app = create_app({"ALEXA_SKILL_ID": SKILL_ID, "CARE_TEAM_PHONE": PHONE})
    fetcher = CertificateFetcher(fetch=fetch, roots=pki.store, **limits)
    app.extensions[VERIFIER_KEY] = RequestVerifier(skill_id=SKILL_ID, fetcher=fetcher,
                                                   clock=lambda: NOW)
    return app


@pytest.fixture
def lifting(make_envelope) -> bytes:
    return body_of(make_envelope("LiftingIntent", skill_id=SKILL_ID))


def test_http_query_urls_never_download(pki, cert_host, lifting):
    with serving(app_downloading_from(pki, cert_host.url)) as base:
        for n in range(20):
            headers = pki.headers(lifting, url=f"{AMAZON}/good.pem?x={n}")
            status, payload = post(f"{base}/alexa", lifting, headers)
            assert (status, payload) == (400, {"error": "bad certificate url: query or fragment"})
        status, _ = post(f"{base}/alexa", lifting, pki.headers(lifting, url=f"{AMAZON}/good.pem"))
    assert status == 200
    assert sum(cert_host.downloads.values()) == 1


def test_http_failed_url_downloaded_once(pki, cert_host, lifting):
    with serving(app_downloading_from(pki, cert_host.url)) as base:
        for _ in range(10):
            headers = pki.headers(lifting, url=f"{AMAZON}/missing.pem")
            status, payload = post(f"{base}/alexa", lifting, headers)
            assert (status, payload) == (400, {"error": "certificate download failed"})
    assert cert_host.downloads == {"missing.pem": 1}


def test_http_downloads_rate_limited_cached_chain_still_answers(pki, cert_host, lifting):
    with serving(app_downloading_from(pki, cert_host.url, downloads_per_minute=4)) as base:
        good = pki.headers(lifting, url=f"{AMAZON}/good.pem")
        assert post(f"{base}/alexa", lifting, good)[0] == 200
        errors = collections.Counter()
        for n in range(12):
            headers = pki.headers(lifting, url=f"{AMAZON}/missing-{n}.pem")
            errors[post(f"{base}/alexa", lifting, headers)[1]["error"]] += 1
        assert post(f"{base}/alexa", lifting, good)[0] == 200  # from the cache
    assert errors == {"certificate download failed": 3, "certificate downloads rate-limited": 9}
    assert sum(cert_host.downloads.values()) == 4


@pytest.mark.parametrize("name", ["dribble-head.pem", "dribble-body.pem"])
def test_http_dribbling_certificate_host_holds_a_request_no_longer_than_the_deadline(
        pki, cert_host, lifting, name):
    with serving(app_downloading_from(pki, cert_host.url)) as base:
        started = time.monotonic()
        status, payload = post(f"{base}/alexa", lifting,
                               pki.headers(lifting, url=f"{AMAZON}/{name}"))
        took = time.monotonic() - started
    assert (status, payload) == (400, {"error": "certificate download failed: too slow"})
    assert took < 1.0 + 1.5

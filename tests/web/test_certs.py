"""skill.web.certs: the certificate URL rules, the download, the chain checks and the cache."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest

from skill.web import certs
from skill.web.certs import CertificateError, CertificateFetcher, check_cert_url
from tests.support.alexa_pki import CERT_URL, DAY, NOW, make_pki


@pytest.fixture(scope="module")
def pki():
    return make_pki()


@pytest.mark.parametrize("url", [
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
    "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/./echo-api-cert.pem",
])
def test_check_cert_url_amazon_forms_accepted(url):
    assert check_cert_url(url) == (
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"
    )


@pytest.mark.parametrize(("url", "reason"), [
    ("http://s3.amazonaws.com/echo.api/echo-api-cert.pem", "scheme"),
    ("ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem", "scheme"),
    ("https://notamazon.com/echo.api/echo-api-cert.pem", "host"),
    ("https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem", "host"),
    ("https://s3.amazonaws.com@evil.example/echo.api/echo-api-cert.pem", "host"),
    ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", "path"),
    ("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", "path"),
    ("https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem", "path"),
    ("https://s3.amazonaws.com/echo.api/%2e%2e/invalid.path/cert.pem", "path"),
    ("https://s3.amazonaws.com/echo.api", "path"),
    ("https://s3.amazonaws.com", "path"),
    ("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem", "port"),
    ("https://s3.amazonaws.com:80/echo.api/echo-api-cert.pem", "port"),
    ("https://s3.amazonaws.com:99999/echo.api/echo-api-cert.pem", ""),
    ("", "scheme"),
])
def test_check_cert_url_rule_broken_rejected(url, reason):
    with pytest.raises(CertificateError, match="bad certificate url") as caught:
        check_cert_url(url)
    assert reason in str(caught.value)


def test_signing_key_good_chain_is_the_leaf_key(pki):
    key = pki.fetcher().signing_key(CERT_URL, NOW)
    assert key.public_numbers() == pki.leaf_key.public_key().public_numbers()


@pytest.mark.parametrize(("kwargs", "reason"), [
    ({"not_after": NOW - DAY}, "certificate expired"),
    ({"not_before": NOW + DAY}, "certificate not yet valid"),
    ({"san": "www.amazon.com"}, "lacks echo-api.amazon.com"),
    ({"san": "echo-api.amazon.com.evil.example"}, "lacks echo-api.amazon.com"),
])
def test_signing_key_bad_leaf_rejected(kwargs, reason):
    bad = make_pki(**kwargs)
    with pytest.raises(CertificateError, match=reason):
        bad.fetcher().signing_key(CERT_URL, NOW)


def test_signing_key_untrusted_root_rejected(pki):
    stranger = make_pki(root_name="Some Other Root")
    fetcher = CertificateFetcher(fetch=lambda url: stranger.chain_pem, roots=pki.store)
    with pytest.raises(CertificateError, match="untrusted certificate chain"):
        fetcher.signing_key(CERT_URL, NOW)


def test_signing_key_missing_intermediate_rejected(pki):
    leaf_only = pki.chain_pem.split(b"-----END CERTIFICATE-----")[0] + (
        b"-----END CERTIFICATE-----\n")
    fetcher = pki.fetcher(fetch=lambda url: leaf_only)
    with pytest.raises(CertificateError, match="untrusted certificate chain"):
        fetcher.signing_key(CERT_URL, NOW)


def test_signing_key_public_roots_do_not_trust_test_chain(pki):
    fetcher = CertificateFetcher(fetch=pki.serve)  # certifi's bundle
    with pytest.raises(CertificateError, match="untrusted certificate chain"):
        fetcher.signing_key(CERT_URL, NOW)


@pytest.mark.parametrize("payload", [b"", b"not a certificate", b"-----BEGIN CERTIFICATE-----\nxx"])
def test_signing_key_unreadable_chain_rejected(pki, payload):
    with pytest.raises(CertificateError, match="unreadable"):
        pki.fetcher(fetch=lambda url: payload).signing_key(CERT_URL, NOW)


@pytest.mark.parametrize("error", [TimeoutError("timed out"), OSError("refused"),
                                   RuntimeError("anything")])
def test_signing_key_download_failure_rejected(pki, error):
    def fetch(url: str) -> bytes:
        raise error

    with pytest.raises(CertificateError, match="certificate download failed"):
        pki.fetcher(fetch=fetch).signing_key(CERT_URL, NOW)


def test_signing_key_oversize_chain_rejected(pki):
    huge = pki.chain_pem + b"\n" * certs.MAX_CHAIN_BYTES
    with pytest.raises(CertificateError, match="too large"):
        pki.fetcher(fetch=lambda url: huge).signing_key(CERT_URL, NOW)


def test_signing_key_bad_url_never_fetched(pki):
    pki.extra.clear()
    with pytest.raises(CertificateError):
        pki.fetcher().signing_key("http://s3.amazonaws.com/echo.api/x.pem", NOW)
    assert "fetched" not in pki.extra


def test_signing_key_cached_by_url_until_leaf_expires():
    pki = make_pki(not_after=NOW + DAY)
    fetcher = pki.fetcher()
    for _ in range(3):
        fetcher.signing_key(CERT_URL, NOW)
    # The same URL spelled another way is the same cache entry.
    fetcher.signing_key("HTTPS://S3.amazonaws.com:443/echo.api/./echo-api-cert-test.pem", NOW)
    assert pki.extra["fetched"] == [CERT_URL]
    with pytest.raises(CertificateError, match="expired"):
        fetcher.signing_key(CERT_URL, NOW + 2 * DAY)
    assert len(pki.extra["fetched"]) == 2


def test_signing_key_cache_bounded(pki):
    fetcher = CertificateFetcher(fetch=pki.serve, roots=pki.store, max_entries=2)
    for n in range(5):
        fetcher.signing_key(f"https://s3.amazonaws.com/echo.api/cert-{n}.pem", NOW)
    assert len(fetcher) == 2


def test_signing_key_threads_share_one_fetcher(pki):
    fetcher = pki.fetcher()
    keys, errors = [], []

    def work() -> None:
        try:
            for _ in range(20):
                keys.append(fetcher.signing_key(CERT_URL, NOW))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(keys) == 160 and len(fetcher) == 1


# --- the real download function, against a local HTTP server ---------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/slow":
            time.sleep(1.0)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/chain")
            self.end_headers()
            return
        if self.path == "/missing":
            self.send_error(404)
            return
        body = b"x" * (certs.MAX_CHAIN_BYTES + 10) if self.path == "/huge" else b"PEM"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its size cap, as it should

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def origin() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_download_returns_body(origin):
    assert certs.download(f"{origin}/chain") == b"PEM"


@pytest.mark.parametrize(("path", "reason"), [
    ("/huge", "too large"),
    ("/missing", "download failed"),
    ("/redirect", "download failed"),
])
def test_download_refuses(origin, path, reason):
    with pytest.raises(CertificateError, match=reason):
        certs.download(f"{origin}{path}")


def test_download_times_out(origin):
    started = time.monotonic()
    with pytest.raises(CertificateError, match="download failed"):
        certs.download(f"{origin}/slow", timeout=0.2)
    assert time.monotonic() - started < 0.9


def test_download_unreachable_host_fails():
    with pytest.raises(CertificateError, match="download failed"):
        certs.download("http://127.0.0.1:9/chain", timeout=0.5)


def test_public_roots_all_of_certifi_including_amazon():
    import certifi

    with open(certifi.where(), "rb") as bundle:
        shipped = bundle.read().count(b"-----BEGIN CERTIFICATE-----")
    roots = certs.public_roots()  # without warnings (pytest turns them into errors)
    names = {root.subject.rfc4514_string() for root in roots}
    assert len(roots) == shipped
    assert "CN=Amazon Root CA 1,O=Amazon,C=US" in names
    assert certs.certifi_store() is certs.certifi_store()


def test_cache_expiry_uses_leaf_not_after(pki):
    fetcher = pki.fetcher()
    fetcher.signing_key(CERT_URL, NOW)
    later = pki.leaf.not_valid_after_utc - timedelta(seconds=1)
    fetcher.signing_key(CERT_URL, later)
    assert len(fetcher) == 1

"""Amazon's signing certificate for Alexa requests: where it may come from, how it is
downloaded, how its chain is checked, and a cache of the checked ones.

Alexa signs every request to a self-hosted endpoint and names, in the
``SignatureCertChainUrl`` header, a PEM chain on S3. Before its key may be trusted:

* the URL must be https://s3.amazonaws.com[:443]/echo.api/... once normalized;
* the chain must lead to a trusted root (certifi's bundle unless told otherwise);
* the leaf must be in date and carry ``echo-api.amazon.com`` in its SAN.

A checked chain is cached by URL until its leaf expires, so a busy server downloads it
once. The download function and the trust store are injectable for tests.
"""

from __future__ import annotations

import logging
import posixpath
import threading
import time
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Final
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import certifi
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.verification import PolicyBuilder, Store
from cryptography.x509.verification import VerificationError as ChainError

log = logging.getLogger(__name__)

SIGNING_NAME: Final = "echo-api.amazon.com"
CERT_HOST: Final = "s3.amazonaws.com"
CERT_PATH_PREFIX: Final = "/echo.api/"
# Amazon's chain (leaf + intermediates, PEM) is about 5 KB; 64 KB leaves room for a
# longer chain and still stops a slow or hostile download early.
MAX_CHAIN_BYTES: Final = 64 * 1024
# Alexa waits 8 s for the whole answer; a certificate download may use part of it.
FETCH_TIMEOUT: Final = 3.0
# Amazon rotates one signing certificate at a time; a handful of URLs is plenty.
CACHE_ENTRIES: Final = 16

Fetch = Callable[[str], bytes]


class CertificateError(Exception):
    """The signing certificate failed a check; ``str()`` is the short public reason."""


def check_cert_url(url: str) -> str:
    """The normalized certificate URL, or CertificateError when Amazon's rules refuse it.

    Scheme and host compare case-insensitively; the path, after resolving ``.``/``..``
    (percent-encoded ones too), must start with ``/echo.api/`` exactly; a port, if
    given, must be 443.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise CertificateError("bad certificate url") from exc
    if parts.scheme.lower() != "https":
        raise CertificateError("bad certificate url: scheme")
    if (parts.hostname or "") != CERT_HOST:  # .hostname is lower-cased already
        raise CertificateError("bad certificate url: host")
    if port not in (None, 443):
        raise CertificateError("bad certificate url: port")
    raw_path = unquote(parts.path)
    path = posixpath.normpath(raw_path) if raw_path else ""
    if not path.startswith(CERT_PATH_PREFIX):
        raise CertificateError("bad certificate url: path")
    return urlunsplit(("https", CERT_HOST, quote(path), parts.query, ""))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """The checked URL is the one fetched: a redirect elsewhere is a failure."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def download(url: str, timeout: float = FETCH_TIMEOUT, limit: int = MAX_CHAIN_BYTES) -> bytes:
    """GET ``url`` with a timeout and a size cap; CertificateError on any failure."""
    deadline = time.monotonic() + timeout
    data = b""
    try:
        with _opener.open(url, timeout=timeout) as response:
            if response.status != 200:
                raise CertificateError("certificate download failed")
            # ``timeout`` bounds each socket wait; the deadline bounds a slow trickle.
            while len(data) <= limit:
                chunk = response.read(min(8192, limit + 1 - len(data)))
                if not chunk:
                    break
                data += chunk
                if time.monotonic() > deadline:
                    raise CertificateError("certificate download failed: too slow")
    except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts are OSErrors
        raise CertificateError("certificate download failed") from exc
    if len(data) > limit:
        raise CertificateError("certificate chain too large")
    return data


_PEM_END: Final = b"-----END CERTIFICATE-----"


@cache
def certifi_store() -> Store:
    """The public roots from certifi's bundle (loaded once per process)."""
    return Store(list(public_roots()))


@cache
def public_roots() -> tuple[x509.Certificate, ...]:
    """Every root in certifi's bundle that loads.

    Loaded one certificate at a time. A few roots have a non-positive serial number,
    Starfield's among them (it cross-signs Amazon Root CA 1): cryptography warns about
    those and may refuse them some day. They are kept while they load, and a root that
    no longer loads is skipped instead of breaking the whole store.
    """
    roots: list[x509.Certificate] = []
    for block in Path(certifi.where()).read_bytes().split(_PEM_END):
        if b"-----BEGIN CERTIFICATE-----" not in block:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            try:
                roots.append(x509.load_pem_x509_certificate(block + _PEM_END))
            except ValueError:
                log.debug("skipped a root certifi ships that does not load")
    return tuple(roots)


def load_chain(pem: bytes) -> list[x509.Certificate]:
    """Leaf first, then intermediates, as Amazon publishes them."""
    try:
        certs = x509.load_pem_x509_certificates(pem)
    except ValueError as exc:
        raise CertificateError("certificate chain unreadable") from exc
    if not certs:
        raise CertificateError("certificate chain unreadable")
    return certs


def check_leaf(leaf: x509.Certificate, now: datetime) -> None:
    """Dates and subject name of the signing certificate itself."""
    if now < leaf.not_valid_before_utc:
        raise CertificateError("certificate not yet valid")
    if now > leaf.not_valid_after_utc:
        raise CertificateError("certificate expired")
    try:
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound as exc:
        raise CertificateError("certificate lacks echo-api.amazon.com") from exc
    if SIGNING_NAME not in (name.lower() for name in san.get_values_for_type(x509.DNSName)):
        raise CertificateError("certificate lacks echo-api.amazon.com")


def verify_chain(certs: list[x509.Certificate], roots: Store, now: datetime) -> RSAPublicKey:
    """Check the chain to a trusted root (path building, signatures, dates, name
    constraints, key usage, via cryptography's verifier) and return the leaf's key."""
    leaf, intermediates = certs[0], certs[1:]
    check_leaf(leaf, now)
    verifier = PolicyBuilder().store(roots).time(now).build_server_verifier(
        x509.DNSName(SIGNING_NAME)
    )
    try:
        verifier.verify(leaf, intermediates)
    except ChainError as exc:
        log.debug("certificate chain rejected: %s", exc)
        raise CertificateError("untrusted certificate chain") from exc
    key = leaf.public_key()
    if not isinstance(key, RSAPublicKey):
        raise CertificateError("certificate key is not RSA")
    return key


class CertificateFetcher:
    """Signing keys by certificate URL: downloaded, checked, cached until the leaf expires.

    Thread-safe: gunicorn threads and Flask's threaded server share one instance. Two
    threads missing the cache at once may both download; both get the same answer.
    """

    def __init__(self, fetch: Fetch = download, roots: Store | None = None,
                 max_entries: int = CACHE_ENTRIES) -> None:
        self._fetch = fetch
        self._roots = roots
        self._max = max_entries
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[RSAPublicKey, datetime]] = OrderedDict()

    @property
    def roots(self) -> Store:
        return self._roots if self._roots is not None else certifi_store()

    def signing_key(self, url: str, now: datetime) -> RSAPublicKey:
        """The checked leaf key for the chain at ``url`` (CertificateError if none)."""
        url = check_cert_url(url)
        with self._lock:
            cached = self._cache.get(url)
            if cached is not None and now <= cached[1]:
                self._cache.move_to_end(url)
                return cached[0]
            self._cache.pop(url, None)
        try:
            pem = self._fetch(url)
        except CertificateError:
            raise
        except Exception as exc:  # an injected fetch may raise anything; treat as failure
            raise CertificateError("certificate download failed") from exc
        if len(pem) > MAX_CHAIN_BYTES:
            raise CertificateError("certificate chain too large")
        certs = load_chain(pem)
        key = verify_chain(certs, self.roots, now)
        with self._lock:
            self._cache[url] = (key, certs[0].not_valid_after_utc)
            while len(self._cache) > self._max:
                self._cache.popitem(last=False)
        log.info("signing certificate checked and cached")
        return key

    def __len__(self) -> int:
        with self._lock:
            return len(self._cache)

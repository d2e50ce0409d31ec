"""Amazon's signing certificate for Alexa requests: where it may come from, how it is
downloaded, how its chain is checked, and a cache of the checked ones.

Alexa signs every request to a self-hosted endpoint and names, in the
``SignatureCertChainUrl`` header, a PEM chain on S3. Before its key may be trusted:

* the URL must be https://s3.amazonaws.com[:443]/echo.api/... once normalized, with no
  user name, query or fragment (Amazon never sends them);
* the chain must lead to a trusted root (certifi's bundle unless told otherwise);
* the leaf must be in date and carry ``echo-api.amazon.com`` in its SAN.

A checked chain is cached by its normalized URL until its leaf expires, so a busy server
downloads it once. Requests cannot turn the fetcher into a download machine: a URL that
failed is refused without a download for a minute, downloads are rate-limited, one URL
is downloaded by one thread at a time, and the 3-second deadline covers the whole
download. The download function, trust store and clock are injectable for tests.
"""

from __future__ import annotations

import logging
import posixpath
import threading
import time
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

from skill.web import httpget
from skill.web.limits import Clock, KeyedLocks, Memory, TokenBucket

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
# A URL whose chain could not be had or checked is refused without a download this long.
FAILURE_SECONDS: Final = 60.0
# Outbound downloads per process: a burst of this many, then this many a minute.
DOWNLOADS_PER_MINUTE: Final = 10

Fetch = Callable[[str], bytes]


class CertificateError(Exception):
    """The signing certificate failed a check; ``str()`` is the short public reason."""


def check_cert_url(url: str) -> str:
    """The normalized certificate URL, or CertificateError when Amazon's rules refuse it.

    Scheme and host compare case-insensitively; the path, after resolving ``.``/``..``
    (percent-encoded ones too), must start with ``/echo.api/`` exactly; a port, if
    given, must be 443. A user name, a query or a fragment is refused: Amazon never
    sends them, and each would make one chain look like many URLs.
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
    if "@" in parts.netloc:
        raise CertificateError("bad certificate url: userinfo")
    if "?" in url or "#" in url:
        raise CertificateError("bad certificate url: query or fragment")
    if port not in (None, 443):
        raise CertificateError("bad certificate url: port")
    raw_path = unquote(parts.path)
    path = posixpath.normpath(raw_path) if raw_path else ""
    if not path.startswith(CERT_PATH_PREFIX):
        raise CertificateError("bad certificate url: path")
    return urlunsplit(("https", CERT_HOST, quote(path), "", ""))


def download(url: str, timeout: float = FETCH_TIMEOUT, limit: int = MAX_CHAIN_BYTES) -> bytes:
    """GET ``url``, all of it within ``timeout`` seconds and at most ``limit`` bytes,
    redirects refused; CertificateError on any failure."""
    try:
        return httpget.get(url, timeout=timeout, limit=limit)
    except httpget.FetchError as exc:
        if str(exc) == "too large":
            raise CertificateError("certificate chain too large") from exc
        reason = ": too slow" if str(exc) == "too slow" else ""
        raise CertificateError(f"certificate download failed{reason}") from exc


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

    Thread-safe: a server's threads share one instance. Threads missing the cache for
    one URL wait for a single download; a URL that failed is refused for
    ``failure_seconds`` without another; at most ``downloads_per_minute`` downloads a
    minute (after a burst of as many), the rest refused.
    """

    def __init__(self, fetch: Fetch = download, roots: Store | None = None,
                 max_entries: int = CACHE_ENTRIES, *, failure_seconds: float = FAILURE_SECONDS,
                 downloads_per_minute: int = DOWNLOADS_PER_MINUTE,
                 clock: Clock = time.monotonic) -> None:
        self._fetch = fetch
        self._roots = roots
        self._max = max_entries
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[RSAPublicKey, datetime]] = OrderedDict()
        self._failures: Memory[str, str] = Memory(failure_seconds, 4 * max_entries, clock)
        self._downloads = TokenBucket(downloads_per_minute, 60.0, clock)
        self._one_download = KeyedLocks[str]()

    @property
    def roots(self) -> Store:
        return self._roots if self._roots is not None else certifi_store()

    def signing_key(self, url: str, now: datetime) -> RSAPublicKey:
        """The checked leaf key for the chain at ``url`` (CertificateError if none)."""
        url = check_cert_url(url)  # normalized: one chain, one cache key
        key = self._known(url, now)
        if key is not None:
            return key
        with self._one_download.hold(url):
            return self._known(url, now) or self._load(url, now)

    def _known(self, url: str, now: datetime) -> RSAPublicKey | None:
        """The cached key; None to download; CertificateError if it failed lately."""
        with self._lock:
            cached = self._cache.get(url)
            if cached is not None and now <= cached[1]:
                self._cache.move_to_end(url)
                return cached[0]
            self._cache.pop(url, None)
        failed = self._failures.recall(url)
        if failed is not None:
            raise CertificateError(failed)
        return None

    def _load(self, url: str, now: datetime) -> RSAPublicKey:
        if not self._downloads.take():
            log.warning("certificate download refused: over %d a minute",
                        self._downloads.capacity)
            raise CertificateError("certificate downloads rate-limited")
        try:
            try:
                pem = self._fetch(url)
            except CertificateError:
                raise
            except Exception as exc:  # an injected fetch may raise anything: a failure
                raise CertificateError("certificate download failed") from exc
            if len(pem) > MAX_CHAIN_BYTES:
                raise CertificateError("certificate chain too large")
            certs = load_chain(pem)
            key = verify_chain(certs, self.roots, now)
        except CertificateError as exc:
            self._failures.remember(url, str(exc))
            raise
        with self._lock:
            self._cache[url] = (key, certs[0].not_valid_after_utc)
            while len(self._cache) > self._max:
                self._cache.popitem(last=False)
        log.info("signing certificate checked and cached")
        return key

    def __len__(self) -> int:
        with self._lock:
            return len(self._cache)

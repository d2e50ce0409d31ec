"""Is this HTTP request really from Alexa, for this skill, and fresh?

``RequestVerifier.verify(headers, body)`` runs Amazon's checks for a self-hosted
endpoint, in order, and returns the parsed envelope or raises ``RequestRejected``
with a short reason safe to send back and to log (never anything the user said):

1. the ``SignatureCertChainUrl`` and its chain (see ``skill.certs``);
2. ``Signature-256``: RSA PKCS#1 v1.5 with SHA-256 over the raw body bytes;
3. the body is a JSON object (nested at most ``jsonsafe.MAX_DEPTH`` deep) shaped like a
   request envelope;
4. ``request.timestamp`` within 150 seconds of now;
5. the application id equals the configured skill id, when one is configured.

Checks 1, 2 and 4 can be switched off for local tools (``ALEXA_VERIFY=off``); the
shape and skill-id checks always run.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any, Final, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from skill import jsonsafe
from skill.jsonsafe import JSONRejected
from skill.web.certs import CertificateError, CertificateFetcher

CERT_URL_HEADER: Final = "SignatureCertChainUrl"
SIGNATURE_HEADER: Final = "Signature-256"
# Amazon's documented tolerance between the request timestamp and the server clock.
MAX_SKEW: Final = timedelta(seconds=150)
# A 2048-bit RSA signature is 256 bytes (344 base64 characters); anything far longer
# is not a signature, so refuse it before decoding.
MAX_SIGNATURE_CHARS: Final = 2048

Clock = Callable[[], datetime]


class Headers(Protocol):
    """What is needed of request headers (werkzeug's ``Headers`` is case-insensitive)."""

    def get(self, key: str) -> str | None: ...


class RequestRejected(Exception):
    """The request failed a check; ``str()`` is the short public reason."""


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def check_signature(key: RSAPublicKey, signature_b64: str, body: bytes) -> None:
    """``Signature-256`` is base64 of RSA PKCS#1 v1.5 / SHA-256 over the exact body."""
    if len(signature_b64) > MAX_SIGNATURE_CHARS:
        raise RequestRejected("bad signature")
    try:
        signature = base64.b64decode(signature_b64.strip(), validate=True)
        key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
    except (binascii.Error, ValueError, InvalidSignature) as exc:
        raise RequestRejected("bad signature") from exc


def parse_envelope(body: bytes) -> dict[str, Any]:
    """The JSON object, with a ``request`` object that names its ``type``."""
    try:
        envelope = jsonsafe.loads(body)
    except JSONRejected as exc:
        raise RequestRejected("body is nested too deeply" if exc.too_deep
                              else "body is not JSON") from exc
    if not isinstance(envelope, dict):
        raise RequestRejected("body is not a request envelope")
    request = envelope.get("request")
    if not isinstance(request, dict) or not isinstance(request.get("type"), str):
        raise RequestRejected("missing request type")
    return envelope


def request_time(envelope: Mapping[str, Any]) -> datetime:
    """``request.timestamp``: ISO 8601 (Alexa's usual form) or epoch milliseconds."""
    value = envelope["request"].get("timestamp")
    try:
        if isinstance(value, str):
            stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return datetime.fromtimestamp(value / 1000, timezone.utc)
    except (ValueError, OverflowError, OSError) as exc:
        raise RequestRejected("bad timestamp") from exc
    raise RequestRejected("missing timestamp")


def check_timestamp(envelope: Mapping[str, Any], now: datetime) -> None:
    if abs(now - request_time(envelope)) > MAX_SKEW:
        raise RequestRejected("stale or future timestamp")


def application_ids(envelope: Mapping[str, Any]) -> list[object]:
    """Every application id the envelope carries (context.System and session)."""
    found: list[object] = []
    context = envelope.get("context")
    system = context.get("System") if isinstance(context, dict) else None
    for holder in (system, envelope.get("session")):
        application = holder.get("application") if isinstance(holder, dict) else None
        if isinstance(application, dict) and "applicationId" in application:
            found.append(application["applicationId"])
    return found


def check_application_id(envelope: Mapping[str, Any], expected: str | None) -> None:
    """With a configured skill id, every id in the envelope must equal it (and one must
    be there); without one, any skill may call (local tools, the simulator)."""
    if expected is None:
        return
    found = application_ids(envelope)
    if not found or any(value != expected for value in found):
        raise RequestRejected("wrong skill id")


class RequestVerifier:
    """All checks for one deployment: its skill id, its fetcher, whether signature and
    timestamp checks run (``check_signature``), and a clock tests can set."""

    def __init__(self, *, skill_id: str | None = None, check_signature: bool = True,
                 fetcher: CertificateFetcher | None = None, clock: Clock = utc_now) -> None:
        self.skill_id = skill_id
        self.check_signature = check_signature
        self.fetcher = fetcher if fetcher is not None else CertificateFetcher()
        self.clock = clock

    def verify(self, headers: Headers, body: bytes) -> dict[str, Any]:
        now = self.clock()
        if self.check_signature:
            self._check_signed(headers, body, now)
        envelope = parse_envelope(body)
        if self.check_signature:
            check_timestamp(envelope, now)
        check_application_id(envelope, self.skill_id)
        return envelope

    def _check_signed(self, headers: Headers, body: bytes, now: datetime) -> None:
        url = headers.get(CERT_URL_HEADER)
        signature = headers.get(SIGNATURE_HEADER)
        if not url:
            raise RequestRejected("missing certificate url")
        if not signature:
            # Only the legacy SHA-1 ``Signature`` header is not enough.
            raise RequestRejected("missing Signature-256")
        try:
            key = self.fetcher.signing_key(url, now)
        except CertificateError as exc:
            raise RequestRejected(str(exc)) from exc
        check_signature(key, signature, body)

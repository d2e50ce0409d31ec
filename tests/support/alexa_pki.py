"""A private PKI shaped like Amazon's, for the request-verification tests.

A root CA, an intermediate and a leaf for ``echo-api.amazon.com`` (or whatever a test
asks for), all made with ``cryptography``; a trust store holding only that root; a
fetch function the tests control; and a signer for request bodies.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from cryptography.x509.verification import Store

from skill.web.certs import CertificateFetcher

CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"
SKILL_ID = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555"
# Fixed "now" for deterministic certificate dates and timestamps.
NOW = datetime(2030, 6, 1, 12, 0, 0, tzinfo=timezone.utc)
DAY = timedelta(days=1)


@cache
def rsa_key(name: str) -> rsa.RSAPrivateKey:
    """One 2048-bit key per role, made once per test session (cryptography's verifier
    refuses RSA keys under 2048 bits, as the web PKI does)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test PKI"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _ca(subject: str, key: rsa.RSAPrivateKey, issuer: str, issuer_key: rsa.RSAPrivateKey,
        path_length: int | None) -> x509.Certificate:
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject)).issuer_name(_name(issuer))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(NOW - 3650 * DAY).not_valid_after(NOW + 3650 * DAY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            issuer_key.public_key()), critical=False)
    )
    return builder.sign(issuer_key, hashes.SHA256())


@dataclass
class Pki:
    """Root -> intermediate -> leaf. ``chain_pem`` is what Amazon publishes at the URL."""

    root: x509.Certificate
    intermediate: x509.Certificate
    leaf: x509.Certificate
    leaf_key: rsa.RSAPrivateKey
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def chain_pem(self) -> bytes:
        return b"".join(c.public_bytes(serialization.Encoding.PEM)
                        for c in (self.leaf, self.intermediate))

    @property
    def store(self) -> Store:
        return Store([self.root])

    def sign(self, body: bytes, key: rsa.RSAPrivateKey | None = None) -> str:
        signature = (key or self.leaf_key).sign(body, padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(signature).decode("ascii")

    def headers(self, body: bytes, url: str = CERT_URL) -> dict[str, str]:
        return {"SignatureCertChainUrl": url, "Signature-256": self.sign(body),
                "Content-Type": "application/json"}

    def fetcher(self, fetch: Callable[[str], bytes] | None = None,
                store: Store | None = None) -> CertificateFetcher:
        return CertificateFetcher(fetch=fetch or self.serve, roots=store or self.store)

    def serve(self, url: str) -> bytes:
        """The fetch function: the chain, for any URL the rules let through."""
        self.extra.setdefault("fetched", []).append(url)
        return self.chain_pem


def make_pki(*, san: str = "echo-api.amazon.com", not_before: datetime = NOW - 30 * DAY,
             not_after: datetime = NOW + 300 * DAY, root_name: str = "Test Root CA",
             leaf_key_name: str = "leaf") -> Pki:
    root_key, inter_key, leaf_key = rsa_key(root_name), rsa_key("intermediate"), rsa_key(
        leaf_key_name)
    root = _ca(root_name, root_key, root_name, root_key, path_length=None)
    inter = _ca("Test Intermediate CA", inter_key, root_name, root_key, path_length=0)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name(san)).issuer_name(inter.subject)
        .public_key(leaf_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(san)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=True,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH,
                                              ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            inter_key.public_key()), critical=False)
        .sign(inter_key, hashes.SHA256())
    )
    return Pki(root=root, intermediate=inter, leaf=leaf, leaf_key=leaf_key)


def timestamp(when: datetime = NOW) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def body_of(envelope: dict[str, Any], when: datetime = NOW) -> bytes:
    """The envelope as Alexa would send it, stamped ``when``."""
    envelope = json.loads(json.dumps(envelope))
    envelope["request"]["timestamp"] = timestamp(when)
    return json.dumps(envelope).encode("utf-8")

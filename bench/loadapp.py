"""The app bench/load.py serves with the production server:
``python -m skill.web.server --app loadapp:make_app`` (run from bench/).

It is the production app (``skill.web.production.create_production_app()`` from the
environment, as ``si-skill serve --production`` runs it: request verification ON,
certificate URL rules, chain, dates, SAN, Signature-256, timestamp, skill id required)
with one change, made here and not in the package: the certificate
fetcher trusts only the bench's test root and downloads from the bench's local
certificate server instead of s3.amazonaws.com. Amazon's URL rules still run on every
request before the host is swapped, so the bench signs with the usual
``https://s3.amazonaws.com/echo.api/...`` URL.

The package itself has no such hook, so nothing in production can be pointed at
another trust store or host by configuration.

    BENCH_TRUST_ROOT   path of the test root certificate (PEM)
    BENCH_CERT_ORIGIN  http://127.0.0.1:PORT serving the chain under /echo.api/
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography import x509
from cryptography.x509.verification import Store
from flask import Flask

from skill.web.alexa import VERIFIER_KEY
from skill.web.certs import CERT_HOST, CertificateFetcher, download
from skill.web.production import create_production_app
from skill.web.verify import RequestVerifier


def make_app() -> Flask:
    app = create_production_app()  # from the environment, exactly as skill.web.wsgi
    settings = app.config["SKILL_CONFIG"]
    root = x509.load_pem_x509_certificate(Path(os.environ["BENCH_TRUST_ROOT"]).read_bytes())
    origin = os.environ["BENCH_CERT_ORIGIN"]

    def fetch(url: str) -> bytes:  # url has passed check_cert_url: https://s3.amazonaws.com/...
        return download(url.replace(f"https://{CERT_HOST}", origin, 1))

    app.extensions[VERIFIER_KEY] = RequestVerifier(
        skill_id=settings.skill_id, fetcher=CertificateFetcher(fetch=fetch, roots=Store([root])))
    return app

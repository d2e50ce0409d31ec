"""Request fields as the log may show them: validated, or replaced by a keyed hash.

The log never carries a request field verbatim, in any mode: not what the user said,
not a user, session or device id, and not an id or name a caller made up (in dev mode
anyone can post an envelope whose request id or intent name is a sentence).

* ``request_id(value)``: Amazon's shape (``amzn1.echo-api.request.<uuid>``) is shown as
  it is, since it can hold nothing but a uuid; anything else becomes ``h:<12 hex>``, an
  HMAC under a key made fresh in each process, so equal values still match up within
  one log but the value cannot be recovered (or guessed and checked) from it.
* ``known(value, names)``: a name from our own list (an intent in intents/), or ``other``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Container
from typing import Final

_REQUEST_ID: Final = re.compile(
    r"amzn1\.echo-api\.request\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_KEY: Final = os.urandom(16)


def digest(value: object) -> str:
    """``h:`` and 12 hex digits of a per-process HMAC of ``value``. (``hashlib`` loads
    OpenSSL: imported here, when a log line first needs it, not at a cold start.)"""
    import hashlib
    import hmac

    data = str(value).encode("utf-8", "surrogatepass")
    return "h:" + hmac.new(_KEY, data, hashlib.sha256).hexdigest()[:12]


def request_id(value: object) -> str:
    if isinstance(value, str) and _REQUEST_ID.fullmatch(value):
        return value
    return digest(value)


def known(value: object, names: Container[str]) -> str:
    return value if isinstance(value, str) and value in names else "other"

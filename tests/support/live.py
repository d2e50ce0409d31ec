"""Real HTTP for the tests: an app behind werkzeug's server, and a urllib client."""

from __future__ import annotations

import contextlib
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

from flask import Flask
from werkzeug.serving import make_server


@contextlib.contextmanager
def serving(app: Flask) -> Iterator[str]:
    """``app`` behind werkzeug's threaded server on a free local port; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """POST ``body``; the status and the JSON answer, error statuses included."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


def post_json(url: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    return post(url, json.dumps(payload).encode(), {"Content-Type": "application/json"})

"""What every response and every log line of the web service carries, and what not.

* Every response (pages, static files, JSON, errors) gets ``HEADERS``: a
  Content-Security-Policy that allows only the page's own script and stylesheet (no
  inline script, no framing, forms post nowhere), ``X-Frame-Options: DENY``,
  ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer``.
* ``require_json``: the simulator's API takes ``application/json`` only. A cross-site
  ``<form>`` can send text/plain or form data without asking; JSON from another origin
  needs a CORS preflight, which this service never grants.
* Logs name a route by its rule (``/alexa``, ``/simulator-static/<path:filename>``),
  never the path or query a client sent: ``PrivateFlask`` for unhandled exceptions,
  ``QuietRequestHandler`` for werkzeug's request log (``si-skill serve``) and
  ``guarded`` around the app for waitress (production).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any, Final

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.serving import WSGIRequestHandler

log = logging.getLogger(__name__)
_werkzeug = logging.getLogger("werkzeug")  # where werkzeug's own request log goes

HEADERS: Final = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
METHODS: Final = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"})

ExcInfo = tuple[type[BaseException], BaseException, TracebackType] | tuple[None, None, None]
StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def init_app(app: Flask) -> None:
    app.after_request(add_headers)


def add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def require_json() -> tuple[Response, int] | None:
    """A blueprint's ``before_request``: a POST must say ``application/json``."""
    if request.method == "POST" and request.mimetype != "application/json":
        return jsonify(error="Content-Type must be application/json"), 415
    return None


def route_of(app: Flask, path: str, method: str) -> str:
    """The rule ``path`` matches (never the path itself), or ``(other path)``."""
    try:
        rule, _ = app.url_map.bind("localhost").match(path, method, return_rule=True)
    except HTTPException:  # not found, wrong method, a redirect
        return "(other path)"
    return str(rule.rule)


def where(tb: TracebackType | None) -> str:
    """``file:line`` of the innermost frame: enough to find the bug, no values."""
    frames = traceback.extract_tb(tb)
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"


class PrivateFlask(Flask):
    """Flask whose log of an unhandled exception names its type, place and route only.

    Flask's own line quotes the request path, and a traceback ends in the exception's
    message, which may quote what was sent."""

    def log_exception(self, exc_info: ExcInfo) -> None:
        kind = exc_info[0].__name__ if exc_info[0] else "exception"
        method = request.method if request.method in METHODS else "OTHER"
        log.error("unhandled %s at %s in %s %s", kind, where(exc_info[2]), method,
                  route_of(self, request.path, request.method))


class QuietRequestHandler(WSGIRequestHandler):
    """werkzeug's request log with the method, the route's rule and the status, in
    place of the client's address and the request line (the path and query as sent)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        app = getattr(self.server, "app", None)
        path = self.path.split("?", 1)[0]
        method = self.command if self.command in METHODS else "OTHER"
        route = route_of(app, path, method) if isinstance(app, Flask) else "(other path)"
        _werkzeug.info("%s %s %s", method, route, getattr(code, "value", code))

    def log_error(self, format: str, *args: Any) -> None:
        # http.server's errors quote the raw request line ("Bad request syntax ('...')").
        _werkzeug.warning("a request could not be read")

    def log_message(self, format: str, *args: Any) -> None:
        _werkzeug.info("request handler message withheld")


def guarded(app: WSGIApp) -> WSGIApp:
    """``app``, but an exception escaping it is a 500 logged by type and place only
    (waitress would log the request path with it)."""

    def wsgi(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            return app(environ, start_response)
        except Exception as exc:
            log.error("unhandled %s at %s", type(exc).__name__, where(exc.__traceback__))
            start_response("500 Internal Server Error",
                           [("Content-Type", "application/json"), *HEADERS.items()],
                           (type(exc), exc, exc.__traceback__))
            return [b'{"error": "internal error"}']

    return wsgi

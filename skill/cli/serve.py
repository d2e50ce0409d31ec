"""``si-skill serve``: the web service (POST /alexa, /healthz, the simulator).

Three modes: the default (werkzeug, verification on), ``--dev`` (verification off, for
curl and local tools) and ``--production`` (waitress workers under a supervisor that
slow clients cannot stall; verification on, ``ALEXA_SKILL_ID`` required, the simulator
off unless ``SIMULATOR=on``).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
from typing import TextIO

from skill.cli import root


def _count(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError("must be 1 to 64")
    return value


def add_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)
    mode = serve.add_mutually_exclusive_group()
    mode.add_argument(
        "--dev", action="store_true",
        help="turn Alexa request verification OFF (local development only)",
    )
    mode.add_argument(
        "--production", action="store_true",
        help="verification on, ALEXA_SKILL_ID required, simulator off unless SIMULATOR=on; "
             "waitress workers that slow clients cannot stall",
    )
    serve.add_argument("--workers", type=_count, default=2,
                       help="--production: worker processes (default 2)")
    serve.add_argument("--threads", type=_count, default=4,
                       help="--production: threads per worker (default 4)")
    serve.add_argument("--log-level", default="info",
                       choices=["debug", "info", "warning", "error"],
                       help="--production: the app's log level (default info: a line or "
                            "two per request, never what was said)")


def cmd_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.config import Config

    try:
        from skill.web import create_app
    except ImportError as missing:
        out.write(f"si-skill serve: {missing}\n")
        return 2
    content = root.load(args, err)
    if args.production:  # waitress workers under a supervisor (skill.web.server)
        from skill.web.production import production_config
        from skill.web.server import serve

        os.environ["CONTENT_ROOT"] = str(content.root)  # the workers load the same content
        return serve(args.host, args.port, workers=args.workers, threads=args.threads,
                     log_level=args.log_level, check=production_config)
    from werkzeug.serving import run_simple

    from skill.web.security import QuietRequestHandler

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    config = Config.from_env()
    if args.dev:  # local tools (curl, the simulator) send unsigned requests
        config = dataclasses.replace(config, verify_requests=False)
    app = create_app(config, content=content, locale=root.known_locale(content, args.locale))
    run_simple(args.host, args.port, app, threaded=True,
               request_handler=QuietRequestHandler)  # logs routes, never paths as sent
    return 0

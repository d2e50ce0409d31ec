"""``si-skill``: ask, chat, validate, build-model (and the commands later modules add)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from skill import data, textio
from skill.config import ConfigError

if TYPE_CHECKING:  # the skill loads only for the commands that use it
    from skill.conversation import Conversation


def _conversation() -> Conversation:
    from skill.builder import build_skill
    from skill.conversation import Conversation

    return Conversation(build_skill())


def _print_explain(text: str, out: TextIO) -> None:
    from skill.router import explain

    found = explain(text)
    out.write(f"normalized: {found.normalized}\n")
    out.write(f"matched as: {found.matched_text}\n")
    for finding in found.findings:
        out.write(f"safety:     {finding.rule} ({finding.status}) -> {finding.intent}\n")
    out.write("candidates:\n")
    for cand in found.candidates:
        out.write(f"  {cand.score:5.1f}  {cand.intent}\n")
    out.write(f"slots:      {json.dumps(found.route.slots)}\n")
    out.write(f"decision:   {found.route.intent} ({found.route.score:.1f}, {found.route.rule})\n")


def cmd_ask(args: argparse.Namespace, out: TextIO) -> int:
    texts: Iterable[str] = (
        (line.rstrip("\n") for line in textio.utf8(sys.stdin)) if args.text == ["-"]
        else [" ".join(args.text)]
    )
    conversation = _conversation()
    for text in map(textio.clean, texts):
        if args.explain:
            _print_explain(text, out)
            continue
        conversation.reset()  # each question is a one-shot, like "Alexa, ask ... <question>"
        turn = conversation.ask(text)
        if args.json:
            out.write(json.dumps(turn.as_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(turn.as_dict()["speech"] + "\n")
        out.flush()
    return 0


def cmd_chat(args: argparse.Namespace, out: TextIO) -> int:
    from skill.chat import run_chat

    return run_chat(_conversation(), textio.utf8(sys.stdin), out)


def cmd_test_dialogs(args: argparse.Namespace, out: TextIO) -> int:
    from skill.dialogs import main as run_dialogs

    return run_dialogs(args.paths, out, verbose=args.verbose)


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from skill.validate import validate

    problems = validate(Path(args.root) if args.root else None)
    for problem in problems:
        out.write(problem + "\n")
    out.write(
        f"{len(problems)} problem(s)\n"
        if problems
        else "ok: intents, responses and model are valid\n"
    )
    return 1 if problems else 0


def cmd_build_model(args: argparse.Namespace, out: TextIO) -> int:
    from skill import model

    root = Path(args.root) if args.root else data.data_root()
    text = model.build_text(root)
    path = data.model_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    out.write(f"wrote {path}\n")
    return 0


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    import dataclasses
    import logging

    from werkzeug.serving import run_simple

    from skill.config import Config
    from skill.web import create_app
    from skill.web.security import QuietRequestHandler

    if args.production:  # waitress workers under a supervisor (skill.web.server)
        from skill.web.production import production_config
        from skill.web.server import serve

        return serve(args.host, args.port, workers=args.workers, threads=args.threads,
                     log_level=args.log_level, check=production_config)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    config = Config.from_env()
    if args.dev:  # local tools (curl, the simulator) send unsigned requests
        config = dataclasses.replace(config, verify_requests=False)
    run_simple(args.host, args.port, create_app(config), threaded=True,
               request_handler=QuietRequestHandler)  # logs routes, never paths as sent
    return 0


def cmd_export_ask(args: argparse.Namespace, out: TextIO) -> int:
    from skill.export import export

    for path in export(Path(args.dir), args.endpoint, args.skill_id):
        out.write(f"wrote {path}\n")
    return 0


def _count(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError("must be 1 to 64")
    return value


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="si-skill", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer one question (or '-' for one per stdin line)")
    ask.add_argument("text", nargs="+", help="the question, or - to read lines from stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument("--explain", action="store_true", help="show how the router decided")
    ask.set_defaults(func=cmd_ask)
    chat = sub.add_parser("chat", help="a conversation in the terminal")
    chat.set_defaults(func=cmd_chat)
    dialogs = sub.add_parser("test-dialogs", help="run dialog test files (YAML conversations)")
    dialogs.add_argument("paths", nargs="+", metavar="PATH", help="dialog files or directories")
    dialogs.add_argument("-v", "--verbose", action="store_true", help="show every turn")
    dialogs.set_defaults(func=cmd_test_dialogs)
    for name, func, text in (
        ("validate", cmd_validate, "check intents/, responses.yaml and the model"),
        ("build-model", cmd_build_model, "regenerate interaction_model/en-US.json"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--root", help="project directory (default: the skill's own data)")
        cmd.set_defaults(func=func)
    serve = sub.add_parser("serve", help="run the web service: POST /alexa, /healthz, simulator")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)
    mode = serve.add_mutually_exclusive_group()
    mode.add_argument(
        "--dev",
        action="store_true",
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
    serve.set_defaults(func=cmd_serve)
    export_ask = sub.add_parser("export-ask", help="write an ASK CLI project (skill-package/)")
    export_ask.add_argument("dir", help="directory to write the project into")
    export_ask.add_argument("--endpoint", help="Lambda ARN or https URL Alexa should call")
    export_ask.add_argument("--skill-id", help="existing skill for `ask deploy` to update")
    export_ask.set_defaults(func=cmd_export_ask)
    return top


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args, out or textio.utf8(sys.stdout)))
    except ConfigError as error:  # a setting that is not understood: refuse, never guess
        sys.stderr.write(f"si-skill: {error}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())

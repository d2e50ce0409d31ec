"""``si-skill``: ask, chat, validate, build-model (and the commands later modules add).

Every command that reads content takes ``--root DIR``. Content that cannot be loaded
is reported as ``path:line: message`` lines on stderr and exit status 2 (``validate``
reports them with the rest of its findings on stdout, and exits 1).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from skill.cli import root, serve, textio
from skill.cli.explain import print_explain
from skill.config import ConfigError
from skill.content import loader
from skill.content.spec import Content, ContentError

if TYPE_CHECKING:  # the skill loads only for the commands that use it
    from skill.alexa.conversation import Conversation

Command = Callable[[argparse.Namespace, TextIO, TextIO], int]


def _conversation(content: Content, locale: str) -> Conversation:
    from skill.alexa.builder import build_skill
    from skill.alexa.conversation import Conversation
    from skill.nlu.localized import router_for

    router = router_for(content, root.known_locale(content, locale))
    return Conversation(build_skill(content=content, router=router), router, content=content,
                        locale=locale)




def cmd_ask(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    texts: Iterable[str] = (
        (line.rstrip("\n") for line in textio.utf8(sys.stdin)) if args.text == ["-"]
        else [" ".join(args.text)]
    )
    conversation = _conversation(root.load(args, err), args.locale)
    for text in map(textio.clean, texts):
        if args.explain:
            print_explain(text, out, conversation.router)
            continue
        conversation.reset()  # each question is a one-shot, like "Alexa, ask ... <question>"
        turn = conversation.ask(text)
        if args.json:
            out.write(json.dumps(turn.as_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(turn.as_dict()["speech"] + "\n")
        out.flush()
    return 0


def cmd_chat(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.cli.chat import run_chat

    return run_chat(_conversation(root.load(args, err), args.locale), textio.utf8(sys.stdin), out)


def cmd_test_dialogs(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.cli.dialogs import main as run_dialogs

    content = root.load(args, err)
    return run_dialogs(args.paths, out, verbose=args.verbose, content=content)


def cmd_eval_dialogs(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.review import conversations

    content = root.load(args, err)
    try:
        for path in conversations.files(args.paths):
            report = conversations.evaluate(path, content)
            conversations.write(report, path, out, show=args.show_misses)
    except conversations.ConversationsError as error:
        out.write(f"{error}\n")
        return 2
    return 0


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.review.validate import validate

    problems = validate(root.content_root(args, err))
    for problem in problems:
        out.write(problem + "\n")
    out.write(
        f"{len(problems)} problem(s)\n"
        if problems
        else "ok: intents, responses and model are valid\n"
    )
    return 1 if problems else 0


def cmd_eval(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.review import cases, evaluate

    content = root.load(args, err)
    try:
        held = cases.load(args.cases)
    except cases.CaseError as error:
        out.write(f"{error}\n")
        return 2
    if args.conversation:
        conversation = _conversation(content, "en-US")

        def answered(text: str) -> tuple[str, bool]:
            conversation.reset()  # one-shot, as ``ask`` answers
            turn = conversation.ask(text)
            return turn.route.intent, turn.urgent

        report = evaluate.evaluate_answers(held, answered)
    else:
        report = evaluate.evaluate(held, content=content)
    if args.json:
        out.write(json.dumps(report.as_dict(), indent=2) + "\n")
    else:
        out.write(evaluate.format_text(report, " ".join(args.cases)) + "\n")
    return 0


def cmd_review_sheet(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.review import sheet

    Path(args.out).write_text(sheet.build(root.load(args, err)), encoding="utf-8")
    out.write(f"wrote {args.out}\n")
    return 0


def cmd_eval_facets(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.review import facet_eval

    content = root.load(args, err)
    for name in args.files:
        try:
            held = facet_eval.load(Path(name))
        except (OSError, ValueError) as error:
            err.write(f"{error}\n")
            return 2
        report = facet_eval.measure(held, content)
        out.write(facet_eval.format_text(report, name, show_misses=args.misses) + "\n")
    return 0


def cmd_build_model(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.content import model, snapshot
    from skill.content.locales import locales_of
    from skill.nlu import prebuild

    content = root.load(args, err)
    for code, locale in locales_of(content).items():
        path = loader.model_path(content.root, code)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(model.build_text(content, locale), encoding="utf-8")
        out.write(f"wrote {path}\n")
    out.write(f"wrote {snapshot.write(content.root)}\n")
    out.write(f"wrote {prebuild.write(content)}\n")
    return 0


def cmd_export_ask(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.content.export import export

    content_root = root.content_root(args, err)
    for path in export(Path(args.dir), args.endpoint, args.skill_id, content_root):
        out.write(f"wrote {path}\n")
    return 0


def cmd_export_tests(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from skill.cli.export_tests import export

    model_root = root.content_root(args, err)
    for path in export(Path(args.dir), Path(args.cases), Path(args.dialogs), args.locale,
                       model_root):
        out.write(f"wrote {path}\n")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="si-skill", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)

    def command(name: str, func: Command, text: str) -> argparse.ArgumentParser:
        found = sub.add_parser(name, help=text)
        root.add_root_option(found)
        found.set_defaults(func=func)
        return found

    ask = command("ask", cmd_ask, "answer one question (or '-' for one per stdin line)")
    ask.add_argument("text", nargs="+", help="the question, or - to read lines from stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument("--explain", action="store_true", help="show how the router decided")
    chat = command("chat", cmd_chat, "a conversation in the terminal")
    dialogs = command("test-dialogs", cmd_test_dialogs,
                      "run dialog test files (YAML conversations)")
    dialogs.add_argument("paths", nargs="+", metavar="PATH", help="dialog files or directories")
    dialogs.add_argument("-v", "--verbose", action="store_true", help="show every turn")
    scored = command("eval-dialogs", cmd_eval_dialogs,
                     "share of conversation turns answered right (conversations YAML)")
    scored.add_argument("paths", nargs="+", metavar="PATH", help="conversations files")
    scored.add_argument("--show-misses", action="store_true",
                        help="list the turns missed (dev files; never on a blind set)")
    command("validate", cmd_validate, "check intents/, responses.yaml and the model")
    command("build-model", cmd_build_model,
            "regenerate interaction_model/<locale>.json for every locale")
    evaluation = command("eval", cmd_eval, "router figures on held-out case files or folders")
    evaluation.add_argument("cases", nargs="+", help="case files or folders (tests/cases/dev)")
    evaluation.add_argument("--json", action="store_true", help="machine-readable figures")
    evaluation.add_argument(
        "--conversation", action="store_true",
        help="what a one-shot question is answered with through the local conversation "
             "(as `ask` answers it), not the router's choice alone")
    review = command("review-sheet", cmd_review_sheet, "write the clinician's review sheet (HTML)")
    review.add_argument("out", help="the HTML file to write")
    facet = command("eval-facets", cmd_eval_facets, "first-reply facet hits on facet case files")
    facet.add_argument("files", nargs="+", help="facet files (tests/facets/dev.yaml)")
    facet.add_argument("--misses", action="store_true",
                       help="list the misses (never on a frozen set you tune against)")
    serve_cmd = command("serve", serve.cmd_serve,
                        "run the web service: POST /alexa, /healthz, simulator")
    serve.add_arguments(serve_cmd)
    for speaking in (ask, chat, serve_cmd):
        speaking.add_argument("--locale", default="en-US",
                              help="the request locale: en-US, en-GB, en-CA, en-AU or en-IN")
    export_ask = command("export-ask", cmd_export_ask,
                         "write an ASK CLI project (skill-package/)")
    export_ask.add_argument("dir", help="directory to write the project into")
    export_ask.add_argument("--endpoint", help="Lambda ARN or https URL Alexa should call")
    export_ask.add_argument("--skill-id", help="existing skill for `ask deploy` to update")
    tests = command("export-tests", cmd_export_tests, "NLU annotation CSV and Bespoken suites")
    tests.add_argument("dir", help="directory to write nlu/ and bespoken/ into")
    tests.add_argument("--cases", default="tests/cases", help="held-out cases (dev, test)")
    tests.add_argument("--dialogs", default="tests/dialogs", help="dialog files")
    tests.add_argument("--locale", default="en-US", help="locale of the model and suites")
    return top


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    args = parser().parse_args(argv)
    err = err or sys.stderr
    try:
        return int(args.func(args, out or textio.utf8(sys.stdout), err))
    except ContentError as error:
        err.writelines(f"{problem}\n" for problem in error.problems)
        return 2
    except (ConfigError, root.UsageError) as error:  # a setting not understood: refuse, never guess
        err.write(f"si-skill: {error}\n")
        return 2
    except BrokenPipeError:  # the reader left early ("| head"): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1

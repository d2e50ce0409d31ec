"""``si-skill chat``: a conversation in the terminal, one turn per line.

Each turn shows the intent and score. Commands: ``:explain TEXT`` (how the router
decides), ``:json`` (toggle the full JSON of each turn), ``:new`` (a fresh session),
``:quit``. With a terminal, line editing and history come from readline.
"""

from __future__ import annotations

import json
from typing import TextIO

from skill.conversation import Conversation, Turn

PROMPT = "you> "
HELP = "Commands: :explain TEXT, :json, :new, :quit. Anything else is said to the skill."


def _show(turn: Turn, out: TextIO, as_json: bool) -> None:
    shown = turn.as_dict()
    flag = "  URGENT" if shown["urgent"] else ""
    out.write(f"[{shown['intent']} {shown['score']:.0f}{flag}]\n")
    out.write(f"alexa> {shown['speech']}\n")
    if as_json:
        out.write(json.dumps(shown, indent=2, ensure_ascii=False) + "\n")
    if shown["end_session"]:
        out.write("(session ended; say something to start a new one)\n")


def _lines(source: TextIO, out: TextIO):  # type: ignore[no-untyped-def]
    if source.isatty():
        try:
            import readline  # noqa: F401  (history and editing for input())
        except ImportError:
            pass
        while True:
            try:
                yield input(PROMPT)
            except EOFError:
                return
    else:
        for line in source:
            out.write(PROMPT + line)
            yield line.rstrip("\n")


def run_chat(conversation: Conversation, source: TextIO, out: TextIO) -> int:
    from skill.cli import _print_explain

    out.write(HELP + "\n")
    as_json = False
    _show(conversation.launch(), out, as_json)
    for line in _lines(source, out):
        text = line.strip()
        if not text:
            continue
        if text in (":quit", ":q", ":exit"):
            break
        if text == ":json":
            as_json = not as_json
            out.write(f"(json {'on' if as_json else 'off'})\n")
        elif text == ":new":
            _show(conversation.launch(), out, as_json)
        elif text.startswith(":explain"):
            _print_explain(text[len(":explain"):].strip(), out)
        elif text.startswith(":"):
            out.write(HELP + "\n")
        else:
            _show(conversation.ask(text), out, as_json)
        out.flush()
    return 0

"""``si-skill chat``: a conversation in the terminal, one turn per line.

Each turn shows the intent and score. Commands: ``:explain TEXT`` (how the router
decides), ``:json`` (toggle the full JSON of each turn), ``:new`` (a fresh session),
``:quit``. With a terminal, line editing and history come from readline, and the
history persists in ``~/.si_skill_history`` (private to the user; errors are ignored:
history is a convenience, never a reason to fail).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final, TextIO

from skill.alexa.conversation import Conversation, Turn
from skill.cli.explain import print_explain

PROMPT = "you> "
HELP = "Commands: :explain TEXT, :json, :new, :quit. Anything else is said to the skill."
HISTORY_FILE: Final = Path("~/.si_skill_history")
# Lines kept across sessions: weeks of a developer's questions, a few tens of kilobytes.
HISTORY_LENGTH: Final = 1000


def _show(turn: Turn, out: TextIO, as_json: bool) -> None:
    shown = turn.as_dict()
    flag = "  URGENT" if shown["urgent"] else ""
    out.write(f"[{shown['intent']} {shown['score']:.0f}{flag}]\n")
    out.write(f"alexa> {shown['speech']}\n")
    if as_json:
        out.write(json.dumps(shown, indent=2, ensure_ascii=False) + "\n")
    if shown["end_session"]:
        out.write("(session ended; say something to start a new one)\n")


def _open_history(path: Path) -> Callable[[], None]:
    """Load readline history from ``path``; return the function that saves it back."""
    try:
        import readline  # history and editing for input()
    except ImportError:
        return lambda: None
    path = path.expanduser()
    try:
        readline.read_history_file(path)
    except (OSError, ValueError):
        pass  # first run, or unreadable: start empty
    readline.set_history_length(HISTORY_LENGTH)

    def save() -> None:
        try:
            readline.write_history_file(path)
            os.chmod(path, 0o600)  # questions may be about someone's health
        except (OSError, ValueError):
            pass

    return save


def _lines(source: TextIO, out: TextIO) -> Iterator[str]:
    if source.isatty():
        try:
            import readline  # noqa: F401  (line editing for input(), with or without history)
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


def run_chat(conversation: Conversation, source: TextIO, out: TextIO,
             history: Path | None = HISTORY_FILE) -> int:
    """Talk to the skill one line at a time; ``history=None`` keeps no history file."""
    save_history = _open_history(history) if history and source.isatty() else None
    try:
        return _loop(conversation, source, out)
    finally:
        if save_history:
            save_history()


def _loop(conversation: Conversation, source: TextIO, out: TextIO) -> int:

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
            print_explain(text[len(":explain"):].strip(), out, conversation.router)
        elif text.startswith(":"):
            out.write(HELP + "\n")
        else:
            _show(conversation.ask(text), out, as_json)
        out.flush()
    return 0

"""``si-skill chat`` (skill/chat.py), driven with StringIO as if typed at a terminal."""

from __future__ import annotations

import io
import json
import stat
from collections.abc import Iterator

import pytest

from skill.cli.chat import HELP, PROMPT, run_chat


def talk(conversation, *lines: str) -> str:
    out = io.StringIO()
    assert run_chat(conversation, io.StringIO("".join(f"{line}\n" for line in lines)), out) == 0
    return out.getvalue()


def replies(output: str) -> list[str]:
    return [line[len("alexa> "):] for line in output.splitlines() if line.startswith("alexa> ")]


def test_chat_opens_with_help_and_welcome(conversation):
    output = talk(conversation)
    assert output.startswith(HELP + "\n")
    assert "[LaunchRequest 100]" in output
    assert "not medical advice" in replies(output)[0]


def test_chat_shows_intent_score_and_answer_per_turn(conversation):
    output = talk(conversation, "can I lift groceries")
    assert f"{PROMPT}can I lift groceries\n" in output  # the line is echoed like a terminal
    assert "[LiftingIntent 100]\n" in output
    assert "ten pounds" in replies(output)[1]


def test_chat_marks_urgent_turns(conversation):
    output = talk(conversation, "my incision is red and swollen")
    assert "[IncisionConcernIntent 100  URGENT]" in output


def test_chat_keeps_the_session_for_more_and_repeat(conversation):
    said = replies(talk(conversation, "can I lift groceries", "tell me more", "repeat that"))
    assert "three to four months" in said[2]
    assert said[3] == said[2]


def test_chat_new_starts_a_fresh_session(conversation):
    said = replies(talk(conversation, "can I lift groceries", ":new", "tell me more"))
    assert "Welcome" in said[2]  # :new opens the skill again
    assert "three to four months" not in said[3]  # nothing was offered in the new session


def test_chat_json_toggles_full_turn(conversation):
    output = talk(conversation, ":json", "can I lift groceries", ":json", "how long is surgery")
    assert "(json on)" in output and "(json off)" in output
    start = output.index("{\n")
    shown, _ = json.JSONDecoder().raw_decode(output[start:])
    assert shown["intent"] == "LiftingIntent" and shown["end_session"] is False
    assert output.count('"intent":') == 1  # off again for the second question


def test_chat_explain_shows_routing_without_answering(conversation):
    output = talk(conversation, ":explain my husband's temperature is 102")
    assert "normalized:" in output and "candidates:" in output
    assert "decision:   FeverIntent" in output
    assert len(replies(output)) == 1  # only the welcome: explaining is not asking


def test_chat_stop_ends_session_and_next_line_starts_new(conversation):
    output = talk(conversation, "stop", "repeat that")
    assert "(session ended; say something to start a new one)" in output
    assert "haven't said anything" in replies(output)[2]


def test_chat_quit_stops_reading(conversation):
    output = talk(conversation, ":quit", "can I lift groceries")
    assert "LiftingIntent" not in output


@pytest.mark.parametrize("line", [":help", ":wat"])
def test_chat_unknown_command_shows_help(conversation, line):
    assert talk(conversation, line).count(HELP) == 2


def test_chat_ignores_blank_lines(conversation):
    assert len(replies(talk(conversation, "", "   ", "can I lift groceries"))) == 2


# --- history (only with a terminal) -------------------------------------------------

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch):
    """Lines 'typed' at the terminal through input(); EOF (Ctrl-D) after the last."""
    readline = pytest.importorskip("readline")
    readline.clear_history()

    def feed(*lines: str) -> None:
        queue: Iterator[str] = iter(lines)

        def fake_input(prompt: str = "") -> str:
            try:
                line = next(queue)
            except StopIteration:
                raise EOFError from None
            readline.add_history(line)  # what real input() does with readline loaded
            return line

        monkeypatch.setattr("builtins.input", fake_input)

    yield feed
    readline.clear_history()


def test_chat_history_persists_between_sessions(conversation, typed, tmp_path):
    history = tmp_path / "history"
    typed("can I lift groceries")
    run_chat(conversation, FakeTerminal(), io.StringIO(), history=history)
    assert "can I lift groceries" in history.read_text()
    assert stat.S_IMODE(history.stat().st_mode) == 0o600

    import readline

    readline.clear_history()  # a new process
    typed("how long is surgery")
    run_chat(conversation, FakeTerminal(), io.StringIO(), history=history)
    assert [readline.get_history_item(i) for i in (1, 2)] == [
        "can I lift groceries", "how long is surgery"]


def test_chat_history_errors_are_ignored(conversation, typed, tmp_path):
    typed("can I lift groceries")
    out = io.StringIO()
    unwritable = tmp_path / "missing-dir" / "history"
    assert run_chat(conversation, FakeTerminal(), out, history=unwritable) == 0
    assert "ten pounds" in out.getvalue()
    assert not unwritable.exists()


def test_chat_without_terminal_writes_no_history(conversation, tmp_path):
    history = tmp_path / "history"
    run_chat(conversation, io.StringIO("can I lift groceries\n"), io.StringIO(), history=history)
    assert not history.exists()


def test_cli_chat_reads_stdin(monkeypatch):
    from skill.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("can I lift groceries\n:quit\n"))
    out = io.StringIO()
    assert main(["chat"], out) == 0
    assert "[LiftingIntent 100]" in out.getvalue()

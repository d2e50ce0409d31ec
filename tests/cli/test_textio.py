"""The CLI reads bytes it cannot decode as U+FFFD and always writes valid UTF-8."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from skill.cli import textio

ROOT = Path(__file__).resolve().parent.parent
REPLACEMENT = "\ufffd"


@pytest.mark.parametrize(("given", "expected"), [
    ("plain", "plain"),
    ("café 🦴", "café 🦴"),
    ("bad \udcff", f"bad {REPLACEMENT}"),  # an undecodable byte, as argv and C-locale stdin hold it
    ("half \ud83e", f"half {REPLACEMENT}"),  # a lone high surrogate from anywhere else
])
def test_clean(given, expected):
    cleaned = textio.clean(given).replace(REPLACEMENT * 3, REPLACEMENT)
    assert cleaned == expected
    cleaned.encode("utf-8")  # strict: no surrogate left


def test_utf8_reconfigures_real_streams_only():
    raw = io.BytesIO(b"bad \xff\n")
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    assert textio.utf8(stream).read() == f"bad {REPLACEMENT}\n"
    buffer = io.StringIO("x")
    assert textio.utf8(buffer) is buffer


def _run(args: list[bytes], stdin: bytes, locale: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LC_CTYPE", "LANG")}
    env.update(LC_ALL=locale)
    return subprocess.run([sys.executable.encode(), b"-m", b"skill.cli", *args], cwd=ROOT,
                          env=env, input=stdin, capture_output=True, timeout=120)


@pytest.mark.slow
@pytest.mark.parametrize("locale", ["C", "C.UTF-8"])
def test_cli_ask_stdin_invalid_bytes_become_replacement_characters(locale):
    done = _run([b"ask", b"--json", b"-"], b"bad \xff\ncan i lift \xc3\x28groceries\n", locale)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")  # strict: raises on any invalid byte
    said = [json.loads(line)["text"] for line in text.splitlines()]
    assert said == [f"bad {REPLACEMENT}", f"can i lift {REPLACEMENT}(groceries"]
    assert b"\xff" not in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("locale", ["C", "C.UTF-8"])
def test_cli_ask_argv_invalid_bytes_become_replacement_characters(locale):
    done = _run([b"ask", b"--json", b"can i lift \xff groceries"], b"", locale)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.decode("utf-8"))
    assert shown["text"] == f"can i lift {REPLACEMENT} groceries"
    assert shown["intent"] == "LiftingIntent"
    explained = _run([b"ask", b"--explain", b"bad \xff"], b"", locale)
    assert explained.returncode == 0
    explained.stdout.decode("utf-8")


@pytest.mark.slow
def test_cli_chat_invalid_bytes_valid_output():
    done = _run([b"chat"], b"can i lift \xfe\xff groceries\n:explain bad \xff\n:quit\n", "C")
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    assert f"can i lift {REPLACEMENT}{REPLACEMENT} groceries" in text
    assert "ten pounds" in text

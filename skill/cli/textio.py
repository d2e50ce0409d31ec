"""The terminal's text, in and out: bytes that are not UTF-8 become U+FFFD (the
replacement character) on the way in, and what goes out is always valid UTF-8.

Python otherwise keeps undecodable input as lone surrogates (``surrogateescape`` in a
C or POSIX locale, and always for ``sys.argv``) and writes them back out as the raw
bytes, so ``printf 'bad \\xff' | si-skill ask --json -`` printed a 0xff byte.
"""

from __future__ import annotations

import io
from typing import TextIO


def clean(text: str) -> str:
    """``text`` with every lone surrogate (an undecodable byte) as U+FFFD."""
    if text.isascii():
        return text
    try:
        data = text.encode("utf-8", "surrogateescape")  # the bytes the user gave
    except UnicodeEncodeError:  # other lone surrogates: each becomes U+FFFD too
        data = text.encode("utf-8", "surrogatepass")
    return data.decode("utf-8", "replace")


def utf8(stream: TextIO) -> TextIO:
    """A real text stream (stdin, stdout) reads and writes UTF-8 with replacement from
    now on; other streams (StringIO in tests) are returned as they are."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors="replace")
    return stream

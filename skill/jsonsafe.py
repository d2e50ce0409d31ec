"""JSON from outside, with its nesting bounded: one helper for every door.

Python's parser and ask-sdk's (de)serializers recurse once per level, so a body of a
few thousand ``[`` is a RecursionError deep inside a request. Alexa's envelopes are
under ten levels deep; ``MAX_DEPTH`` leaves ample room and refuses the rest *before*
anything recursive sees it:

* ``loads(raw)``: bytes or text -> the value, or ``JSONRejected`` (not JSON / too deep);
* ``check_depth(value)``: a value someone else parsed (the Lambda runtime's event);
* ``too_deep(text)``: the bracket depth of text, strings skipped (also for YAML's
  flow collections, which share JSON's brackets).
"""

from __future__ import annotations

import json
from typing import Any, Final

# Objects and arrays inside one another; an Alexa request envelope uses about eight.
MAX_DEPTH: Final = 64

_NOT_BRACKETS: Final = bytes(b for b in range(256) if b not in b"[]{}")
_OPENERS: Final = frozenset(b"[{")


class JSONRejected(ValueError):
    """The input is not JSON, or is nested deeper than allowed (``too_deep``)."""

    def __init__(self, reason: str, *, too_deep: bool = False) -> None:
        super().__init__(reason)
        self.too_deep = too_deep


def too_deep(raw: bytes | str, max_depth: int = MAX_DEPTH) -> bool:
    """True when brackets outside double-quoted strings nest deeper than ``max_depth``.

    Linear in the input and never recursive. Unbalanced input is measured as written
    (the parser refuses it afterwards)."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if data.count(b"[") + data.count(b"{") <= max_depth:
        return False  # not enough openers to go deeper: the common case, at C speed
    # Escaped backslashes and quotes first (left to right, as a parser pairs them), then
    # every other piece between quotes is a string: drop those, then all but brackets.
    unescaped = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = b"".join(unescaped.split(b'"')[0::2]).translate(None, _NOT_BRACKETS)
    depth = 0
    for byte in brackets:
        if byte in _OPENERS:
            depth += 1
            if depth > max_depth:
                return True
        elif depth:
            depth -= 1
    return False


def loads(raw: bytes | str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON (bytes must be UTF-8) after checking its depth."""
    if too_deep(raw, max_depth):
        raise JSONRejected("nested too deeply", too_deep=True)
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return json.loads(text)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise JSONRejected("not JSON") from exc


def check_depth(value: Any, max_depth: int = MAX_DEPTH) -> None:
    """JSONRejected when dicts and lists inside ``value`` nest deeper than ``max_depth``.

    Walks with its own stack, so it is safe on values any depth deep."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, (list, tuple)):
            children = node
        else:
            continue
        if depth > max_depth:
            raise JSONRejected("nested too deeply", too_deep=True)
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, (dict, list, tuple)))

"""YAML text to values, parsed now or ahead of time (the content snapshot).

A Lambda cold start should neither parse the content's YAML nor import PyYAML: the
values of texts parsed ahead of time are preloaded by ``digest()`` of the text, and a
file whose text is among them takes its value from there. Keyed by the text itself, an
edited file never finds a stale value: it is parsed now, as it always was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from types import ModuleType
from typing import Any

# Values parsed ahead of time, by digest of their text. Each is handed out once, so no
# two readers share a mutable value (a second reader of the same text parses it).
_PARSED: dict[str, Any] = {}


def digest(text: str) -> str:
    """The key of a text among the values parsed ahead of time."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def preload(parsed: Mapping[str, Any]) -> None:
    """Values parsed ahead of time, by ``digest()`` of their text."""
    _PARSED.update(parsed)


def take(text: str) -> tuple[bool, Any]:
    """``(True, value)`` when ``text`` was parsed ahead of time, else ``(False, None)``."""
    key = digest(text)
    if key in _PARSED:
        return True, _PARSED.pop(key)
    return False, None


def pyyaml() -> ModuleType:
    """PyYAML, imported when first needed: a text not parsed ahead of time, or a line."""
    import yaml

    return yaml


def loader() -> Any:
    """libyaml's loader when PyYAML has it (its wheels do): ten times faster than the
    pure Python one; the same safe subset of YAML."""
    yaml = pyyaml()
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str) -> Any:
    """``text`` parsed now, with the safe loader every content file uses."""
    return pyyaml().load(text, Loader=loader())


def value(text: str) -> Any:
    """The value of ``text``: parsed ahead of time, else now."""
    found, parsed = take(text)
    return parsed if found else parse(text)

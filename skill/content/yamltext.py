"""YAML text to values, parsed now or ahead of time (the content snapshot).

A Lambda cold start should neither parse the content's YAML nor import PyYAML: the
values of texts parsed ahead of time are preloaded by the text itself, and a file whose
text is among them takes its value from there. Keyed by the whole text (compared, not
hashed: no digest to compute and no ``hashlib`` to import at a cold start), an edited
file never finds a stale value: it is parsed now, as it always was.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Any

# Values parsed ahead of time, by their text. Each is handed out once, so no two readers
# share a mutable value (a second reader of the same text parses it).
_PARSED: dict[str, Any] = {}


def preload(parsed: Mapping[str, Any]) -> None:
    """Values parsed ahead of time, by the text each was parsed from."""
    _PARSED.update(parsed)


def take(text: str) -> tuple[bool, Any]:
    """``(True, value)`` when ``text`` was parsed ahead of time, else ``(False, None)``."""
    if text in _PARSED:
        return True, _PARSED.pop(text)
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

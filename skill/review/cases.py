"""Held-out router cases: what people said, and what the skill should have understood.

Two file shapes, both YAML:

- a per-intent file (``tests/cases/dev/<Intent>.yaml``, Home Assistant's style)::

      intent: LiftingIntent
      cases:
        - {text: can i carry my grandson, urgent: false}

- a flat list, one intent per case (the blind sets, written by voice)::

      - {text: my cat is running a fever, intent: AMAZON.FallbackIntent, urgent: false}

Splits: ``dev`` may be tuned on; ``test`` and ``blind`` are frozen (their content hashes
are recorded in ``tests/cases/FROZEN.sha256``) and only ever measured.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class CaseError(ValueError):
    """A case file that cannot be read, as ``path: message``."""


@dataclass(frozen=True)
class Case:
    """One utterance and what it should route to."""

    text: str
    intent: str
    urgent: bool = False
    slots: dict[str, str] = field(default_factory=dict)
    path: str = ""

    @property
    def split(self) -> str:
        """``dev``, ``test`` or ``blind``: the folder the case file sits in."""
        return Path(self.path).parent.name


def _case(raw: Any, intent: str | None, where: str) -> Case:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise CaseError(f"{where}: each case needs a 'text'")
    name = raw.get("intent", intent)
    if not isinstance(name, str) or not name:
        raise CaseError(f"{where}: case {raw['text']!r} has no intent")
    slots = raw.get("slots") or {}
    if not isinstance(slots, dict):
        raise CaseError(f"{where}: 'slots' must be a mapping")
    return Case(
        text=raw["text"],
        intent=name,
        urgent=bool(raw.get("urgent", False)),
        slots={str(k): str(v) for k, v in slots.items()},
        path=where,
    )


def load_file(path: Path) -> list[Case]:
    """The cases of one file, in either shape."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise CaseError(f"{path}: {error}") from None
    if isinstance(raw, dict):
        intent = raw.get("intent")
        return [_case(item, intent, str(path)) for item in raw.get("cases") or []]
    if isinstance(raw, list):
        return [_case(item, None, str(path)) for item in raw]
    raise CaseError(f"{path}: expected a list of cases or a mapping with 'cases'")


def files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; directories expand to their ``*.yaml`` files, sorted."""
    found: list[Path] = []
    for given in map(Path, paths):
        found.extend(sorted(given.glob("*.yaml")) if given.is_dir() else [given])
    return found


def load(paths: Sequence[str | Path]) -> list[Case]:
    """Every case under ``paths`` (files or directories)."""
    return [case for path in files(paths) for case in load_file(path)]

"""Locate and load the clinic-editable data: intents/, responses.yaml, interaction_model/.

An installed wheel carries the data inside the package (``skill/data``); a source
checkout (editable install, tests) has it at the top of the repository, one level
above the package. Either way it is found relative to this file, never the cwd.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """Directory holding ``intents/`` and ``responses.yaml``."""
    bundled = PACKAGE_DIR / "data"
    if (bundled / "responses.yaml").is_file():
        return bundled
    return PACKAGE_DIR.parent


def intents_dir(root: Path | None = None) -> Path:
    return (root or data_root()) / "intents"


def responses_path(root: Path | None = None) -> Path:
    return (root or data_root()) / "responses.yaml"


def model_path(root: Path | None = None) -> Path:
    return (root or data_root()) / "interaction_model" / "en-US.json"


def guide_path(root: Path | None = None) -> Path:
    """The clinic's patient guide: the only source of medical facts in the answers."""
    return (root or data_root()) / "guide" / "si-joint-fusion.txt"


@dataclass(frozen=True)
class IntentSpec:
    """One intents/<Name>.yaml file."""

    name: str
    description: str = ""
    answer: str | None = None
    urgent: bool = False
    router: bool = True  # False: Alexa-only intent the local router never picks
    samples: tuple[str, ...] = ()
    slots: dict[str, str] = field(default_factory=dict)
    path: str = ""
    # _common.yaml's expansion rules, which the samples' ``<rule>`` references name.
    rules: Mapping[str, str] = field(default_factory=dict)


# libyaml's loader when PyYAML has it (its wheels do): ten times faster than the pure
# Python one, which matters on a Lambda cold start; the same safe subset of YAML.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_SafeLoader)  # noqa: S506 - a safe loader


def parse_rules(common: Any) -> dict[str, str]:
    """``expansion_rules:`` from parsed _common.yaml; raises ValueError when malformed."""
    rules = common.get("expansion_rules") or {} if isinstance(common, dict) else None
    if not isinstance(rules, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in rules.items()
    ):
        raise ValueError("'expansion_rules' must map rule names to templates")
    return dict(rules)


def parse_intent(raw: Any, path: Path, rules: Mapping[str, str] | None = None) -> IntentSpec:
    """Build an IntentSpec from parsed YAML; raises ValueError on a malformed file."""
    if not isinstance(raw, dict):
        raise ValueError("expected a mapping")
    name = raw.get("intent")
    if not isinstance(name, str) or not name:
        raise ValueError("missing 'intent' name")
    samples = raw.get("samples") or []
    slots = raw.get("slots") or {}
    if not isinstance(samples, list) or not all(isinstance(s, str) for s in samples):
        raise ValueError("'samples' must be a list of strings")
    if not isinstance(slots, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in slots.items()
    ):
        raise ValueError("'slots' must map slot names to slot types")
    answer = raw.get("answer")
    if answer is not None and not isinstance(answer, str):
        raise ValueError("'answer' must be a string")
    return IntentSpec(
        name=name,
        description=str(raw.get("description") or ""),
        answer=answer,
        urgent=bool(raw.get("urgent", False)),
        router=bool(raw.get("router", True)),
        samples=tuple(samples),
        slots=dict(slots),
        path=str(path),
        rules=dict(rules or {}),
    )


def intent_files(root: Path | None = None) -> list[Path]:
    return sorted(p for p in intents_dir(root).glob("*.yaml") if not p.name.startswith("_"))


def read_intents(root: Path | None = None) -> tuple[IntentSpec, ...]:
    """Every intent file under ``root``, read afresh, with _common.yaml's expansion rules."""
    common = intents_dir(root) / "_common.yaml"
    rules = parse_rules((read_yaml(common) or {}) if common.is_file() else {})
    return tuple(parse_intent(read_yaml(p), p, rules) for p in intent_files(root))


@cache
def load_intents(root: Path | None = None) -> tuple[IntentSpec, ...]:
    return read_intents(root)


@cache
def load_common(root: Path | None = None) -> dict[str, Any]:
    path = intents_dir(root) / "_common.yaml"
    return (read_yaml(path) or {}) if path.is_file() else {}


@cache
def load_lexicon(root: Path | None = None) -> dict[str, Any]:
    path = intents_dir(root) / "_lexicon.yaml"
    return (read_yaml(path) or {}) if path.is_file() else {}


@cache
def load_responses(root: Path | None = None) -> dict[str, dict[str, str]]:
    raw = read_yaml(responses_path(root)) or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{responses_path(root)}: expected a mapping of answer keys")
    return raw

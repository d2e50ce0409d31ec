"""What ``si-skill build-model`` computes ahead of time for the NLU (skill.nlu.stored).

Tables: ``forms`` (the router's normalized samples, skill.nlu.forms), ``safety`` and
``readings`` (the phrase tables compiled from intents/_safety.yaml). The code they
depend on is this module's import closure within the ``skill`` package, found by
reading the import statements: a module that normalization starts to call must be
imported by one already listed, whose text then changes.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from skill.content.spec import Content
from skill.nlu import readings, safety, stored
from skill.nlu.forms import SampleForms, sample_forms
from skill.nlu.lexicon import lexicon_of
from skill.nlu.slots import vocabulary_of

PACKAGE: str = "skill"


def forms_inputs(content: Content) -> object:
    """Everything ``sample_forms`` reads: the router intents' samples and rules, the slot
    types and names, the lexicon, and the safety file and lexicon the reading finder uses
    (a sample's number may be a temperature)."""
    intents = tuple((spec.name, spec.router, spec.samples, spec.local_samples, spec.slots,
                     # the shared rules once, not once per intent
                     None if spec.rules == content.expansion_rules else dict(spec.rules))
                    for spec in content.intents)
    engine = safety.default_engine().spec
    return (intents, dict(content.expansion_rules), dict(content.slot_types), content.lexicon,
            safety.table_inputs(engine))


def stored_forms(content: Content) -> SampleForms | None:
    """The forms of ``content`` computed ahead of time, if they still match it."""
    grouped = stored.lookup(content.root, "forms", forms_inputs(content))
    return SampleForms.from_json(grouped) if grouped is not None else None


def tables(content: Content) -> dict[str, tuple[str, Mapping[str, Any]]]:
    """Each table's key and value, computed now."""
    spec = safety.default_engine().spec
    forms = sample_forms(content.intents, vocabulary_of(content), lexicon_of(content))
    return {
        "forms": (stored.key(forms_inputs(content)), forms.as_json()),
        "safety": (stored.key(safety.table_inputs(spec)), safety.phrase_labels(spec)),
        "readings": (stored.key(readings.table_inputs(spec.readings)),
                     readings.phrase_labels(spec.readings)),
    }


def code_paths() -> list[str]:
    """This module and every ``skill`` module it imports, directly or not (package
    ``__init__`` files included), relative to ``stored.CODE_ROOT``."""
    todo, seen = [f"{PACKAGE}.nlu.prebuild"], set()
    while todo:
        name = todo.pop()
        path = _path_of(name)
        if name in seen or path is None:
            continue
        seen.add(name)
        todo += _imports(path)
        parts = name.split(".")
        todo += [".".join(parts[:n]) for n in range(1, len(parts))]
    found = (_path_of(name) for name in seen)
    return sorted(p.relative_to(stored.CODE_ROOT).as_posix() for p in found if p is not None)


def _path_of(module: str) -> Path | None:
    base = stored.CODE_ROOT.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imports(path: Path) -> list[str]:
    """The ``skill`` modules ``path`` imports (``from pkg import name`` may name one)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return [name for name in found if name.split(".")[0] == PACKAGE]


def build_text(content: Content) -> str:
    return stored.build_text(stored.code_digests(code_paths()), tables(content))


def write(content: Content) -> Path:
    return stored.write(content.root, build_text(content))

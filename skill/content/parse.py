"""Read one content file into typed objects, each problem with its file and line.

Every reader takes the file's path and returns what it could read plus a list of ``Problem``s (a
YAML slip, a value of the wrong type, a key the file does not take), so ``si-skill validate`` can
show them all at once and other commands refuse to start with a line per problem, not a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from skill.content import yamltext
from skill.content.spec import IntentSpec, Lexicon, Problem, SlotValue
from skill.content.templates import TemplateError, expand

if TYPE_CHECKING:
    import yaml


def read_yaml(path: Path) -> Any:
    """A YAML file parsed with the safe loader every content file uses (no line numbers:
    for files whose problems are reported by their own checks)."""
    return yamltext.value(path.read_text(encoding="utf-8"))


INTENT_KEYS: Final = frozenset(
    {"intent", "description", "answer", "calm_answer", "urgent", "router", "end_session",
     "samples", "local_samples", "model_samples", "slots", "domain", "heads"}
)
COMMON_KEYS: Final = frozenset({"slot_types", "expansion_rules"})
SLOT_VALUE_KEYS: Final = frozenset({"id", "name", "synonyms"})
LEXICON_LISTS: Final = ("fillers", "hesitations", "caregivers", "carer_determiners",
                        "bare_caregivers", "bare_subjects", "others", "compounds", "senses",
                        "conditions", "anchors", "requests", "clause_openers", "lifted", "sat_in",
                        "pastimes", "operations", "operated_parts", "operated_as",
                        "own_anchors", "affairs", "tongues")
# The named kinds of rewrite (heard or said -> the guide's word), one section each (the
# number words of another tongue apart: normalize() reads them before it reads numbers).
LEXICON_KINDS: Final = ("synonyms", "tongue_grammar", "brands", "mishearings", "number_words")
LEXICON_KEYS: Final = frozenset({*LEXICON_LISTS, *LEXICON_KINDS})


class Document:
    """A parsed YAML file: its value, and the line of any mapping key or list item."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.text = ""
        self.value: Any = None
        self.failed = False  # a problem was reported: the file could not be read
        self._node: yaml.Node | None = None
        try:
            self.text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self._cannot_read(error)
            return
        found, self.value = yamltext.take(self.text)
        if found:
            return
        pyyaml = yamltext.pyyaml()
        try:
            self.value = yamltext.parse(self.text)
        except pyyaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark is not None else None
            self.report(f"not valid YAML: {error.problem or error.context}", line)
            self.failed = True
        except pyyaml.YAMLError as error:
            self._cannot_read(error)

    def _cannot_read(self, error: Exception) -> None:
        self.report(f"cannot read: {str(error).splitlines()[0]}")
        self.failed = True

    def report(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(str(self.path), message, line))

    def line(self, *keys: str | int) -> int | None:
        """The line of the value at ``keys`` (mapping keys or list indexes), if known.
        The file is composed again only here: line numbers are needed only for problems,
        and a Lambda cold start should not pay for them."""
        pyyaml = yamltext.pyyaml()
        if self._node is None and self.text:
            self._node = pyyaml.compose(self.text, Loader=yamltext.loader())
        node = self._node
        for key in keys:
            if isinstance(node, pyyaml.MappingNode) and isinstance(key, str):
                node = next((v for k, v in node.value if k.value == key), None)
            elif isinstance(node, pyyaml.SequenceNode) and isinstance(key, int):
                node = node.value[key] if key < len(node.value) else None
            else:
                node = None
        return node.start_mark.line + 1 if node is not None else None

    def mapping(self, expected: str, known: frozenset[str]) -> dict[str, Any] | None:
        """The file's top-level mapping (an empty file is an empty one), its unknown keys
        reported; None, reported as ``expected``, when the file holds something else."""
        raw = self.value if self.value is not None else {}
        if not isinstance(raw, dict):
            self.report(expected, self.line())
            return None
        self.unknown_keys(raw, known)
        return raw

    def unknown_keys(
        self, mapping: dict[Any, Any], known: frozenset[str], *at: str | int
    ) -> None:
        for key in mapping:
            if key not in known:
                self.report(
                    f"unknown key {key!r} (known: {', '.join(sorted(known))})",
                    self.line(*at, str(key)),
                )


def _strings(doc: Document, value: Any, what: str, *at: str | int) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        doc.report(f"{what} must be a list of strings", doc.line(*at))
        return ()
    return tuple(value)


def read_intent(path: Path, problems: list[Problem]) -> IntentSpec | None:
    """One intents/<Name>.yaml file; None when it is too broken to use."""
    doc = Document(path, problems)
    raw = doc.value
    if raw is None:
        if not doc.failed:
            doc.report("empty file; expected 'intent', 'samples' and the rest")
        return None
    if not isinstance(raw, dict):
        doc.report("expected a mapping with 'intent', 'samples' and the rest", doc.line())
        return None
    before = len(problems)
    doc.unknown_keys(raw, INTENT_KEYS)
    name = raw.get("intent")
    if not isinstance(name, str) or not name:
        doc.report("missing 'intent' name", doc.line("intent") or 1)
    samples = _strings(doc, raw.get("samples"), "'samples'", "samples")
    local = _strings(doc, raw.get("local_samples"), "'local_samples'", "local_samples")
    model = _strings(doc, raw.get("model_samples"), "'model_samples'", "model_samples")
    domain = _strings(doc, raw.get("domain"), "'domain'", "domain")
    heads = _strings(doc, raw.get("heads"), "'heads'", "heads")
    slots = raw.get("slots") or {}
    if not isinstance(slots, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in slots.items()
    ):
        doc.report("'slots' must map slot names to slot types", doc.line("slots"))
        slots = {}
    texts: dict[str, str] = {}
    for key in ("answer", "calm_answer", "description"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            doc.report(f"'{key}' must be a string", doc.line(key))
        texts[key] = value if isinstance(value, str) else ""
    flags: dict[str, bool] = {}
    for key, default in (("urgent", False), ("router", True), ("end_session", False)):
        value = raw.get(key, default)
        if not isinstance(value, bool):
            doc.report(f"'{key}' must be true or false", doc.line(key))
        flags[key] = value if isinstance(value, bool) else default
    if len(problems) > before or not isinstance(name, str) or not name:
        return None
    return IntentSpec(
        name=name, description=texts["description"], answer=texts["answer"] or None,
        calm_answer=texts["calm_answer"] or None,
        samples=samples, local_samples=local, model_samples=model, slots=dict(slots),
        domain=domain, heads=heads,
        path=str(path),
        urgent=flags["urgent"], router=flags["router"], end_session=flags["end_session"],
    )


@dataclass(frozen=True)
class Common:
    """What intents/_common.yaml holds."""

    slot_types: dict[str, tuple[SlotValue, ...]] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)


def template_problems(spec: IntentSpec) -> list[Problem]:
    """Sample lines of ``spec`` that do not expand, each with its line."""
    found: list[Problem] = []
    for key, lines in (("samples", spec.samples), ("local_samples", spec.local_samples),
                       ("model_samples", spec.model_samples)):
        for index, sample in enumerate(lines):
            try:
                expand(sample, spec.rules)
            except TemplateError as error:
                doc = Document(Path(spec.path), found)
                doc.report(f"sample {sample!r}: {error}", doc.line(key, index))
    return found


def read_common(path: Path, problems: list[Problem]) -> Common:
    """intents/_common.yaml: custom slot types and their values, and expansion rules."""
    doc = Document(path, problems)
    raw = doc.mapping("expected a mapping with 'slot_types'", COMMON_KEYS)
    if raw is None:
        return Common()
    return Common(_slot_types(doc, raw), _rules(doc, raw))


def _slot_types(doc: Document, raw: dict[str, Any]) -> dict[str, tuple[SlotValue, ...]]:
    types = raw.get("slot_types") or {}
    if not isinstance(types, dict):
        doc.report("'slot_types' must map slot type names to lists of values",
                   doc.line("slot_types"))
        return {}
    found: dict[str, tuple[SlotValue, ...]] = {}
    for type_name, values in types.items():
        if not isinstance(values, list):
            doc.report(f"slot type {type_name!r} must be a list of values",
                       doc.line("slot_types", str(type_name)))
            continue
        read = (_slot_value(doc, value, str(type_name), i) for i, value in enumerate(values))
        found[str(type_name)] = tuple(v for v in read if v is not None)
    return found


def _rules(doc: Document, raw: dict[str, Any]) -> dict[str, str]:
    """``expansion_rules``: rule name -> template, used in samples as ``<name>``."""
    rules = raw.get("expansion_rules") or {}
    if not isinstance(rules, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in rules.items()
    ):
        doc.report("'expansion_rules' must map rule names to templates",
                   doc.line("expansion_rules"))
        return {}
    return dict(rules)


def _slot_value(doc: Document, value: Any, type_name: str, index: int) -> SlotValue | None:
    at: tuple[str | int, ...] = ("slot_types", type_name, index)
    if not isinstance(value, dict):
        doc.report(f"{type_name}: each value must be a mapping with 'name'", doc.line(*at))
        return None
    doc.unknown_keys(value, SLOT_VALUE_KEYS, *at)
    name, ident = value.get("name"), value.get("id", value.get("name"))
    if not isinstance(name, str) or not name or not isinstance(ident, str) or not ident:
        doc.report(f"{type_name}: 'name' and 'id' must be text", doc.line(*at))
        return None
    synonyms = _strings(doc, value.get("synonyms"), f"{type_name} {name!r}: 'synonyms'",
                        *at, "synonyms")
    return SlotValue(name=name, id=ident, synonyms=synonyms)


def read_lexicon(path: Path, problems: list[Problem]) -> Lexicon:
    """intents/_lexicon.yaml; every entry lowercased, as ``normalize()`` matches them."""
    doc = Document(path, problems)
    raw = doc.mapping("expected a mapping of word lists", LEXICON_KEYS)
    if raw is None:
        return Lexicon()
    lists = {key: tuple(w.lower() for w in _strings(doc, raw.get(key), f"'{key}'", key))
             for key in LEXICON_LISTS}
    phrases: dict[str, str] = {}
    numbers: dict[str, str] = {}
    misheard: list[str] = []
    for kind in LEXICON_KINDS:
        entries = raw.get(kind) or {}
        if not isinstance(entries, dict):
            doc.report(f"'{kind}' must map what people say to the guide's words",
                       doc.line(kind))
            continue
        for said, guide in entries.items():
            if not isinstance(said, str) or not isinstance(guide, str):  # YAML's on/off/yes/no
                doc.report(f"{kind}: {said!r}: {guide!r} must be words; quote on, off, yes "
                           "and no", doc.line(kind, str(said)))
                continue
            key = said.lower()
            if key in phrases:
                doc.report(f"{kind}: {key!r} is already an entry of another kind",
                           doc.line(kind, str(said)))
            (numbers if kind == "number_words" else phrases)[key] = guide.lower()
            misheard.extend([key] if kind == "mishearings" else [])
    return Lexicon(phrases=phrases, **lists, mishearings=frozenset(misheard), number_words=numbers)


def read_responses(path: Path, problems: list[Problem]) -> dict[str, dict[str, Any]]:
    """responses.yaml: answer key -> its entry, kept as written."""
    doc = Document(path, problems)
    raw = doc.value
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        doc.report("expected a mapping of answer keys", doc.line())
        return {}
    found: dict[str, dict[str, Any]] = {}
    for key, entry in raw.items():
        if not isinstance(entry, dict):
            doc.report(f"{key}: expected a mapping with 'speech'", doc.line(str(key)))
            continue
        found[str(key)] = entry
    return found

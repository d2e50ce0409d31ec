"""``si-skill validate`` for intents/_safety.yaml: the file parses, every rule names known
concepts and intents, carries an example of each status, and every example gives the
status (or the reading) it expects when the engine runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

from skill.content import safety_spec
from skill.content.parse import read_yaml
from skill.content.safety_spec import STATUSES, SafetySpec
from skill.content.templates import TemplateError, expand
from skill.nlu import dated
from skill.nlu.normalize import normalize, phrase_form
from skill.nlu.readings import Reader
from skill.nlu.safety import Engine

Report = Callable[[str, str], None]


def example_cases(spec: SafetySpec) -> Iterator[tuple[str, str, str]]:
    """(rule name, expected status, text) for every rule example in the file."""
    for rule in spec.rules:
        for status, texts in rule.examples.items():
            for text in texts:
                yield rule.name, status, text


def example_status(engine: Engine, rule: str, text: str) -> str | None:
    """What the engine makes of ``text`` for ``rule``: "reported" if any match of the
    rule is reported, else the first match's status, else None (no match)."""
    statuses = [f.status for f in engine.findings(normalize(text)) if f.rule == rule]
    if "reported" in statuses:
        return "reported"
    return statuses[0] if statuses else None


def _check_structure(spec: SafetySpec, intents: set[str], where: str, report: Report) -> None:
    known = set(spec.concepts)
    for concept in spec.mentions:
        if concept not in known:
            report(where, f"mentions: unknown concept {concept!r}")
    for concept in sorted(spec.parts - known):
        report(where, f"parts: unknown concept {concept!r}")
    for concept, intent in spec.mentions.items():
        if intent not in intents:
            report(where, f"mentions.{concept}: unknown intent {intent!r}")
    for urgent, intent in spec.asked_answers.items():
        if urgent not in intents or intent not in intents:
            report(where, f"asked_answers.{urgent}: unknown intent {urgent!r} or {intent!r}")
    for intent in sorted(spec.emergency_questions - set(intents)):
        report(where, f"emergency_questions: unknown intent {intent!r}")
    for urgent, by_status in spec.calm_answers.items():
        for status, intent in by_status.items():
            if urgent not in intents or intent not in intents:
                report(where, f"calm_answers.{urgent}.{status}: unknown intent {urgent!r} "
                              f"or {intent!r}")
    names: set[str] = set()
    for rule in spec.rules:
        if rule.name in names:
            report(where, f"rules.{rule.name}: the name is used twice")
        names.add(rule.name)
        if rule.intent not in intents:
            report(where, f"rules.{rule.name}: unknown intent {rule.intent!r}")
        for concept in rule.concepts:
            if concept not in known:
                report(where, f"rules.{rule.name}: unknown concept {concept!r}")
        for status in STATUSES:
            if not rule.examples.get(status):
                report(where, f"rules.{rule.name}: needs a {status!r} example")
        for status in rule.examples:
            if status not in STATUSES:
                report(where, f"rules.{rule.name}: unknown example kind {status!r}")


def _phrases(spec: SafetySpec) -> Iterator[tuple[str, str]]:
    """(where in the file, template) for every phrase the engine compiles."""
    yield from (("pseudo", line) for line in spec.pseudo)
    for name, lines in spec.concepts.items():
        yield from ((f"concepts.{name}", line) for line in lines)
    for mod in spec.modifiers:
        for side in ("before", "opening", "after", "breaks"):
            yield from ((f"modifiers.{mod.name}.{side}", line) for line in getattr(mod, side))


def _check_hollow(spec: SafetySpec, where: str, report: Report) -> None:
    """A phrase normalize() cuts down to one of its own words matches wherever that word
    stands: "what kind of" is "what" once the hedge is dropped, "like 6" a bare 6."""
    for at, template in _phrases(spec):
        for sentence in expand(template):
            said, left = phrase_form(sentence).split(), normalize(sentence).split()
            if len(said) > 1 and len(left) == 1 and left[0] in said:
                report(where, f"{at}: {sentence!r} is only {left[0]!r} after normalize() "
                              "(the other words are fillers)")


def _check_examples(spec: SafetySpec, where: str, report: Report) -> None:
    engine = Engine(spec, today=lambda: dated.EXAMPLES_DAY)  # the same verdicts all year
    for rule, status, text in example_cases(spec):
        if status not in STATUSES:
            continue
        got = example_status(engine, rule, text)
        if got != status:
            report(where, f"rules.{rule}: {text!r} should be {status}, is {got or 'no match'}")
    reader = Reader(spec.readings, engine)
    for text, number in spec.readings.reading_examples.items():
        found = reader.find(normalize(text))
        if found is None or found.number != number:
            got = found.number if found else "no reading"
            report(where, f"readings: {text!r} should read {number}, reads {got}")
    for text in spec.readings.not_reading_examples:
        found = reader.find(normalize(text))
        if found is not None:
            report(where, f"readings: {text!r} is not a reading, reads {found.number}")


def check_safety(root: Path, intents: set[str], report: Report) -> None:
    """Every problem in ``root``'s intents/_safety.yaml, as ``path: message``."""
    path = safety_spec.safety_path(root)
    where = str(path)
    try:
        spec = safety_spec.parse(read_yaml(path))
    except (OSError, yaml.YAMLError) as error:
        report(where, f"cannot read: {str(error).splitlines()[0]}")
        return
    except safety_spec.SpecError as error:
        report(where, str(error))
        return
    check_spec(spec, intents, where, report)


def check_spec(spec: SafetySpec, intents: set[str], where: str, report: Report) -> None:
    """Every problem of a parsed safety file: its structure, phrases and examples."""
    _check_structure(spec, intents, where, report)
    try:
        _check_hollow(spec, where, report)
        _check_examples(spec, where, report)
    except TemplateError as error:
        report(where, f"a phrase does not parse: {error}")

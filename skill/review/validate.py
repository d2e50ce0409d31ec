"""``si-skill validate``: check intents/ (with _safety.yaml and _locales.yaml),
responses.yaml and the committed interaction model of every locale.

Reports every problem as ``path: message`` (``path:line: message`` where the file
itself is malformed); the caller exits non-zero if there is any. Everything is checked
under the given root: its intents, its answers, its guide and its model.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Final

from skill.alexa import keys, screen
from skill.alexa.handlers import FALLBACK_INTENT, OWN_HANDLERS
from skill.content import answers, loader, locales, markup, model
from skill.content.spec import MENTION_SLOT, Content, IntentSpec
from skill.content.templates import TemplateError, expand
from skill.nlu import facets, fever
from skill.review import checks
from skill.review.duplicate_keys import check_duplicate_keys
from skill.review.safety_check import check_safety

MIN_SAMPLES: Final = 20  # per topic intent, after expansion (issue: "at least 20 distinct")
PLACEHOLDERS: Final = frozenset(
    {"care_team", "care_team_name", "clinic", "reading", "topic", "other", "emergency"})
_SAMPLE_CHARS: Final = re.compile(r"^[a-z' ]*(\{[a-z_]+\}[a-z' ]*)*$")
_SLOT_REF: Final = re.compile(r"\{(\w+)\}")

Report = Callable[[str, str], None]


def _check_samples(spec: IntentSpec, report: Report, owners: dict[str, str]) -> set[str]:
    sentences: set[str] = set()
    for line in spec.every_sample:
        try:
            expanded = expand(line, spec.rules)
        except TemplateError as error:
            report(spec.path, f"sample {line!r}: {error}")
            continue
        for sentence in expanded:
            if not _SAMPLE_CHARS.match(sentence):
                report(
                    spec.path,
                    f"sample {sentence!r}: only lowercase letters, spaces, "
                    "apostrophes and {slots} (spell numbers out)",
                )
            for slot in _SLOT_REF.findall(sentence):
                if slot not in spec.slots:
                    report(spec.path, f"sample {sentence!r} uses undeclared slot {{{slot}}}")
            other = owners.setdefault(sentence, spec.name)
            if other != spec.name:
                report(spec.path, f"sample {sentence!r} is also in {other}")
            sentences.add(sentence)
    return sentences


def _check_intent(spec: IntentSpec, content: Content, report: Report,
                  owners: dict[str, str]) -> None:
    where = spec.path
    if spec.name != Path(spec.path).stem:
        report(where, f"intent name {spec.name!r} does not match the file name")
    if spec.answer is not None and spec.answer not in content.responses:
        report(where, f"answer {spec.answer!r} is not in responses.yaml")
    if spec.answer is None and spec.name not in OWN_HANDLERS:
        report(where, "needs an 'answer' (a key in responses.yaml)")
    if spec.calm_answer is not None:
        if spec.calm_answer not in content.responses:
            report(where, f"calm_answer {spec.calm_answer!r} is not in responses.yaml")
        if not spec.urgent or spec.slots.get(MENTION_SLOT) not in content.slot_types:
            report(where, f"a calm_answer is for an urgent intent with a {MENTION_SLOT!r} "
                          "slot of a custom type (its values: the statuses that are no report)")
    for slot, type_name in spec.slots.items():
        if not type_name.startswith("AMAZON.") and type_name not in {
                *content.slot_types, model.FACET_TYPE}:
            report(where, f"slot {slot!r} has unknown type {type_name!r}")
    entry = facets.points_of(spec.name, content)
    if entry is not None and not any(
            type_name == model.FACET_TYPE for type_name in spec.slots.values()):
        report(where, f"answer {entry.key!r} has facets: declare a {model.FACET_TYPE} slot, "
                      "or its points are never chosen")
    sentences = _check_samples(spec, report, owners)
    if spec.name in content.topic_intents and len(sentences) < MIN_SAMPLES:
        report(where, f"only {len(sentences)} distinct samples; need at least {MIN_SAMPLES}")


def check_intents(content: Content, report: Report) -> None:
    owners: dict[str, str] = {}
    for spec in content.intents:
        _check_intent(spec, content, report, owners)
    folder = str(loader.intents_dir(content.root))
    for name in (*model.ALEXA_REQUIRED, FALLBACK_INTENT):
        if name not in content.by_name:
            report(folder, f"missing intent file {name}.yaml (the skill needs it)")
    files = {path.stem for path in loader.intent_files(content.root)}
    for name in sorted(_committed_intents(content.root) - files):
        report(folder, f"missing intent file {name}.yaml (the committed model has it; "
                       "rebuild the model if it was removed on purpose)")


def check_rules(content: Content, report: Report) -> None:
    """Every expansion rule in _common.yaml parses on its own, and something uses it."""
    where = str(content.root / "intents" / "_common.yaml")
    rules = content.expansion_rules
    used = " ".join([*rules.values(), *(line for spec in content.intents
                                          for line in spec.every_sample)])
    for name in rules:
        try:
            expand(f"<{name}>", rules)
        except TemplateError as error:
            report(where, f"expansion rule <{name}>: {error}")
        if f"<{name}>" not in used:
            report(where, f"expansion rule <{name}> is never used")


def _committed_intents(root: Path) -> set[str]:
    """The intents of the committed model (none if it is missing or unreadable)."""
    try:
        found = json.loads(loader.model_path(root).read_text(encoding="utf-8"))
        return {str(i["name"]) for i in found["interactionModel"]["languageModel"]["intents"]}
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def _check_text(path: str, where: str, text: str, report: Report) -> None:
    unknown = set(_SLOT_REF.findall(text)) - PLACEHOLDERS
    if unknown or text.count("{") != text.count("}"):
        report(path, f"{where}: unknown or broken placeholder {sorted(unknown)}")
    for problem in markup.problems(text):
        report(path, f"{where}: {problem}")


def check_responses(content: Content, report: Report) -> None:
    """Every entry has the {say, from} shape, known placeholders and well-formed numbers;
    every key the code speaks and every related answer exists; urgent answers end on
    the call."""
    path = str(loader.responses_path(content.root))
    responses = content.responses
    for key in keys.SPOKEN_BY_CODE:
        if key not in responses:
            report(path, f"{key}: missing (the skill speaks it)")
    parsed, errors = answers.parse_all(responses)
    for error in errors:
        report(path, error)
    for key, entry in parsed.items():
        if "source" not in responses[key]:
            report(path, f"{key}: needs a 'source' (the guide section, or none)")
        parts = [("speech", entry.speech), ("more", entry.more)] + [
            (f"facets.{n}", f.speech) for n, f in entry.facets.items()]
        for label, said in parts:
            for sentence in said:
                _check_text(path, f"{key}.{label}", sentence.say, report)
        for topic, target in entry.related.items():
            if target not in parsed:
                report(path, f"{key}.related.{topic}: {target!r} is not an answer key")
    # FeverIntent is urgent only with a reading over the line: those two answers.
    urgent = {spec.answer for spec in content.intents
              if spec.urgent and spec.answer and spec.name != "FeverIntent"}
    urgent |= {keys.FEVER[level] for level in (fever.Level.HIGH, fever.Level.AT_LINE)}
    checks.check_urgent(parsed, urgent, report, path)
    checks.check_calm(parsed, {s.calm_answer for s in content.intents if s.calm_answer},
                      report, path)


def check_model(content: Content, found: dict[str, locales.Locale], report: Report) -> None:
    """Every locale's committed model is there and in sync with intents/."""
    rebuild = f"run `si-skill build-model --root {content.root}`"
    for code, locale in found.items():
        path = loader.model_path(content.root, code)
        try:
            fresh = model.build_text(content, locale)
        except TemplateError as error:
            report(str(path), f"cannot build the model: {error}")
            return
        if not path.is_file():
            report(str(path), f"missing; {rebuild}")
        elif path.read_text(encoding="utf-8") != fresh:
            report(str(path), f"out of date with intents/; {rebuild}")


def _runnable(content: Content) -> bool:
    """Whether the skill can answer every request from ``content``: every answer it
    names is there (the response sizes are measured by running it)."""
    named = {*keys.SPOKEN_BY_CODE, *(s.answer for s in content.intents if s.answer),
             *(s.calm_answer for s in content.intents if s.calm_answer)}
    return FALLBACK_INTENT in content.by_name and named <= set(content.responses)


def check_apl(root: Path, report: Report) -> None:
    """The screen document parses, is APL, and binds only fields the skill sends. A
    project without one (voice only) has nothing to check."""
    path = screen.document_path(root)
    if path.is_file():
        for problem in screen.problems(path.read_text(encoding="utf-8")):
            report(str(path), problem)


def validate(root: Path | None = None) -> list[str]:
    """Every problem in the data under ``root`` (default: the skill's own data)."""
    content, load_problems = loader.read_content(root or loader.data_root())
    found = locales.read(locales.path_of(content.root), load_problems)
    problems = [str(problem) for problem in load_problems]

    def report(where: str, message: str) -> None:
        problems.append(f"{where}: {message}")

    check_intents(content, report)
    check_rules(content, report)
    check_responses(content, report)
    checks.check_answers(content.root, content.responses, found, report)
    if not load_problems and _runnable(content):
        checks.check_response_sizes(content, report)
    check_safety(content.root, set(content.by_name), report)
    check_duplicate_keys(content.root, report)
    check_model(content, found, report)
    check_apl(content.root, report)
    return problems

"""``si-skill validate``: check intents/, responses.yaml, _locales.yaml and the committed
interaction model of every locale.

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
from skill.content import loader, locales, model
from skill.content.spec import Content, IntentSpec
from skill.content.templates import TemplateError, expand
from skill.review import checks

MIN_SAMPLES: Final = 20  # per topic intent, after expansion (issue: "at least 20 distinct")
# The one-breath test: about 35 words is what a listener takes in at once.
MAX_SPEECH_WORDS: Final = 35
PLACEHOLDERS: Final = frozenset({"care_team", "clinic", "reading", "topic", "emergency"})
_SAMPLE_CHARS: Final = re.compile(r"^[a-z' ]*(\{[a-z_]+\}[a-z' ]*)*$")
_SLOT_REF: Final = re.compile(r"\{(\w+)\}")

Report = Callable[[str, str], None]


def _check_samples(spec: IntentSpec, report: Report, owners: dict[str, str]) -> set[str]:
    sentences: set[str] = set()
    for line in spec.samples:
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
    for slot, type_name in spec.slots.items():
        if not type_name.startswith("AMAZON.") and type_name not in content.slot_types:
            report(where, f"slot {slot!r} has unknown type {type_name!r}")
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
    used = " ".join([*rules.values(), *(line for spec in content.intents for line in spec.samples)])
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


def check_responses(content: Content, report: Report) -> None:
    path = str(loader.responses_path(content.root))
    responses = content.responses
    for key in keys.SPOKEN_BY_CODE:
        if key not in responses:
            report(path, f"{key}: missing (the skill speaks it)")
    for key, entry in responses.items():
        if not isinstance(entry.get("speech"), str):
            report(path, f"{key}: needs a 'speech' string")
            continue
        for part in ("speech", "more"):
            text = entry.get(part)
            if text is None:
                continue
            if not isinstance(text, str):
                report(path, f"{key}.{part}: must be a string")
                continue
            unknown = set(_SLOT_REF.findall(text)) - PLACEHOLDERS
            if unknown or text.count("{") != text.count("}"):
                report(path, f"{key}.{part}: unknown or broken placeholder {sorted(unknown)}")
        words = len(entry["speech"].split())
        if words > MAX_SPEECH_WORDS:
            report(
                path,
                f"{key}.speech: {words} words; the first answer must be at most {MAX_SPEECH_WORDS}",
            )
        if "source" not in entry:
            report(path, f"{key}: needs a 'source' (the guide section, or none)")


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
    named = {*keys.SPOKEN_BY_CODE, *(s.answer for s in content.intents if s.answer)}
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
    check_model(content, found, report)
    check_apl(content.root, report)
    return problems

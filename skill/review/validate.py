"""``si-skill validate``: check intents/ (with _safety.yaml), responses.yaml and the committed
interaction model.

Reports every problem as ``path: message``; the caller exits non-zero if there is any.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import yaml

from skill.content import loader, model
from skill.content.templates import TemplateError, expand
from skill.review import checks
from skill.review.safety_check import check_safety

# DESIGN.md's intent table: the contract with Alexa and with the tests.
TOPIC_INTENTS: Final = (
    "AboutProcedureIntent",
    "CandidacyIntent",
    "ProcedureStepsIntent",
    "SurgicalApproachIntent",
    "SurgeryDurationIntent",
    "FusionHealingIntent",
    "BenefitsIntent",
    "RisksIntent",
    "HospitalStayIntent",
    "WalkingIntent",
    "LiftingIntent",
    "SittingIntent",
    "ActivityIntent",
    "PhysicalTherapyIntent",
    "ReturnToNormalIntent",
    "PainExpectationsIntent",
    "PainMedicationIntent",
    "WhenToCallIntent",
    "FeverIntent",
    "IncisionConcernIntent",
    "WorseningPainIntent",
    "InfectionSignsIntent",
    "EmergencyIntent",
    "CareTeamContactIntent",
    "UncoveredTopicIntent",
)
URGENT_INTENTS: Final = frozenset(
    {
        "FeverIntent",
        "IncisionConcernIntent",
        "WorseningPainIntent",
        "InfectionSignsIntent",
        "EmergencyIntent",
    }
)
# Answers the handlers speak by key, beyond the ones intents/ names.
CODE_KEYS: Final = (
    "welcome",
    "help",
    "goodbye",
    "fallback",
    "no_more",
    "nothing_to_repeat",
    "anything_else",
    "error",
    "reprompt",
    "more_offer",
    "fever_high",
    "fever_at_line",
    "fever_low",
    "fever_unclear",
)
MIN_SAMPLES: Final = 20  # per topic intent, after expansion (issue: "at least 20 distinct")
# The one-breath test: about 35 words is what a listener takes in at once.
MAX_SPEECH_WORDS: Final = 35
PLACEHOLDERS: Final = frozenset({"care_team", "clinic", "reading", "topic"})
_SAMPLE_CHARS: Final = re.compile(r"^[a-z' ]*(\{[a-z_]+\}[a-z' ]*)*$")
_SLOT_REF: Final = re.compile(r"\{(\w+)\}")

Report = Callable[[str, str], None]


def _check_intent(
    spec: loader.IntentSpec,
    path: Path,
    report: Report,
    owners: dict[str, str],
    responses: dict[str, Any],
) -> None:
    where = str(path)
    if spec.name != path.stem:
        report(where, f"intent name {spec.name!r} does not match the file name")
    if spec.answer is not None and spec.answer not in responses:
        report(where, f"answer {spec.answer!r} is not in responses.yaml")
    if spec.name in TOPIC_INTENTS and spec.urgent != (spec.name in URGENT_INTENTS):
        report(where, f"urgent should be {spec.name in URGENT_INTENTS}")
    sentences: set[str] = set()
    for line in spec.samples:
        try:
            expanded = expand(line)
        except TemplateError as error:
            report(where, f"sample {line!r}: {error}")
            continue
        for sentence in expanded:
            if not _SAMPLE_CHARS.match(sentence):
                report(
                    where,
                    f"sample {sentence!r}: only lowercase letters, spaces, "
                    "apostrophes and {slots} (spell numbers out)",
                )
            for slot in _SLOT_REF.findall(sentence):
                if slot not in spec.slots:
                    report(where, f"sample {sentence!r} uses undeclared slot {{{slot}}}")
            other = owners.setdefault(sentence, spec.name)
            if other != spec.name:
                report(where, f"sample {sentence!r} is also in {other}")
            sentences.add(sentence)
    if spec.name in TOPIC_INTENTS and len(sentences) < MIN_SAMPLES:
        report(where, f"only {len(sentences)} distinct samples; need at least {MIN_SAMPLES}")


def check_intents(root: Path, report: Report) -> list[loader.IntentSpec]:
    responses = _load_responses(root, lambda *_: None) or {}
    specs, owners = [], {}  # type: ignore[var-annotated]
    common = loader.intents_dir(root) / "_common.yaml"
    types = set()
    try:
        types = set((yaml.safe_load(common.read_text()) or {}).get("slot_types") or {})
    except (OSError, yaml.YAMLError, AttributeError) as error:
        report(str(common), f"cannot read slot types: {error}")
    for path in loader.intent_files(root):
        try:
            spec = loader.parse_intent(loader.read_yaml(path), path)
        except (ValueError, yaml.YAMLError) as error:
            report(str(path), str(error).splitlines()[0])
            continue
        for slot, type_name in spec.slots.items():
            if not type_name.startswith("AMAZON.") and type_name not in types:
                report(str(path), f"slot {slot!r} has unknown type {type_name!r}")
        _check_intent(spec, path, report, owners, responses)
        specs.append(spec)
    names = {s.name for s in specs}
    for name in TOPIC_INTENTS:
        if name not in names:
            report(str(loader.intents_dir(root)), f"missing intent file {name}.yaml")
    return specs


def _load_responses(root: Path, report: Report) -> dict[str, Any] | None:
    path = loader.responses_path(root)
    try:
        raw = loader.read_yaml(path)
    except (OSError, yaml.YAMLError) as error:
        report(str(path), f"cannot read: {str(error).splitlines()[0]}")
        return None
    if not isinstance(raw, dict):
        report(str(path), "expected a mapping of answer keys")
        return None
    return raw


def check_responses(root: Path, report: Report) -> None:
    responses = _load_responses(root, report)
    if responses is None:
        return
    path = str(loader.responses_path(root))
    for key in CODE_KEYS:
        if key not in responses:
            report(path, f"{key}: missing (the skill speaks it)")
    for key, entry in responses.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("speech"), str):
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


def check_model(root: Path, specs: list[loader.IntentSpec], report: Report) -> None:
    path = loader.model_path(root)
    try:
        fresh = model.build_text(root, specs)
    except (OSError, yaml.YAMLError, KeyError, TemplateError) as error:
        report(str(path), f"cannot build the model: {error}")
        return
    if not path.is_file():
        report(str(path), "missing; run `si-skill build-model`")
    elif path.read_text(encoding="utf-8") != fresh:
        report(str(path), "out of date with intents/; run `si-skill build-model`")


def validate(root: Path | None = None) -> list[str]:
    """Every problem in the data under ``root`` (default: the skill's own data)."""
    root = root or loader.data_root()
    problems: list[str] = []

    def report(where: str, message: str) -> None:
        problems.append(f"{where}: {message}")

    specs = check_intents(root, report)
    check_responses(root, report)
    responses = _load_responses(root, lambda *_: None)
    if responses is not None:
        checks.check_answers(root, responses, report)
    checks.check_response_sizes(report)
    check_safety(root, {s.name for s in specs}, report)
    check_model(root, specs, report)
    return problems

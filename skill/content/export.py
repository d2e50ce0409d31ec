"""``si-skill export-ask DIR``: an ASK CLI project for the Alexa developer console.

    DIR/ask-resources.json
    DIR/skill-package/skill.json                               the skill manifest
    DIR/skill-package/interactionModels/custom/<locale>.json   each committed model, as is
    DIR/.ask/ask-states.json                                   with --skill-id only

Then ``cd DIR && ask deploy`` creates or updates the skill in every locale of
intents/_locales.yaml. Each locale's example phrases are real samples of its model (a
test routes each one), and its description carries the same disclaimer the skill
speaks at launch, with that locale's emergency number.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Final

from skill.content import loader
from skill.content import locales as locales_module
from skill.content.locales import Locale
from skill.content.spec import ContentError, Problem

log = logging.getLogger(__name__)

SKILL_NAME: Final = "Fusion Recovery"
# Where Alexa sends requests when no --endpoint is given: replace before `ask deploy`.
PLACEHOLDER_ENDPOINT: Final = "arn:aws:lambda:us-east-1:123456789012:function:fusion-recovery"
DISCLAIMER: Final = ("This is general information from your clinic's patient guide, not "
                     "medical advice; in an emergency call {number}.")
SUMMARY: Final = "Answers your questions about recovering from SI joint fusion surgery."
# Alexa allows three example phrases; the first opens the skill, the others ask the
# locale's example questions (samples of its model, so Alexa and our router know them).
MAX_EXAMPLES: Final = 3
KEYWORDS: Final = ("SI joint fusion", "sacroiliac", "surgery recovery", "back surgery",
                   "post-operative care", "patient guide")
CATEGORY: Final = "HEALTH_AND_FITNESS"


def invocation_name(model: dict[str, Any]) -> str:
    return str(model["interactionModel"]["languageModel"]["invocationName"])


def example_phrases(invocation: str, questions: tuple[str, ...]) -> list[str]:
    return ([f"Alexa, open {invocation}"] + [
        f"Alexa, ask {invocation} {question}" for question in questions])[:MAX_EXAMPLES]


def listing(locale: Locale, invocation: str) -> dict[str, Any]:
    """One locale's entry in the manifest's publishingInformation.locales."""
    return {
        "name": SKILL_NAME,
        "summary": SUMMARY,
        "description": f"{locale.description} {DISCLAIMER.format(number=locale.emergency)}",
        "examplePhrases": example_phrases(invocation, locale.examples),
        "keywords": list(KEYWORDS),
    }


def manifest(models: dict[str, dict[str, Any]], locales: dict[str, Locale],
             endpoint: str | None = None) -> dict[str, Any]:
    """The skill.json document (manifest version 1.0) for a custom skill in every
    locale of ``models`` (locale -> its interaction model)."""
    uri = endpoint or PLACEHOLDER_ENDPOINT
    api_endpoint: dict[str, str] = {"uri": uri}
    if uri.startswith("https://"):
        # A self-hosted endpoint (``si-skill serve`` behind TLS) with a CA-issued cert.
        api_endpoint["sslCertificateType"] = "Trusted"
    return {
        "manifest": {
            "manifestVersion": "1.0",
            "publishingInformation": {
                "locales": {code: listing(locales[code], invocation_name(model))
                            for code, model in models.items()},
                "category": CATEGORY,
                "isAvailableWorldwide": False,
                "distributionCountries": sorted({code[-2:] for code in models}),
                "testingInstructions": "Say 'Alexa, open fusion recovery', then ask "
                                       "'can I lift groceries?' or 'is 102 a fever?'.",
            },
            "privacyAndCompliance": {
                "allowsPurchases": False,
                "usesPersonalInfo": False,
                "isChildDirected": False,
                "isExportCompliant": True,
                "containsAds": False,
            },
            "apis": {"custom": {"endpoint": api_endpoint}},
        }
    }


ASK_RESOURCES: Final = {
    "askcliResourcesVersion": "2020-03-31",
    "profiles": {"default": {"skillMetadata": {"src": "./skill-package"}}},
}


def _write_json(path: Path, document: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def ask_states(skill_id: str) -> dict[str, Any]:
    """``.ask/ask-states.json``: which existing skill ``ask deploy`` updates."""
    return {"askcliStatesVersion": "2020-03-31",
            "profiles": {"default": {"skillId": skill_id}}}


def export(directory: Path, endpoint: str | None = None,
           skill_id: str | None = None, root: Path | None = None) -> list[Path]:
    """Write the ASK CLI project into ``directory`` with every locale's committed model
    under ``root`` (default: the skill's own); return the files written. With a
    ``skill_id``, ``ask deploy`` updates that skill instead of creating a new one."""
    root = root or loader.data_root()
    problems: list[Problem] = []
    locales = locales_module.read(locales_module.path_of(root), problems)
    problems += [Problem(str(path), f"missing; run `si-skill build-model --root {root}`")
                 for path in (loader.model_path(root, code) for code in locales)
                 if not path.is_file()]
    if problems:
        raise ContentError(problems)
    package = directory / "skill-package"
    models: dict[str, dict[str, Any]] = {}
    model_files = []
    for code in locales:
        model_text = loader.model_path(root, code).read_text(encoding="utf-8")
        models[code] = json.loads(model_text)
        model_file = package / "interactionModels" / "custom" / f"{code}.json"
        model_file.parent.mkdir(parents=True, exist_ok=True)
        model_file.write_text(model_text, encoding="utf-8")
        model_files.append(model_file)
    written = [
        _write_json(directory / "ask-resources.json", ASK_RESOURCES),
        _write_json(package / "skill.json", manifest(models, locales, endpoint)),
        *model_files,
    ]
    if skill_id:
        written.append(_write_json(directory / ".ask" / "ask-states.json", ask_states(skill_id)))
    log.info("exported ASK project with %d files", len(written))
    return written

"""``si-skill export-ask DIR``: an ASK CLI project for the Alexa developer console.

    DIR/ask-resources.json
    DIR/skill-package/skill.json                            the skill manifest
    DIR/skill-package/interactionModels/custom/en-US.json   the committed model, as is
    DIR/.ask/ask-states.json                                with --skill-id only

Then ``cd DIR && ask deploy`` creates or updates the skill. The manifest's example
phrases are real samples of the model (a test routes each one), and the description
carries the same disclaimer the skill speaks at launch.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Final

from skill.content import loader

log = logging.getLogger(__name__)

SKILL_NAME: Final = "Fusion Recovery"
LOCALE: Final = "en-US"
# Where Alexa sends requests when no --endpoint is given: replace before `ask deploy`.
PLACEHOLDER_ENDPOINT: Final = "arn:aws:lambda:us-east-1:123456789012:function:fusion-recovery"
DISCLAIMER: Final = ("This is general information from your clinic's patient guide, not "
                     "medical advice; in an emergency call 911.")
SUMMARY: Final = "Answers your questions about recovering from SI joint fusion surgery."
DESCRIPTION: Final = (
    "Fusion Recovery answers common questions after sacroiliac (SI) joint fusion: how much "
    "you may lift, how long to sit, walking, pain, physical therapy, and when to call your "
    "care team. Answers come from your clinic's patient guide on SI joint fusion. For "
    "urgent symptoms, such as a fever over 101 degrees or a red, draining incision, it "
    "tells you to call your care team right away. " + DISCLAIMER
)
# Alexa allows three example phrases; the first opens the skill. The questions are
# samples of the interaction model, so Alexa (and our router) know them.
EXAMPLE_QUESTIONS: Final = ("can i lift groceries", "how long can i sit")
KEYWORDS: Final = ("SI joint fusion", "sacroiliac", "surgery recovery", "back surgery",
                   "post-operative care", "patient guide")
CATEGORY: Final = "HEALTH_AND_FITNESS"


def invocation_name(model: dict[str, Any]) -> str:
    return str(model["interactionModel"]["languageModel"]["invocationName"])


def example_phrases(invocation: str) -> list[str]:
    return [f"Alexa, open {invocation}"] + [
        f"Alexa, ask {invocation} {question}" for question in EXAMPLE_QUESTIONS
    ]


def manifest(model: dict[str, Any], endpoint: str | None = None) -> dict[str, Any]:
    """The skill.json document (manifest version 1.0) for a custom skill in en-US."""
    uri = endpoint or PLACEHOLDER_ENDPOINT
    api_endpoint: dict[str, str] = {"uri": uri}
    if uri.startswith("https://"):
        # A self-hosted endpoint (``si-skill serve`` behind TLS) with a CA-issued cert.
        api_endpoint["sslCertificateType"] = "Trusted"
    return {
        "manifest": {
            "manifestVersion": "1.0",
            "publishingInformation": {
                "locales": {
                    LOCALE: {
                        "name": SKILL_NAME,
                        "summary": SUMMARY,
                        "description": DESCRIPTION,
                        "examplePhrases": example_phrases(invocation_name(model)),
                        "keywords": list(KEYWORDS),
                    }
                },
                "category": CATEGORY,
                "isAvailableWorldwide": False,
                "distributionCountries": ["US"],
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
    """Write the ASK CLI project into ``directory`` with the committed model under
    ``root`` (default: the skill's own); return the files written. With a ``skill_id``,
    ``ask deploy`` updates that skill instead of creating a new one."""
    model_text = loader.model_path(root).read_text(encoding="utf-8")
    model = json.loads(model_text)
    package = directory / "skill-package"
    model_file = package / "interactionModels" / "custom" / f"{LOCALE}.json"
    model_file.parent.mkdir(parents=True, exist_ok=True)
    model_file.write_text(model_text, encoding="utf-8")
    written = [
        _write_json(directory / "ask-resources.json", ASK_RESOURCES),
        _write_json(package / "skill.json", manifest(model, endpoint)),
        model_file,
    ]
    if skill_id:
        written.append(_write_json(directory / ".ask" / "ask-states.json", ask_states(skill_id)))
    log.info("exported ASK project with %d files", len(written))
    return written

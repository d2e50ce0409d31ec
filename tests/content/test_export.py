"""skill.export / ``si-skill export-ask DIR``: an ASK CLI project Alexa would accept."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from skill.cli import main
from skill.content import export, loader
from skill.content.locales import REQUIRED
from skill.nlu.localized import router_for
from skill.nlu.router import FALLBACK, route

LAUNCH = "Alexa, open fusion recovery"
ASK = "Alexa, ask fusion recovery"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("ask")
    out = io.StringIO()
    assert main(["export-ask", str(directory)], out=out) == 0
    assert out.getvalue().count("wrote ") == 2 + len(REQUIRED)  # a model per locale
    return directory


@pytest.fixture(scope="module")
def manifest(project) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((project / "skill-package/skill.json").read_text())
    return loaded["manifest"]


def test_export_writes_ask_cli_layout(project):
    resources = json.loads((project / "ask-resources.json").read_text())
    assert resources["askcliResourcesVersion"] == "2020-03-31"
    assert resources["profiles"]["default"]["skillMetadata"]["src"] == "./skill-package"


@pytest.mark.parametrize("locale", REQUIRED)
def test_export_model_is_the_committed_model(project, locale):
    exported = project / f"skill-package/interactionModels/custom/{locale}.json"
    assert exported.read_bytes() == loader.model_path(locale=locale).read_bytes()


def test_manifest_lists_every_locale_with_its_own_listing(manifest):
    listed = manifest["publishingInformation"]["locales"]
    assert sorted(listed) == sorted(REQUIRED)
    assert len({entry["description"] for entry in listed.values()}) == len(REQUIRED)
    assert manifest["publishingInformation"]["distributionCountries"] == [
        "AU", "CA", "GB", "IN", "US"]


@pytest.mark.parametrize(("locale", "number"), [
    ("en-US", "911"), ("en-CA", "911"), ("en-GB", "999"), ("en-AU", "000"), ("en-IN", "112")])
def test_each_listing_names_its_own_emergency_number(manifest, locale, number):
    description = manifest["publishingInformation"]["locales"][locale]["description"]
    assert description.endswith(f"not medical advice; in an emergency call {number}.")
    assert locale in ("en-US", "en-CA") or "911" not in description


@pytest.mark.parametrize("locale", REQUIRED)
def test_each_listings_questions_are_samples_of_its_model(manifest, locale):
    phrases = manifest["publishingInformation"]["locales"][locale]["examplePhrases"]
    assert 2 <= len(phrases) <= 3 and phrases[0] == LAUNCH
    model = json.loads(loader.model_path(locale=locale).read_text())
    owner = {sample: intent["name"]
             for intent in model["interactionModel"]["languageModel"]["intents"]
             for sample in intent.get("samples", [])}
    for question in (p.removeprefix(ASK).strip() for p in phrases[1:]):
        assert owner.get(question) == router_for(locale=locale).route(question).intent, question


def test_manifest_required_fields(manifest):
    assert manifest["manifestVersion"] == "1.0"
    locale = manifest["publishingInformation"]["locales"]["en-US"]
    assert locale["name"] == "Fusion Recovery"
    assert locale["summary"] and len(locale["summary"]) <= 160
    assert 1 <= len(locale["keywords"]) <= 30
    assert manifest["publishingInformation"]["category"] == "HEALTH_AND_FITNESS"
    assert manifest["privacyAndCompliance"] == {
        "allowsPurchases": False, "usesPersonalInfo": False, "isChildDirected": False,
        "isExportCompliant": True, "containsAds": False,
    }
    assert manifest["apis"]["custom"]["endpoint"]["uri"] == export.PLACEHOLDER_ENDPOINT


def test_manifest_description_carries_disclaimer(manifest):
    description = manifest["publishingInformation"]["locales"]["en-US"]["description"]
    assert ("general information from your clinic's patient guide, not medical advice; "
            "in an emergency call 911") in description


def test_manifest_example_phrases_open_then_ask(manifest):
    phrases = manifest["publishingInformation"]["locales"]["en-US"]["examplePhrases"]
    assert 1 <= len(phrases) <= 3
    assert phrases[0] == LAUNCH
    assert all(p.startswith(ASK + " ") for p in phrases[1:])


def _questions(manifest: dict[str, Any]) -> list[str]:
    phrases = manifest["publishingInformation"]["locales"]["en-US"]["examplePhrases"]
    return [p.removeprefix(ASK).strip() for p in phrases if p.startswith(ASK)]


def test_manifest_example_questions_route_to_real_intents(manifest):
    for question in _questions(manifest):
        found = route(question)
        assert found.intent != FALLBACK, question
        assert not found.intent.startswith("AMAZON."), question


def test_manifest_example_questions_are_model_samples(manifest):
    """Alexa's certification wants example phrases its model knows, for the same intent
    our router picks."""
    model = json.loads(loader.model_path().read_text())
    owner = {sample: intent["name"]
             for intent in model["interactionModel"]["languageModel"]["intents"]
             for sample in intent.get("samples", [])}
    for question in _questions(manifest):
        assert owner.get(question) == route(question).intent, question


def test_manifest_invocation_name_from_model(manifest):
    model = json.loads(loader.model_path().read_text())
    assert LAUNCH.endswith(export.invocation_name(model))


def test_export_endpoint_option(tmp_path):
    arn = "arn:aws:lambda:us-west-2:111122223333:function:fusion"
    main(["export-ask", str(tmp_path / "a"), "--endpoint", arn], out=io.StringIO())
    written = json.loads((tmp_path / "a/skill-package/skill.json").read_text())
    assert written["manifest"]["apis"]["custom"]["endpoint"] == {"uri": arn}


def test_export_https_endpoint_declares_certificate(tmp_path):
    paths = export.export(tmp_path, "https://skill.example.org/alexa")
    written = json.loads(paths[1].read_text())
    assert written["manifest"]["apis"]["custom"]["endpoint"] == {
        "uri": "https://skill.example.org/alexa", "sslCertificateType": "Trusted"}



def test_export_skill_id_writes_ask_states(tmp_path):
    skill_id = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555"
    main(["export-ask", str(tmp_path), "--skill-id", skill_id], out=io.StringIO())
    states = json.loads((tmp_path / ".ask/ask-states.json").read_text())
    assert states["profiles"]["default"]["skillId"] == skill_id


def test_export_without_skill_id_has_no_states(project):
    assert not (project / ".ask").exists()

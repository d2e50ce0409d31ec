"""Echo Show and other screens: an APL RenderDocument only where APL is supported."""

from __future__ import annotations

import json
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer

from skill.alexa import envelope, screen
from skill.review import validate

RENDER = "Alexa.Presentation.APL.RenderDocument"


def invoke(skill, intent: str | None, *, apl: bool, slots: dict[str, str] | None = None
           ) -> dict[str, Any]:
    request = envelope.intent_request(intent, slots) if intent else envelope.launch_request()
    env = envelope.envelope(request, session_id=envelope.new_session_id(), new=True, apl=apl)
    response = skill.invoke(request_envelope=env, context=None)
    serialized: dict[str, Any] = DefaultSerializer().serialize(response)
    return serialized["response"]


def render_directive(response: dict[str, Any]) -> dict[str, Any] | None:
    found = [d for d in response.get("directives") or [] if d["type"] == RENDER]
    assert len(found) <= 1
    return found[0] if found else None


def test_screen_device_gets_the_answer_on_screen(skill_with_phone):
    response = invoke(skill_with_phone, "LiftingIntent", apl=True)
    directive = render_directive(response)
    assert directive is not None
    assert directive["document"]["type"] == "APL"
    answer = directive["datasources"]["answer"]
    assert "10 pounds" in answer["text"]  # the screen is for the eye: digits and units
    assert answer["urgent"] is False and answer["banner"] == ""
    assert answer["phone"] == "555-010-0199"
    assert answer["title"] == response["card"]["title"]


def test_voice_only_device_gets_no_directive(skill_with_phone):
    response = invoke(skill_with_phone, "LiftingIntent", apl=False)
    assert render_directive(response) is None
    assert "ten pounds" in response["outputSpeech"]["ssml"]


@pytest.mark.parametrize(("intent", "slots", "banner"), [
    ("IncisionConcernIntent", None, "Call your care team"),
    ("FeverIntent", {"temperature": "102"}, "Call your care team"),
    ("EmergencyIntent", None, "Call 911"),
])
def test_urgent_answer_shows_the_banner(skill_with_phone, intent, slots, banner):
    answer = render_directive(invoke(skill_with_phone, intent, apl=True, slots=slots))
    assert answer is not None
    assert answer["datasources"]["answer"]["urgent"] is True
    assert answer["datasources"]["answer"]["banner"] == banner


def test_no_phone_configured_shows_no_number(skill):
    answer = render_directive(invoke(skill, None, apl=True))
    assert answer is not None and answer["datasources"]["answer"]["phone"] == ""


def test_alexa_endpoint_sends_apl_only_to_screens(client, make_envelope):
    with_screen = client.post("/alexa", json=make_envelope("LiftingIntent", apl=True))
    without = client.post("/alexa", json=make_envelope("LiftingIntent"))
    assert with_screen.status_code == without.status_code == 200
    assert render_directive(with_screen.get_json()["response"]) is not None
    assert render_directive(without.get_json()["response"]) is None


def test_shipped_document_passes_validate():
    found: list[str] = []
    validate.check_apl(validate.loader.data_root(), lambda w, m: found.append(m))
    assert screen.document_path().is_file() and found == []


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(type="HTML"), "'type' must be \"APL\""),
    (lambda d: d.pop("version"), "needs a 'version'"),
    (lambda d: d["mainTemplate"].update(parameters=[]), "mainTemplate with parameters"),
    (lambda d: d["mainTemplate"]["items"][0].update(when="${payload.answer.nope}"),
     "${payload.answer.nope} is not a field the skill sends"),
])
def test_validate_reports_a_broken_document(tmp_path, change, message):
    doc = json.loads(screen.document_path().read_text())
    change(doc)
    (tmp_path / "apl").mkdir()
    (tmp_path / "apl" / "answer.json").write_text(json.dumps(doc))
    found: list[str] = []
    validate.check_apl(tmp_path, lambda w, m: found.append(m))
    assert any(message in problem for problem in found), found


def test_validate_reports_a_document_that_is_not_json(tmp_path):
    (tmp_path / "apl").mkdir()
    (tmp_path / "apl" / "answer.json").write_text("{not json")
    found: list[str] = []
    validate.check_apl(tmp_path, lambda w, m: found.append(m))
    assert found and found[0].startswith("not JSON")


"""Shared fixtures: the skill, a conversation, the Flask app and client, envelopes."""

from __future__ import annotations

from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer

from skill.alexa import envelope
from skill.alexa.builder import build_skill
from skill.alexa.conversation import Conversation
from skill.config import Config
from skill.nlu import dated
from tests.support.config import PHONE


@pytest.fixture(scope="session", autouse=True)
def _calendar():
    """Named years and months read on one fixed day (skill.nlu.dated): the same verdicts
    all year."""
    dated.set_clock(lambda: dated.EXAMPLES_DAY)


@pytest.fixture(scope="session")
def skill():
    return build_skill(Config())


@pytest.fixture(scope="session")
def skill_with_phone():
    return build_skill(Config(care_team_phone=PHONE, clinic_name="Lakeside Spine"))


@pytest.fixture
def conversation(skill) -> Conversation:
    return Conversation(skill)


@pytest.fixture
def phone_conversation(skill_with_phone) -> Conversation:
    return Conversation(skill_with_phone)


@pytest.fixture
def make_envelope():
    """An Alexa request envelope as a JSON-ready dict, built from ask_sdk_model objects."""

    def make(intent: str | None = None, slots: dict[str, str] | None = None,
             *, skill_id: str = envelope.LOCAL_SKILL_ID, **kwargs: Any) -> dict[str, Any]:
        request = envelope.intent_request(intent, slots) if intent else envelope.launch_request()
        env = envelope.envelope(request, session_id=envelope.new_session_id(), new=True,
                                skill_id=skill_id, **kwargs)
        return DefaultSerializer().serialize(env)

    return make


@pytest.fixture
def app():
    from skill.web import create_app

    return create_app({"ALEXA_VERIFY": "off", "CARE_TEAM_PHONE": PHONE})


@pytest.fixture
def client(app):
    return app.test_client()

"""Alexa request envelopes for the local doors (CLI, simulator, tests, benchmarks).

Built from ask_sdk_model objects, exactly what Alexa would send for the same intent.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any

from ask_sdk_model import (
    Application,
    Context,
    Device,
    Intent,
    IntentConfirmationStatus,
    IntentRequest,
    LaunchRequest,
    Request,
    RequestEnvelope,
    Session,
    SessionEndedReason,
    SessionEndedRequest,
    Slot,
    SlotConfirmationStatus,
    SupportedInterfaces,
    User,
)
from ask_sdk_model.dialog_state import DialogState
from ask_sdk_model.interfaces.system import SystemState

LOCAL_SKILL_ID = "amzn1.ask.skill.local-simulator"
LOCALE = "en-US"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def intent_request(name: str, slots: dict[str, str] | None = None) -> IntentRequest:
    return IntentRequest(
        request_id=f"amzn1.echo-api.request.{uuid.uuid4()}",
        timestamp=_now(),
        locale=LOCALE,
        dialog_state=DialogState.COMPLETED,
        intent=Intent(
            name=name,
            slots={
                k: Slot(name=k, value=v, confirmation_status=SlotConfirmationStatus.NONE)
                for k, v in (slots or {}).items()
            },
            confirmation_status=IntentConfirmationStatus.NONE,
        ),
    )


def launch_request() -> LaunchRequest:
    return LaunchRequest(
        request_id=f"amzn1.echo-api.request.{uuid.uuid4()}", timestamp=_now(), locale=LOCALE
    )


def session_ended_request() -> SessionEndedRequest:
    return SessionEndedRequest(
        request_id=f"amzn1.echo-api.request.{uuid.uuid4()}", timestamp=_now(), locale=LOCALE,
        reason=SessionEndedReason.USER_INITIATED,
    )


def envelope(
    request: Request,
    *,
    session_id: str,
    new: bool,
    attributes: dict[str, Any] | None = None,
    skill_id: str = LOCAL_SKILL_ID,
    user_id: str = "amzn1.ask.account.local-user",
    device_id: str = "amzn1.ask.device.local-device",
) -> RequestEnvelope:
    application = Application(application_id=skill_id)
    user = User(user_id=user_id)
    return RequestEnvelope(
        version="1.0",
        session=Session(
            new=new, session_id=session_id, application=application, user=user,
            attributes=dict(attributes or {}),
        ),
        context=Context(
            system=SystemState(
                application=application, user=user,
                device=Device(device_id=device_id, supported_interfaces=SupportedInterfaces()),
                api_endpoint="https://api.amazonalexa.com",
            )
        ),
        request=request,
    )


def new_session_id() -> str:
    return f"amzn1.echo-api.session.{uuid.uuid4()}"

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
from ask_sdk_model.interfaces.alexa.presentation.apl import AlexaPresentationAplInterface, Runtime
from ask_sdk_model.interfaces.system import SystemState

LOCAL_SKILL_ID = "amzn1.ask.skill.local-simulator"
LOCALE = "en-US"
# The APL version an Echo Show reports (apl/answer.json is written for it).
APL_MAX_VERSION = "2023.3"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def intent_request(
    name: str, slots: dict[str, str] | None = None, locale: str = LOCALE
) -> IntentRequest:
    return IntentRequest(
        request_id=f"amzn1.echo-api.request.{uuid.uuid4()}",
        timestamp=_now(),
        locale=locale,
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


def launch_request(locale: str = LOCALE) -> LaunchRequest:
    return LaunchRequest(
        request_id=f"amzn1.echo-api.request.{uuid.uuid4()}", timestamp=_now(), locale=locale
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
    apl: bool = False,
) -> RequestEnvelope:
    """``apl``: the device has a screen (an Echo Show lists Alexa.Presentation.APL)."""
    interfaces = SupportedInterfaces(alexa_presentation_apl=AlexaPresentationAplInterface(
        runtime=Runtime(max_version=APL_MAX_VERSION))) if apl else SupportedInterfaces()
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
                device=Device(device_id=device_id, supported_interfaces=interfaces),
                api_endpoint="https://api.amazonalexa.com",
            )
        ),
        request=request,
    )


def new_session_id() -> str:
    return f"amzn1.echo-api.session.{uuid.uuid4()}"

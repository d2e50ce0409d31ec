"""Reading an Alexa request safely: what a handler needs from any envelope, however odd."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import IntentRequest


def intent_name(handler_input: HandlerInput) -> str | None:
    """The intent's name; None for other requests and for an IntentRequest without one
    (ask-sdk's ``get_intent_name`` raises AttributeError on those)."""
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None) if isinstance(request, IntentRequest) else None
    name = getattr(intent, "name", None)
    return name if isinstance(name, str) else None


def request_locale(handler_input: HandlerInput) -> str | None:
    """The locale Alexa sent with the request ("en-GB"), if any."""
    locale = getattr(handler_input.request_envelope.request, "locale", None)
    return locale if isinstance(locale, str) else None


def slot_values(handler_input: HandlerInput) -> dict[str, str]:
    """The intent's slots that carry a value, stripped."""
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    found: dict[str, str] = {}
    slots = getattr(intent, "slots", None)
    for name, slot in (slots.items() if isinstance(slots, dict) else ()):
        value = getattr(slot, "value", None)
        if isinstance(value, str) and value.strip():
            found[name] = value.strip()
    return found


def supports_apl(handler_input: HandlerInput) -> bool:
    """True when the request's device lists ``Alexa.Presentation.APL``."""
    context = handler_input.request_envelope.context
    system = getattr(context, "system", None)
    interfaces = getattr(getattr(system, "device", None), "supported_interfaces", None)
    return getattr(interfaces, "alexa_presentation_apl", None) is not None

"""ask-sdk-core handlers. One data-driven handler answers every Q&A intent from
responses.yaml; small classes cover the conversation around it.

Session attributes carry the conversation: ``last`` (what was said, for "repeat
that") and ``more`` (the answer whose detail was offered, for "yes" / "tell me more").
"""

from __future__ import annotations

import logging
from typing import Any

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, is_intent_name, is_request_type
from ask_sdk_model import IntentRequest, Response
from ask_sdk_model.ui import SimpleCard

from skill import answers, data
from skill.answers import Answers, Rendered

log = logging.getLogger(__name__)

CARD_TITLE = "Fusion recovery"


class Responder:
    """Builds every spoken response the same way: speech, reprompt, card, session."""

    def __init__(self, answers_: Answers) -> None:
        self.answers = answers_

    def say(
        self,
        handler_input: HandlerInput,
        key: str,
        *,
        part: str = "speech",
        params: dict[str, str] | None = None,
        urgent: bool = False,
        end: bool = False,
        intent: str = "",
    ) -> Response:
        params = params or {}
        body = self.answers.render(key, part, **params)
        offer_more = part == "speech" and self.answers.has(key, "more") and not end
        spoken: list[Rendered] = [body]
        if offer_more:
            spoken.append(self.answers.render("more_offer"))
        session = handler_input.attributes_manager.session_attributes
        session["last"] = {"key": key, "part": part, "params": params, "urgent": urgent,
                           "intent": intent}
        session["more"] = key if offer_more else None
        builder = handler_input.response_builder.speak(answers.ssml(*spoken))
        builder.set_card(SimpleCard(title=self._title(key, urgent), content=self._card(key, params)))
        if end:
            builder.set_should_end_session(True)
        else:
            reprompt = [self.answers.render("more_offer")] if offer_more else []
            reprompt.append(self.answers.render("reprompt"))
            builder.ask(answers.ssml(*reprompt))
        return builder.response

    def _title(self, key: str, urgent: bool) -> str:
        if urgent:
            return "Call your care team" if key != "emergency" else "Call 911"
        source = self.answers.source(key)
        return f"{CARD_TITLE}: {source}" if source != "none" else CARD_TITLE

    def _card(self, key: str, params: dict[str, str]) -> str:
        lines = [self.answers.render(key, "speech", **params).text]
        if self.answers.has(key, "more"):
            lines.append(self.answers.render(key, "more", **params).text)
        phone = self.answers.config.care_team_phone
        if phone:
            lines.append(f"Care team: {phone}")
        return "\n\n".join(lines)


def _slots(handler_input: HandlerInput) -> dict[str, str]:
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    found: dict[str, str] = {}
    for name, slot in ((intent.slots or {}) if intent else {}).items():
        value = getattr(slot, "value", None)
        if isinstance(value, str) and value.strip():
            found[name] = value.strip()
    return found


class AnswerHandler(AbstractRequestHandler):  # type: ignore[misc]
    """Every intent with an answer key in intents/ (the Q&A intents)."""

    def __init__(self, responder: Responder, specs: dict[str, data.IntentSpec]) -> None:
        self.responder = responder
        self.specs = {n: s for n, s in specs.items() if s.answer and not n.startswith("AMAZON.")}

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input) and (
            get_intent_name(handler_input) in self.specs
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        return self.answer(handler_input, get_intent_name(handler_input), _slots(handler_input))

    def answer(self, handler_input: HandlerInput, intent: str, slots: dict[str, str]) -> Response:
        choice = answers.select(intent, slots, self.specs)
        log.info("answer intent=%s key=%s urgent=%s", intent, choice.key, choice.urgent)
        return self.responder.say(
            handler_input, choice.key, params=choice.params, urgent=choice.urgent,
            end=choice.key == "emergency", intent=intent,
        )


class FreeQuestionHandler(AbstractRequestHandler):  # type: ignore[misc]
    """Alexa's catch-all ("i have a question about {query}"): the local router places it."""

    def __init__(self, answer_handler: AnswerHandler, responder: Responder) -> None:
        self.answer_handler = answer_handler
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("FreeQuestionIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.router import route  # the samples load only when Alexa needs them

        query = _slots(handler_input).get("query", "")
        found = route(query)
        log.info("free question routed intent=%s score=%s", found.intent, found.score)
        if found.intent in self.answer_handler.specs:
            return self.answer_handler.answer(handler_input, found.intent, found.slots)
        return self.responder.say(handler_input, "fallback", intent="AMAZON.FallbackIntent")


class FixedHandler(AbstractRequestHandler):  # type: ignore[misc]
    """A request or intent that always gets the same answer key."""

    def __init__(
        self, responder: Responder, key: str, *, request: str = "IntentRequest",
        intents: tuple[str, ...] = (), end: bool = False,
    ) -> None:
        self.responder, self.key, self.request, self.intents, self.end = (
            responder, key, request, intents, end)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not is_request_type(self.request)(handler_input):
            return False
        return not self.intents or get_intent_name(handler_input) in self.intents

    def handle(self, handler_input: HandlerInput) -> Response:
        intent = self.intents[0] if self.intents else self.request
        return self.responder.say(handler_input, self.key, end=self.end, intent=intent)


class RepeatHandler(AbstractRequestHandler):  # type: ignore[misc]
    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.RepeatIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        last: dict[str, Any] | None = handler_input.attributes_manager.session_attributes.get("last")
        if not isinstance(last, dict) or last.get("key") not in self.responder.answers.responses:
            return self.responder.say(handler_input, "nothing_to_repeat")
        params = last.get("params") if isinstance(last.get("params"), dict) else {}
        return self.responder.say(
            handler_input, str(last["key"]), part=str(last.get("part") or "speech"),
            params={str(k): str(v) for k, v in (params or {}).items()},
            urgent=bool(last.get("urgent")), intent=str(last.get("intent") or ""),
        )


class MoreHandler(AbstractRequestHandler):  # type: ignore[misc]
    """"Yes" / "tell me more" after "Want to hear more?"."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.YesIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        session = handler_input.attributes_manager.session_attributes
        key = session.get("more")
        if not isinstance(key, str) or not self.responder.answers.has(key, "more"):
            return self.responder.say(handler_input, "anything_else")
        last = session.get("last") if isinstance(session.get("last"), dict) else {}
        params = {str(k): str(v) for k, v in (last.get("params") or {}).items()}
        return self.responder.say(
            handler_input, key, part="more", params=params,
            urgent=bool(last.get("urgent")), intent=str(last.get("intent") or ""),
        )


class SessionEndedHandler(AbstractRequestHandler):  # type: ignore[misc]
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        reason = getattr(handler_input.request_envelope.request, "reason", None)
        log.info("session ended reason=%s", getattr(reason, "value", reason))
        return handler_input.response_builder.response


class UnknownRequestHandler(AbstractRequestHandler):  # type: ignore[misc]
    """Anything no other handler took: an unknown intent or request type."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        name = getattr(getattr(request, "intent", None), "name", None) if isinstance(
            request, IntentRequest) else None
        log.info("unhandled request type=%s", getattr(request, "object_type", None) or name)
        return self.responder.say(handler_input, "fallback", intent="AMAZON.FallbackIntent")


class ErrorHandler(AbstractExceptionHandler):  # type: ignore[misc]
    """Still speaks when something breaks, and still names the care team."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        log.error("handler failed: %s", type(exception).__name__)
        return self.responder.say(handler_input, "error")

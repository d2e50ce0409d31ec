"""ask-sdk-core handlers. One data-driven handler answers every Q&A intent from
responses.yaml; small classes cover the conversation around it.

Session attributes carry the conversation: ``last`` (what was said, for "repeat
that") and ``more`` (the answer whose detail was offered, for "yes" / "tell me more").
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import Any, Final

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import IntentRequest, Response
from ask_sdk_model.ui import SimpleCard

from skill import answers, data, logsafe
from skill.answers import Answers, Rendered

log = logging.getLogger(__name__)

CARD_TITLE = "Fusion recovery"
# A spoken question is a sentence or two; the simulator takes 500 characters too. A
# longer "query" is not speech, and routing it would cost time for nothing.
MAX_QUERY_CHARS: Final = 500


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
        session = session_attributes(handler_input)
        session["last"] = {"key": key, "part": part, "params": params, "urgent": urgent,
                           "intent": intent}
        session["more"] = key if offer_more else None
        builder = handler_input.response_builder.speak(answers.ssml(*spoken))
        builder.set_card(SimpleCard(title=self._title(key, urgent),
                                    content=self._card(key, params)))
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


def intent_name(handler_input: HandlerInput) -> str | None:
    """The intent's name; None for other requests and for an IntentRequest without one
    (ask-sdk's ``get_intent_name`` raises AttributeError on those)."""
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None) if isinstance(request, IntentRequest) else None
    name = getattr(intent, "name", None)
    return name if isinstance(name, str) else None


def session_attributes(handler_input: HandlerInput) -> dict[str, Any]:
    """The session's attributes; a throwaway dict for an out-of-session request (Alexa
    sends some without a session), and a fresh one if the request carried a non-object."""
    manager = handler_input.attributes_manager
    if handler_input.request_envelope.session is None:
        return {}
    found = manager.session_attributes
    if not isinstance(found, dict):
        found = manager.session_attributes = {}
    return found


def _slots(handler_input: HandlerInput) -> dict[str, str]:
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    found: dict[str, str] = {}
    slots = getattr(intent, "slots", None)
    for name, slot in (slots.items() if isinstance(slots, dict) else ()):
        value = getattr(slot, "value", None)
        if isinstance(value, str) and value.strip():
            found[name] = value.strip()
    return found


def _replay(responder: Responder, handler_input: HandlerInput, key: str, part: str,
            last: dict[str, Any]) -> Response:
    """Say ``part`` of ``key`` again with what was saved with the last answer."""
    params = last.get("params")
    return responder.say(
        handler_input, key, part=part,
        params={str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else {},
        urgent=bool(last.get("urgent")), intent=str(last.get("intent") or ""),
    )


class AnswerHandler(AbstractRequestHandler):
    """Every intent with an answer key in intents/ (the Q&A intents)."""

    def __init__(self, responder: Responder, specs: dict[str, data.IntentSpec]) -> None:
        self.responder = responder
        self.specs = {n: s for n, s in specs.items() if s.answer and not n.startswith("AMAZON.")}

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in self.specs

    def handle(self, handler_input: HandlerInput) -> Response:
        return self.answer(handler_input, str(intent_name(handler_input)), _slots(handler_input))

    def answer(self, handler_input: HandlerInput, intent: str, slots: dict[str, str]) -> Response:
        choice = answers.select(intent, slots, self.specs)
        log.info("answer intent=%s key=%s urgent=%s", intent, choice.key, choice.urgent)
        return self.responder.say(
            handler_input, choice.key, params=choice.params, urgent=choice.urgent,
            end=choice.key == "emergency", intent=intent,
        )


class FreeQuestionHandler(AbstractRequestHandler):
    """Alexa's catch-all ("i have a question about {query}"): the local router places it."""

    def __init__(self, answer_handler: AnswerHandler, responder: Responder) -> None:
        self.answer_handler = answer_handler
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "FreeQuestionIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.router import route  # the samples load only when Alexa needs them

        query = _slots(handler_input).get("query", "")
        if len(query) > MAX_QUERY_CHARS:
            log.info("free question too long to route: %d characters", len(query))
            return self.responder.say(handler_input, "fallback", intent="AMAZON.FallbackIntent")
        found = route(query)
        log.info("free question routed intent=%s score=%s", found.intent, found.score)
        if found.intent in self.answer_handler.specs:
            return self.answer_handler.answer(handler_input, found.intent, found.slots)
        return self.responder.say(handler_input, "fallback", intent="AMAZON.FallbackIntent")


class FixedHandler(AbstractRequestHandler):
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
        return not self.intents or intent_name(handler_input) in self.intents

    def handle(self, handler_input: HandlerInput) -> Response:
        intent = self.intents[0] if self.intents else self.request
        return self.responder.say(handler_input, self.key, end=self.end, intent=intent)


class RepeatHandler(AbstractRequestHandler):
    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "AMAZON.RepeatIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        # The attributes come back from the client (Alexa, the simulator page): trust
        # only a known answer key and part.
        last = session_attributes(handler_input).get("last")
        key = last.get("key") if isinstance(last, dict) else None
        part = (last.get("part") if isinstance(last, dict) else None) or "speech"
        if not isinstance(last, dict) or not isinstance(key, str) or part not in (
                "speech", "more") or not self.responder.answers.has(key, part):
            return self.responder.say(handler_input, "nothing_to_repeat")
        return _replay(self.responder, handler_input, key, part, last)


class MoreHandler(AbstractRequestHandler):
    """"Yes" / "tell me more" after "Want to hear more?"."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "AMAZON.YesIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        session = session_attributes(handler_input)
        key = session.get("more")
        if not isinstance(key, str) or not self.responder.answers.has(key, "more"):
            return self.responder.say(handler_input, "anything_else")
        saved = session.get("last")
        return _replay(self.responder, handler_input, key, "more",
                       saved if isinstance(saved, dict) else {})


class SessionEndedHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        reason = getattr(handler_input.request_envelope.request, "reason", None)
        log.info("session ended reason=%s", getattr(reason, "value", reason))
        return handler_input.response_builder.response


class UnknownRequestHandler(AbstractRequestHandler):
    """Anything no other handler took: an unknown intent or request type. The log names
    the intent only when it is one of ``known`` (a caller may send any name)."""

    def __init__(self, responder: Responder, known: Collection[str] = ()) -> None:
        self.responder = responder
        self.known = frozenset(known)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        log.info("unhandled request type=%s intent=%s", type(request).__name__,
                 logsafe.known(intent_name(handler_input), self.known))
        return self.responder.say(handler_input, "fallback", intent="AMAZON.FallbackIntent")


class ErrorHandler(AbstractExceptionHandler):
    """Still speaks when something breaks, and still names the care team."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        log.error("handler failed: %s", type(exception).__name__)
        return self.responder.say(handler_input, "error")

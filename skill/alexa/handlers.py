"""ask-sdk-core handlers. One data-driven handler answers every intent that names an
answer in its YAML (built-ins too); small classes cover the conversation around it.

The session (``skill.alexa.session``) carries the conversation: the last answer (for
"repeat that"), the answer whose detail was offered (for "yes" / "tell me more") and the
topic; ``skill.alexa.dialogue`` handles the conversation around the answers.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import replace
from typing import Final

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from skill import logsafe
from skill.alexa import keys, responses, session
from skill.alexa.requests import intent_name, request_locale, slot_values, supports_apl
from skill.alexa.responses import Answers, Rendered
from skill.alexa.session import Act, LastAnswer, Part
from skill.content.spec import Content

log = logging.getLogger(__name__)

CARD_TITLE = "Fusion recovery"
# Intents with a handler of their own instead of an ``answer:`` in their YAML.
FALLBACK_INTENT: Final = "AMAZON.FallbackIntent"  # also answers what nothing else took
FREE_QUESTION_INTENT: Final = "FreeQuestionIntent"
REPEAT_INTENT: Final = "AMAZON.RepeatIntent"
YES_INTENT: Final = "AMAZON.YesIntent"
# Said between answers: "repeat that" after it still repeats the answer before it.
HELP_INTENT: Final = "AMAZON.HelpIntent"
# The conversation around the answers (skill.alexa.dialogue).
FOLLOW_UP_INTENT: Final = "FollowUpIntent"  # "what about for my husband?"
FOLLOW_UP_DETAIL_INTENT: Final = "FollowUpDetailIntent"  # "why?", "and for how long?"
CHOOSE_TOPIC_INTENT: Final = "ChooseTopicIntent"  # "lifting" (Alexa's TOPIC slot)
CHOOSE_OPTION_INTENT: Final = "ChooseOptionIntent"  # "the first one"
OWN_HANDLERS: Final = frozenset({
    FREE_QUESTION_INTENT, REPEAT_INTENT, YES_INTENT, FOLLOW_UP_INTENT,
    FOLLOW_UP_DETAIL_INTENT, CHOOSE_TOPIC_INTENT, CHOOSE_OPTION_INTENT,
})


class Responder:
    """Builds every spoken response the same way: speech, reprompt, card, session."""

    def __init__(self, answers_: Answers) -> None:
        self.answers = answers_

    def say(
        self,
        handler_input: HandlerInput,
        key: str,
        *,
        part: Part = Part.SPEECH,
        params: dict[str, str] | None = None,
        urgent: bool = False,
        end: bool = False,
        intent: str = "",
        facet: str | None = None,
        related: str | None = None,
        remember: bool = True,
        then: Rendered | None = None,
        aside: bool = False,
    ) -> Response:
        """``remember``: a real answer, for "repeat that" (not "Okay, what else?");
        ``then``: a question to end on instead of "Want to hear more?"; ``aside``: help
        said between answers, whose more is offered but after which "repeat that"
        still repeats the answer before it."""
        params = params or {}
        if end or key == keys.EMERGENCY:
            then = None  # an answer that ends the session or calls 911 asks nothing after
        locale = request_locale(handler_input)
        body = self.answers.render(key, part.value, facet, related, locale=locale, **params)
        has_more = (part is Part.SPEECH and self.answers.has(key, Part.MORE.value, facet)
                    and not end)
        # The urgent path ends on the action: no offer of more after "call now".
        offer_more = has_more and not urgent and then is None
        spoken: list[Rendered] = [body]
        if offer_more:
            spoken.append(self.answers.render(keys.MORE_OFFER, locale=locale))
        spoken += [then] if then is not None else []
        state = replace(session.read(handler_input), more=None, offer=None, choice=(),
                        act=None)
        said = LastAnswer(key=key, part=part, params=params, urgent=urgent, intent=intent,
                          facet=facet, related=related)
        session.write(handler_input, replace(
            state, more=key if has_more else None, alerted=state.alerted or urgent,
            # after an urgent answer the aside is what was said last: it is not urgent
            last=state.last if aside and state.last and not state.last.urgent else said,
        ) if remember else state)
        builder = handler_input.response_builder.speak(responses.ssml(*spoken))
        title = self._title(key, urgent, locale)
        builder.set_card(SimpleCard(title=title,
                                    content=self._card(key, params, facet, related, locale)))
        if supports_apl(handler_input):  # Echo Show and other screens
            from skill.alexa import screen  # its dataclass and patterns only for a screen

            builder.add_directive(screen.render(title, body.text, urgent=urgent,
                                                phone=self.answers.config.care_team_phone))
        if end:
            builder.set_should_end_session(True)
        elif urgent:
            again = keys.EMERGENCY_REPROMPT if key == keys.EMERGENCY else keys.URGENT_REPROMPT
            builder.ask(responses.ssml(self.answers.render(again, locale=locale)))
        else:
            reprompt = self.answers.render(keys.MORE_OFFER, locale=locale) if offer_more \
                else then or self.answers.render(keys.REPROMPT, locale=locale)
            builder.ask(responses.ssml(reprompt))
        return builder.response

    def _title(self, key: str, urgent: bool, locale: str | None) -> str:
        if urgent:
            if key == keys.EMERGENCY:
                return f"Call {self.answers.local(locale).emergency}"
            return "Call your care team"
        source = self.answers.source(key)
        return f"{CARD_TITLE}: {source}" if source != "none" else CARD_TITLE

    def _card(self, key: str, params: dict[str, str], facet: str | None,
              related: str | None, locale: str | None) -> str:
        """For a caregiver reading later: the answer in digits and units, then the number."""
        lines = [self.answers.render(key, Part.SPEECH.value, facet, related, locale=locale,
                                     **params).text]
        if self.answers.has(key, Part.MORE.value, facet):
            lines.append(self.answers.render(key, Part.MORE.value, facet, locale=locale,
                                             **params).text)
        phone = self.answers.config.care_team_phone
        if phone:
            lines.append(f"Care team: {phone}")
        return "\n\n".join(lines)


def _replay(responder: Responder, handler_input: HandlerInput, key: str, part: Part,
            last: LastAnswer) -> Response:
    """Say ``part`` of ``key`` again with what was saved with the last answer."""
    entry = responder.answers.entries.get(key)
    return responder.say(
        handler_input, key, part=part, params=last.params, urgent=last.urgent,
        intent=last.intent,
        # Trust only a facet the answer has, and a related answer that exists.
        facet=last.facet if entry is not None and last.facet in entry.facets else None,
        related=last.related if last.related and responder.answers.has(last.related) else None,
    )


class AnswerHandler(AbstractRequestHandler):
    """Every intent whose YAML names an answer: the Q&A intents and the built-ins."""

    def __init__(self, responder: Responder, content: Content) -> None:
        self.responder = responder
        self.content = content
        self.intents = frozenset(s.name for s in content.intents if s.answer is not None)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in self.intents

    def handle(self, handler_input: HandlerInput) -> Response:
        intent = str(intent_name(handler_input))
        return self.answer(handler_input, intent, slot_values(handler_input))

    def answer(self, handler_input: HandlerInput, intent: str, slots: dict[str, str],
               then: Rendered | None = None) -> Response:
        """The answer for ``intent``; ``then`` ends it with a question of the dialogue's."""
        choice = responses.select(intent, slots, self.content)
        log.info("answer intent=%s key=%s urgent=%s facet=%s", intent, choice.key,
                 choice.urgent, choice.facet)
        end = self.content.by_name[intent].end_session
        response = self.responder.say(
            handler_input, choice.key, params=choice.params, urgent=choice.urgent,
            end=end, intent=intent, facet=choice.facet, related=choice.related, then=then,
            aside=intent == HELP_INTENT,
        )
        if intent in self.content.topic_intents:  # what follow-ups are about
            session.update(handler_input, act=Act.ANSWER, topic=intent, slots=dict(slots))
        else:
            session.update(handler_input, act=Act.FALLBACK if intent == FALLBACK_INTENT
                           else Act.GOODBYE if end else Act.OTHER)
        return response

    def fallback(self, handler_input: HandlerInput) -> Response:
        """The answer for anything the skill does not understand."""
        return self.answer(handler_input, FALLBACK_INTENT, {})


class LaunchHandler(AbstractRequestHandler):
    """The skill is opened: the welcome."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return self.responder.say(handler_input, keys.WELCOME, intent="LaunchRequest")


class RepeatHandler(AbstractRequestHandler):
    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == REPEAT_INTENT

    def handle(self, handler_input: HandlerInput) -> Response:
        # The attributes come back from the client (Alexa, the simulator page): trust
        # only a known answer key and part.
        last = session.read(handler_input).last
        if last is None or last.key is None or last.part is None or not (
                self.responder.answers.has(last.key, last.part.value)):
            # Nothing said yet: an honest "what would you like to know?"
            response = self.responder.say(handler_input, keys.NOTHING_TO_REPEAT)
            session.update(handler_input, act=Act.PROMPT)
            return response
        response = _replay(self.responder, handler_input, last.key, last.part, last)
        session.update(handler_input, act=Act.REPEAT)
        return response


class MoreHandler(AbstractRequestHandler):
    """"Yes" / "tell me more" after "Want to hear more?"; when the guide has nothing
    more on the last answer, says so (and names the care team) instead."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == YES_INTENT

    def handle(self, handler_input: HandlerInput) -> Response:
        state = session.read(handler_input)
        key = state.more
        last = state.last or LastAnswer()
        entry = self.responder.answers.entries.get(key) if key is not None else None
        facet = last.facet if entry is not None and last.facet in entry.facets else None
        if entry is None or not entry.part(Part.MORE.value, facet):
            said = bool(last.intent) and last.intent == state.topic  # a topic's answer
            response = self.responder.say(
                handler_input, keys.NO_MORE if said else keys.ANYTHING_ELSE,
                urgent=last.urgent, remember=False)
            # "that is all the guide says" is more of the topic; with no topic, a prompt
            session.update(handler_input, act=Act.MORE if said else Act.PROMPT)
            return response
        response = _replay(self.responder, handler_input, entry.key, Part.MORE, last)
        session.update(handler_input, act=Act.MORE)
        return response


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

    def __init__(self, answer_handler: AnswerHandler, known: Collection[str] = ()) -> None:
        self.answer_handler = answer_handler
        self.known = frozenset(known)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        log.info("unhandled request type=%s intent=%s", type(request).__name__,
                 logsafe.known(intent_name(handler_input), self.known))
        return self.answer_handler.fallback(handler_input)


class ErrorHandler(AbstractExceptionHandler):
    """Still speaks when something breaks, and still names the care team."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        log.error("handler failed: %s", type(exception).__name__)
        return self.responder.say(handler_input, keys.ERROR)

"""A free-form turn that is a reply to what the skill just said ("uh huh keep going",
"no that's everything", "I'm sorry dear, could you say that again"), answered as the
built-in intent it stands for, by that intent's own handler: the same answer as when
Alexa hears a plain "yes". The reading is skill.nlu.replies' over intents/_replies.yaml;
whether a yes/no question is pending comes from the session (``SessionState.asked``).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Sequence

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Intent, IntentRequest, Response, Slot

from skill.alexa import session
from skill.content.spec import Content

log = logging.getLogger(__name__)


def declined(content: Content, intent: str, alternatives: Sequence[str]) -> bool:
    """The router placed a turn in no topic, no follow-up and no symptom (only a built-in
    move or nothing, not two topics to ask back between): a closing may be said around
    its words."""
    return intent in content.builtin_intents and not alternatives


class ReplyReader:
    """Answers a reply through ``handlers`` (the first that takes its intent)."""

    def __init__(self, content: Content, handlers: Sequence[AbstractRequestHandler]) -> None:
        self.content = content
        self.handlers = tuple(handlers)

    def reply(self, handler_input: HandlerInput, text: str,
              declined: bool = False) -> Response | None:
        """The answer to ``text`` read as a reply, or None when it is not one;
        ``declined``: the router placed the turn nowhere (a closing may then be said
        around other words, skill.nlu.replies)."""
        state = session.read(handler_input)
        opened = handler_input.request_envelope.session
        going = opened is not None and not opened.new
        # The dialogue acts load with the first free-form turn, not at a cold start.
        from skill.nlu import declines

        intent = declines.read_reply(self.content, text, state.asked, declined, going,
                                     state.urgent)
        if intent is None:
            return None
        log.info("free question read as a reply: %s", intent)
        return self.answer_as(handler_input, intent)

    def answer_as(self, handler_input: HandlerInput, intent: str,
                  slots: dict[str, str] | None = None) -> Response | None:
        """The answer of the handler taking ``intent`` (with ``slots`` filled), as if Alexa
        had heard it; None when no handler takes it."""
        request = handler_input.request_envelope.request
        if not isinstance(request, IntentRequest):
            return None
        as_said = copy.copy(request)
        as_said.intent = Intent(name=intent, slots={
            name: Slot(name=name, value=value) for name, value in (slots or {}).items()})
        handler_input.request_envelope.request = as_said
        handler = next((h for h in self.handlers if h.can_handle(handler_input)), None)
        if handler is None:  # no handler takes it: the question is read as before
            handler_input.request_envelope.request = request
            return None
        response: Response | None = handler.handle(handler_input)
        return response

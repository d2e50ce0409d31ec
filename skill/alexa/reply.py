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
from ask_sdk_model import Intent, IntentRequest, Response

from skill.alexa import session
from skill.content.spec import Content
from skill.nlu import replies

log = logging.getLogger(__name__)


class ReplyReader:
    """Answers a reply through ``handlers`` (the first that takes its intent)."""

    def __init__(self, content: Content, handlers: Sequence[AbstractRequestHandler]) -> None:
        self.content = content
        self.handlers = tuple(handlers)

    def reply(self, handler_input: HandlerInput, text: str) -> Response | None:
        """The answer to ``text`` read as a reply, or None when it is not one."""
        asked = session.read(handler_input).asked
        intent = self.content.derive(replies.load).read(text, asked)
        request = handler_input.request_envelope.request
        if intent is None or not isinstance(request, IntentRequest):
            return None
        log.info("free question read as a reply: %s", intent)
        as_said = copy.copy(request)
        as_said.intent = Intent(name=intent, slots={})
        handler_input.request_envelope.request = as_said
        handler = next((h for h in self.handlers if h.can_handle(handler_input)), None)
        if handler is None:  # no handler takes it: the question is read as before
            handler_input.request_envelope.request = request
            return None
        response: Response | None = handler.handle(handler_input)
        return response

"""Alexa's catch-all question ("i have a question about {query}") and, locally, every
free-form text: routed by the local router, then read in the conversation (a reported
symptom first, a reply to what the skill asked ("uh huh keep going"; skill.alexa.reply),
a reply to "Do you mean ...?", a question for whom to turn to after an answer that sent
the user to their care team (skill.nlu.referral), two questions in one breath, a choice
between two topics ("X or Y?"), two topics too close to call, a vague question or one that names
only a broad area (skill.nlu.areas) with no topic in the session, a question read in
the session's topic as skill.alexa.carryover reads it). The router loads only here, on
the first free-form question.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.alexa import session
from skill.alexa.dialogue import MAX_QUERY_CHARS, Dialogue, topic_named
from skill.alexa.handlers import (
    FOLLOW_UP_DETAIL_INTENT,
    FOLLOW_UP_INTENT,
    FREE_QUESTION_INTENT,
    REPEAT_INTENT,
)
from skill.alexa.reply import ReplyReader, declined
from skill.alexa.requests import intent_name, request_locale, slot_values
from skill.alexa.responses import FACET_SLOT
from skill.alexa.session import Act

if TYPE_CHECKING:  # the router loads only for a free-form question
    from skill.nlu.router import Route, Router

log = logging.getLogger(__name__)


class QuestionHandler(AbstractRequestHandler):
    """Alexa's catch-all ("i have a question about {query}"), and locally whatever the
    router could not place alone: a reply to "Do you mean ...?", two questions, two
    topics too close to call, or a plain question the router places (in the request's
    locale)."""

    def __init__(self, dialogue: Dialogue, replies: ReplyReader) -> None:
        self.dialogue = dialogue
        self.replies = replies

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == FREE_QUESTION_INTENT

    def handle(self, handler_input: HandlerInput) -> Response:
        dialogue, answer = self.dialogue, self.dialogue.answer
        query = slot_values(handler_input).get("query", "")
        if not query.strip():  # "I've got a question": none asked yet, so ask what it is
            return dialogue.prompt(handler_input)
        if len(query) > MAX_QUERY_CHARS:
            log.info("free question too long to route: %d characters", len(query))
            return answer.fallback(handler_input)
        from skill.alexa import carryover  # with the router, only for free text
        from skill.nlu import areas, compound, facets, lengths, preamble, referral, vague
        from skill.nlu.normalize import normalize
        from skill.nlu.per_request import remembering
        from skill.nlu.router import Step

        # each reading below explains the question anew: explained once, for this request
        router = remembering(dialogue.router(request_locale(handler_input)))
        found = router.route(query)
        found = preamble.question(router, dialogue.content, query, found, dialogue.topics) or found
        if found.rule is not None and found.rule.step is Step.SAFETY:
            # A reported symptom is answered first, never put behind a pending question;
            # another question beside it is offered after.
            two = compound.split(router, query, dialogue.topics)
            if two is not None and two.first.intent == found.intent:
                return dialogue.two_questions(handler_input, two, query)
            return answer.answer(handler_input, found.intent, found.slots)
        # A reply to what the skill just asked ("yeah go ahead") is read as one first.
        replied = self.replies.reply(
            handler_input, query, declined(dialogue.content, found.intent, found.alternatives))
        if replied is not None:
            return replied
        pending = dialogue.pending(handler_input)
        # the reply as said, else in the guide's words ("the operation": the surgery)
        picked = found.intent if found.intent in pending else (
            dialogue.pick(query, pending) or dialogue.pick(normalize(query, router.lexicon),
                                                           pending)
            or vague.nearer(router, query, pending))  # "what to expect": by its samples
        if picked is not None:
            slots = found.slots if found.intent == picked else {}
            return answer.answer(handler_input, picked, dialogue.with_facet(picked, slots, query))
        asked = self._named_after_prompt(handler_input, query, found)
        if asked is not None:  # "the going home part", after "What would you like to know?"
            return answer.answer(handler_input, asked, dialogue.with_facet(asked, {}, query))
        if self._whom_after_referral(handler_input, router, query):
            # "so who do I ask then", after "Please ask your care team": their contact
            return answer.answer(handler_input, referral.CONTACT, {})
        as_move = self._move(handler_input, router, query, found)
        if as_move is not None:
            return as_move
        two = compound.split(router, query, dialogue.topics)
        if two is not None:
            return dialogue.two_questions(handler_input, two, query)
        either = compound.alternatives(router, query, dialogue.topics)
        if either is not None:  # "on her feet or in her recliner?": which one
            return dialogue.clarify(handler_input, *either)
        log.info("free question routed intent=%s score=%s", found.intent, found.score)
        topic, state = dialogue.session_topic(handler_input), session.read(handler_input)
        # read in the session's topic as the local door reads it (skill.alexa.carryover):
        # "ok then who is it for", "ok and what about for my mom, she's having it too"
        moved = carryover.reread(router, dialogue.content, query, found, topic, state.urgent,
                                 bool(state.slots))
        if moved.intent == REPEAT_INTENT:  # "you said a walker or a what?"
            return self.replies.answer_as(handler_input, REPEAT_INTENT) or answer.fallback(
                handler_input)
        if moved.intent == FOLLOW_UP_INTENT and topic is not None:
            return answer.answer(handler_input, topic, state.slots)
        if moved.intent == FOLLOW_UP_DETAIL_INTENT and topic is not None:
            # "why's that", "and how long is she to keep that up": as Alexa fills the
            # detail's FACET slot with the point of the session's topic asked about
            facet = facets.slot_value(topic, query, dialogue.content)
            detail = self.replies.answer_as(handler_input, FOLLOW_UP_DETAIL_INTENT,
                                            {FACET_SLOT: facet} if facet else {})
            if detail is not None:
                return detail
        found = moved if moved.intent in dialogue.topics else found
        if topic is None:  # nothing to read it in
            # "tell me about the pain": an area several topics share, asked back
            close = (areas.ask_back(router, dialogue.content, query)
                     or lengths.ask_back(router, dialogue.content, query, dialogue.topics)
                     or vague.close_topics(router, query, dialogue.topics))
            if close is not None:  # "can I do exercises": the activity rules or therapy?
                return self._one_point(handler_input, close, query) or dialogue.clarify(
                    handler_input, *close)
        if found.intent in dialogue.topics:
            return answer.answer(handler_input, found.intent,
                                 dialogue.with_facet(found.intent, found.slots, query))
        if len(found.alternatives) == 2 and set(found.alternatives) <= dialogue.topics:
            # two topics too close for the router: the one whose point alone it names
            pair = (found.alternatives[0], found.alternatives[1])
            return self._one_point(handler_input, pair, query) or dialogue.clarify(
                handler_input, *pair)
        if len(pending) == 2:  # a reply to "Do you mean ...?" that names neither
            return dialogue.clarify(handler_input, *pending)
        return answer.fallback(handler_input)

    def _one_point(self, handler_input: HandlerInput, pair: tuple[str, str],
                   query: str) -> Response | None:
        """Of two topics to ask back between, the point of the one ``query`` alone names
        (skill.nlu.facet_moves.one_point: "is it temporary or permanent"), answered."""
        from skill.nlu import facet_moves

        one = facet_moves.one_point(pair, query, self.dialogue.content)
        return self.dialogue.answer.answer(handler_input, one[0], {FACET_SLOT: one[1]}) \
            if one is not None else None

    def _move(self, handler_input: HandlerInput, router: Router, query: str,
              found: Route) -> Response | None:
        """A built-in move the router placed the turn in, answered as the local door
        sends it ("naw" after an urgent answer); or a conversation move between cues and
        fillers in a declined turn (skill.nlu.insession.move): "hello, what can you do"
        is help; a follow-up with no topic to follow gets the prompt (with one, the
        session's topic reads it below), and so does a declined question that names
        nothing itself (skill.nlu.insession.question: "and is that for long?") or asks
        the reason of nothing said (skill.nlu.asks.asks_reason: "how come tho")."""
        from skill.alexa import carryover
        from skill.nlu import asks as reading
        from skill.nlu import insession
        from skill.nlu.router import FALLBACK

        content = self.dialogue.content
        if found.alternatives:
            return None
        move = insession.move(router, content, query) if found.intent == FALLBACK else (
            found if self._takes(handler_input, found.intent) else None)
        if move is None:  # "can I do it yet", "how come tho" with nothing said
            asks = (found.intent == FALLBACK and self.dialogue.session_topic(handler_input)
                    is None and (insession.question(query, content) is not None
                                 or reading.asks_reason(router, content, query)))
            return self.dialogue.prompt(handler_input) if asks else None
        if move.intent not in carryover.FOLLOW_UPS:
            return self.replies.answer_as(handler_input, move.intent)
        if self.dialogue.session_topic(handler_input) is None:
            return self.dialogue.prompt(handler_input)
        return None

    def _whom_after_referral(self, handler_input: HandlerInput, router: Router,
                             query: str) -> bool:
        """Whether the turn asks whom to turn to (skill.nlu.referral) after an answer,
        not an urgent one, that sent the user to their care team."""
        from skill.nlu import referral

        last = session.read(handler_input).last
        if last is None or last.urgent or last.part is None:
            return False
        return (referral.referred(self.dialogue.content, last.key, last.part.value, last.facet)
                and referral.asks_whom(router, self.dialogue.content, query))

    def _named_after_prompt(self, handler_input: HandlerInput, query: str,
                            found: Route) -> str | None:
        """The topic a reply to the skill's prompt (it asked what the question is about)
        names by its spoken name, as Alexa fills ChooseTopicIntent's slot, when the router
        declined the reply for a low score alone; else None."""
        from skill.nlu.router import FALLBACK, Step

        if (session.read(handler_input).act is not Act.PROMPT or found.intent != FALLBACK
                or found.alternatives or found.rule is None
                or found.rule.step is not Step.BELOW_THRESHOLD):
            return None
        return topic_named(self.dialogue.content, query)

    def _takes(self, handler_input: HandlerInput, intent: str) -> bool:
        """Whether the router's built-in ``intent`` is answered as such: a yes or a no
        only to a question asked, or a no that ends the session after an urgent answer
        (the goodbye then says to call)."""
        from skill.nlu.replies import acknowledgements  # with the first turn routed

        content, state = self.dialogue.content, session.read(handler_input)
        spec = content.by_name.get(intent)
        if spec is None or not spec.builtin:
            return False
        return (intent not in content.derive(acknowledgements) or state.asked
                or (state.alerted and spec.end_session))

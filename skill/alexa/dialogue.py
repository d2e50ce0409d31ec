"""The conversation around the answers: follow-ups on the session's topic, two
questions in one breath, asking back when two topics are too close to call, and the
call reminder when someone says goodbye after an urgent answer.

Every behaviour reads and writes ``skill.alexa.session.SessionState``: the topic and
its slots (for "what about for my husband?"), the offered second question (for "yes")
and the two topics of "Do you mean lifting or sitting?" (for "lifting", "the first one").
The spoken names of the topics are the TOPIC slot type in intents/_common.yaml. "Say that
again" while "Do you mean ...?" is pending asks the question again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Final

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.alexa import keys, responses, session
from skill.alexa.handlers import (
    CHOOSE_OPTION_INTENT,
    CHOOSE_TOPIC_INTENT,
    FOLLOW_UP_DETAIL_INTENT,
    FOLLOW_UP_INTENT,
    REPEAT_INTENT,
    YES_INTENT,
    AnswerHandler,
    MoreHandler,
    Responder,
)
from skill.alexa.requests import intent_name, request_locale, slot_values
from skill.alexa.session import Act
from skill.content.spec import Content
from skill.nlu import facets

if TYPE_CHECKING:  # the router loads only when Alexa sends a free-form question
    from skill.nlu.compound import TwoQuestions
    from skill.nlu.router import Router

log = logging.getLogger(__name__)

# A spoken question is a sentence or two; the simulator takes 500 characters too. A
# longer "query" is not speech, and routing it would cost time for nothing.
MAX_QUERY_CHARS: Final = 500
CHOICE_SLOT: Final = "choice"  # ChooseTopicIntent's TOPIC slot
POSITION_SLOT: Final = "position"  # ChooseOptionIntent's CHOICE_POSITION slot
_WORDS: Final = re.compile(r"[^\w' ]+")
# A word of a reply picks a topic by name only from four letters up: "the", "how", "it"
# are in many names and tell nothing.
MIN_WORD_CHARS: Final = 4


def _phrases(content: Content, intent: str, slot: str) -> list[tuple[str, tuple[str, ...]]]:
    """(id, every way to say it) for each value of ``intent``'s ``slot`` type."""
    spec = content.by_name.get(intent)
    type_name = spec.slots.get(slot, "") if spec is not None else ""
    return [(v.id, tuple(p.lower() for p in (v.name, v.id, *v.synonyms)))
            for v in content.slot_types.get(type_name, ())]


def spoken_names(content: Content) -> Mapping[str, tuple[str, ...]]:
    """Topic intent -> its spoken name first, then its synonyms."""
    return dict(_phrases(content, CHOOSE_TOPIC_INTENT, CHOICE_SLOT))


def _said(text: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {' '.join(_WORDS.sub(' ', text.lower()).split())} "
    return any(f" {phrase} " in padded for phrase in phrases)


def topic_named(content: Content, text: str) -> str | None:
    """The one topic ``text`` names by its spoken name or a synonym, if exactly one."""
    found = [i for i, names in content.derive(spoken_names).items() if _said(text, names)]
    return found[0] if len(found) == 1 else None


class Dialogue:
    """What the dialogue handlers share: the answers, the topic names, the router."""

    def __init__(self, answer: AnswerHandler, router: Callable[[str | None], Router]) -> None:
        self.answer = answer
        self.responder: Responder = answer.responder
        self.content = answer.content
        self.router = router
        self.topics = frozenset(self.content.topic_intents)
        self.names = self.content.derive(spoken_names)

    def name(self, intent: str) -> str:
        return (self.names.get(intent) or (intent,))[0]

    def prompt(self, handler_input: HandlerInput) -> Response:
        """A follow-up with no topic in the session: ask, never guess."""
        response = self.responder.say(handler_input, keys.FOLLOW_UP_PROMPT, remember=False)
        session.update(handler_input, act=Act.PROMPT)
        return response

    def clarify(self, handler_input: HandlerInput, first: str, second: str) -> Response:
        """"Do you mean lifting or sitting?"; the reply picks one."""
        log.info("clarify between %s and %s", first, second)
        response = self.responder.say(
            handler_input, keys.CLARIFY, remember=False,
            params={"topic": self.name(first), "other": self.name(second)})
        session.update(handler_input, act=Act.CLARIFY, choice=(first, second))
        return response

    def two_questions(self, handler_input: HandlerInput, found: TwoQuestions,
                      query: str) -> Response:
        """The first answer (an urgent one first), then "You also asked about ...?"; each
        question's uncovered topic read as the guide's activity done to it, as a
        question alone is ("and can she lift the cat": lifting)."""
        from skill.nlu import activity  # with the router, only for free text

        router = self.router(request_locale(handler_input))
        first, second = (activity.guide_activity(router, self.content, text, side) or side
                         for side, text in ((found.first, found.asked or query),
                                            (found.second, found.offered)))
        log.info("two questions %s then %s", first.intent, second.intent)
        then = self.responder.answers.render(keys.ALSO_ASKED, locale=request_locale(
            handler_input), topic=self.name(second.intent))
        response = self.answer.answer(handler_input, first.intent, self.with_facet(
            first.intent, first.slots, found.asked or query), then)
        if not session.read(handler_input).said_last(keys.EMERGENCY):  # "call 911" offers nothing
            session.update(handler_input, offer=second.intent)
        return response

    def pending(self, handler_input: HandlerInput) -> tuple[str, ...]:
        """The two topics of a pending "Do you mean ...?", or none: the attributes are the
        client's, so only two known topics count."""
        choice = session.read(handler_input).choice
        return choice if len(choice) == 2 and set(choice) <= self.topics else ()

    def session_topic(self, handler_input: HandlerInput) -> str | None:
        """The topic being discussed, if one is."""
        topic = session.read(handler_input).topic
        return topic if topic in self.topics else None

    def with_facet(self, intent: str, slots: Mapping[str, str], text: str) -> dict[str, str]:
        """``slots`` with the point of ``intent`` that ``text`` asks about, if any."""
        facet = facets.slot_value(intent, text, self.content)
        return {**slots, responses.FACET_SLOT: facet} if facet else dict(slots)

    def named(self, text: str, among: tuple[str, ...]) -> str | None:
        """The one topic of ``among`` that ``text`` names ("sitting, for my wife")."""
        found = [i for i in among if _said(text, self.names.get(i, ()))]
        return found[0] if len(found) == 1 else None

    def pick(self, text: str, choice: tuple[str, ...], position: str = "") -> str | None:
        """Which of the two topics on offer a reply names: by topic ("lifting") or by
        place ("the first one", or ``position``, a CHOICE_POSITION slot value)."""
        picked = self.named(text, choice)
        if picked is not None:
            return picked
        places = _phrases(self.content, CHOOSE_OPTION_INTENT, POSITION_SLOT)
        for (_, phrases), intent in zip(places, choice, strict=False):
            if position.lower() in phrases or _said(text, phrases):
                return intent
        return self._by_word(text, choice)

    def _by_word(self, text: str, choice: tuple[str, ...]) -> str | None:
        """The one topic on offer whose names share a word with ``text`` that the other
        topic's names do not have ("the surgery one" of sitting or the surgery's length)."""
        said = {w for w in _WORDS.sub(" ", text.lower()).split() if len(w) >= MIN_WORD_CHARS}
        words = {i: set(" ".join(self.names.get(i, ())).split()) for i in choice}
        found = [i for i in choice
                 if said & words[i].difference(*(words[o] for o in choice if o != i))]
        return found[0] if len(found) == 1 else None


class FollowUpHandler(AbstractRequestHandler):
    """"What about for my husband?": the session's topic again, with its slots."""

    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == FOLLOW_UP_INTENT

    def handle(self, handler_input: HandlerInput) -> Response:
        state = session.read(handler_input)
        if state.topic not in self.dialogue.topics:
            return self.dialogue.prompt(handler_input)
        return self.dialogue.answer.answer(handler_input, str(state.topic), state.slots)


class FollowUpDetailHandler(AbstractRequestHandler):
    """"And for how long?", "why?": the point of the topic the question names when it
    has one (its FACET slot); otherwise the next part of the answer, as "tell me more"
    gives it, and then, honestly, that this is all the guide says."""

    def __init__(self, dialogue: Dialogue, more: MoreHandler) -> None:
        self.dialogue = dialogue
        self.more = more

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == FOLLOW_UP_DETAIL_INTENT

    def handle(self, handler_input: HandlerInput) -> Response:
        dialogue, state = self.dialogue, session.read(handler_input)
        if state.topic not in dialogue.topics:
            return dialogue.prompt(handler_input)
        topic = str(state.topic)
        asked = slot_values(handler_input).get(responses.FACET_SLOT, "")
        slots = {**state.slots, responses.FACET_SLOT: asked}
        choice = responses.select(topic, slots, dialogue.content)
        last = state.last
        if choice.facet is not None and (last is None or last.facet != choice.facet):
            return dialogue.answer.answer(handler_input, topic, slots)
        response = self.more.handle(handler_input)
        if session.read(handler_input).last != last:  # a part of the topic's answer
            session.update(handler_input, act=Act.ANSWER)
        return response


class ChooseHandler(AbstractRequestHandler):
    """The reply to "Do you mean lifting or sitting?": "lifting" (Alexa fills the TOPIC
    slot) or "the first one". A topic named outright is answered even with no question
    pending; an unclear reply gets the question again."""

    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in (CHOOSE_TOPIC_INTENT, CHOOSE_OPTION_INTENT)

    def handle(self, handler_input: HandlerInput) -> Response:
        dialogue = self.dialogue
        pending = dialogue.pending(handler_input)
        slots = slot_values(handler_input)
        named = slots.get(CHOICE_SLOT, "")
        picked = (dialogue.pick(named, pending, slots.get(POSITION_SLOT, "")) if pending
                  else dialogue.named(named, dialogue.content.topic_intents))
        if picked in dialogue.topics:
            return dialogue.answer.answer(handler_input, str(picked), {})
        if len(pending) == 2:
            return dialogue.clarify(handler_input, *pending)
        return dialogue.prompt(handler_input)


class OfferHandler(AbstractRequestHandler):
    """"Yes" after "You also asked about going home. Want that answer?"."""

    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (intent_name(handler_input) == YES_INTENT
                and session.read(handler_input).offer in self.dialogue.topics)

    def handle(self, handler_input: HandlerInput) -> Response:
        offer = str(session.read(handler_input).offer)
        return self.dialogue.answer.answer(handler_input, offer, {})


class RepeatChoiceHandler(AbstractRequestHandler):
    """"Say that again" while "Do you mean lifting or sitting?" waits for its reply: the
    question again (the last thing said), still waiting for the reply."""

    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (intent_name(handler_input) == REPEAT_INTENT
                and len(self.dialogue.pending(handler_input)) == 2)

    def handle(self, handler_input: HandlerInput) -> Response:
        response = self.dialogue.clarify(handler_input, *self.dialogue.pending(handler_input))
        session.update(handler_input, act=Act.REPEAT)
        return response


class UrgentGoodbyeHandler(AbstractRequestHandler):
    """"No", "stop" or "cancel" in a session that gave an urgent answer: the goodbye
    repeats the call instruction (the emergency number's after the emergency answer)."""

    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue
        self.goodbyes = frozenset(
            s.name for s in dialogue.content.intents if s.builtin and s.end_session)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (intent_name(handler_input) in self.goodbyes
                and session.read(handler_input).alerted)

    def handle(self, handler_input: HandlerInput) -> Response:
        key = keys.GOODBYE_EMERGENCY if session.read(handler_input).said_last(keys.EMERGENCY) \
            else keys.GOODBYE_URGENT
        response = self.dialogue.responder.say(
            handler_input, key, urgent=True, end=True, intent=str(intent_name(handler_input)))
        session.update(handler_input, act=Act.GOODBYE)
        return response

"""Text in, Alexa response out, through the real skill: the local doors' one path.

text -> router -> IntentRequest envelope -> ``skill.invoke`` -> response envelope.
A ``Conversation`` keeps the session (id and attributes) across turns the way Alexa
does, so "tell me more" and "repeat that" work in the CLI and the simulator alike.

A turn that is a reply to what the skill just said ("uh huh keep going";
skill.nlu.replies) goes to the skill as free text too, which reads it in the session.
What the router cannot place alone (nothing matched well enough, two topics too close
to call or a vague question with no topic in the session (skill.nlu.vague), a
question that names only a broad area several topics share (skill.nlu.areas), two
questions in one breath, or a choice between two topics) goes to the skill
as Alexa's catch-all carries free text: FreeQuestionIntent with the words in {query}.
The skill, not this door, then decides to ask back, to answer two questions, or to say
it cannot help.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill import CustomSkill
from ask_sdk_model import RequestEnvelope, ResponseEnvelope

from skill.alexa import carryover, dialogue, envelope
from skill.alexa.dialogue import CHOICE_SLOT
from skill.alexa.handlers import CHOOSE_TOPIC_INTENT, FREE_QUESTION_INTENT
from skill.alexa.reply import declined
from skill.alexa.responses import FACET_SLOT
from skill.alexa.session import SessionState
from skill.content import loader
from skill.content.spec import Content
from skill.nlu import (
    activity,
    areas,
    compound,
    declines,
    elsewhere,
    facet_moves,
    facets,
    insession,
    lengths,
    preamble,
    vague,
)
from skill.nlu.localized import router_for
from skill.nlu.normalize import normalize
from skill.nlu.router import FALLBACK, Decision, Route, Router, Step
from skill.nlu.thresholds import WHOLE_MATCH

# A point of another topic moves a routed question only when that topic's samples match
# it within this many points of the topic found. Swept on the dev cases, facets and
# conversations (one-shot fixed/broken, facets, dialog turns): 5: 18/3, 570, 1396;
# 10: 18/2, 574; 15: 18/0, 576, 1396; 20: 17/0, 575; without the check: 579, 1395.
FACET_MOVE_MARGIN: Final = 15.0
# The router's candidates looked through for that topic's score.
CANDIDATES: Final = 30

_TAGS = re.compile(r"<[^>]+>")
REPLY = "a reply to the skill's question"  # the route's detail, for --explain views
_serializer = DefaultSerializer()


def ssml_to_text(ssml: str | None) -> str:
    """What a listener hears, as plain text."""
    if not ssml:
        return ""
    text = _TAGS.sub("", ssml)
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'")):
        text = text.replace(entity, char)
    return " ".join(text.replace("&amp;", "&").split())


@dataclass
class Turn:
    """One exchange: what was said, how it was routed, what the skill answered."""

    text: str
    route: Route
    request: RequestEnvelope
    response: ResponseEnvelope
    urgent: bool = False
    state: SessionState = field(default_factory=SessionState)  # the session after it

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``si-skill ask --json`` (exactly these keys)."""
        response = self.response.response
        ssml = getattr(response.output_speech, "ssml", None) if response else None
        reprompt_speech = (
            response.reprompt.output_speech if response and response.reprompt else None
        )
        card = response.card if response else None
        return {
            "text": self.text,
            "intent": self.route.intent,
            "score": round(float(self.route.score), 1),
            "slots": dict(self.route.slots),
            "urgent": self.urgent,
            "speech": ssml_to_text(ssml),
            "ssml": ssml or "",
            "reprompt": ssml_to_text(getattr(reprompt_speech, "ssml", None)) or None,
            "card": {
                "title": getattr(card, "title", "") or "",
                "text": getattr(card, "content", "") or "",
            },
            "end_session": bool(response.should_end_session) if response else True,
        }

    def raw(self) -> dict[str, Any]:
        """The request and response envelopes as Alexa would put them on the wire."""
        return {
            "request": _serializer.serialize(self.request),
            "response": _serializer.serialize(self.response),
        }


class Conversation:
    """A session with the skill, driven by text."""

    def __init__(self, skill: CustomSkill, router: Router | None = None, *,
                 content: Content | None = None, locale: str = envelope.LOCALE,
                 apl: bool = False) -> None:
        """``router`` places what is said and ``content`` finds the facet asked about
        (default: the skill's own, read in ``locale``); give those of the content
        ``skill`` answers from. ``apl``: the device has a screen (Alexa.Presentation.APL)."""
        self.skill = skill
        self.content = content or loader.load_content()
        self.router = router or router_for(self.content, locale)
        self.topics = frozenset(self.content.topic_intents)
        self.locale = locale
        self.apl = apl
        self.session_id = envelope.new_session_id()
        self.attributes: dict[str, Any] = {}
        self.new = True
        self.ended = False

    def reset(self) -> None:
        self.session_id = envelope.new_session_id()
        self.attributes = {}
        self.new = True
        self.ended = False

    def launch(self) -> Turn:
        self.reset()
        return self._invoke(
            "", Route("LaunchRequest", 100.0, {}, Decision(Step.LAUNCH)),
            envelope.launch_request(self.locale),
        )

    def ask(self, text: str, found: Route | None = None) -> Turn:
        """Say ``text``; ``found`` is its route when the caller has routed it already."""
        if self.ended:
            self.reset()
        found = found or self.router.route(text)
        # "I'm sorry, I forget things, how long ...": the question, not the move it resembles
        found = preamble.question(self.router, self.content, text, found, self.topics) or found
        state = SessionState.from_attributes(self.attributes)
        reply = declines.read_reply(
            self.content, text, state.asked,
            declined(self.content, found.intent, found.alternatives), not self.new, state.urgent)
        if reply not in (None, found.intent) and (
                found.rule is None or found.rule.step is not Step.SAFETY):
            # a reply to what the skill said ("yeah go ahead"): the skill reads it so
            found = Route(str(reply), found.score, {}, Decision(Step.NEAREST, REPLY))
            return self._invoke(text, found, envelope.intent_request(
                FREE_QUESTION_INTENT, {"query": text}, self.locale))
        move = insession.move(self.router, self.content, text) if (
            found.intent == FALLBACK and not found.alternatives) else None
        if move is not None and (move.intent not in carryover.FOLLOW_UPS
                                 or state.topic not in self.topics):
            # "hello, what can you do": a move between cues and fillers, read by the skill
            return self._invoke(text, move, envelope.intent_request(
                FREE_QUESTION_INTENT, {"query": text}, self.locale))
        if found.intent == FALLBACK:  # the topic being discussed first, then a point's words
            found = carryover.reread(self.router, self.content, text, found, state.topic,
                                     state.urgent, bool(state.slots))
        # Only a question moves to another topic's point: not "say that again", nor one
        # that is nearly a sample of its own topic ("how many hours is the surgery"), nor
        # a report; a symptom only named (the calm answer) may name another point.
        calm = self._calm(found)
        if (found.intent == FALLBACK or (found.intent in self.topics
                                         and found.score < WHOLE_MATCH)) and (
                found.rule is None or found.rule.step is not Step.SAFETY):
            moved = facet_moves.elsewhere(found.intent, text, self.content, calm,
                                          self._headed(found, text))
            if moved is not None and not self._backed(found, moved, text):
                moved = None
            if moved is not None:  # a point of another topic, named unmistakably
                found = Route(moved[0], found.score, {}, Decision(Step.FACET, moved[1]))
        # "can I walk the dog": the guide's walking rule, not an uncovered topic
        found = activity.guide_activity(self.router, self.content, text, found) or found
        found = carryover.reread(self.router, self.content, text, found, state.topic,
                                 state.urgent, bool(state.slots))
        # After "Do you mean ...?" a question is read as the reply first ("the second").
        replying = bool(state.choice) and found.intent in self.topics
        fresh = state.topic not in self.topics and not replying
        broad = (areas.ask_back(self.router, self.content, text)
                 or lengths.ask_back(self.router, self.content, text, self.topics)) if fresh and (
            found.rule is None or found.rule.step is not Step.SAFETY) else None
        if broad is not None:  # "tell me about the pain", "how long does it take": which?
            found = Route(FALLBACK, found.score, {}, Decision(Step.AMBIGUOUS, broad[1]), broad)
        elif fresh and found.rule is not None and found.rule.step is Step.NEAREST:
            close = vague.close_topics(self.router, text, self.topics)
            pointed = self._one_point(found, close, text)
            if pointed is not None:  # one of the two named by its point
                found = pointed
            elif close is not None:  # two topics too close to call: the skill asks back
                found = Route(FALLBACK, found.score, {}, Decision(Step.AMBIGUOUS, close[1]),
                              close)
        two = found.intent == FALLBACK or replying or bool(
            compound.split(self.router, text, self.topics))
        either = None if two else compound.alternatives(self.router, text, self.topics)
        pointed = self._one_point(found, either, text)
        if pointed is not None:  # "X or Y" both of one topic's point, as one side alone
            found, either = pointed, None
        if two or either is not None:
            request = envelope.intent_request(FREE_QUESTION_INTENT, {"query": text},
                                              self.locale)
            return self._invoke(text, found, request)
        named = dialogue.topic_named(self.content, text)
        if found.intent in carryover.FOLLOW_UPS and named not in (None, state.topic):
            # "what about walking": a topic by name, as Alexa fills ChooseTopicIntent's slot
            request = envelope.intent_request(CHOOSE_TOPIC_INTENT, {CHOICE_SLOT: text},
                                              self.locale)
            return self._invoke(text, found, request)
        slots = dict(found.slots)
        # The point asked about, as Alexa would fill the FACET slot: of the topic routed
        # to, or for a follow-up ("and for how long?") of the session's topic.
        about = found.intent if found.intent in self.topics else state.topic
        spec = self.content.by_name.get(found.intent)
        facet = facets.slot_value(about, text, self.content) \
            if about and spec is not None and FACET_SLOT in spec.slots else None
        if facet:
            slots[FACET_SLOT] = facet
        request = envelope.intent_request(found.intent, slots, self.locale)
        return self._invoke(text, found, request)

    def _one_point(self, found: Route, pair: tuple[str, str] | None,
                   text: str) -> Route | None:
        """Of two topics to ask back between, the one whose point alone ``text`` names."""
        if pair is None or (found.rule is not None and found.rule.step is Step.SAFETY):
            return None  # a report is answered first, whatever its other words
        one = facet_moves.one_point(pair, text, self.content)
        return Route(one[0], found.score, {}, Decision(Step.FACET, one[1])) if one else None

    def _headed(self, found: Route, text: str) -> dict[str, frozenset[str]] | None:
        """Of a question declined for a low score, the topics its head words name; None
        for any other, an everyday request or another condition ("play the song about
        walking")."""
        if found.rule is None or found.rule.step is not Step.BELOW_THRESHOLD:
            return None
        normalized = normalize(text, self.router.lexicon)
        if elsewhere.an_everyday_request(normalized, self.router.lexicon) \
                or elsewhere.names_another_condition(normalized, self.router.lexicon):
            return None
        words = self.router.index.evidence_words(normalized)
        gate = self.router.heads.gate
        return {t: gate.evidence_of(t, words) for t in gate.intents_with_evidence(words)}

    def _calm(self, found: Route) -> bool:
        """Whether ``found`` is an urgent intent's calm answer: a symptom named, no report."""
        spec = self.content.by_name.get(found.intent)
        return found.rule is not None and found.rule.step is Step.CALM \
            and spec is not None and spec.urgent

    def _backed(self, found: Route, moved: tuple[str, str], text: str) -> bool:
        """Whether the router's scores back moving ``found``'s topic to ``moved``, a point:
        its samples match ``text`` within FACET_MOVE_MARGIN of the topic found ("will it
        fix his back for good" is a benefit asked, not the permanence of the fusion); a
        question no sample placed (declined, or a symptom only named) has none to weigh."""
        if found.intent == FALLBACK or self._calm(found):
            return True  # no sample chose it: declined, or a symptom named
        if moved == (facet_moves.ABOUT, facet_moves.joint_point(text, self.content)):
            return True  # the joint itself asked of, which no sample speaks of
        if facet_moves.head_named(moved[0], text, self.content) \
                or facet_moves.spelled_out(moved[0], text, self.content, found.intent):
            return True  # its topic named by its own word too, or its point spelled out
        scores = {r.intent: r.score for r in self.router.explain(text, CANDIDATES).candidates}
        return scores.get(moved[0], 0.0) >= found.score - FACET_MOVE_MARGIN

    def _invoke(self, text: str, found: Route, request: Any) -> Turn:
        request_envelope = envelope.envelope(
            request, session_id=self.session_id, new=self.new, attributes=self.attributes,
            apl=self.apl,
        )
        response = self.skill.invoke(request_envelope=request_envelope, context=None)
        self.new = False
        self.attributes = dict(response.session_attributes or {})
        body = response.response
        self.ended = bool(body.should_end_session) if body else True
        state = SessionState.from_attributes(self.attributes)
        return Turn(text=text, route=found, request=request_envelope, response=response,
                    urgent=state.urgent, state=state)

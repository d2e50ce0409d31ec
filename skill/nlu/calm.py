"""A mention of an urgent symptom that is no report, and the intent that answers it.

"no drainage, no redness, it's healing nicely", "the redness went away yesterday", "how
much redness is too much around the cut": the wound is named, but denied, over, or
asked about. Where no topic answers better (the router would decline, or give the
reasons to call for want of a topic), or an asked-about urgent intent's own samples are
the nearest ("what are the signs of infection", ``kept``), intents/_safety.yaml's
``calm_answers`` say which
intent answers such a mention, by its status: the urgent intent itself, answered calmly
(the route carries MENTION_SLOT and skill.alexa.responses picks the intent's
calm_answer), or an informational one (pain that is easing: what pain to expect).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from skill.content.safety_spec import REPORTED, SafetySpec
from skill.content.spec import IntentSpec
from skill.nlu import safety
from skill.nlu.context import PSEUDO
from skill.nlu.gate import DomainGate
from skill.nlu.lexicon import Lexicon
from skill.nlu.normalize import normalize
from skill.nlu.route import Decision, Route, Step
from skill.nlu.thresholds import WHOLE_MATCH, Thresholds

# The name the calling words are found under (calling_gate): no intent's.
CALLING: Final = "calling"
# An urgent intent asked about wins the question (kept) only clearly: the router's
# margin applies up to a near-whole match, not just below its sure score. On dev, with
# the sure score "what are the odds of getting an infection" (50.7 to the risks' 49.4)
# became the infection's signs.
KEPT_LIMITS: Final = Thresholds(sure_score=WHOLE_MATCH)
# A fever denied answers a telling ("no fever today, 98.2, just checking in": the guide's
# line); beside a question ("no fever, no pain, when can I drive", "i don't have a fever
# can i take tylenol") it is that question's preamble and names no topic to answer.
FEVER: Final = "FeverIntent"
NEGATED: Final = "negated"  # a status of skill.content.safety_spec
PREAMBLE: Final = "denied before a question"  # no calm answer answers it
# (or a request: "no fever, play some music", "i don't have a fever, set a timer")
ASKING: Final = re.compile(r"\b(?:what|when|where|which|why|how|can|could|may|should"
                          r"|play|turn|set|add|tell|remind|put|order|text|send|show|read"
                          r"|open|start|call|ring|phone|give|find)\b")


@dataclass(frozen=True)
class Mention:
    """An urgent intent's symptom, named but not reported."""

    intent: str
    status: str  # how it was named: negated, resolved, asked...


@dataclass(frozen=True)
class Answering:
    """The intent that answers a mention."""

    intent: str
    mention: Mention

    @property
    def calm(self) -> bool:
        """The urgent intent answers its own symptom's mention: calmly."""
        return self.intent == self.mention.intent

    @property
    def decision(self) -> Decision:
        return Decision(Step.CALM, f"{self.mention.status} {self.mention.intent}")


def mentions(found: Sequence[safety.Finding], ranked: Sequence[Route],
             normalized: str = "") -> list[Mention]:
    """The safety engine's findings that are no report, the intent ranked best first; a
    fever denied in a text that asks (ASKING) is a PREAMBLE."""
    rank = {r.intent: i for i, r in enumerate(ranked)}
    asking = ASKING.search(normalized) is not None
    said = [Mention(f.intent, PREAMBLE if asking and f.intent == FEVER and f.status == NEGATED
                    else f.status) for f in found if f.status != REPORTED]
    return sorted(dict.fromkeys(said), key=lambda m: rank.get(m.intent, len(rank)))


def named(gate: DomainGate, engine: safety.Engine, normalized: str,
          intents: Sequence[str]) -> list[Mention]:
    """The first of ``intents`` (urgent intents whose topic the question names, best
    first) as a mention, when its words are no report: the scorer's back-up where the
    safety engine's rules found nothing ("what does an infected incision look like")."""
    status = unreported(gate, engine, intents[0], normalized) if intents else None
    return [Mention(intents[0], status)] if status is not None else []


def excluded(found: Sequence[safety.Finding]) -> set[str]:
    """The urgent intents a symptom denied or asked about must not pull the question to;
    FeverIntent answers questions too ("what counts as a fever"): only when denied."""
    return {f.intent for f in found
            if f.denied or (f.status == safety.ASKED and f.intent != "FeverIntent")}


def asked_answers(found: Sequence[safety.Finding], answers: Mapping[str, str]) -> list[str]:
    """The intents answering the questions about urgent symptoms (asked_answers), in
    the order the symptoms were found."""
    return [answers[f.intent] for f in found if f.status == safety.ASKED and f.intent in answers]


EMERGENCY: Final = "EmergencyIntent"


def emergency_asked(found: Sequence[safety.Finding], intent: str, spec: SafetySpec) -> bool:
    """Whether a question about an emergency's symptom ("is numbness normal after
    surgery") went to a topic that cannot answer it (not one of the safety file's
    emergency_questions)."""
    return intent != EMERGENCY and intent not in spec.emergency_questions and any(
        f.intent == EMERGENCY and f.status == safety.ASKED for f in found)


def kept(found: Sequence[safety.Finding | Mention], spec: SafetySpec) -> set[str]:
    """The urgent intents asked about whose own calm answer answers such a question
    (calm_answers: asked -> itself, with the reasons to call in asked_answers): when
    their samples are the question's nearest ("what are the signs of infection", "how
    do i know if the wound is infected"), the question is answered calmly by them."""
    return {f.intent for f in found if f.status == safety.ASKED
            and spec.calm_answers.get(f.intent, {}).get(f.status) == f.intent
            and f.intent in spec.asked_answers}


def calling_gate(spec: SafetySpec, lexicon: Lexicon) -> DomainGate:
    """The safety file's words that name calling, as domain-gate evidence of CALLING."""
    return DomainGate((IntentSpec(CALLING, domain=spec.calling),),
                      lambda text: normalize(text, lexicon))


def winner(own: Route, kept: Collection[str], answers: Mapping[str, str]) -> str | None:
    """The kept intent (``kept``) a question goes to: its samples are the nearest
    (``own``), or too close to call only against the reasons to call (asked_answers),
    where the question's calling words decide (answering)."""
    if own.intent in kept:
        return own.intent
    return next((k for k in kept if set(own.alternatives) == {k, answers.get(k)}), None)


def answering(said: Sequence[Mention], spec: SafetySpec, evidenced: Collection[str],
              calling: bool) -> Answering | None:
    """The first mention that an intent with topic evidence (``evidenced``,
    skill.nlu.gate) answers. A question whose own words name calling (``calling``: the
    safety file's calling words; "do I call somebody", "is it an emergency") gets the
    reasons to call (the safety file's asked_answers) instead: the list answers it."""
    for mention in said:
        intent = spec.calm_answers.get(mention.intent, {}).get(mention.status)
        if intent is None or intent not in evidenced:
            continue
        return Answering(spec.asked_answers.get(mention.intent, intent) if calling else intent,
                         mention)
    return None


def unreported(gate: DomainGate, engine: safety.Engine, intent: str,
               normalized: str) -> str | None:
    """How the words that evidence ``intent`` name it when that is no report: the
    modifiers' status, or PSEUDO when every one is inside a pseudo phrase ("passed out
    laughing"); None for a report (or no such words)."""
    spots = gate.positions(intent, normalized.split())
    if not spots:
        return None
    pseudo = engine.pseudo_positions(normalized)
    spots = [i for i in spots if i not in pseudo]
    status = engine.status_at(normalized, spots) if spots else PSEUDO
    return None if status == REPORTED else status

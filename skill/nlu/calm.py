"""A mention of an urgent symptom that is no report, and the intent that answers it.

"no drainage, no redness, it's healing nicely", "the redness went away yesterday", "how
much redness is too much around the cut": the wound is named, but denied, over, or
asked about. Where no topic answers better (the router would decline, or give the
reasons to call for want of a topic), intents/_safety.yaml's ``calm_answers`` say which
intent answers such a mention, by its status: the urgent intent itself, answered calmly
(the route carries MENTION_SLOT and skill.alexa.responses picks the intent's
calm_answer), or an informational one (pain that is easing: what pain to expect).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from skill.content.safety_spec import REPORTED, SafetySpec
from skill.nlu import safety
from skill.nlu.context import PSEUDO
from skill.nlu.gate import DomainGate
from skill.nlu.route import Decision, Route, Step


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


def mentions(found: Sequence[safety.Finding], ranked: Sequence[Route]) -> list[Mention]:
    """The safety engine's findings that are no report, the intent ranked best first."""
    rank = {r.intent: i for i, r in enumerate(ranked)}
    said = [Mention(f.intent, f.status) for f in found if f.status != REPORTED]
    return sorted(dict.fromkeys(said), key=lambda m: rank.get(m.intent, len(rank)))


def named(gate: DomainGate, engine: safety.Engine, normalized: str,
          intents: Sequence[str]) -> list[Mention]:
    """The first of ``intents`` (urgent intents whose topic the question names, best
    first) as a mention, when its words are no report: the scorer's back-up where the
    safety engine's rules found nothing ("what does an infected incision look like")."""
    status = unreported(gate, engine, intents[0], normalized) if intents else None
    return [Mention(intents[0], status)] if status is not None else []


def answering(said: Sequence[Mention], spec: SafetySpec, evidenced: Collection[str],
              asks: Collection[str]) -> Answering | None:
    """The first mention that an intent with topic evidence (``evidenced``,
    skill.nlu.gate) answers. A question whose own words name calling (``asks``: the
    topics they evidence; "do I call somebody", "what should I watch for") gets the
    reasons to call (the safety file's asked_answers) instead: the list answers it."""
    for mention in said:
        intent = spec.calm_answers.get(mention.intent, {}).get(mention.status)
        if intent is None or intent not in evidenced:
            continue
        calling = spec.asked_answers.get(mention.intent, intent)
        return Answering(calling if calling in asks else intent, mention)
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

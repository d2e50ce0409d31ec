"""A declined question that names its topic: the head-word step (skill.nlu.heads) as the
router runs it.

The heads are read in the text as said (not as repaired by sound), with the slots'
placeholders ("{topic}"); a believable reading names the fever topic. A symptom the safety
layer reads as denied, resolved or someone else's names no topic there: "no fever, the
wound is clean, can he start walking to the void deck" names walking alone, "my coon
dog's got a fever, but when can I lift my feed sack" lifting. Where nothing else is named,
the patient's own denial still names its topic ("I'm not running a fever, thank
goodness": the fever topic's calm answer), another's symptom never ("my car's engine
temperature is running hot").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from skill.nlu import safety
from skill.nlu.gate import DomainGate
from skill.nlu.heads import Heads, asks_leave
from skill.nlu.lexicon import Lexicon
from skill.nlu.route import Decision, Route, Step
from skill.nlu.scoring import SampleIndex

# Chosen by the nearest sample alone (no calm answer, no reasons to call).
PLAIN: Final = Decision(Step.NEAREST)
# How far under the best topic's score a topic the question names by its head may be and
# still be the answer: "I spend the day in my armchair, is sitting that long going to
# hurt" is sitting's though a duration sample scores a little higher. The dev choice
# (margins 0 to 20 tried: at 5, 19 questions right that were wrong, 1 wrong that was
# right; further, the fusing and physio heads said in passing take over).
HEAD_MARGIN: Final = 5.0
# Symptoms of someone or something else: never the patient's topic.
OTHERS: Final = frozenset({"other_experiencer"})
# Words of every operation and its wound: "hours of operation" (read "surgery"), "in
# stitches" name no operation of ours.
GENERAL: Final = frozenset({"surgery", "incision", "stitches", "staples"})
# ... unless the words make the surgery the patient's own (normalize() reads a caregiver's
# "her" as "my", "operation" as "surgery"): "after my operation", "since the surgery" ("during
# the operation", "this surgery" stay general: on dev they named the operation's steps or
# someone else's as often as the patient's recovery; the wound's words stay general too, a
# finding at "my incision" being the calm step's, skill.nlu.calm).
OWN_GENERAL: Final = re.compile(r"\bmy surgery\b|\b(?:after|since) (?:the |my )?surgery\b")
# The anchored step's floor and lead over the next topic: the dev choice (floors 30 to 38,
# leads 2 to 6 tried; at 38 and 2, 7 dev questions right that were declined, none lost).
ANCHORED_SCORE: Final = 38.0
ANCHORED_LEAD: Final = 2.0
# The answers about calling: the reasons to call, how to reach the care team. A question
# whose nearest sample is one of them but that asks the temperature's line ("what number
# on the thermometer means I ring them", "if I spike to 39, is that when I call") or tells
# a reading ("she's at 99.6, anything to worry about") is the fever topic's: its answer
# says when to call for a fever and compares the reading with the guide's line.
CALLING: Final = frozenset({"WhenToCallIntent", "CareTeamContactIntent"})
# The list of reasons asked, the temperature one of them: "what signs should I watch for
# besides a temperature" is the reasons to call's.
LISTED: Final = re.compile(
    r"\b(?:signs?|symptoms?|besides|else|other than|apart from|as well as|list)\b")
CONTACT: Final = "CareTeamContactIntent"
FEVER: Final = "FeverIntent"
# The temperature named as what is asked (after normalize(): "temp" is "temperature").
TEMPERATURE: Final = re.compile(
    r"\b(?:temperature|thermometer|celsius|fahrenheit|centigrade|degrees?|how (?:high|hot))\b")
# How to reach the team asked, or whom: the contact answer's own ("the care team's number",
# "who do I ring", "what number do I call"; not "what number on the thermometer").
REACH: Final = re.compile(
    r"\b(?:who|contact\w*|reach|hold of|in touch|phone number"
    r"|number (?:for|of) (?:the|my|your|our)"
    r"|(?:what|which) number (?:do|should|would|can|will|to)"
    r"|number (?:to|i|we) (?:call|ring|phone|dial)"
    r"|(?:team|doctor|surgeon|office|clinic|nurse)(?: s)? number)\b")


class Named:
    """The head-word step over the router's samples, lexicon and safety engine."""

    def __init__(self, heads: Heads, index: SampleIndex, lexicon: Lexicon,
                 engine: safety.Engine, gate: DomainGate, calling: DomainGate,
                 urgent: frozenset[str] = frozenset()) -> None:
        """``calling``: the router's gate of the safety file's calling words
        (calm.calling_gate)."""
        self.heads, self.index, self.lexicon, self.engine = heads, index, lexicon, engine
        self.gate, self.calling, self.urgent = gate, calling, urgent

    def topic(self, route: Route, ranked: Sequence[Route], heard: str, normalized: str,
              cleaned: str, found: list[safety.Finding], believable: bool,
              evidenced: frozenset[str] = frozenset()) -> Route | None:
        """The topic a question declined for a low score names, with its score, if its
        samples explain enough of the question (``Heads.score``); or, where the nearest
        sample chose another topic, the topic named if its samples come within
        HEAD_MARGIN of the best, or explain enough of a question asking leave when that
        topic's only evidence is the operation told in passing (``in_passing``). Two
        topics too close to call stay so: the skill asks which one is meant ("can my dad
        sit for the whole surgery day")."""
        if self.asks_fever_line(route, normalized, found, believable):
            return Route(FEVER, route.score)
        step = route.rule.step if route.rule is not None else None
        held = {w for w in cleaned.split() if w.startswith("{")}
        if step is Step.BELOW_THRESHOLD:
            floor = self.heads.floor(normalized)  # the lowest, before the topic is known
        elif route.rule == PLAIN:
            # the topic's own words only: not a reading, nor a slot's everyday value
            floor, believable, held = route.score - HEAD_MARGIN, False, set()
        else:
            return None
        # Only a ranked topic at the floor or over can be named (asking leave may lower the
        # floor to the head score): with none, the words need not be read for a head.
        lowest = floor if step is Step.BELOW_THRESHOLD else min(floor, self.heads.score)
        if lowest > 0.0 and not any(r.score >= lowest and r.intent != route.intent
                                    for r in ranked):
            return None
        if believable:
            named: str | None = "FeverIntent"
        else:
            named, read = None, set()
            for cut in (safety.DENIED, OTHERS):  # the rest first, then the patient's own
                if named is None and (spoken := self.undenied(heard, normalized, found, cut)) \
                        not in read:  # the same words read once, when no cut took any
                    read.add(spoken)
                    named = self.heads.only_topic(
                        spoken, self.index.evidence_words(spoken) | held, self.lexicon.anchors)
        if named is None and step is Step.BELOW_THRESHOLD:
            named = self.anchored(ranked, normalized, evidenced)
        if (step is not Step.BELOW_THRESHOLD and asks_leave(normalized)
                and self.in_passing(route.intent, normalized)):
            floor = self.heads.score  # "the doctor fused my SI joint, may I lift my pot"
        if step is Step.BELOW_THRESHOLD and named is not None:
            floor = self.heads.floor(normalized, named)
        score = next((r.score for r in ranked if r.intent == named), 0.0)
        if named is None or named == route.intent or score < floor:
            return None
        if step is not Step.BELOW_THRESHOLD and any(
                f.status == safety.ASKED and f.intent != named for f in found):
            return None  # "what pain medicine is okay if my incision is red": call advice
        return Route(named, score)

    def asks_fever_line(self, route: Route, normalized: str, found: list[safety.Finding],
                        believable: bool) -> bool:
        """Whether a question given a calling answer by its nearest sample (CALLING) asks
        the fever's line: it tells or supposes a believable reading or names the
        temperature (TEMPERATURE), names no other urgent symptom (the safety engine finds
        none: the reasons to call list them all) nor asks the list (LISTED) and, for the
        care team's contact, does not ask how to reach them. Given another topic, a reading
        told with calling asked (the safety file's calling words) is the fever's too:
        "he's at 37.4, do we call"."""
        if route.rule != PLAIN or route.intent == FEVER or LISTED.search(normalized) \
                or any(f.intent != FEVER for f in found):
            return False
        if route.intent not in CALLING:  # another topic: a reading told, and calling asked
            return believable and bool(self.calling.intents_with_evidence(
                self.index.evidence_words(normalized)))
        if route.intent == CONTACT and REACH.search(normalized):
            return False
        return believable or TEMPERATURE.search(normalized) is not None

    def anchored(self, ranked: Sequence[Route], normalized: str,
                 evidenced: frozenset[str]) -> str | None:
        """The nearest topic of a question declined for a low score that names this
        operation itself (the lexicon's ``own_anchors``; of the words every operation and its
        wound share, the surgery told as the patient's own, OWN_GENERAL), when its samples explain
        ANCHORED_SCORE of it, its own words are said and it leads the next topic by
        ANCHORED_LEAD ("the SI joint, which one is that again"); never an urgent intent."""
        if not ranked or ranked[0].score < ANCHORED_SCORE or ranked[0].intent not in evidenced \
                or ranked[0].intent in self.urgent:
            return None
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < ANCHORED_LEAD:
            return None
        if not set(normalized.split()) & (self.lexicon.own_anchors - GENERAL) \
                and OWN_GENERAL.search(normalized) is None:
            return None
        return ranked[0].intent

    def in_passing(self, intent: str, normalized: str) -> bool:
        """Whether ``intent`` has only the recovery's own names (the lexicon's
        ``anchors``: fusion, fused, the SI joint) for evidence in ``normalized``: the
        operation told in passing as the question's setting, not asked about."""
        evidence = self.gate.evidence_of(intent, self.index.evidence_words(normalized))
        return bool(evidence) and evidence <= self.lexicon.anchors

    def undenied(self, heard: str, normalized: str, found: list[safety.Finding],
                 cut: frozenset[str]) -> str:
        """``heard`` without the symptoms of a status in ``cut`` (``found`` is read in
        ``normalized``; a text repaired by sound is read again as heard)."""
        if not any(f.status in cut for f in found):
            return heard
        own = found if heard == normalized else self.engine.findings(heard)
        return safety.without_negated(heard, [f for f in own if f.status in cut],
                                      self.engine) or heard

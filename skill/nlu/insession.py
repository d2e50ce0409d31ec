"""A question asked mid-conversation without topic words, decided in the session.

"ok then who is it for", "ok and in general how much should he be doing": alone, such a
question names no topic, and the router's domain gate declines it. In a session with a
topic, that topic and the topics related to it (intents/_related.yaml, the guide's
sections) are the evidence: the question, without the acknowledgement and fillers that
open it (intents/_replies.yaml), is scored on its own and decided again among them by
the router's own thresholds.

Only a question that names nothing itself counts: it opens (within QUESTION_AT words)
with a question word or an auxiliary put first, every word of it is a closed-class word
of _related.yaml's ``plain`` and one refers back ("it", "he", "the same"). So "what's
the time", "what's your name" or "set a timer for ten minutes" mid-conversation stay
declined, as does a question about another condition (skill.nlu.elsewhere); a turn
with any symptom finding is left to the safety layer, and the urgent intents are never
chosen here.

Such a question that no related topic takes at the router's thresholds ("could my
sister have it", "can he do it", "is that a strict rule or a suggestion") asks the
question just answered again, of the one it names: the session's topic (never an
urgent one).

A question the router placed in a topic for want of evidence for the one it matches best
is read so too: when a topic related to the session's matches the question (without its
opening cues) better by REDIRECT_MARGIN, that topic answers it ("ok and how far should I
go" after walking: walking, not the risks; "what's she not allowed to do yet" after
lifting: the activity rules).

A declined turn that carries the question before it on to a new thing ("and sitting at
the table for the whole meal") is the topic its head word names (``continued``).

A declined question whose own words name exactly one topic related to the session's,
by head word or else by the domain gate's evidence, is that topic (``evidenced``: "is
there anything he can take for it" after the pain to expect); never an urgent topic,
never a turn the router found a coin toss (that is asked back).

A conversation move said between cues and fillers ("hello, what can you do", "what about
for my wife then"), which the router declines whole, is the move the router finds in the
words between them (``move``): help, a follow-up and the like, never a topic. So is a
move asked in the last clause after a told preamble that names no topic ("I can't work
this speaker out, what do I say to it": help), and one said before a told tail that names
no topic ("say that again I want to write it down": repeat).

The short questions on what was just said (its reason, how long it holds, how much) are
read in skill.nlu.asks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from skill.content import loader, yamltext
from skill.content.spec import Content, ContentError, Problem
from skill.nlu import clauses, elsewhere, replies, told, vague
from skill.nlu.router import FALLBACK, Decision, Route, Router, Step

IN_SESSION: Final = "a question in the session's topic"  # the route's detail (--explain)
MOVE_AT_EDGES: Final = "a conversation move between cues and fillers"  # the same
# Where the question may start after the acknowledgement: "in general how much ...", two
# words of framing. On the dev cases and dialogs 0 to 3 give the same figures and decline
# the same chatter; 0 and 1 would decline "ok and in general how much should he be doing".
QUESTION_AT: Final = 2
# A related topic takes a question placed elsewhere only when it matches this much better.
# On the dev cases, each question placed in a topic asked in every session topic: 10 and
# up move no right answer (5 and 8 move 8); 15 moves fewer wrong ones to other wrong ones
# than 10 (17, 21); on the dev dialogs 8 to 20 give the same figures.
REDIRECT_MARGIN: Final = 15.0
# How many ranked candidates to decide over: the router's own view.
CANDIDATES: Final = 10
# How a turn carries the question before it on to a new thing: "and sitting at the table
# for the whole meal", "ok what about carrying the cat" (after at most two words of any
# kind, so an opening "ok", "right then" or "so um" may come first).
# Who else a preamble may name: the third person, as normalize() would rewrite it.
THIRD_PERSON: Final = re.compile(r"\b(?:he|she|they|his|her|hers|their|him|them)\b|'s\b")
CONTINUES: Final = re.compile(r"^(?:[\w']+ ){0,2}?(?:and|or|also|plus|what about|how about)\b")


def path_of(root: Path) -> Path:
    return loader.intents_dir(root) / "_related.yaml"


@dataclass(frozen=True)
class Related:
    """Topic -> the topics related to it (itself included); the words a question that
    names nothing is made of, and those of them that refer back."""

    topics: Mapping[str, frozenset[str]] = field(default_factory=dict)
    plain: frozenset[str] = frozenset()
    refers: frozenset[str] = frozenset()

    def names_nothing(self, words: list[str]) -> bool:
        return bool(words) and set(words) <= self.plain and not self.refers.isdisjoint(words)


def _words(raw: dict[str, Any], key: str, problems: list[str]) -> frozenset[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        problems.append(f"{key}: expected a list of words")
        return frozenset()
    return frozenset(w.lower() for w in value)


def parse(raw: Any, topics: frozenset[str]) -> tuple[Related, list[str]]:
    """The related topics and words of a parsed _related.yaml, and the file's problems."""
    body = raw if isinstance(raw, dict) else {}
    groups = body.get("groups")
    if not isinstance(groups, dict):
        return Related(), ["expected 'groups': a mapping of names to lists of topic intents"]
    problems: list[str] = []
    related: dict[str, frozenset[str]] = {}
    for name, members in groups.items():
        if not isinstance(members, list) or not set(members) <= topics:
            problems.append(f"groups.{name}: expected a list of topic intents")
            continue
        for member in members:
            related[member] = related.get(member, frozenset()) | frozenset(members)
    plain, refers = _words(body, "plain", problems), _words(body, "refers", problems)
    if not refers <= plain:
        problems.append("refers: every word must be in 'plain' too")
    return Related(related, plain, refers), problems


def load(content: Content) -> Related:
    """``content``'s related topics (none without _related.yaml); raises ContentError on
    a malformed file. Call through ``content.derive(load)``: read once."""
    path = path_of(content.root)
    if not path.is_file():
        return Related()
    related, problems = parse(yamltext.value(path.read_text(encoding="utf-8")),
                              frozenset(content.topic_intents))
    if problems:
        raise ContentError([Problem(str(path), problem) for problem in problems])
    return related


def _asked(text: str, content: Content) -> list[str]:
    """The words of the question ``text`` asks, without its opening cues and framing
    (none when it asks no question)."""
    words = replies.words_of(text)
    words = words[content.derive(replies.load).leading(words):]
    start = next((i for i, w in enumerate(words[:QUESTION_AT + 1])
                  if w in clauses.QUESTION_WORDS), None)
    return words[start:] if start is not None else []


def question(text: str, content: Content) -> str | None:
    """The question ``text`` asks, if it names nothing itself, or None."""
    words = _asked(text, content)
    return " ".join(words) if content.derive(load).names_nothing(words) else None


def redirect(router: Router, content: Content, text: str, found: Route,
             topic: str | None) -> Route | None:
    """A related topic for a question placed weakly elsewhere, or None: "ok and how far
    should I go" after walking matches walking best, though only the risks had a word."""
    words = _asked(text, content) if topic in content.topic_intents else []
    if not words or found.intent not in content.topic_intents:
        return None
    explained = router.explain(" ".join(words), CANDIDATES)
    if explained.findings:
        return None
    related = content.derive(load).topics.get(str(topic), frozenset({str(topic)}))
    evidence = (related | {found.intent}) - content.urgent_intents
    ranked = [r for r in explained.candidates if r.intent in evidence]
    moved = router.nearest(ranked, found.slots, evidence)
    if moved.intent in (FALLBACK, found.intent) or moved.score - found.score < REDIRECT_MARGIN:
        return None
    return Route(moved.intent, moved.score, moved.slots, Decision(Step.NEAREST, IN_SESSION))


def decide(router: Router, content: Content, text: str, topic: str | None) -> Route | None:
    """A topic for a declined ``text`` in a session on ``topic``, or None (rules above)."""
    explained = router.explain(text)
    # as said, or as the lexicon reads it ("how do they actually dae it": "how do i do it")
    asked = (question(text, content) or question(explained.normalized, content)) \
        if topic in content.topic_intents else None
    if asked is None or explained.findings:
        return None
    explained = router.explain(asked, CANDIDATES)
    if explained.findings:
        return None
    related = content.derive(load).topics.get(str(topic), frozenset({str(topic)}))
    evidence = related - content.urgent_intents
    ranked = [r for r in explained.candidates if r.intent in evidence]
    found = router.nearest(ranked, explained.route.slots, evidence)
    if found.intent == FALLBACK and topic not in content.urgent_intents and (
            not explained.candidates or any(c.asks for c in clauses.split(text))):
        # no related topic at the router's thresholds ("could my sister have it", "is
        # that a strict rule", asked as a question): the question just answered again
        return Route(str(topic), 0.0, {}, Decision(Step.NEAREST, IN_SESSION))
    if found.intent == FALLBACK or elsewhere.why_not_ours(
            found.intent, explained.normalized, explained.findings, router.lexicon,
            router.gate, router.safety):
        return None
    return Route(found.intent, found.score, found.slots, Decision(Step.NEAREST, IN_SESSION))


def move(router: Router, content: Content, text: str) -> Route | None:
    """The conversation move (no topic) a declined ``text`` makes between the cues and
    fillers at its edges, or None."""
    words = replies.words_of(text)
    known = content.derive(replies.load)
    start = known.leading(words)
    inner = words[start:len(words) - known.trailing(words[start:])]
    # between the edges, or else the question asked after the speaker's own preamble,
    # or else the words before a told tail
    for said in (" ".join(inner) if inner and len(inner) < len(words) else None,
                 _after_own_preamble(router, text, content),
                 _before_told(router, text, content)):
        found = router.explain(said) if said else None
        if found is None or found.findings or found.route.intent == FALLBACK or (
                found.route.intent in content.topic_intents):
            continue
        return Route(found.route.intent, found.route.score, found.route.slots,
                     Decision(Step.NEAREST, MOVE_AT_EDGES))
    return None


def _before_told(router: Router, text: str, content: Content) -> str | None:
    """The words before a transcript's told tail (skill.nlu.told.told_starts) that names
    no topic, in a turn that reports nothing: "say that again I want to write it down"."""
    said, starts = text.split(), told.told_starts(text)
    # not the subject a contracted "is" puts after it: "how long's my husband gonna be"
    if not starts or said[starts[0] - 1].endswith(("'s", "\u2019s")) or router.explain(
            text).findings:
        return None
    tail = router.explain(" ".join(said[starts[0]:])).normalized
    named = router.gate.intents_with_evidence(router.index.evidence_words(tail))
    return None if named & set(content.topic_intents) else " ".join(said[:starts[0]])


def _after_own_preamble(router: Router, text: str, content: Content) -> str | None:
    """The question asked after a preamble (skill.nlu.vague.after_preamble) told by the
    speaker of the speaker alone: every clause before it tells, asks nothing, and names
    nobody else (no third person, no one a caregiver speaks for): "what should I say"
    after "her daughter asked me ..." is asked about what to tell her, not of the skill."""
    asked = vague.after_preamble(router, text, content.topic_intents)
    if asked is None:
        return None
    told = text[: text.rindex(asked)].lower()
    lexicon = router.lexicon
    words = set(re.findall(r"[a-z']+", told))
    if (any(clause.asks for clause in clauses.split(told)) or THIRD_PERSON.search(told)
            or words & (lexicon.others | lexicon.carers)):
        return None
    return asked


def continued(router: Router, content: Content, text: str, topic: str | None) -> Route | None:
    """The topic a declined turn carries the session's question on to, or None: it opens
    on a continuation (CONTINUES), has no symptom in it and names exactly one topic by
    its head word (skill.nlu.heads), matched at the router's HEAD_SCORE; the person and
    the leave asked for are the question's before it ("and sitting at the table for the
    whole meal", after "can he have a glass of wine with dinner")."""
    if topic not in content.topic_intents or not CONTINUES.match(
            " ".join(replies.words_of(text))):
        return None
    explained = router.explain(text, CANDIDATES)
    words = router.index.evidence_words(explained.normalized)
    named = router.heads.gate.intents_with_evidence(words) - content.urgent_intents
    if explained.findings or len(named) != 1:
        return None
    found = next((r for r in explained.candidates if r.intent in named), None)
    if found is None or found.score < router.heads.score or elsewhere.why_not_ours(
            found.intent, explained.normalized, explained.findings, router.lexicon,
            router.gate, router.safety):
        return None
    return Route(found.intent, found.score, explained.route.slots,
                 Decision(Step.NEAREST, IN_SESSION))


def evidenced(router: Router, content: Content, text: str, topic: str | None) -> Route | None:
    """The one topic related to the session's ``topic`` that a declined question's own
    words are the evidence for, or None: it asks (a question word or an auxiliary first,
    past its opening cues), reports nothing, and its words name exactly one topic, by
    head word (skill.nlu.heads) or else by the domain gate's evidence, and that topic is
    related to the session's and not urgent ("is there anything he can take for it"
    after the pain to expect: the pain medicine)."""
    related = content.derive(load).topics.get(str(topic), frozenset())
    if topic not in content.topic_intents or not _asked(text, content):
        return None
    explained = router.explain(text, CANDIDATES)
    words = router.index.evidence_words(explained.normalized)
    topics = frozenset(content.topic_intents)
    named = router.heads.gate.intents_with_evidence(words) & topics
    if len(named) != 1:
        named = router.gate.intents_with_evidence(words) & topics
    if (explained.findings or len(named) != 1 or not named <= related - content.urgent_intents):
        return None
    intent = next(iter(named))
    if elsewhere.why_not_ours(intent, explained.normalized, explained.findings,
                              router.lexicon, router.gate, router.safety):
        return None
    score = next((r.score for r in explained.candidates if r.intent == intent), 0.0)
    return Route(intent, score, explained.route.slots, Decision(Step.NEAREST, IN_SESSION))

"""The short questions on what was just said, read in the session's topic by the caller
(skill.alexa.carryover), and where a question for how long goes when that topic gives
no time.

A question opens with a cue of a kind of responses.yaml's ``_asks`` (past the cues and
fillers before it) and is read by the few words after the cue:

- its reason (``asks_reason``): "why", "how come", then a few words that name no topic
  or refer back ("why so short", "why do I need it though"), or a few more that name
  no topic and refer back ("why would anyone get the open one");
- how long it holds (``asks_duration``): a duration cue, then words that refer back and
  name no topic ("and how long is she to keep that up"); the cue may follow a word or
  two of framing the fillers do not cover (an approximator: "and roughly how long does
  that take"; a conjunction in another English: "an how long dae ah huv tae stick tae
  that"), and the verb of lasting after the word referred back ("does that take",
  "will it last") names no topic: it is the length asked, not the medicine taken; so
  is a yes/no question whether it lasts long (an auxiliary first, then a word that
  refers back and a verb of lasting, "long" or "a while": "does that take a long
  time", "will it last long");
- how much (``asks_amount``): an amount cue, then words that name the topic being
  discussed or refer back to it in closed-class words and units alone ("how many kilos
  would that be"; "how much can I take", after the pain medicine).

A question for how long it all takes, on a topic whose answer gives no time, is the
related topic its words match best (``lasting_elsewhere``: the surgery's length after
its steps).

Never with a symptom in it: the safety layer reads it first.
"""

from __future__ import annotations

from typing import Final

from skill.content import answers
from skill.content.spec import Content
from skill.nlu import clauses, facets, insession, replies
from skill.nlu.router import MIN_SCORE, Decision, Route, Router, Step

# A reason question on the answer just given is short: the cue ("why", "how come") and
# at most this many words ("why do I need it though": five). On the dev dialogs 3 to 6
# read the same turns; longer questions name a point of their own.
REASON_WORDS: Final = 5
# A duration or an amount question on it refers back, in at most this many words after
# its cue ("do I have to be careful like that": eight).
DURATION_WORDS: Final = 8
# The units an amount is asked in ("how many kilos would that be"): weight and time.
# Words of framing a duration cue may follow past the opening cues and fillers ("and
# roughly how long", "an how long", "so about how long"): as many as a question in the
# session may open after (skill.nlu.insession.QUESTION_AT).
FRAMING: Final = insession.QUESTION_AT
# The verbs a duration question asks the length of what was referred back to with ("how
# long does that take", "how long will it last", "how long does it go on"): in that
# sense no topic's evidence ("take" is also the medicine's).
LASTING: Final = frozenset({"take", "takes", "last", "lasts", "run", "runs"})
# What a yes/no question asks to last long with, after its verb of lasting ("does that
# take a long time", "will it last a while", "is it going to take very long").
LONG: Final = frozenset({"long", "while"})
LONG_FILLERS: Final = frozenset({"a", "very", "too", "so", "that", "time"})
# The auxiliaries a yes/no question opens with: the question words but those asking what.
AUXILIARIES: Final = clauses.QUESTION_WORDS - frozenset(
    "what whats what's when where which who whom whose why how".split())
UNITS: Final = frozenset(
    "pounds pound lbs lb kilos kilo kilograms kilogram kgs kg stone grams minutes hours "
    "days weeks months years times".split())


def lasting_elsewhere(router: Router, content: Content, text: str,
                     topic: str | None) -> Route | None:
    """For a question on how long what was just said takes that the session's topic
    gives no point for ("how long does it all take", after the surgery's steps): of the
    topics related to the session's, the one whose samples match the question best, when
    they match it better than the session topic's own and at the router's MIN_SCORE
    (another guide section's better match is no reading of what was just said), else
    None."""
    if (topic not in content.topic_intents or after_cue(content, text, "duration") is None
            or facets.slot_value(str(topic), text, content) is not None):
        return None
    explained = router.explain(text, insession.CANDIDATES)
    related = content.derive(insession.load).topics.get(str(topic), frozenset({topic}))
    found = next((r for r in explained.candidates if r.intent in related | {topic}), None)
    if (explained.findings or found is None or found.intent == topic
            or found.score < MIN_SCORE):
        return None
    return Route(found.intent, found.score, {}, Decision(Step.NEAREST, insession.IN_SESSION))


def cues(content: Content) -> dict[str, tuple[tuple[str, ...], ...]]:
    """responses.yaml's ``_asks`` cues by kind ("reason": why, how come; "duration": how
    long, until when), each kind's longest first. Call through ``content.derive``."""
    kinds = next(iter(answers.of(content).values())).kinds if answers.of(content) else {}
    return {kind: tuple(sorted((tuple(cue.split()) for cue in cues), key=len, reverse=True))
            for kind, cues in kinds.items()}


def after_cue(content: Content, text: str, kind: str, framing: int = 0) -> list[str] | None:
    """The words of ``text`` after the ``kind`` cue its question opens with (past its
    opening cues and fillers and at most ``framing`` words more), or None when it opens
    with none."""
    words = replies.words_of(text)
    words = words[content.derive(replies.load).leading(words):]
    known = content.derive(cues).get(kind, ())
    for at in range(min(framing, max(len(words) - 1, 0)) + 1):
        cue = next((c for c in known if tuple(words[at:at + len(c)]) == c), None)
        if cue:
            return words[at + len(cue):]
    return None


def _named(router: Router, content: Content, text: str) -> frozenset[str] | None:
    """The topics ``text`` names by their evidence; None when it holds a symptom."""
    explained = router.explain(text)
    if explained.findings:
        return None
    named = router.gate.intents_with_evidence(router.index.evidence_words(explained.normalized))
    return frozenset(named) & frozenset(content.topic_intents)


def names_nothing(router: Router, content: Content, text: str,
                  besides: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` names no topic by its evidence but those ``besides``, and holds
    no symptom."""
    named = _named(router, content, text)
    return named is not None and named <= besides


def asks_reason(router: Router, content: Content, text: str) -> bool:
    """Whether ``text`` asks the reason for what was just said: a short question that
    opens with a reason cue and either names no topic or refers back ("why so short",
    "how come", "why do I need it though"), with no symptom in it."""
    rest = after_cue(content, text, "reason")
    if rest is None or len(rest) > DURATION_WORDS:
        return False
    named, refers = _named(router, content, text), content.derive(insession.load).refers
    if named is None or len(rest) > REASON_WORDS and (named or refers.isdisjoint(rest)):
        return False  # a longer one names nothing and refers back
    return not named or not refers.isdisjoint(rest)


def asks_duration(router: Router, content: Content, text: str) -> bool:
    """Whether ``text`` asks how long what was just said holds: a question that opens
    with a duration cue, refers back and names no topic ("and how long is she to keep
    that up", "how long do I have to be careful like that"), with no symptom in it."""
    rest = after_cue(content, text, "duration", FRAMING)
    refers = content.derive(insession.load).refers
    if rest is None:
        return _asks_if_long(router, content, text, refers)
    if len(rest) > DURATION_WORDS or refers.isdisjoint(rest):
        return False
    back = next(i for i, word in enumerate(rest) if word in refers)
    asked = [w for i, w in enumerate(rest) if not (i > back and w in LASTING)]
    return names_nothing(router, content, " ".join(_question(text, rest) + asked))


def _asks_if_long(router: Router, content: Content, text: str,
                  refers: frozenset[str]) -> bool:
    """Whether ``text`` asks whether what was just said lasts long: an auxiliary first
    (past the opening cues and fillers), a word that refers back, a verb of lasting
    after it and then "long" or "a while" alone ("does that take a long time"), in at
    most DURATION_WORDS words that name no topic without the verb."""
    words = replies.words_of(text)
    words = words[content.derive(replies.load).leading(words):]
    if not words or words[0] not in AUXILIARIES or len(words) > DURATION_WORDS:
        return False
    back = next((i for i, word in enumerate(words) if word in refers), len(words))
    verb = next((i for i, word in enumerate(words) if word in LASTING and i > back), None)
    if verb is None:
        return False
    after = words[verb + 1:]
    if not LONG & set(after) or not set(after) <= LONG | LONG_FILLERS:
        return False
    return names_nothing(router, content, " ".join(words[:verb]))


def _question(text: str, rest: list[str]) -> list[str]:
    """The words of ``text`` before ``rest``, its last words."""
    words = replies.words_of(text)
    return words[:len(words) - len(rest)]


def asks_amount(router: Router, content: Content, text: str, topic: str) -> bool:
    """Whether ``text`` asks how much of what was just said on ``topic``: a question
    that opens with an amount cue, names no topic but ``topic``, and either names it or
    refers back in closed-class words and units alone ("how many kilos would that be",
    "how much can I take" after the pain medicine; not "how much does it cost"), with no
    symptom in it."""
    rest = after_cue(content, text, "amount")
    if rest is None or len(rest) > DURATION_WORDS:
        return False
    named, related = _named(router, content, text), content.derive(insession.load)
    plain = set(rest) <= related.plain | UNITS and not related.refers.isdisjoint(rest)
    return named is not None and named <= {topic} and (plain or named == {topic})

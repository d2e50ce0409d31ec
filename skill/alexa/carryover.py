"""What the session's topic carries over into reading the next turn (the local doors,
and on Alexa what its catch-all carries, skill.alexa.free_question).

The router places a turn alone; in a conversation the topic just answered is context.
First, an echo question (skill.nlu.echo): "you said a walker or a what?" hears the answer
again, and a few words said back with a check ("An hour? Only an hour? Is that right?")
the answer they check, never after an urgent answer or with a report in them. Then a
short question for the reason of what was just said ("why so short", "why do I
need it though"; skill.nlu.asks) or for how long it holds ("and how long is she to keep
that up") is a follow-up on that topic, however the router placed it, and so is one for
how much ("how many kilos would that be": the topic's point for it, else its answer
again); never after an urgent answer or with a symptom in it. A turn carrying the
question on to an uncovered topic joined as the activity's companion or place ("what
about with the dog", after walking) asks that activity again, and one the router declined
as asked for nobody ("ok what about a bath") is asked by the same one
(skill.nlu.activity). How long, of a topic whose
answer is a length (intents/_areas.yaml ``lengths``) with no point for it, is that
answer again.
Three general rules, all only for a question the router placed in another topic without
a reported symptom, and only when the question names no topic by name:

- the router's own coin toss: a follow-up ("and how long does that go on for") that
  scores within the router's MARGIN of the best topic is read as a follow-up;
- a shared point: a point both topics have ("what if it doesn't heal", of the fusion's
  healing and of the risks) is read in the topic being discussed, when the point names
  a thing by its words: a point of a kind of question alone ("how much", which every
  topic giving no number has) is shared by too many to tell;
- a first clause that is a follow-up alone, surely and clearly, before a remark that
  weakly matched another topic ("ok and what about for my mom, she's having the same
  thing next month") is that follow-up.

The turn becomes a follow-up (FollowUpDetailIntent for the first two), answered from
the session's topic. Failing those, a related topic that matches the question much
better takes it (skill.nlu.insession: "ok and how far should I go" after walking).

A fourth rule for a turn the router declined for want of domain evidence: the topic
being discussed is that evidence. When the best sample match, evidence aside, is a
follow-up form ("and is it the same for my husband, he had it done too") or the
session's topic itself ("and what if it goes higher", after a fever reading), clear of
the next candidate or, in a turn declined for a low score, within the router's MARGIN of
the best (the context decides the coin toss), the turn is that follow-up; so too when
its first clause alone is a follow-up and the rest a remark ("same for my mom, she is
having hers in june"), or when the words before a remark about the person that weighs
the turn down (up to its punctuation or, in a transcript, its subject) match the
follow-up for someone else at the router's MIN_SCORE, clear by its MARGIN ("what about
for my sister she's scheduled next month"). A goodbye matched by such a remark after
a first clause that is surely a follow-up alone ("and my father-in-law, he had it done
too") is that follow-up. The topic itself is never carried over after an urgent answer:
vague words ("and what if it goes up") do not make a report. A follow-up form does what
it does unremarked ("what about my husband" after a reading of 102 keeps the reading:
the call again). Failing those, a declined question is decided again in the session
(skill.nlu.insession: "ok then who is it for"), or one that carries the question before
it on to a new thing is the topic its head word names ("and sitting at the table for the
whole meal").

After a reading compared with an urgent topic's line and found under it ("a hundred point
two": not over 101), a question the router placed in the list of reasons to call ("ok
at what point should I worry then", "what's the number I've to watch for") asks that
line again: it names no topic, no symptom and no other reason ("what else should make
me call" asks the list). With no reading ("when should we call the doctor", after the
fever's threshold) the list is what is asked.
"""

from __future__ import annotations

import re
from typing import Final

from skill.alexa.dialogue import topic_named
from skill.alexa.handlers import FOLLOW_UP_DETAIL_INTENT, FOLLOW_UP_INTENT, REPEAT_INTENT
from skill.content.spec import Content
from skill.nlu import activity, areas, asks, echo, facets, insession, sign_in_session
from skill.nlu.replies import words_of
from skill.nlu.router import (
    CONVERSATION_SCORE,
    FALLBACK,
    MARGIN,
    MIN_SCORE,
    SURE_SCORE,
    Decision,
    Route,
    Router,
    Step,
)

FOLLOW_UPS: Final = (FOLLOW_UP_INTENT, FOLLOW_UP_DETAIL_INTENT)
IN_CONTEXT: Final = "in the session's topic"  # the route's detail, for --explain views
# How many ranked candidates to look through for a follow-up: the router's own view.
CANDIDATES: Final = 10
# The session's topic as the best match of a declined turn is evidence enough from
# here ("and if it goes higher", after a reading; the router's MIN_SCORE is 44): the
# dev conversations' choice (si-skill eval-dialogs tests/dialogs/dev): 30-42 do alike; 36 is
# in the middle.
IN_TOPIC_SCORE: Final = 36.0
# Where a typed turn's first clause ends ("same for my mom, she is having hers in june").
CLAUSE_END: Final = re.compile(r"[,;?]")
# Where a transcript's remark about the person just named starts: at its subject
# pronoun ("what about for my sister she's scheduled next month").
REMARK_AT: Final = re.compile(r"\s(?=(?:he|she|they|i)(?:'s|'m|'re|s)?\s)")
# The answer that lists the reasons to call, each an urgent topic's, and the words that
# ask for the others on the list rather than the line of the one just answered.
REASONS_LISTED: Final = "WhenToCallIntent"
OTHER_REASONS: Final = frozenset({"else", "other", "others", "any", "anything", "everything",
                                  "all", "list", "rest", "more"})
# A declined turn read in the topic that asks it of a new thing ("what about the trash
# barrels, those are heavy"): the topic's answer for it, not the answer's next part.
NEW_THING: Final = re.compile(r"^(?:[\w']+ ){0,2}?(?:what|how) about (?!(?:how|why|when|what"
                              r"|where|which|who|if|for)\b)")


def _follow_up(intent: str, score: float) -> Route:
    return Route(intent, score, {}, Decision(Step.NEAREST, IN_CONTEXT))


def reread(router: Router, content: Content, text: str, found: Route,
           topic: str | None, urgent: bool = False, read: bool = False) -> Route:
    """``found``, or a follow-up on ``topic`` when the context decides (rules above);
    ``urgent``: the session's last answer was an urgent one; ``read``: it compared a
    reading (its slots) with the topic's line. A question for how long
    it takes that ``topic`` gives no time for goes to the related topic that does
    (skill.nlu.asks.lasting_elsewhere)."""
    if (found.rule is None or found.rule.step is not Step.SAFETY) and (
            told := sign_in_session.reported_in(router, text, topic)) is not None:
        return told  # "it's gone angry red now", of the wound being discussed
    moved = _reread(router, content, text, found, topic, urgent, read)
    if moved.intent in FOLLOW_UPS or (moved.intent == FALLBACK and not found.alternatives):
        moved = asks.lasting_elsewhere(router, content, text, topic) or moved
    if (moved.intent == FOLLOW_UP_DETAIL_INTENT and topic in content.derive(areas.load).lengths
            and asks.after_cue(content, text, "duration") is not None
            and facets.slot_value(str(topic), text, content) is None):
        # how long, of a topic whose answer is a length with no point for the question:
        # that answer again ("how long does all that take start to finish")
        return _follow_up(FOLLOW_UP_INTENT, moved.score)
    return moved


def _reread(router: Router, content: Content, text: str, found: Route,
            topic: str | None, urgent: bool = False, read: bool = False) -> Route:
    safety = found.rule is not None and found.rule.step is Step.SAFETY
    safety = safety or found.intent in content.urgent_intents  # never moved off urgent
    if topic in content.topic_intents and not safety and echo.asks_again(text):
        # "you said a walker or a what?": the answer again, as it was said
        return Route(REPEAT_INTENT, found.score, {}, Decision(Step.NEAREST, IN_CONTEXT))
    if (topic in content.topic_intents and not urgent and not safety
            and echo.checks(router, text, str(topic))):
        # "An hour? Only an hour? Is that right?": the answer it checks, again
        return _follow_up(FOLLOW_UP_INTENT, found.score)
    if (topic in content.topic_intents and not urgent and not safety
            and topic_named(content, text) is None
            and (asks.asks_reason(router, content, text)
                 or asks.asks_duration(router, content, text))):
        # "why so short", "and how long is she to keep that up": of what was just said
        return _follow_up(FOLLOW_UP_DETAIL_INTENT, found.score)
    if (topic in content.topic_intents and not urgent and not safety
            and asks.asks_amount(router, content, text, str(topic))):
        # "how many kilos would that be": the topic's point for it, else its answer again
        point = facets.slot_value(str(topic), text, content)
        return _follow_up(FOLLOW_UP_DETAIL_INTENT if point else FOLLOW_UP_INTENT, found.score)
    if topic in content.topic_intents and not safety and (
            carried := activity.carried_on(router, content, text, str(topic), found)):
        # "what about with the dog" after walking: the activity just answered, again;
        # "ok what about a bath" after showering: that uncovered topic, for the same one
        return carried if carried.slots else _follow_up(FOLLOW_UP_INTENT, found.score)
    head = CLAUSE_END.split(text, maxsplit=1)[0]
    spec = content.by_name.get(found.intent)
    if (topic in content.topic_intents and not safety and head != text
            and spec is not None and spec.builtin and spec.end_session):
        # a goodbye the remark matched, after a first clause that is a follow-up alone
        # ("and my father-in-law, he had it done too")
        return _head_follow_up(router, head) or found
    if found.intent == FALLBACK and topic in content.topic_intents:
        return (_declined(router, text, str(topic), urgent, bool(found.alternatives))
                or insession.decide(router, content, text, topic)
                or insession.continued(router, content, text, topic)
                or (None if found.alternatives  # the router's coin toss is asked back
                    else insession.evidenced(router, content, text, topic)) or found)
    if (topic is None or topic not in content.topic_intents or safety or found.intent == topic
            or found.intent not in content.topic_intents
            or topic_named(content, text) is not None):
        return found
    explained = router.explain(text, CANDIDATES)
    if (found.intent == REASONS_LISTED and topic in content.urgent_intents and read
            and not urgent and not explained.findings and OTHER_REASONS.isdisjoint(words_of(text))):
        # "ok at what point should I worry then", after a reading under the line
        return _follow_up(FOLLOW_UP_INTENT, found.score)
    ranked = explained.candidates
    close = [r for r in ranked if r.intent in FOLLOW_UPS and found.score - r.score < MARGIN]
    if close:
        return _follow_up(close[0].intent, close[0].score)
    point = facets.slot_value(topic, text, content)
    if (point is not None and point == facets.slot_value(found.intent, text, content)
            and _names_a_thing(content, topic, point)):
        return _follow_up(FOLLOW_UP_DETAIL_INTENT, found.score)
    remark = router.route(text[len(head) + 1:]) if head != text else found
    if head != text and (found.score < SURE_SCORE or remark.intent != found.intent
                         or remark.score < SURE_SCORE):
        # the topic found is the whole turn's, not its remark's ("what about for my
        # wife, she had the same op": the remark alone names no procedure question, or
        # only by a weak match, "she's booked in for the same op")
        return _head_follow_up(router, head) or found
    return insession.redirect(router, content, text, found, topic) or found


def _names_a_thing(content: Content, topic: str, point: str) -> bool:
    """Whether ``topic``'s ``point`` names a thing by its words ("heal"), not a kind of
    question alone ("how much", "how long": every topic whose guide gives no number has
    that point, so sharing it is no sign of the topic being discussed)."""
    entry = facets.points_of(topic, content)
    return entry is not None and bool(facets.naming_words(entry).get(point))


def _head_follow_up(router: Router, head: str) -> Route | None:
    """A follow-up when the first clause alone is one, as sure as a conversation move
    must be and clear of the next candidate ("ok and what about for my mom, ...")."""
    ranked = router.explain(head, CANDIDATES).candidates
    if not ranked or ranked[0].intent not in FOLLOW_UPS:
        return None
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    best = ranked[0]
    if best.score >= CONVERSATION_SCORE and best.score - runner_up >= MARGIN:
        return _follow_up(best.intent, best.score)
    return None


def _for_whom(router: Router, text: str) -> Route | None:
    """The same question for someone else, asked before a remark about them that weighs
    the whole turn down ("same for my father also? he is 72", "what about for my sister
    she's scheduled next month"): the words before the remark (its clause's punctuation
    or, in a transcript, its subject) match the follow-up for someone else best, at the
    router's MIN_SCORE and clear of the next candidate by its MARGIN."""
    head = min(CLAUSE_END.split(text, maxsplit=1)[0],
               REMARK_AT.split(text.lower(), maxsplit=1)[0], key=len)
    if len(head) == len(text):
        return None
    ranked = router.explain(head, CANDIDATES)
    best = ranked.candidates[0] if ranked.candidates else None
    runner_up = ranked.candidates[1].score if len(ranked.candidates) > 1 else 0.0
    if (ranked.findings or best is None or best.intent != FOLLOW_UP_INTENT
            or best.score < MIN_SCORE or best.score - runner_up < MARGIN):
        return None
    return _follow_up(best.intent, best.score)


def _declined(router: Router, text: str, topic: str, urgent: bool,
              ambiguous: bool) -> Route | None:
    """A declined turn read in ``topic`` (the fourth rule above), or None; ``ambiguous``:
    the router declined it as two topics too close to call (asked back, not decided
    here)."""
    explained = router.explain(text, CANDIDATES)
    ranked = explained.candidates
    if explained.findings:
        return None
    head = CLAUSE_END.split(text, maxsplit=1)[0]
    said = router.route(head) if head != text else explained.route
    if said.intent in FOLLOW_UPS:
        return _follow_up(said.intent, said.score)
    if (whom := _for_whom(router, text)) is not None:
        return whom
    if not ranked or ranked[0].score < (IN_TOPIC_SCORE if ranked[0].intent == topic
                                        else MIN_SCORE):
        return None
    best, runner_up = ranked[0], (ranked[1].score if len(ranked) > 1 else 0.0)
    if best.intent in FOLLOW_UPS and best.score >= CONVERSATION_SCORE:
        # as sure as a conversation move must be: "and how long does that go on for"
        return _follow_up(best.intent, best.score)
    held = next((r for r in ranked if r.intent == topic), None)
    if (held is not None and not urgent and not ambiguous and held.score >= IN_TOPIC_SCORE
            and best.score - held.score < MARGIN):
        # a coin toss with the topic being discussed: the context decides
        return _follow_up(_in_topic(text), held.score)
    if best.score - runner_up < MARGIN:
        return None
    if best.intent in FOLLOW_UPS:
        return _follow_up(best.intent, best.score)
    if best.intent == topic and not urgent:
        return _follow_up(_in_topic(text), best.score)
    return None


def _in_topic(text: str) -> str:
    """The follow-up a declined turn read in the session's topic is: its answer again
    for a new thing (NEW_THING), else the detail asked ("why that long")."""
    return FOLLOW_UP_INTENT if NEW_THING.match(" ".join(words_of(text))) \
        else FOLLOW_UP_DETAIL_INTENT

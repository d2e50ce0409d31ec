"""A question moved to the topic whose point it names (skill.nlu.facets matches the points).

The router places a question by its samples; a facet phrase of another topic that names a
point, REDIRECT_WORDS words or more, moves it there when the place found keeps nothing of
it: a topic whose own points the question does not meet, the fallback when the question
names the recovery, or the calm answer to a symptom only named, not reported ("is the
fusion for good or could it come undone": the fusion's permanence, not the wound). A topic
whose points meet every naming word the place found meets, and more, takes the question
too (``wider``: "who decides if he gets open surgery or the small incision kind" is the
approach's choice, not who may have the surgery), unless the question names the place
found by its head words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from skill.content import answers
from skill.content.spec import Content
from skill.nlu.facet_words import plain
from skill.nlu.facets import (
    NUMBER_KINDS,
    REDIRECT_WORDS,
    Forms,
    asks_about,
    choose,
    forms_of,
    frames,
    met_places,
    named,
    naming_words,
    number_point,
    own_words,
    point_named,
    points_of,
)

FALLBACK: Final = "AMAZON.FallbackIntent"
# The policy of a sentence saying the guide gives no number (responses.yaml).
SILENT: Final = "guide-is-silent"
# Topics of no points that keep what the router found: those the guide does not cover,
# and when to call, whose questions name the care team's contact in passing ("the red
# flags that warrant contacting the team").
KEPT: Final = frozenset({"UncoveredTopicIntent", "WhenToCallIntent"})
# Words that suppose a symptom to come: "what if her incision starts oozing later on" asks
# what to do then, which the calm answer says, whatever other words it holds.
SUPPOSING: Final = frozenset({"if", "suppose", "supposing", "hypothetically"})
# The joint itself: a question whose subject is the joint, not the operation, the recovery
# or a time after them, asking a point the guide gives of the joint (what it is and joins,
# what it does, why it hurts: "why does the si joint hurt", "what is the job of that
# joint") is that point of the procedure's answer, whichever topic its samples found
# ("why does my back hurt after surgery" is the pain after the operation; "why does my
# si joint still hurt" too). The procedure's samples speak of the operation, not the
# joint, so their score does not weigh the move (skill.alexa.conversation).
JOINT: Final = re.compile(r"\b(?:si|sacroiliac|this|that|the) joints?\b")
ABOUT: Final = "AboutProcedureIntent"
JOINT_POINTS: Final = frozenset({"cause", "cause_asked", "joint_role", "anatomy"})
# The recovery's anchors (intents/_lexicon.yaml) that name the joint, not the operation.
JOINT_ANCHORS: Final = frozenset({"si", "joint", "sacrum", "ilium"})
# Words naming a topic's points that back a move to it as its samples' score would
# (skill.alexa.conversation): two are a phrase ("for good"), which the topic found may
# share in sense ("will it fix his back for good" is a benefit asked); three spell the
# point out. Chosen on tests/facets/dev*.yaml.
SPELLED_OUT: Final = 3
AFTER: Final = frozenset({"after", "since", "still", "anymore", "now", "yet", "again",
                          "post", "op", "operation", "procedure"})


def elsewhere(intent: str, text: str, content: Content, calm: bool = False,
              headed: dict[str, frozenset[str]] | None = None) -> tuple[str, str] | None:
    """(intent, facet) when ``text`` names a point of another topic unmistakably and
    nothing of the routed one: the longest facet phrase found, of at least REDIRECT_WORDS
    words that name a point, not only frame a question. One word is no sign of a topic,
    though the router found none: "last" in "who won the game last night", "titanium"
    in "the new phone has a titanium frame". ``calm``: ``intent`` is an urgent intent
    answered calmly, a symptom named but not reported; its calm answer's points are its
    own. ``headed``: of a question declined for a low score, the topics its head words
    name, with the words (``point_of_head``); None for any other question. A question
    declined for a low score may still ask a number of a thing named (``number_asked``)."""
    entries = answers.of(content)
    if intent == FALLBACK and headed and len(headed) == 1:
        topic, heads = next(iter(headed.items()))
        headed_point = point_of_head(topic, heads, text, content)
        if headed_point is not None:
            return topic, headed_point
    if calm:
        if not SUPPOSING.isdisjoint(plain(text).split()):
            return None
        own = points_of(intent, content)
    elif intent not in content.topic_intents and intent != FALLBACK:
        return None  # "start over", "yes", "stop": the conversation's words stand
    else:
        # Only a topic answers with facets; the fallback has no point to keep.
        own = entries.get(content.answer_key(intent) or "") if intent != FALLBACK else None
        spec = content.by_name.get(intent)
        if own is not None and not own.facets and (
                intent in KEPT or (spec is not None and spec.urgent)):
            return None  # an urgent report, an uncovered topic: the router's word stands
    if intent == FALLBACK and not _anchored(text, content):
        return None  # declined, and nothing ties it to the recovery: "how old is tom hanks"
    forms = forms_of(text)
    if own is not None and asks_about(forms, own):
        return wider(intent, text, own, content) if not calm else None
    if intent != ABOUT and (joint := joint_point(text, content)) is not None:
        return ABOUT, joint
    # The calm answer's own words name no other topic: a phrase that needs one ("pain come
    # back", "call") is the symptom's or the call's, not another topic's point.
    spec = content.by_name.get(intent)
    said = entries.get(spec.calm_answer or "") if calm and spec is not None else None
    spoken = own_words(said) if said is not None else frozenset()
    found = []
    for name in content.topic_intents:
        key = content.answer_key(name) or ""
        entry = entries.get(key)
        if entry is not None and key != (own.key if own else None):
            point = named(forms, entry, spoken)
            if point is not None and point[0][0] >= REDIRECT_WORDS:
                found.append((point[0], name, point[1]))
    found.sort(key=lambda f: f[0], reverse=True)
    # A tie between topics is a coin toss, unless they share the point (the same facet).
    if not found or any(f[0] == found[0][0] and f[2] != found[0][2] for f in found[1:]):
        return number_asked(text, content) if intent == FALLBACK and headed is not None \
            else None
    return found[0][1], found[0][2]


def wider(intent: str, text: str, own: answers.Answer,
          content: Content) -> tuple[str, str] | None:
    """(intent, facet) of the one other topic whose points meet every word that names
    something that ``own``'s points meet, and more words besides, a point of it named by
    REDIRECT_WORDS words or more in all: "who decides if my dad gets open surgery or the small
    incision kind" is the approach's choice, which the decision of who may have the
    surgery, "who decides", only begins. None when ``own`` meets a word the other does
    not ("who decides if I'm a candidate for the small incision kind") or two topics do."""
    if head_named(intent, text, content):
        return None  # "what's the point of PT": the therapy named, its purpose asked
    forms = forms_of(text)
    kept = _naming_places(forms, own)
    found = []
    for name in content.topic_intents:
        entry = points_of(name, content)
        if name == intent or entry is None or entry.key == own.key:
            continue
        if _wider(_naming_places(forms, entry), kept):
            found.append((name, choose(text, entry) or ""))  # "": its overview
    return found[0] if len(found) == 1 else None


def _wider(places: list[frozenset[int]], kept: list[frozenset[int]]) -> bool:
    """Whether, in a form of the question, ``places`` hold every one of ``kept``, at least
    one, and more, REDIRECT_WORDS or more in all."""
    return any(k and k <= p and len(k) < len(p) >= REDIRECT_WORDS
               for k, p in zip(kept, places, strict=True))


def head_named(intent: str, text: str, content: Content) -> bool:
    """Whether ``text`` names ``intent``'s topic by one of its heads, as the router's
    head-word step reads them (skill.nlu.heads: the lexicon's words, fuzzy matches)."""
    from skill.nlu.normalize import normalize
    from skill.nlu.router import router_for

    router = router_for(content)
    words = router.index.evidence_words(normalize(text, router.lexicon))
    return router.heads.names(intent, words)


def spelled_out(intent: str, text: str, content: Content, found: str) -> bool:
    """Whether ``text`` names points of ``intent``'s topic by SPELLED_OUT words or more
    that name something (not frames of a question) and no point of the topic ``found``
    does: "does the pain have to get in the way of daily life" spells out who may have
    the surgery in words its samples never use; in "the pain's about the same as last
    week, is that to be expected" the pain is the question's own topic's word."""
    entry, own = points_of(intent, content), points_of(found, content)
    if entry is None:
        return False
    forms = forms_of(text)
    kept = _naming_places(forms, own) if own is not None else [frozenset()] * len(forms)
    return any(len(places - shared) >= SPELLED_OUT
               for places, shared in zip(_naming_places(forms, entry), kept, strict=True))


def _naming_places(forms: Forms, entry: answers.Answer) -> list[frozenset[int]]:
    """Per form of the question, the places of its words that name something (not a
    frame of a question) which ``entry``'s facet phrases meet."""
    met = met_places(forms, tuple(p for phrases in naming_words(entry).values() for p in phrases))
    return [frozenset(i for i in places if not frames(words[i]))
            for words, places in zip(forms, met[1], strict=True)]


def number_asked(text: str, content: Content) -> tuple[str, str] | None:
    """(intent, facet) of a question declined for a low score that asks a number
    (NUMBER_KINDS) of a thing one facet names, both met and the thing said apart from the
    kind's words: "exactly how many centimetres long is the incision" is the incision's
    measure, which the guide does not give. A kind alone names nothing ("how many
    minutes"); nor does a thing without its kind asked; nor a question that names none of
    this operation's own words (the lexicon's ``own_anchors``: "add 10 millimetre wood
    screws to my hardware list"). Topics that tie move the question only when each of
    their points says the guide gives no number: the same answer."""
    from skill.nlu.lexicon import lexicon_of
    from skill.nlu.normalize import normalize

    if lexicon_of(content).own_anchors.isdisjoint(normalize(text).split()):
        return None
    forms, said = forms_of(text), f" {plain(text)} "
    found = []
    for name in content.topic_intents:
        entry = points_of(name, content)
        point = number_point(forms, entry) if entry is not None else None
        if entry is None or point is None or not entry.facets[point].words:
            continue
        rest = said
        for phrase in sorted({p for kind in NUMBER_KINDS for p in entry.kinds.get(kind, ())},
                             key=len, reverse=True):
            rest = rest.replace(f" {phrase} ", " ")
        thing = replace(entry.facets[point], asks=(), asked_by=())
        if asks_about(forms_of(rest), replace(entry, facets={point: thing})):
            found.append((name, point, entry.facets[point].speech))
    silent = all(any(SILENT in sentence.policies for sentence in f[2]) for f in found)
    return (found[0][0], found[0][1]) if len(found) == 1 or (found and silent) else None


def _anchored(text: str, content: Content, besides: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` names one of the lexicon's ``anchors`` (surgery, incision...),
    not one of ``besides``."""
    from skill.nlu.lexicon import lexicon_of
    from skill.nlu.normalize import normalize

    lexicon = lexicon_of(content)
    return not (lexicon.anchors - besides).isdisjoint(normalize(text, lexicon).split())


def one_point(topics: tuple[str, str], text: str, content: Content) -> tuple[str, str] | None:
    """Of two topics to ask back between ("Do you mean X or Y?"), the one whose point the
    question names in words, when the other's points, all known, are not named: "is it
    done as an inpatient or an outpatient" is the hospital stay's, not a choice. A topic
    with no points (getting back to normal, an uncovered topic) tells nothing, so none;
    and the recovery named (the lexicon's ``anchors``) by other words than the point's.
    A point of the joint itself (``joint_point``) names the procedure's answer."""
    if ABOUT in topics and (joint := joint_point(text, content)) is not None:
        return ABOUT, joint  # the joint itself asked of: "what is the job of that joint"
    entries = [points_of(topic, content) for topic in topics]
    if any(entry is None for entry in entries):
        return None
    forms = forms_of(text)
    places = [_naming_places(forms, entry) for entry in entries if entry is not None]
    for (topic, entry), mine, other in zip(zip(topics, entries, strict=True), places,
                                           places[::-1], strict=True):
        # one's points meet all the other's words and more ("who decides ... open or
        # small incision": the approach's choice, not who may have the surgery): that one
        if entry is not None and _wider(mine, other) \
                and not head_named(topics[1 - topics.index(topic)], text, content):
            return topic, choose(text, entry) or ""  # "": two of its points, its overview
    found = [(topic, point, entry) for topic, entry in zip(topics, entries, strict=True)
             if entry is not None and (point := point_named(forms, entry)) is not None]
    if len(found) != 1:
        return None
    topic, point, entry = found[0]
    # the recovery named apart from the point: a screw is the implants' word, and "how
    # do i fix a screw that keeps spinning" names no recovery
    own = {word for phrase in entry.facets[point].words for word in plain(phrase).split()}
    return (topic, point) if _anchored(text, content, frozenset(own)) else None


def joint_point(text: str, content: Content) -> str | None:
    """The point of the joint itself that ``text`` asks (``JOINT``, ``JOINT_POINTS``)."""
    from skill.nlu.lexicon import lexicon_of
    from skill.nlu.normalize import normalize

    words = normalize(text).split()
    operation = (lexicon_of(content).anchors - JOINT_ANCHORS) | AFTER
    entry = points_of(ABOUT, content)
    if JOINT.search(" ".join(words)) is None or not operation.isdisjoint(words) \
            or entry is None:
        return None
    point = choose(text, entry)
    return point if point in JOINT_POINTS else None


def point_of_head(topic: str, heads: frozenset[str], text: str,
                  content: Content) -> str | None:
    """The point of ``topic`` a question names in words besides the head words that name
    the topic (``heads``): "is there a risk of adjacent segment degeneration" names the
    risks and, apart, the nearby spine; "what's the risk of hail tonight" names no point,
    and neither does a kind or a frame of question alone ("how much", "how often")."""
    from skill.nlu.normalize import normalize

    entry = answers.of(content).get(content.answer_key(topic) or "")
    rest = " ".join(w for w in normalize(text).split() if w not in heads)
    point = named(forms_of(rest), entry) if entry is not None and rest else None
    if point is None and entry is not None and _anchored(rest, content):
        # a number asked of the topic, the recovery named apart from the head ("how many
        # hours after surgery until I'm discharged", not "how much is johnnie walker"):
        # its point of that kind, often that the guide gives none
        return number_point(forms_of(text), entry)
    return point[1] if point is not None else None

"""A question told with a story: score its clauses one by one when the whole declines;
and a report told after a question: read it apart (``reported_apart``).

"What are the risks for my father, he's seventy-eight and nervous about it": the words
around the question ("seventy-eight", "nervous") are unknown to every sample and weigh
the whole question down below the router's floor, though one clause asks plainly. When
the whole question would be declined, each clause written apart (by the punctuation a
typed question or a transcript carries) is scored on its own, at CLAUSE_SHARE of its
score, and the router decides again over the whole question's candidates and these.

A clause counts only for a topic it names itself (its own domain evidence: "is that
normal" names none) and only when it asks ("can he still have this surgery", not "the
doctor says it's growing pains"), and a conversation move only in the first clause ("say
that again, I was writing it down", never "..., is that okay?"); an acknowledgement there
("alright", "ok") is an aside when a later clause asks about a topic: "alright. how long
before I'm back to my bridge club" is a question, not a yes. Urgent intents are never
read from one clause: the safety layer reads the whole report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Protocol

from skill.content.safety_spec import OTHER_EXPERIENCER, REPORTED
from skill.nlu.thresholds import WHOLE_MATCH

if TYPE_CHECKING:
    from skill.nlu.safety import Finding

# Clause ends: the punctuation of a typed question, a dash set apart by spaces.
_BREAK: Final = re.compile(r"([.,;:?!]+|\s[-\u2013\u2014]\s)")
# A clause asks when it ends on a question mark or opens (after small talk) with a
# question word or an auxiliary verb put first: "can he still have this surgery", not
# "the doctor says growing pains". The closed classes of English grammar.
QUESTION_WORDS: Final = frozenset(
    "what whats what's when where which who whom whose why how is isnt isn't are arent "
    "aren't am was were do does did dont don't doesnt doesn't can cant can't could "
    "should would will wont won't may might must shall have has".split())
OPENERS: Final = frozenset("um uh er oh so and but well like okay ok then now also".split())
# The patient's words in a clause as said: the first person (a caregiver's "my ..."
# too), or the wound itself ("the incision is oozing").
FIRST_PERSON: Final = frozenset(
    "i i'm im i've ive i'd my me incision wound cut stitches staples scar dressing".split())
# A clause's score counts at this share of a whole question's. On tests/cases/dev,
# 0.9 to 1.0 give the same accuracy (87.2 %) and 0.85 half a point less; 1.0 declines
# 0.3 points less of the everyday lines, so the middle of the flat stretch is kept.
CLAUSE_SHARE: Final = 0.9
# A first clause longer than this is not read for a conversation move: the built-in
# intents' longest sample has 7 words, and a longer clause stays under the router's
# conversation score. Reading it costs time and changed no route of the 3,651 dev, test
# and blind texts.
MOVE_WORDS: Final = 8


class Reading(Protocol):
    """What the router sees in one clause; it may work each part out only when asked."""

    @property
    def candidates(self) -> list[tuple[str, float]]:
        """Ranked (intent, score)."""

    @property
    def evidenced(self) -> frozenset[str]:
        """The intents it names (their domain evidence)."""

    @property
    def reach(self) -> frozenset[str]:
        """The intents its candidates can be among (all of them, or more)."""


@dataclass(frozen=True)
class ClauseView:
    """A Reading worked out already: its candidates and the intents it names."""

    candidates: list[tuple[str, float]]
    evidenced: frozenset[str]

    @property
    def reach(self) -> frozenset[str]:
        return frozenset(intent for intent, _ in self.candidates)


@dataclass(frozen=True)
class Clause:
    text: str
    asks: bool

    @property
    def size(self) -> int:
        return len(self.text.split())

    @property
    def topical(self) -> bool:
        """Whether a topic may be read from it: it asks, in two words or more."""
        return self.asks and self.size >= 2


def split(text: str) -> list[Clause]:
    """The clauses of ``text`` with any words in them, in order."""
    pieces = _BREAK.split(text)
    found = []
    for index in range(0, len(pieces), 2):
        words = pieces[index].lower().split()
        if not words:
            continue
        end = pieces[index + 1] if index + 1 < len(pieces) else ""
        opening = next((w for w in words if w not in OPENERS), "")
        found.append(Clause(pieces[index].strip(), "?" in end or opening in QUESTION_WORDS))
    return found


# Where a transcript carries no punctuation, a telling clause may still start after a
# question's last word: with the patient as its subject ("what causes chills i can't
# breathe", "what should i expect my incision is red"). Not after a word that makes the
# next clause part of the question: a complementizer or preposition ("what if my incision
# is red", "is it normal for my wound to itch"), an auxiliary or question word putting
# the subject after it ("how long will my incision be red"), a verb or noun taking a
# clause ("how do i know my incision is infected", "what are the signs my wound is
# infected", "is it normal to feel like i can't breathe", "what do i do in case i
# faint", "how likely is it i get chest pain"), or "and"/"or" carrying the question on
# ("what if i fall and my incision opens"). "my ..." or "the ..." is a subject only
# when no preposition follows its noun ("how do i keep my incision from getting
# infected" names an object), and "the" only
# before the wound's own word ("the wound is oozing", not "the clinic"), as "his", "her"
# or "their" (a caregiver's: "cause his incision is leaking"). Closed classes
# of English grammar, with the verbs and nouns of knowing and likelihood.
SUBJECTS: Final = frozenset("i i'm im i've ive i'd my the his her their".split())
# A caregiver's words for the patient, whoever else they may stand for.
PRONOUNS: Final = frozenset("he she he's she's hes shes".split())
_DETERMINERS: Final = frozenset("my the his her their".split())
PREPOSITIONS: Final = frozenset(
    "for to about of with without as than from at on by in into onto around near under "
    "over behind beside below above across through inside along between against after "
    "before during since until like and or".split())
EMBEDDING: Final = QUESTION_WORDS | PREPOSITIONS | frozenset(
    "if whether that when whenever while unless once though although so nor "
    "be been being get gets got "
    "know knows knew tell tells mean means meant say says said see sees saw notice "
    "noticed check think thinks thought guess hope wonder wondering wondered believe "
    "suppose supposing imagine assume realize sure certain likely possible probable "
    "chance chances odds risk risks likelihood possibility sign signs symptom symptoms "
    "way ways case event time times moment it find finds found feel feels felt "
    # a judgement the clause is the subject of: "is it normal i get chest pain"
    "normal common typical usual okay ok bad safe expected serious dangerous "
    # a fear the clause is the object of: "i am worried i will faint in the shower"
    "worried worry afraid scared nervous concerned fear frightened terrified".split())
# A subject right after a subordinator, past words of time only, is its clause's own,
# not a new clause: "if suddenly i can't breathe, what should i do", "what do i do if all
# of a sudden my leg goes numb" (but "what if it gets red i have a fever" tells).
SUBORDINATORS: Final = frozenset("if when whenever unless once suppose supposing case".split())
TIME_WORDS: Final = frozenset("suddenly all of a sudden ever at some any point one day time "
                              "again then later say by chance tonight today tomorrow".split())


# A verb a wound's own word takes at once after a place it is in ("the wound on my back
# is oozing", "the cut on my hip looks red"): a subject, not an object ("keep my incision
# from getting infected").
TOLD_VERBS: Final = frozenset(
    "is are was were has have looks look feels feel seems got gets keeps started went "
    "smells".split())


def told_starts(text: str, pronouns: bool = False) -> list[int]:
    """Word positions after the first two where, with no punctuation, a telling clause
    about the patient may start (see SUBJECTS; with ``pronouns``, PRONOUNS too)."""
    words = _said(text)
    subjects = SUBJECTS | PRONOUNS if pronouns else SUBJECTS
    return [k for k in range(2, len(words))
            if words[k] in subjects and words[k - 1] not in EMBEDDING
            and _heads(words[k], words[k + 1:k + 6]) and not _subordinate(words, k)]


def _subordinate(words: list[str], k: int) -> bool:
    """Whether word ``k`` is the subject of a clause a subordinator opens (SUBORDINATORS)."""
    for word in reversed(words[:k]):
        if word in SUBORDINATORS:
            return True
        if word not in TIME_WORDS:
            return False
    return False


def _heads(subject: str, after: list[str]) -> bool:
    """Whether ``subject`` heads a clause: "i" always; "my", "the", "his"... when a
    preposition does not follow its noun, all but "my" only with the wound's own word; the
    wound's own word followed by the place it is in and its verb (TOLD_VERBS)."""
    if subject not in _DETERMINERS:
        return True
    if len(after) >= 2 and after[1] not in PREPOSITIONS:
        return subject == "my" or after[0] in FIRST_PERSON
    # the wound's own word, the place it is in, then its verb
    return (len(after) == 5 and after[0] in FIRST_PERSON and after[2] in _DETERMINERS
            and after[4] in TOLD_VERBS)


def reported_apart(text: str, read: Callable[[str], list[Finding]],
                   normal: Callable[[str], str], found: Iterable[Finding] = ()
                   ) -> tuple[list[Finding], str]:
    """The reported findings of ``text`` read from a later clause on, for a text whose
    whole reading names a symptom but reports none (a part never finds what the whole
    does not name, so a text naming none is not read again): the scope of a question or
    a supposition ends with its sentence ("what causes chills? i can't breathe", "what if
    it gets red, my incision is red and swollen") when the later clause tells rather than
    asks. The reading runs from that clause to the end ("but it's gone now" still settles
    it); the clause speaks of the patient in its own words (FIRST_PERSON: "i", "my", "my
    husband", the wound itself), as "he" may be someone named before ("my dog is sick, he
    has a fever"). With no punctuation, it starts where ``told_starts`` says, or at a "he"
    or "she" that ``normal`` (normalize()) reads with the words before it as the patient
    ("how long is recovery he passed out", not "can i walk the dog he ..."), unless the
    whole reading (``found``) names someone else's symptom. ``read`` takes normalized
    words. Returns the findings and the words they were read from ("" for none)."""
    others = any(f.status == OTHER_EXPERIENCER for f in found)
    for rest in _told(text, None if others else normal):
        if reported := [f for f in read(normal(rest)) if f.status == REPORTED]:
            return reported, rest
    return [], ""


def _told(text: str, normal: Callable[[str], str] | None) -> Iterator[str]:
    """The rests of ``text`` a report may be read from, in order: from each later clause
    its punctuation sets apart, then from each ``told_starts`` position; only a rest
    that tells (a question goes on asking: "if my chest hurts, should i call") and speaks
    of the patient (FIRST_PERSON, or a pronoun ``normal`` reads as the patient's)."""
    parts = split(text)
    for number in range(1, len(parts)):
        if not parts[number].asks and _of_patient(parts[number].text):
            yield " ".join(c.text for c in parts[number:])
    words = text.split()
    for start in told_starts(text, pronouns=normal is not None):
        rest = " ".join(words[start:])
        if _of_patient(rest) or (normal is not None and normal(
                " ".join(words[:start + 1])).split()[-1:] == ["i"]):
            yield rest


def _of_patient(text: str) -> bool:
    # its own words name the patient: a bare "he" may be someone named before ("my dog is
    # sick, he has a fever")
    return not FIRST_PERSON.isdisjoint(_said(text))


def _said(text: str) -> list[str]:
    """The words of ``text`` lower case, with plain apostrophes."""
    return text.lower().replace("\u2019", "'").split()


def scores(
    text: str, view: Callable[[str], Reading], first_only: Collection[str],
    never: Collection[str], asides: Collection[str] = (),
) -> dict[str, float]:
    """Best share of a clause's score per intent, over the clauses of ``text`` (none for
    a single clause). ``first_only``: intents read only from the first clause (the
    conversation moves and the forms that name no topic); ``never``: intents never read
    from one clause; ``asides``: the moves that only acknowledge ("alright", "ok"), not
    read before a later clause that asks about a topic."""
    parts = split(text)
    if len(parts) < 2:
        return {}
    # nothing in the others could count: they are not looked at
    read = [(number, clause) for number, clause in enumerate(parts)
            if clause.topical or (number == 0 and clause.size <= MOVE_WORDS)]
    seen = {clause.text: view(clause.text) for _, clause in read}
    best: dict[str, float] = {}
    for number, clause in read:
        for intent, score in _counted(seen[clause.text], number, clause, first_only, never):
            best[intent] = max(best.get(intent, 0.0), CLAUSE_SHARE * score)
    if not best.keys().isdisjoint(asides) and any(
            later.candidates and later.candidates[0][0] not in first_only
            for later in (seen[clause.text] for number, clause in read if number > 0)):
        return {intent: score for intent, score in best.items() if intent not in asides}
    return best


def _counted(
    seen: Reading, number: int, clause: Clause, first_only: Collection[str],
    never: Collection[str],
) -> Iterable[tuple[str, float]]:
    # Ranking a clause is the dear part: skipped when no intent it can reach could count.
    reach = seen.reach.difference(never)
    if not ((number == 0 and not reach.isdisjoint(first_only))
            or (clause.topical and not reach.isdisjoint(seen.evidenced))
            or (clause.topical and _whole(seen))):
        return
    for intent, score in seen.candidates:
        if intent in never:
            continue
        if intent in first_only:
            if number == 0:
                yield intent, score
        elif clause.topical and (intent in seen.evidenced or score >= WHOLE_MATCH):
            yield intent, score


def _whole(seen: Reading) -> bool:
    """Whether the clause is a near-whole match of a sample: evidence enough, as for a
    whole question (skill.nlu.gate)."""
    return any(score >= WHOLE_MATCH for _, score in seen.candidates[:1])

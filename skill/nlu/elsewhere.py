"""Questions about something else: an everyday request, another illness, or someone
else's symptom.

- **An everyday request.** "Play some workout music", "add walking shoes to my shopping
  list", "spell acetaminophen": what the user asks for is the speaker's everyday work,
  whatever recovery words it holds. A question that opens on one of the lexicon's
  ``requests`` and names none of its ``anchors`` is declined; so is a unit conversion
  ("how many pounds is one kilogram": skill.nlu.conversion), and so is a counted thing's
  weight asked with nobody named ("how much does a bag of sand weigh").
- **Another condition.** "What are the symptoms of strep throat" shares "symptoms"
  with the reasons to call the care team, and "what can my diabetic uncle snack on"
  shares eating with the uncovered topics; neither is about recovering from the fusion.
  A question that names one of the lexicon's ``conditions`` and none of its
  ``anchors`` (the words that tie a question to the recovery: surgery, incision,
  fusion...) is about something else.
- **An everyday affair.** "How much do physical therapists make a year", "has the gold
  price recovered": a job's pay or a market (the lexicon's ``affairs``) owns the
  therapist and the recovery; only this operation's own words keep the question ours.
- **Another's state told.** "My cat is not eating since yesterday, what to do", "our dog
  is limping": one of the lexicon's ``others`` (a pet, a child, a neighbour) is the
  subject of a verb, the topic is read from a slot's everyday value alone (the pets of the
  uncovered topics), and the question neither asks the patient's leave (skill.nlu.heads:
  "my dog is limping, can I still walk him") nor names the recovery. With the words every
  operation shares after them ("our pup had his leg operated on, how long before walks")
  the operation is theirs too, unless the patient speaks after it.
- **Someone else's symptom.** "My cat's stitches from her spay look red" names the
  wound words of the uncovered topics, but the safety file's modifiers say the finding
  is another experiencer's; when every word that evidences the chosen topic is in that
  one's scope too, the question is not the patient's. The safety file's calling words
  evidence no topic here: "the water heater is leaking, who do I call" asks whom to
  call about the heater.

The router declines both. A reported urgent symptom is decided before this and is
still answered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from skill.nlu.conversion import converts_units, measures_a_thing
from skill.nlu.gate import STEM, DomainGate
from skill.nlu.heads import PERSON, asks_leave
from skill.nlu.lexicon import Lexicon
from skill.nlu.named import GENERAL
from skill.nlu.safety import Engine, Finding

OTHER_EXPERIENCER: Final = "other_experiencer"  # a status of skill.content.safety_spec
UNCOVERED: Final = "UncoveredTopicIntent"  # the topics the guide does not cover
FRAGMENT: Final = 4  # words: a question this short has dropped its subject
# A person in general: "how long should a person wait to drive" (not "you": the speaker
# may be asking the assistant itself, "do you have any pets").
ANYONE: Final = frozenset("person someone somebody people patient patients".split())
# Asking the guide's word on a topic, or who removes a thing from the patient.
GUIDE_ASKED: Final = re.compile(
    r"\b(?:rules?|restrictions?|guidelines?|guide|advice|limits?|covered|removed"
    r"|takes? out|taken out)\b")
# The weather asked ("will it be hot enough tomorrow", "is it cold outside today"): an
# impersonal "it" with a weather word and a day, the forecast's, not the patient's, unless
# the question also holds the routed topic's own evidence ("... should i still go for my
# walk").
WEATHER: Final = re.compile(
    r"\b(?:(?:will|is|would) it|it (?:will|is|would)) (?:be |going to be |going to )?"
    r"(?:hot|cold|warm|sunny|rainy|rain|snow|windy|chilly|freezing|nice)(?: enough)?"
    r" (?:out )?(?:today|tomorrow|tonight|this weekend|outside)\b")
# A surgery pointed back to ("how long does that surgery take", "is that a big surgery"):
# after another operation named, that one's, not one said apart.
THAT_SURGERY: Final = re.compile(r"\b(?:that|same|such)(?: (?!my\b)\w+){0,2}? surgery\b")
# The speaker after a third person, as said (before normalize() makes a caregiver's "she"
# the patient's "i"): "my sister had her knee done and it took ages, how long before i'm
# back in the garden" tells another's operation to ask of the speaker's own.
COMPARED: Final = re.compile(r"\b(?:he|she|his|her|him)\b.*\b(?:i|im|me|myself)\b")
# The other's sake, after one of the lexicon's ``others`` is named: "for it to get
# exercise", "so the dog gets enough exercise".
FOR_ITS_SAKE: Final = re.compile(
    r"\b(?:for (?:it|them|(?:the|my|our|a) \w+) to (?:get|burn|stay|have)"
    r"|so (?:it|(?:the|my|our) \w+) (?:gets|can get|will get|burns|stays))\b")
# The words before one of the ``others`` told of, not addressed nor the speaker's own
# likeness ("this old bird"): a determiner, or "for" before a group ("for office workers").
OWNED: Final = ("a", "an", "the", "my", "our", "your", "for")
# A person spoken of whom normalize() leaves in the third person: after one of the
# ``others``, "she" may still be the one cared for ("a toddler, can she lift it").
THIRD: Final = frozenset({"he", "she", "him", "her", "they", "them"})
# The words any operation shares: another told of with them has had an operation.
OPERATED: Final = GENERAL | {"operate", "operated", "surgical", "anesthesia"}
# The patient in the first person: after another is told of, the patient's own words.
FIRST_PERSON: Final = frozenset({"i", "me", "my", "myself"})
SPEAKER: Final = frozenset({"i", "me", "myself"})
# A verb after its subject, as normalize() leaves it: a closed class of auxiliaries and
# verbs of having, or a form in -ing or -ed ("is not eating", "limping", "got bitten").
TOLD: Final = re.compile(
    r"(?:is|are|was|were|has|have|had|got|gets|keeps|keep|not|does|did|seems|looks"
    r"|\w+ing|\w+ed)")


def why_not_ours(
    intent: str, normalized: str, findings: Sequence[Finding], lexicon: Lexicon,
    gate: DomainGate, engine: Engine, said: str = "",
) -> str:
    """Why a question routed to ``intent`` is about something else ("" when it is not);
    ``said``, the words as said, when known."""
    if an_everyday_request(normalized, lexicon):
        return "an everyday request"
    if converts_units(normalized):
        return "a unit conversion"
    if measures_a_thing(normalized):
        return "a thing measured"
    if WEATHER.search(normalized) \
            and not gate.evidence_of(intent, frozenset(normalized.split())):
        return "the weather asked"
    if names_another_condition(normalized, lexicon, said) \
            and not theirs_then_ours(normalized, lexicon, engine):
        return "another condition"
    if names_an_affair(normalized, lexicon):
        return "an everyday affair"
    if about_someone_else(intent, normalized, findings, gate, engine, lexicon.anchors):
        return "someone else's symptom"
    if another_s_operation(normalized, lexicon):
        return "another's operation told"
    if asked_for_nobody(intent, normalized, findings, lexicon):
        return "a topic asked for nobody"
    if asked_for_another(intent, normalized, findings, lexicon, gate):
        return "a topic asked for another"
    # the cheap reading of the words first: the topic's evidence only when it tells
    if tells_of_another(normalized, lexicon) \
            and not gate.evidence_of(intent, frozenset(normalized.split())):
        return "another's state told"
    return ""


def an_everyday_request(normalized: str, lexicon: Lexicon) -> bool:
    """Whether ``normalized`` opens on an everyday request and names nothing of the
    recovery ("play the exercises video from my surgeon" is still the patient's)."""
    if lexicon.requests is None or lexicon.requests.match(normalized) is None:
        return False
    return lexicon.anchors.isdisjoint(normalized.split())


def names_another_condition(normalized: str, lexicon: Lexicon, said: str = "") -> bool:
    """Whether ``normalized`` names another condition and nothing of the recovery, or
    another operation and nothing of this one: with a knee replacement named, "recovery",
    "walker" and "therapy" are that operation's ("my friend's knee replacement is next
    week, how long is recovery"); only this operation's own words (``own_anchors``:
    fusion, si, a surgery said apart from the other, not THAT_SURGERY) keep the question
    ours; nor does the speaker asking after another's operation told (COMPARED in
    ``said``, the words as said)."""
    if lexicon.operations is not None and lexicon.operations.search(normalized) is not None:
        rest = THAT_SURGERY.sub(" ", lexicon.operations.sub(" ", normalized)).split()
        return lexicon.own_anchors.isdisjoint(rest) and COMPARED.search(said.lower()) is None
    if lexicon.conditions is None or lexicon.conditions.search(normalized) is None:
        return False
    # the recovery named outside the condition: "knee surgery" names no fusion
    return lexicon.anchors.isdisjoint(lexicon.conditions.sub(" ", normalized).split())


def theirs_then_ours(normalized: str, lexicon: Lexicon, engine: Engine) -> bool:
    """Whether the other condition or operation named is another experiencer's (the
    safety file's scope: "my small boy has a cold") and the question turns to the patient
    after a contrast ("..., but for my husband, how long ..."; a caregiver's "my husband"
    is "i" by now): the condition is theirs, the question ours."""
    found = [m for pattern in (lexicon.operations, lexicon.conditions) if pattern is not None
             for m in pattern.finditer(normalized)]
    words = normalized.split()
    contrasts = set(engine.spec.pair_breaks)
    for match in found:
        first = len(normalized[:match.start()].split())
        last = len(normalized[:match.end()].split())
        if engine.status_at(normalized, range(first, last)) != OTHER_EXPERIENCER:
            return False
        turn = next((i for i in range(last, len(words)) if words[i] in contrasts), None)
        if turn is None or FIRST_PERSON.isdisjoint(words[turn + 1:]):
            return False
    return bool(found)


def names_an_affair(normalized: str, lexicon: Lexicon) -> bool:
    """Whether ``normalized`` names one of the lexicon's ``affairs`` (a job's pay, a market)
    and none of this operation's own words, nor the speaker: the therapist whose salary is
    asked and the market that recovers own the recovery's general words, but "how long
    until i am back at work earning a wage" is the speaker's recovery."""
    if lexicon.affairs is None or lexicon.affairs.search(normalized) is None \
            or not SPEAKER.isdisjoint(normalized.split()):
        return False
    return lexicon.own_anchors.isdisjoint(lexicon.affairs.sub(" ", normalized).split())


def about_someone_else(
    intent: str, normalized: str, findings: Sequence[Finding], gate: DomainGate,
    engine: Engine, anchors: frozenset[str],
) -> bool:
    """Whether a symptom found belongs to another experiencer and so does every word
    that evidences ``intent`` (or, with none, the question names no ``anchors`` of the
    recovery)."""
    if not any(f.status == OTHER_EXPERIENCER for f in findings):
        return False
    words = normalized.split()
    # whom to call is no topic of the patient's: "the fridge is leaking, who do i call"
    named = gate.evidence_of(intent, frozenset(words)) - calling_words(words, engine)
    if not named:
        # the topic read from a slot's value alone ("my dog has a swollen eye": pets):
        # someone else's when every symptom found is, and the recovery goes unnamed
        # ("the dog has a swollen paw, can i walk him after my surgery" is the patient's)
        return all(f.status == OTHER_EXPERIENCER for f in findings) and anchors.isdisjoint(
            words)
    spots = [i for i, word in enumerate(words) if word in named]
    # the thing itself is no topic word: "my phone is hot" names the phone that is hot
    scanned = engine.scan(normalized)
    things = {i for scope in engine.scopes if scope.status == OTHER_EXPERIENCER
              for span in scanned.with_label(scope.before_label)
              for i in range(span.start, span.end)}
    return bool(spots) and all(
        i in things or engine.status_at(normalized, [i]) == OTHER_EXPERIENCER for i in spots)


def asked_for_nobody(
    intent: str, normalized: str, findings: Sequence[Finding], lexicon: Lexicon,
) -> bool:
    """Whether ``intent`` is the uncovered topics and ``normalized``, no fragment, speaks
    of no person, asks no leave nor the guide's word, names none of the recovery's
    ``anchors`` and tells no symptom: a general-knowledge question."""
    if intent != UNCOVERED or findings or len(normalized.split()) <= FRAGMENT:
        return False
    words = frozenset(normalized.split())
    return (PERSON | ANYONE).isdisjoint(words) and lexicon.anchors.isdisjoint(words) \
        and not asks_leave(normalized) and GUIDE_ASKED.search(normalized) is None


def asked_for_another(intent: str, normalized: str, findings: Sequence[Finding],
                      lexicon: Lexicon, gate: DomainGate) -> bool:
    """Whether ``normalized``, no fragment, tells no symptom, names none of the recovery's
    ``anchors``, asks no leave and names one of the lexicon's ``others`` (after OWNED,
    not a word of address: "what is the number, pet"), and either no
    person besides (nor THIRD: "how far should a beagle be walked a day", "stretches for office
    workers") or the patient's doing for the other's sake (FOR_ITS_SAKE: "how long do i
    walk the dog for it to get its exercise"): the topic is the other's."""
    words = normalized.split()
    if findings or len(words) <= FRAGMENT or not lexicon.anchors.isdisjoint(words) \
            or asks_leave(normalized):
        return False
    padded = f" {normalized} "
    named = [o for o in lexicon.others if any(f" {d} {o} " in padded for d in OWNED)]
    # the other as the thing the topic handles ("what about picking up the baby": lifted)
    if not named or any(gate.evidence_of(intent, frozenset({lexicon.objects[o]}))
                        for o in named if o in lexicon.objects):
        return False
    return (PERSON | ANYONE | THIRD).isdisjoint(words) \
        or FOR_ITS_SAKE.search(normalized) is not None


def calling_words(words: Sequence[str], engine: Engine) -> frozenset[str]:
    """The words among ``words`` that name calling (the safety file's ``calling``
    entries, ``word*`` for a word's forms)."""
    entries = engine.spec.calling
    return frozenset(w for w in words if any(
        w.startswith(e.removesuffix(STEM)) if e.endswith(STEM) else w == e for e in entries))


def tells_of_another(normalized: str, lexicon: Lexicon) -> bool:
    """Whether ``normalized`` tells of one of the lexicon's ``others`` as the subject of a
    verb, asks no leave for the patient and names none of the recovery's ``anchors``."""
    words = normalized.split()
    return _other_told(words, lexicon) is not None and not asks_leave(normalized) \
        and lexicon.anchors.isdisjoint(words)


def another_s_operation(normalized: str, lexicon: Lexicon) -> bool:
    """Whether one of the lexicon's ``others`` is told of (the subject of a verb) with the
    words every operation shares after it (``OPERATED``: "our pup had his leg operated
    on, how long before walks"), and nothing after them is the patient's: no first
    person, no leave asked, none of this operation's own words (``own_anchors`` but
    those). The operation and the walks are the other's."""
    words = normalized.split()
    if (told := _other_told(words, lexicon)) is None:
        return False
    rest = words[told + 1:]
    own = lexicon.own_anchors - GENERAL
    return not OPERATED.isdisjoint(rest) and FIRST_PERSON.isdisjoint(rest) \
        and own.isdisjoint(words) and not asks_leave(normalized)


def _other_told(words: Sequence[str], lexicon: Lexicon) -> int | None:
    """The position of the first of the lexicon's ``others`` that is the subject of a
    verb (TOLD right after it), or None."""
    return next((i for i, (word, after) in enumerate(zip(words, words[1:], strict=False))
                 if word in lexicon.others and TOLD.fullmatch(after) is not None), None)

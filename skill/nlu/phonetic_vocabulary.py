"""The phonetic index's vocabulary, read from the content (skill.nlu.phonetic): the
intents' ``domain:`` lists, the symptom concepts of intents/_safety.yaml, the lexicon's
words (not its mishearings) and the samples' words, which are the known words too."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from skill.content import safety_spec
from skill.content.spec import Content
from skill.content.templates import expand
from skill.nlu.lexicon import Lexicon
from skill.nlu.normalize import normalize
from skill.nlu.phonetic import PhoneticIndex, Words
from skill.nlu.slots import vocabulary_of
from skill.nlu.spoken_names import NamedIndex

MENTIONED: Final = "mentioned"  # a modifier of intents/_safety.yaml
# Its modifiers that name people and creatures (not things: "shortness of bread" is
# still breath)
PEOPLE: Final = frozenset({"other_creature", "acquaintance"})


def _symptom_phrases(content: Content, lexicon: Lexicon) -> Iterator[str]:
    safety = safety_spec.load(content.root)
    for lines in safety.concepts.values():
        yield from (normalize(p, lexicon) for line in lines for p in expand(line))


def _modifier_words(content: Content) -> frozenset[str]:
    """The words of the safety file's modifiers that name whose a symptom is (a person
    or a creature), or that its word is only said, played or looked up (``mentioned``),
    as written there."""
    safety = safety_spec.load(content.root)
    lines = [line for m in safety.modifiers
             if m.name == MENTIONED or m.name in PEOPLE
             for line in (*m.before, *m.after)]
    return frozenset(w for line in lines for w in re.findall(r"[a-z0-9']+", line))


def _vocabulary(content: Content, lexicon: Lexicon) -> Iterator[str]:
    """The content's domain vocabulary: domain lists, symptom concepts, the guide's
    terms in the lexicon and the single words people say for them (not mishearings)."""
    for spec in content.intents:
        yield from (normalize(e, lexicon) for e in spec.domain if "*" not in e)
    yield from _symptom_phrases(content, lexicon)
    said = content.lexicon
    yield from said.phrases.values()
    yield from (k for k in said.phrases if k not in said.mishearings and " " not in k)


def index_of(content: Content, samples: Iterable[str], lexicon: Lexicon) -> PhoneticIndex:
    """The index of ``content``'s vocabulary and the words of its normalized ``samples``
    (which are the known words too)."""
    known = {w for s in samples for w in s.split()}
    # A word of the safety file is never "repaired" into another: "smelly wound" must
    # stay a report, not become "small incision".
    symptoms = frozenset(w for p in _symptom_phrases(content, lexicon) for w in p.split())
    data = content.lexicon
    said = (*(k for k in data.phrases if k not in data.mishearings), *data.phrases.values())
    domain = set(_vocabulary(content, lexicon))
    # The lexicon's other conditions, operations and other experiencers are heard right
    # too: "stuffy nose" is not "stiffness".
    named = {w for phrase in (*data.conditions, *data.operations, *data.others)
             for w in phrase.split()}
    # So are the words that say a word is only said or looked up: "a spell of chills" is
    # not "a spill" (a fall); everyday words heard for a symptom's ("cheese pain") are not
    # among them, and are still repaired. And the words that say whose a symptom is,
    # people and creatures the lexicon and the safety file name: "ma pal" (my friend)
    # is not a word joined from two.
    named |= _modifier_words(content)
    named |= {w for phrase in (*data.caregivers, *data.bare_caregivers, *data.bare_subjects,
                               *data.carer_determiners) for w in phrase.split()}
    heard_right = known | {w for phrase in said for w in phrase.split()} \
        | set(data.fillers) | set(data.hesitations) | symptoms | named
    # a word said without its final g may be a slot value's too ("drivin": driving), though
    # those words are not read as heard right (a mis-heard "weeding" is still repaired)
    slot_words = {w for phrase in vocabulary_of(content).phrases for w in phrase.split()}
    words = Words(
        known=frozenset(heard_right),
        domain=frozenset(domain),
        symptoms=symptoms,
        spellable=frozenset(heard_right | slot_words),
    )
    return NamedIndex(domain | known, words, _names(content))


def _names(content: Content) -> Iterator[str]:
    """The one-word names of the topics (their heads) and the lexicon's one-word names
    for a head (a brand for its generic name): skill.nlu.spoken_names."""
    heads = {h for spec in content.intents for h in spec.heads if "*" not in h and "{" not in h}
    data = content.lexicon
    yield from (h for h in heads if " " not in h)
    yield from (k for k, v in data.phrases.items()
                if v in heads and " " not in k and k not in data.mishearings)

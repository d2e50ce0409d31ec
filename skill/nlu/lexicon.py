"""The lexicon compiled: intents/_lexicon.yaml's vocabulary as the patterns and sets that
``skill.nlu.normalize`` and the router's other steps read."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from skill.content import loader
from skill.content.spec import Content
from skill.content.spec import Lexicon as LexiconData
from skill.nlu.alternation import phrase_pattern

# The guide's words for what is done with the lexicon's ``lifted`` and ``sat_in`` things,
# and for going back to its ``pastimes``.
LIFTED = "lift"
SAT_IN = "sit"
PASTIME = "return"


@dataclass(frozen=True)
class Lexicon:
    """Compiled vocabulary from intents/_lexicon.yaml."""

    fillers: re.Pattern[str] | None
    hesitations: re.Pattern[str] | None  # fillers that may also be a phrase's word
    phrases: re.Pattern[str] | None
    replacements: Mapping[str, str]
    # another tongue's number words, read before numbers are: "treinta y nueve" is 39
    numbers: re.Pattern[str] | None
    number_words: Mapping[str, str]
    caregiver_possessive: re.Pattern[str] | None
    caregiver_subject: re.Pattern[str] | None
    bare_caregiver: re.Pattern[str] | None  # "dad fell" with no "my"
    single_words: frozenset[str]  # one-word vocabulary, for rejoining split words
    word_starts: frozenset[str]  # their beginnings: where a split word can start
    # one-letter words the lexicon rewrites ("r" is "are", "u" "you"): no spelled letter
    letter_words: frozenset[str] = frozenset()
    others: frozenset[str] = frozenset()  # who is not the patient: "dog", "child"
    carers: frozenset[str] = frozenset()  # whom a caregiver speaks for: "husband"
    senses: re.Pattern[str] | None = None  # the guide's words in another sense
    conditions: re.Pattern[str] | None = None  # other illnesses, in normalized form
    anchors: frozenset[str] = frozenset()  # words that tie a question to the recovery
    operations: re.Pattern[str] | None = None  # other operations, in normalized form
    own_anchors: frozenset[str] = frozenset()  # words of this operation alone
    affairs: re.Pattern[str] | None = None  # a job's pay, markets: in normalized form
    requests: re.Pattern[str] | None = None  # openings of everyday requests, normalized
    clause_openers: frozenset[str] = frozenset()  # a second question's first words
    tongues: frozenset[str] = frozenset()  # other tongues' grammar words (skill.nlu.scoring)
    # everyday things naming an activity -> the guide's word for it ("toddler" -> "lift")
    objects: Mapping[str, str] = field(default_factory=dict)
    # one word written another way and heard right (no mishearing): Scots "whit" -> "what"
    spellings: Mapping[str, str] = field(default_factory=dict)


def compile_lexicon(data: LexiconData) -> Lexicon:
    fillers, phrases = data.fillers, data.phrases
    carers, bare = data.caregivers, data.bare_caregivers
    single = frozenset(w for w in (*phrases, *phrases.values(), *data.compounds)
                       if " " not in w and len(w) > 5)
    carer_alt = "|".join(re.escape(c) for c in sorted(carers, key=len, reverse=True))
    owner = "|".join(map(re.escape, data.carer_determiners or ("my", "our", "the")))
    return Lexicon(
        fillers=phrase_pattern(fillers),
        hesitations=phrase_pattern(data.hesitations),
        phrases=phrase_pattern(phrases),
        replacements=phrases,
        numbers=phrase_pattern(data.number_words),
        number_words=data.number_words,
        caregiver_possessive=(
            re.compile(rf"\b(?:{owner}) (?:{carer_alt})'s?(?=\s|$)") if carers else None
        ),
        caregiver_subject=(
            re.compile(rf"\b(?:{owner}) (?:{carer_alt})\b") if carers else None
        ),
        bare_caregiver=(
            # the word boundary first: the look-behinds are tried only where a word starts;
            # the possessive also as a recognizer writes it, without its apostrophe, before
            # the thing owned ("grandmas surgery"); not after Haitian Creole "m" (my, I),
            # where "pa" is not and "nan" is in ("manman m pa endispoze", "chen m nan tonbe")
            re.compile(r"\b(?<!my )(?<!our )(?<!the )(?<!your )(?<!his )(?<!her )(?<!\bm )(?:(?:"
                       + "|".join(map(re.escape, bare)) + r")('s|s(?= \w))?"
                       + "".join(f"|{re.escape(w)}" for w in data.bare_subjects)
                       + r")(?=\s|$)")
            if bare else None
        ),
        single_words=single,
        word_starts=frozenset(w[:end] for w in single for end in range(1, len(w))),
        letter_words=frozenset(w for w in phrases if len(w) == 1),
        others=frozenset(data.others),
        carers=frozenset(carers),
        senses=phrase_pattern(data.senses),
        conditions=phrase_pattern(data.conditions),
        anchors=frozenset(data.anchors),
        operations=phrase_pattern(operations(data)),
        own_anchors=frozenset(data.own_anchors),
        affairs=phrase_pattern(data.affairs),
        requests=phrase_pattern(data.requests),
        clause_openers=frozenset(data.clause_openers),
        tongues=frozenset(data.tongues),
        objects={**dict.fromkeys(data.lifted, LIFTED), **dict.fromkeys(data.sat_in, SAT_IN),
                 **dict.fromkeys(data.pastimes, PASTIME)},
        spellings={said: meant for said, meant in phrases.items()
                   if " " not in said and said not in data.mishearings},
    )


def operations(data: LexiconData) -> list[str]:
    """Every other operation named: the lexicon's ``operations``, and each of them or of
    its ``operated_parts`` with one of its ``operated_as`` after it ("a gallbladder
    surgery", "she had her knee done", "a surgery on my eye")."""
    named = (*data.operations, *data.operated_parts)
    return [*data.operations, *(f"{what} {said}" for what in named for said in data.operated_as),
            *(f"surgery on {whose} {part}" for part in data.operated_parts
              for whose in ("my", "the"))]


def respelled(words: Iterable[str], lex: Lexicon) -> str:
    """``words`` each as the lexicon spells them (``spellings``): "eh whit was that" is
    "eh what was that", for reading a conversation move in words written in another
    tongue's spelling."""
    return " ".join(lex.spellings.get(word, word) for word in words)


def _compiled(content: Content) -> Lexicon:
    return compile_lexicon(content.lexicon)


def lexicon_of(content: Content | None = None) -> Lexicon:
    """The compiled lexicon of ``content`` (default: the skill's own), made once."""
    return (content or loader.load_content()).derive(_compiled)

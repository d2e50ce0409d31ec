"""Who an utterance is about: a caregiver's "my mom" / "she" to the patient's "i", a
pronoun for someone else (a pet, a child) kept theirs, and what a third person is seen to
be that a first person says in another sense ("she is confused" is a sign; "i am
confused, can i lift" is puzzlement), read before the two meet in the same words.
Part of ``skill.nlu.normalize``; the vocabulary is the lexicon's."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from skill.nlu.lexicon import Lexicon

_POSSESSIVE_PRONOUNS: Final = ("his", "her", "their", "hers", "theirs")
_HEARSAY: Final = r"(?! (?:said|say|says|reckon|reckoned|told|predict|predicted)\b)"
_PRONOUN: Final = re.compile(r"(he|she|they|his|her|their|hers|theirs|him|them)('s|'re)?")
# Compiled once: "'s been", "'s come" are "has"; the third person's "is"/"are" forms; then
# the pronouns, to the first (subject pronouns hold "he"; possessives "his", "her", "their").
_THIRD_PERSON_IS: Final = (
    (re.compile(r"'s (been|got|gotten|come|become)\b"), r" has \1", ("'s ",)),
    (re.compile(r"\b(he|she)'s\b"), "i am", ("he's",)),
    (re.compile(r"\b(he|she)s\b"), "i am", ("hes",)),
    (re.compile(r"\b(they)'re\b"), "i am", ("they're",)),
)
_PRONOUNS: Final = (
    (re.compile(r"\b(?:" + "|".join(_POSSESSIVE_PRONOUNS) + r")\b"), "my", ("his", "her", "their")),
    # (not the "they" of hearsay: "the weather, they said a hundred and two")
    (re.compile(r"\b(?:he|she|they\b" + _HEARSAY + r")\b"), "i", ("he",)),
    (re.compile(r"\b(him|them|us)\b"), "me", ("him", "them", "us")),
)
# A third person seen to be confused (a copula or a change of state, adverbs between) is
# the sign, said in the word the first person never uses for puzzlement; not confused
# about, by or over a thing ("my husband is confused about the lifting limit"), not a
# first person's "got" ("i got confused"), nor a "was" told of the past ("he was confused
# after the anaesthesia").
_HOW: Final = (r"(?: (?:very|so|a bit|a little|all|really|totally|quite|more|suddenly"
               r"|completely|real))*")
_GROWN: Final = r"(?:been|become|got|gotten|getting|gone|come over|came over)"
_SEEN_CONFUSED: Final = re.compile(
    r"(?<!\bi )(?<!\bwe )(?<!\byou )"
    r"(?:(?:\bis|'s|\bseems|\blooks|\bappears|\bgets|\bbecomes|\bgot|\bbecame|\bwent)"
    rf"(?:{_HOW} {_GROWN})?|\bhas{_HOW} (?:become|been|got|gotten|gone)){_HOW}"
    r" confused\b"
    r"(?! (?:about|by|with|over|as|whether|if|what|how|when|why|which|on|at)\b)")
_SEEN_CONFUSED_AS: Final = "disoriented"


def rewrite(text: str, rules: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]) -> str:
    """``text`` through each rule whose pattern it may match, in order."""
    for pattern, replacement, needles in rules:
        if any(map(text.__contains__, needles)):  # no generator frame per rule
            text = pattern.sub(replacement, text)
    return text


def _antecedent(words: list[str], i: int, lex: Lexicon) -> str | None:
    """"other" or "carer" when a name for one (of up to three words) ends at ``i``."""
    for size in (3, 2, 1):
        name = " ".join(words[max(0, i - size + 1) : i + 1])
        if name in lex.others:
            return "other"
        if name in lex.carers:
            return "carer"
    return None


@cache
def _last_words(names: frozenset[str]) -> frozenset[str]:
    """The words the names end with ("little cousin" ends with "cousin")."""
    return frozenset(name.split()[-1] for name in names)


def _shield_others(text: str, lex: Lexicon) -> str:
    """Upper-case the third-person pronouns whose antecedent is someone else than the
    patient (the last person or animal named before them is one of ``others``), so the
    rewrites to "i" and "my" below pass them by; ``people`` lowers them again."""
    words = text.split()
    bare = [w.removesuffix("'s") for w in words]
    if _last_words(lex.others).isdisjoint(bare):
        return text
    last: str | None = None
    for i, word in enumerate(bare):
        if last == "other" and _PRONOUN.fullmatch(word):
            words[i] = words[i].upper()
        last = _antecedent(bare, i, lex) or last
    return " ".join(words)


def people(text: str, lex: Lexicon) -> str:
    """Caregiver and third-person forms to the patient's first person; a pronoun for
    someone else (a pet, a child) stays theirs."""
    text = _shield_others(text, lex)
    if "confused" in text:
        text = _SEEN_CONFUSED.sub(lambda m: m.group(0).removesuffix("confused")
                                  + _SEEN_CONFUSED_AS, text)
    if lex.caregiver_possessive is not None:
        text = lex.caregiver_possessive.sub("my", text)
    text = rewrite(text, _THIRD_PERSON_IS)
    if lex.caregiver_subject is not None:
        text = lex.caregiver_subject.sub("i", text)
    if lex.bare_caregiver is not None:
        text = lex.bare_caregiver.sub(lambda m: "my" if m.group(1) else "i", text)
    return rewrite(text, _PRONOUNS).lower()

"""A report told after a question: read it apart (``reported_apart``).

"What causes chills? I can't breathe": the scope of a question or a supposition ends
with its sentence when the later clause tells rather than asks, and with no punctuation
a telling clause may start after the question's last word (``told_starts``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Final

from skill.content.safety_spec import OTHER_EXPERIENCER, REPORTED
from skill.nlu.clauses import QUESTION_WORDS, split
from skill.nlu.lexicon import lexicon_of
from skill.nlu.safety import RESOLVED, first_reported

if TYPE_CHECKING:
    from skill.nlu.readings import Reader
    from skill.nlu.safety import Finding

# The patient's words in a clause as said: the first person (a caregiver's "my ..."
# too), or the wound itself ("the incision is oozing").
FIRST_PERSON: Final = frozenset(
    "i i'm im i've ive i'd my me incision wound cut stitches staples scar dressing".split())
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
    "worried worry afraid scared nervous concerned fear frightened terrified "
    # a question, a hope or hearsay: "she hopes she won't faint again"
    "wonders asks asking asked hopes hoping hoped heard".split())
# A subject right after a subordinator, past words of time only, is its clause's own,
# not a new clause: "if suddenly i can't breathe, what should i do", "what do i do if all
# of a sudden my leg goes numb" (but "what if it gets red i have a fever" tells).
SUBORDINATORS: Final = frozenset("if when whenever unless once suppose supposing case".split())
# A subject that wonders, asks, hopes or has read or heard tells no symptom of its own:
# "how long is recovery he wonders if chest pain is normal", "she keeps asking if ...".
HEARSAY: Final = frozenset("wonder wonders wondered wondering ask asks asked asking hope "
                           "hopes hoped hoping read reads heard hears".split())
TIME_WORDS: Final = frozenset("suddenly all of a sudden ever at some any point one day time "
                              "then later say by chance tonight today tomorrow".split())


# A verb a wound's own word takes at once after a place it is in ("the wound on my back
# is oozing", "the cut on my hip looks red"): a subject, not an object ("keep my incision
# from getting infected").
TOLD_VERBS: Final = frozenset(
    "is are was were has have looks look feels feel seems got gets keeps started went "
    "smells".split())


# A clause right after a noun of likelihood is what the question weighs ("what are the
# risks my wound opens up", "what are the chances i get infected") unless it is told as
# what has happened: by a time now or before ("the pain is way worse than yesterday",
# "she passed out just now") or in the past ("my husband fainted").
LIKELIHOOD: Final = frozenset(
    "risk risks chance chances odds likelihood possibility sign signs symptom symptoms".split())
# (not "now", "today" or "since", which a question's own time uses: "what are the chances
# my leg goes numb now that i'm home")
FACT_TIMES: Final = frozenset("yesterday ago already overnight".split())
FACT_WORDS: Final = 10
# A noun phrase heads a clause of its own when a finite verb follows it at once ("the
# pain is way worse", "blood is pouring out", "pain's escalating", "there's pus"): the
# question's object ends before it. Its words are not of the closed classes (an
# auxiliary, a preposition, a pronoun, a question word) and it starts at its first word
# (not after a determiner); the question before it has its own verb ("how long is
# recovery", "can i walk the dog"), so a question word's own phrase ("what colour
# drainage is bad", "how much swelling is too much") is no clause.
# (not a bare "feel", "look", "have" or "keep", an infinitive as well: "is it normal fi di
# foot feel numb")
FINITE: Final = TOLD_VERBS - frozenset("feel look have".split()) | frozenset(
    "had hurts won't wont can't cant cannot".split())
_CLOSED: Final = EMBEDDING | PRONOUNS | _DETERMINERS | frozenset(
    "a an this that these those some any no it its you your we our they them he she him "
    "to not just only very i i'm im i've ive i'd me".split())
NOUN_WORDS: Final = 3
# Words that tell of now, in normalized form: a rest holding one reports what it names.
NOW: Final = frozenset("now still again today tonight currently back".split())
NOW_WORDS: Final = 2
# The words a contracted "'s" ("is") follows with no possessor: "there's pus leaking".
_CONTRACTED: Final = frozenset("there here".split())


def told_starts(text: str, pronouns: bool = False) -> list[int]:
    """Word positions after the first two where, with no punctuation, a telling clause
    about the patient may start (see SUBJECTS; with ``pronouns``, PRONOUNS too; and a
    noun phrase a finite verb follows, FINITE)."""
    words = _said(text)
    subjects = SUBJECTS | PRONOUNS if pronouns else SUBJECTS
    return [k for k in range(2, len(words))
            if (words[k - 1] not in EMBEDDING
                or words[k - 1] in LIKELIHOOD and _as_fact(words[k:k + FACT_WORDS]))
            and not _subordinate(words, k)
            and (words[k] in subjects and _heads(words[k], words[k + 1:k + 6])
                 or _noun_subject(words, k))
            and HEARSAY.isdisjoint(words[k + 1:k + 3])]


def _as_fact(words: list[str]) -> bool:
    """Whether a clause is told as what has happened: a time it has happened by
    (FACT_TIMES) or a past in -ed right after its subject's noun."""
    return not FACT_TIMES.isdisjoint(w.strip(".,!?") for w in words) or any(
        w.endswith("ed") and w not in EMBEDDING for w in words[1:3])


def _ongoing(words: list[str]) -> bool:
    """Whether a thing's state is told as what is going on or has happened: told as a
    fact (``_as_fact``) or in the progressive ("blood is pouring", "there's pus leaking")."""
    return _as_fact(words) or any(
        word.endswith("ing") and (before in FINITE or before.endswith("'s"))
        for before, word in zip(words, words[1:NOUN_WORDS + 3], strict=False))


def _noun_subject(words: list[str], k: int) -> bool:
    """Whether a noun phrase starting at word ``k`` is the subject of a finite verb
    (FINITE, a past in -ed or a contracted "'s") after a question with its own verb."""
    if words[k - 1] in _CLOSED - LIKELIHOOD or not _verb_before(words[:k]):
        return False
    if _possessor(words[k - 1]):
        return False  # inside a phrase its owner opens: "that my dog's incision is leaking"
    start = k + (words[k] in ("the", "my", "her", "his", "their"))
    for j in range(start, min(start + NOUN_WORDS, len(words))):
        word = words[j]
        if j > start and (word in FINITE or word.endswith("ed")):
            return True
        # a phrase ends at its sentence's punctuation ("plucking his feathers. is he")
        if word.removesuffix("'s") in _CLOSED or not word[-1:].isalpha():
            return False
        if word.endswith("'s"):
            return True
    return False


def _possessor(word: str) -> bool:
    """Whether ``word`` owns the noun after it ("dog's", "neighbour's"): a noun's "'s",
    not a contracted "is" ("there's", "it's"), the wound's own ("the wound's edge") or the
    one a caregiver speaks for ("my husband's incision" is the patient's)."""
    owner = word.removesuffix("'s")
    return owner != word and owner.isalpha() and owner not in _CLOSED | _CONTRACTED \
        and owner not in FIRST_PERSON and owner not in lexicon_of().carers


def _verb_before(words: list[str]) -> bool:
    # an auxiliary or the speaker's own "i": "how long is recovery", "can i walk the dog";
    # or "what" or "who" as the subject of a verb in -s or -ed: "what happens during the
    # operation" (not a noun of likelihood: "what signs")
    return any(w in QUESTION_WORDS and not w.startswith(("wh", "how")) or w == "i"
               for w in words) or any(
        wh in ("what", "who") and verb.endswith(("s", "ed")) and verb not in _CLOSED
        for wh, verb in zip(words, words[1:], strict=False))


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
                   normal: Callable[[str], str], found: Iterable[Finding] = (),
                   whole: str = "") -> tuple[list[Finding], str]:
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
        said = normal(rest)
        over = whole.endswith(said)  # the rest's words where the whole has them
        if reported := [f for f in read(said) if f.status == REPORTED and not (
                over and _told_past(f, len(whole) - len(said), found, said))]:
            return reported, rest
    return [], ""


def _told_past(finding: Finding, shift: int, found: Iterable[Finding], said: str) -> bool:
    """Whether the whole reading (``found``) read ``finding``, a rest's (``shift``
    characters on), as over: a time marker before the rest ("years back i passed out")
    holds when the rest is read apart, unless NOW words follow ("… he collapsed again")."""
    return NOW.isdisjoint(said[finding.end:].split()[:NOW_WORDS]) and any(
        f.status == RESOLVED and f.rule == finding.rule
        and f.start == finding.start + shift for f in found)


def apart(text: str, normalized: str, found: list[Finding],
          read: Callable[[str], list[Finding]], reader: Reader, normal: Callable[[str], str]
          ) -> tuple[list[Finding], str]:
    """A later clause's report (``reported_apart``) when ``text`` names a symptom but
    reports none, or its reading (``reading_apart``) when a believable number is held
    back by a question's scope; the findings and the words they were read from."""
    if found and first_reported(found) is None:
        return reported_apart(text, read, normal, found, normalized)
    if not found and reader.held_back(normalized):
        return [], reading_apart(text, reader.believed, normal)
    return [], ""


def reading_apart(text: str, read: Callable[[str], bool], normal: Callable[[str], str]
                  ) -> str:
    """The later clause of ``text`` (as ``reported_apart`` finds them) that holds a
    reading ``read`` believes, for a text whose whole reading rules its number out: the
    scope of a question ends where a told clause starts ("what happens during the
    operation my temperature is 102.4"). "" for none."""
    return next((rest for rest in _told(text, normal) if read(normal(rest))), "")


def _told(text: str, normal: Callable[[str], str] | None) -> Iterator[str]:
    """The rests of ``text`` a report may be read from, in order: from each later clause
    its punctuation sets apart, then from each ``told_starts`` position; only a rest
    that tells (a question goes on asking: "if my chest hurts, should i call") and speaks
    of the patient (FIRST_PERSON, or a pronoun ``normal`` reads as the patient's)."""
    parts = split(text)
    for number in range(1, len(parts)):
        if not parts[number].asks and _of_patient(parts[number].text) \
                and not complement(parts[number].text):
            yield " ".join(c.text for c in parts[number:])
    words = text.split()
    for start in told_starts(text, pronouns=normal is not None):
        rest = " ".join(words[start:])
        # a thing's state told as going on or done ("the pain is way worse than
        # yesterday", "blood is pouring out") is the patient's as "i" is; a pet named in
        # the question before it does not own it
        if _of_patient(rest) or _said(rest)[0] not in PRONOUNS and _ongoing(_said(rest)) or (
                normal is not None and "i" in normal(
                    " ".join(words[:start + 1])).split()[-2:]):
            yield rest


def complement(text: str) -> bool:
    """Whether ``text``, a clause typed apart, opens as "that" and the patient, the
    complement of the clause before ("the odds, like a percentage, that my dad …")."""
    said = _said(text)
    return len(said) > 1 and said[0] == "that" and said[1] in SUBJECTS | PRONOUNS


def _of_patient(text: str) -> bool:
    # its own words name the patient: a bare "he" may be someone named before
    return not FIRST_PERSON.isdisjoint(_said(text))


def _said(text: str) -> list[str]:
    """The words of ``text`` lower case, with plain apostrophes."""
    return text.lower().replace("\u2019", "'").split()

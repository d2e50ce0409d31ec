"""One ``normalize()`` for samples and for what users say.

Steps, in order: unicode and case folding; punctuation to spaces (keeping decimals);
contractions and caregiver forms ("my mom's" -> "my", "can she" -> "can i"); spoken
numbers to digits; filler words out; the guide's words in another sense made one opaque
word ("nuclear fusion", "retail therapy"); speech-recognition confusions, brand names and
everyday words to the guide's terms (from intents/_lexicon.yaml, composed: "op site" ->
"surgery site" -> "incision"); agreement fixes so "does i" meets "do i". The vocabulary
is data (skill.nlu.lexicon compiles it); this module is only the how.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from rapidfuzz import fuzz, process

from skill.nlu.letters import clean
from skill.nlu.lexicon import Lexicon, lexicon_of
from skill.nlu.numbers import words_to_digits
from skill.nlu.person import people, rewrite

# Marks a phrase the lexicon reads in another sense, joined into one word ("~walkmethrough").
SENSE_MARK: Final = "~"
# How often the lexicon's rewrites may run over a text: each pass that changes it feeds
# the next; the lexicon's chains are two long ("op site"), a third pass is a bound.
REWRITE_PASSES: Final = 3
# "'s" after these words means "is"; after anything else it is a possessive.
_IS_WORDS: Final = frozenset(
    "it that what where when who how there here he she this everything something".split()
)
# Each rewrite below comes with the texts one of which a match must contain: a text
# without any of them is left as it is without running the pattern.
_CONTRACTIONS: Final = (
    (re.compile(r"\bcan'?t\b"), "can not", ("can",)),
    (re.compile(r"\bwon'?t\b"), "will not", ("won",)),
    (re.compile(r"\bshan't\b"), "shall not", ("shan't",)),
    (re.compile(r"\bain't\b"), "is not", ("ain't",)),
    (re.compile(r"n't\b"), " not", ("n't",)),
    (re.compile(r"'m\b"), " am", ("'m",)),
    (re.compile(r"'re\b"), " are", ("'re",)),
    (re.compile(r"'ve\b"), " have", ("'ve",)),
    (re.compile(r"'ll\b"), " will", ("'ll",)),
    (re.compile(r"'d\b"), " would", ("'d",)),
)
# Apostrophe-less forms speech recognizers and typists produce.
_BARE_CONTRACTIONS: Final = {
    "cant": "can not", "dont": "do not", "doesnt": "does not", "didnt": "did not",
    "isnt": "is not", "wont": "will not", "im": "i am", "ive": "i have", "whats": "what is",
    "hes": "he is", "shes": "she is", "thats": "that is", "wasnt": "was not",
    "arent": "are not", "havent": "have not", "hasnt": "has not", "couldnt": "could not",
    "shouldnt": "should not", "wouldnt": "would not", "aint": "is not", "hows": "how is",
    "whens": "when is", "theres": "there is", "lets": "let us", "cannot": "can not",
}
_POSSESSIVE_S: Final = re.compile(r"\b(\w+)'s\b")
_AGREEMENT: Final = (
    (re.compile(r"\bi (is|are)\b"), "i am", ("i is", "i are")),
    (re.compile(r"\b(is|are) i\b"), "am i", ("is i", "are i")),
    (re.compile(r"\bi has\b"), "i have", ("i has",)),
    (re.compile(r"\b(does) i\b"), "do i", ("does i",)),
    (re.compile(r"\bi does\b"), "i do", ("i does",)),
    (re.compile(r"\bi wants\b"), "i want", ("i wants",)),
    (re.compile(r"\bi needs\b"), "i need", ("i needs",)),
    (re.compile(r"\bi feels\b"), "i feel", ("i feels",)),
    (re.compile(r"\bi hurts\b"), "i hurt", ("i hurts",)),
    (re.compile(r"\bi keeps\b"), "i keep", ("i keeps",)),
    (re.compile(r"\bi seems\b"), "i seem", ("i seems",)),
    (re.compile(r"\bi looks\b"), "i look", ("i looks",)),
    (re.compile(r"\bme\b"), "i", ("me",)),
    # the procedure's name in a frame of time is the event: "after my si joint fusion"
    # is "after my surgery", so the question's own topic word decides
    (re.compile(r"\b((?:after|since|following|before)(?: my| the| this| your| his| her)?)"
                r" (?:si (?:joint )?(?:fusion|surgery)(?: surgery)?|fusion surgery)\b"),
     r"\1 surgery", ("si", "fusion surgery")),
    (re.compile(r"\bi i\b"), "i", ("i i",)),
)
# "like" as a filler ("can i like take a shower", "running like a 102"), but not in a
# likeness ("like a pig"), "look like", "feel like", as "as if" before a subject ("puffing
# like he has run"), nor a subject's verb ("i like a beer").
_FILLER_LIKE: Final = re.compile(
    r"(?<!\blook)(?<!\blooks)(?<!\bfeel)(?<!\bfeels)(?<!\bfelt)(?<!\bwould)(?<!\bsounds)"
    r"(?<!\bseems)(?<!\bseem)(?<!\bjust) like\b(?! (?:to|i|we|you)\b)(?! an? [^\d\s])"
    r"(?!(?:(?<=\bi like)|(?<=\bwe like)|(?<=\byou like)|(?<=\bthey like))"
    r" (?:a|an|the|my|our|your|their|some|it|that|this|these|those|them)\b)"
)


def _join_split(words: list[str], vocabulary: frozenset[str], starts: frozenset[str],
                words_of_one_letter: frozenset[str] = frozenset()) -> str:
    """'nap roxen' -> 'naproxen'; 'i b profen' -> 'ibuprofen' (spelled-out letters let
    the joined word match the lexicon fuzzily). ``starts``: the beginnings of the
    vocabulary's words; a word that begins none, or with the next word begins none and
    is none, starts no join unless a spelled-out letter follows. ``words_of_one_letter``
    are words, not spelled letters ("the stitches r open" keeps its "r")."""
    letters = [len(w) == 1 and w not in "ia" and w not in words_of_one_letter
               for w in words]
    if not any(letters):
        return _join_whole(words, vocabulary, starts)
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = words[i] + words[i + 1] if i + 1 < len(words) else None
        if not any(letters[i : i + 3]) and (  # no spelled-out letter: only exact joins
                words[i] not in starts or pair is None
                or (pair not in starts and pair not in vocabulary)):
            out.append(words[i])
            i += 1
            continue
        for size in (3, 2):
            if i + size > len(words):
                continue
            pieces = words[i : i + size]
            if any(p[:1].isdigit() for p in pieces):
                continue  # a number is never a spelled-out letter: "temperature 39 c"
            joined = "".join(pieces)
            if joined not in vocabulary and any(len(p) == 1 and p not in "ia" for p in pieces):
                near = process.extractOne(joined, vocabulary, scorer=fuzz.ratio, score_cutoff=85)
                joined = near[0] if near else joined
            if joined in vocabulary:
                out.append(joined)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _join_whole(words: list[str], vocabulary: frozenset[str], starts: frozenset[str]) -> str:
    """``_join_split`` of words with no spelled-out letter: only exact joins, looked for
    only where a word and the next begin a vocabulary word or are one."""
    out: list[str] = []
    i, count = 0, len(words)
    while i < count:
        word = words[i]
        if word in starts and i + 1 < count and (
                (pair := word + words[i + 1]) in starts or pair in vocabulary):
            size = next((size for size in (3, 2) if i + size <= count
                         and not any(p[:1].isdigit() for p in words[i : i + size])
                         and "".join(words[i : i + size]) in vocabulary), 0)
            if size:
                out.append("".join(words[i : i + size]))
                i += size
                continue
        out.append(word)
        i += 1
    return " ".join(out)




def _possessive_s(match: re.Match[str]) -> str:
    word = match.group(1)
    return f"{word} is" if word in _IS_WORDS else word


def _contractions(text: str) -> str:
    text = rewrite(text, _CONTRACTIONS)
    if "'" in text:
        text = _POSSESSIVE_S.sub(_possessive_s, text)
        text = text.replace("'", "")
    return " ".join(_BARE_CONTRACTIONS.get(w, w) for w in text.split())


def phrase_form(text: str) -> str:
    """A vocabulary entry as ``normalize()`` sees it when it applies the lexicon's
    phrases: "A&E" -> "a e", "nine nine nine" -> "9 9 9"."""
    return " ".join(words_to_digits(_contractions(clean(text)).split()))


def before_lexicon(text: str, lex: Lexicon) -> str:
    """Every step before the lexicon's rewrites: the form its keys must be written in."""
    text = people(clean(text), lex)
    text = _contractions(text)
    if lex.numbers is not None:  # another tongue's number words, as English ones
        text = lex.numbers.sub(lambda m: lex.number_words[m.group(0)], text)
    text = " ".join(words_to_digits(text.split()))
    if lex.fillers is not None:
        text = lex.fillers.sub(" ", text)
    text = " " + text
    if " like" in text:  # the filler pattern's only literal
        text = _FILLER_LIKE.sub("", text)
    return _join_split(text.split(), lex.single_words, lex.word_starts, lex.letter_words)


def _rewritten(text: str, phrases: re.Pattern[str], replacements: Mapping[str, str]) -> str:
    """The lexicon's rewrites over ``text``. They compose: one's output may hold another's
    key ("op site" -> "surgery site" -> "incision"), so they run again while a pass
    changes the text, REWRITE_PASSES at most."""
    for _ in range(REWRITE_PASSES):
        done, text = text, phrases.sub(lambda m: replacements[m.group(0)], text)
        if text == done:
            break
    return text


def finish_rewrites(text: str, lex: Lexicon) -> str:
    """The steps from the lexicon's rewrites on: the rewrites, the hesitations out, the
    agreement of "i" (a lexicon value goes through these alone)."""
    if lex.phrases is not None:
        text = _rewritten(" ".join(text.split()), lex.phrases, lex.replacements)
    if lex.hesitations is not None:
        text = lex.hesitations.sub(" ", text)
    return " ".join(rewrite(text, _AGREEMENT).split())


def normalize(text: str, lexicon: Lexicon | None = None) -> str:
    """Canonical form of a sample or of what a user said (lowercase words, digits)."""
    lex = lexicon or lexicon_of()
    text = before_lexicon(text, lex)
    if lex.senses is not None:
        # one opaque word: "nuclear fusion" is neither fusion nor a recovery topic. The
        # mark in front keeps a domain stem ("walk*") from meeting "~walkmethrough".
        text = lex.senses.sub(lambda m: SENSE_MARK + m.group(0).replace(" ", ""), text)
    return finish_rewrites(text, lex)

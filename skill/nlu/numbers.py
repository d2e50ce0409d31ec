"""Read numbers the way people say them: "one oh two", "a hundred and one point five",
"ninety nine point five", "thirty eight point nine", "101.2", "101 point 5".

``words_to_digits`` rewrites every spoken number in a token list as digits, so the
samples ("ten pounds") and the user ("10 pounds") meet in the same form.
"""

from __future__ import annotations

import re
from typing import Final

UNITS: Final = {
    "zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEENS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
# "to", "for" and "won", which speech recognizers sometimes hear for two, four and one,
# stay words (they are far more often words), except inside a number read digit by
# digit with a zero in it: "won oh too" is 102.
HOMOPHONES: Final = {"won": 1, "to": 2, "too": 2, "for": 4, "ate": 8, "tree": 3, "night": 9}
# Number words said with "th" stopped or fronted (Caribbean, Irish and West African
# English "tirty", London "firty"; a recognizer writes what it hears): read as the number
# word where the respelling is no word of its own. "tree" is a word: it is three only
# inside a number (a homophone above): after "hundred and", in a number read digit by
# digit, after a tens word or before "point" (``TH_STOPPED_UNITS``). "night" is a
# recognizer's nine after a tens word or a "point" ("thirty night point one" is 39.1;
# "night point" alone stays the night: ``SOUNDALIKE_UNITS``).
RESPELLINGS: Final = {
    "tirty": "thirty", "tirteen": "thirteen", "turty": "thirty", "turteen": "thirteen",
    "firty": "thirty", "firteen": "thirteen",
}
TH_STOPPED_UNITS: Final = frozenset({"tree"})
SOUNDALIKE_UNITS: Final = TH_STOPPED_UNITS | {"night"}
# After "hundred and" a unit is due: there "too" and "won" are two and one ("a hundred
# and too"). "to" and "for" are too only where nothing but a unit can follow: at the
# end ("a fever of a hundred and to") or before one; else they stay words ("a hundred
# and for two days").
UNITS_AFTER_AND: Final = frozenset({"too", "won", "tree"})
# Right after a digit said alone, "won" goes on saying digits one by one ("nine won
# won"): the verb hardly ever follows a lone digit.
ONE_HEARD: Final = "won"
UNITS_AFTER_AND_LAST: Final = frozenset({"to", "for"})
# "too" before a unit counted is a recognizer's two ("my too year old", "too weeks"): the
# adverb never takes one ("too much", "me too"); "to" and "for" do ("up to weeks", "for days").
COUNTED: Final = frozenset({"year", "years", "week", "weeks", "day", "days", "month", "months",
                            "hour", "hours", "minute", "minutes", "pound", "pounds", "kilo",
                            "kilos", "mile", "miles", "times"})
# ... and "to" before a word that opens a new clause, which "to" as a word never takes
# ("a fever of a hundred and to what do i do"); "for" keeps its sense ("for how long").
CLAUSE_OPENERS: Final = frozenset({"what", "how", "should", "do", "does", "is", "can",
                                   "when", "why", "shall", "will", "must", "but", "so"})
UNIT_WORDS: Final = frozenset({"degrees", "degree", "fahrenheit", "celsius", "f", "c", "point"})
# How a recognizer or a typist may spell "hundred" (Scots "a hunner"); "an" for "and"
# inside a number.
HUNDRED: Final = frozenset({"hundred", "hunnerd", "hunner", "hundered", "hundert", "hundrid",
                            "hunnert", "hunderd"})
AND: Final = frozenset({"and", "an", "n"})
# A half after a whole number, with a learner's form that has no "a" ("38 and half").
HALVES: Final = (("and", "a", "half"), ("and", "half"))
# "and" heard as "in" ("a hundred in three"): only before a lone unit that ends the
# number, with nothing or a unit or a new clause after it ("a hundred in three days"
# stays a count and a time).
AND_HEARD: Final = "in"
_DIGITS_RE: Final = re.compile(r"^\d+(\.\d+)?$")
# "100 and 2.5", "100 2.5", "10 2": the parts a recognizer writes apart (see
# _hundred_and): a bare hundred, or "one oh" heard as ten.
_HUNDREDS: Final = frozenset({"100"})
_TEN: Final = "10"
_SMALL_AFTER_AND: Final = re.compile(r"^(\d{1,2})(\.\d+)?$")
_DIGIT_AFTER_HUNDRED: Final = re.compile(r"^(\d)(\.\d+)?$")
# The words a spoken number can begin with ("a" as in "a hundred"); a digit begins one too.
_FIRST_WORDS: Final = frozenset({*UNITS, *TEENS, *TENS, *HUNDRED, *HOMOPHONES, *RESPELLINGS, "a"})
# Whole degrees of a fever, Celsius and Fahrenheit, after which a lone digit is the tenths
# said without "point" ("thirty eight nine", "a hundred one eight", the typed "38,9"):
# a thermometer's reading, not two numbers. A wider range would join counts ("30 5 times").
_FEVER_WHOLE: Final = frozenset({*map(str, range(37, 43)), *map(str, range(99, 107))})
_NUMBER_WORDS: Final = frozenset({*UNITS, *TEENS, *TENS, *HUNDRED})
# Nobody says a number longer than this; a longer run of digits stays a word (and
# ``int()`` refuses strings over 4,300 digits).
MAX_DIGITS: Final = 30


def _is_zero(word: str) -> bool:
    return word in ("oh", "o", "zero", "0")


def _digit(word: str) -> int | None:
    """0-9 from a digit word or a single digit; ``oh`` counts only where a digit must be."""
    if word.isdecimal() and len(word) == 1:  # isdigit() also takes "²", which int() refuses
        return int(word)
    return UNITS.get(word)


def _below_hundred(tokens: list[str], i: int) -> tuple[int, int] | None:
    """twenty / twenty one / thirteen / seven -> (value, next index)."""
    if i >= len(tokens):
        return None
    word = tokens[i]
    if word in TENS:
        value = TENS[word]
        if i + 1 < len(tokens) and tokens[i + 1] in UNITS and not _is_zero(tokens[i + 1]):
            return value + UNITS[tokens[i + 1]], i + 2
        if _th_stopped_unit(tokens, i + 1):  # "tirty tree point five", "thirty tree"
            return value + HOMOPHONES[tokens[i + 1]], i + 2
        return value, i + 1
    if word in TEENS:
        return TEENS[word], i + 1
    if word in UNITS and not _is_zero(word):
        return UNITS[word], i + 1
    if word == "zero":
        return 0, i + 1
    return None


def _th_stopped_unit(tokens: list[str], j: int) -> bool:
    """Whether ``tokens[j]`` is a unit heard as a word ("tree", "night") that ends a number
    here: nothing, a unit word or a new clause after it ("forty tree seedlings" stays)."""
    after = tokens[j + 1] if j + 1 < len(tokens) else ""
    return (j < len(tokens) and tokens[j] in SOUNDALIKE_UNITS
            and (not after or after in UNIT_WORDS or after in CLAUSE_OPENERS))


def _heard_digit(word: str) -> int | None:
    found = _digit(word)
    return HOMOPHONES.get(word) if found is None else found


def _digit_by_digit(tokens: list[str], i: int) -> tuple[str, int] | None:
    """'one oh two' / 'one zero one' / 'won oh too' -> ('102', next). Needs a zero word
    to be sure. A homophone opens one only when the words after it make none alone:
    "up to one oh two" is up to 102, not 2102."""
    if i < len(tokens) and _digit(tokens[i]) is None and tokens[i] in HOMOPHONES \
            and _digit_by_digit(tokens, i + 1) is not None:
        return None
    digits: list[str] = []
    j = i
    while j < len(tokens) and (digit := _heard_digit(tokens[j])) is not None \
            and len(digits) < 4:
        if not digits and _is_zero(tokens[j]):
            return None
        digits.append(str(digit))
        j += 1
    if len(digits) >= 3 and any(_is_zero(t) for t in tokens[i + 1 : j]):
        return "".join(digits), j
    return None


def _and_heard(tokens: list[str], j: int) -> bool:
    """Whether ``tokens[j]`` is "and" heard as "in", between a hundred and its unit."""
    after = tokens[j + 2] if j + 2 < len(tokens) else ""
    return (tokens[j] == AND_HEARD and j + 1 < len(tokens) and tokens[j + 1] in UNITS
            and not _is_zero(tokens[j + 1])
            and (not after or after in UNIT_WORDS or after in CLAUSE_OPENERS))


def _cardinal(tokens: list[str], i: int) -> tuple[int, int] | None:
    """'a hundred and three', 'one hundred one', 'ninety nine', '101' -> (value, next)."""
    if i >= len(tokens):
        return None
    word = tokens[i]
    if word.isdecimal():
        return (int(word), i + 1) if len(word) <= MAX_DIGITS else None
    hundreds = None
    j = i
    if word in HUNDRED:
        hundreds, j = 1, i + 1
    elif word == "a" and i + 1 < len(tokens) and tokens[i + 1] in HUNDRED:
        hundreds, j = 1, i + 2
    elif i + 1 < len(tokens) and tokens[i + 1] in HUNDRED and word in UNITS and word != "oh":
        hundreds, j = UNITS[word], i + 2
    if word in TH_STOPPED_UNITS and i + 1 < len(tokens) and tokens[i + 1] == "point":
        return HOMOPHONES[word], i + 1  # "tree point five"
    if word in HOMOPHONES or hundreds is None:
        return None if word in HOMOPHONES else _below_hundred(tokens, i)
    k = j + 1 if j < len(tokens) and (tokens[j] in AND or _and_heard(tokens, j)) else j
    heard = tokens[k] if j < k < len(tokens) else ""
    after = tokens[k + 1] if k + 1 < len(tokens) else ""
    if heard in UNITS_AFTER_AND or (heard in UNITS_AFTER_AND_LAST and (
            not after or after in UNIT_WORDS)) or (heard == "to" and after in CLAUSE_OPENERS):
        return hundreds * 100 + HOMOPHONES[heard], k + 1
    rest = _below_hundred(tokens, k)
    if rest is not None:
        return hundreds * 100 + rest[0], rest[1]
    return hundreds * 100, j


def _fraction(tokens: list[str], i: int) -> tuple[str, int] | None:
    """'point five' / 'point 5' / 'point two five' -> ('5', next)."""
    if i >= len(tokens) or tokens[i] not in ("point", "dot"):
        return None
    digits: list[str] = []
    j = i + 1
    while j < len(tokens):
        word = tokens[j]
        if word.isdecimal() and len(word) <= MAX_DIGITS:
            digits.append(word)
        elif _digit(word) is not None:
            digits.append(str(_digit(word)))
        elif word in SOUNDALIKE_UNITS:  # a digit is due after "point": "point tree"
            digits.append(str(HOMOPHONES[word]))
        else:
            break
        j += 1
    return ("".join(digits), j) if digits else None


def read_number(tokens: list[str], i: int) -> tuple[str, int] | None:
    """The number spoken at ``tokens[i]`` as a digit string, and the index after it."""
    if i < len(tokens) and _DIGITS_RE.match(tokens[i]) and "." in tokens[i]:
        return tokens[i], i + 1
    whole = _digit_by_digit(tokens, i)
    if whole is None:
        card = _cardinal(tokens, i)
        if card is None:
            return None
        whole = (str(card[0]), card[1])
    text, j = whole
    fraction = _fraction(tokens, j)
    if fraction is not None:
        text, j = f"{text}.{fraction[0]}", fraction[1]
    elif "." not in text and (half := next(
            (len(h) for h in HALVES if tuple(tokens[j : j + len(h)]) == h), 0)):
        text, j = f"{text}.5", j + half
    return _hundred_and(tokens, text, j) or _split_tenths(tokens, text, j) or (text, j)


def _split_tenths(tokens: list[str], text: str, j: int) -> tuple[str, int] | None:
    """'38 9' -> ('38.9', next): a fever's whole degrees and then one digit, with no
    further number after it (a phone number or a list of numbers stays as it is)."""
    if text not in _FEVER_WHOLE or j >= len(tokens):
        return None
    digit = _digit(tokens[j]) if tokens[j] not in ("o", "oh") else None
    following = tokens[j + 1] if j + 1 < len(tokens) else ""
    if digit is None or following[:1].isdecimal() or following in _NUMBER_WORDS:
        return None
    return f"{text}.{digit}", j + 1


def _hundred_and(tokens: list[str], text: str, j: int) -> tuple[str, int] | None:
    """'100 and 2.5' / '100 2.5' / '10 2' -> ('102.5' / '102', next): a recognizer wrote
    "a hundred and two point five" or "one oh two" as two numbers. Only a bare hundred
    or ten and a single digit (after "and", up to two digits) join, so "100 20" and
    "10 20" stay two numbers."""
    if text == _TEN:  # "10 2", "10 1.5": one oh two, one oh one point five
        found = _DIGIT_AFTER_HUNDRED.match(tokens[j]) if j < len(tokens) else None
        return (f"10{found.group(1)}{found.group(2) or ''}", j + 1) if found else None
    if text not in _HUNDREDS:
        return None
    k = j + 1 if j < len(tokens) and tokens[j] == "and" else j
    if k >= len(tokens):
        return None
    tail = _SMALL_AFTER_AND if k > j else _DIGIT_AFTER_HUNDRED
    found = tail.match(tokens[k])
    if found is None:
        return None
    whole = int(text) + int(found.group(1))
    return f"{whole}{found.group(2) or ''}", k + 1


def words_to_digits(tokens: list[str]) -> list[str]:
    """Replace every spoken number in ``tokens`` with its digits."""
    tokens = [RESPELLINGS.get(token, token) for token in tokens]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == ONE_HEARD and out and _digit(out[-1]) is not None:
            out.append("1")  # "nine won won": the digits said one by one go on
            i += 1
            continue
        if token == "too" and tokens[i + 1 : i + 2] and tokens[i + 1] in COUNTED:
            out.append("2")  # "my too year old"
            i += 1
            continue
        found = (read_number(tokens, i)
                 if token in _FIRST_WORDS or token[:1].isdecimal() else None)
        if found is None:
            out.append(tokens[i])
            i += 1
        else:
            out.append(found[0])
            i = found[1]
    return out


def to_float(text: str) -> float | None:
    """A digit string from ``read_number`` as a float (None if it is not one)."""
    return float(text) if _DIGITS_RE.match(text) else None

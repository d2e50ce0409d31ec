"""Which number in normalized text is a body-temperature reading, and in what unit.

A number is a reading only with temperature context (a word such as fever or
degrees nearby, a unit after it, a decimal in the body's range such as 101.8, or nearly
nothing else said; not an age, skill.nlu.ages) and a person: the safety file's
other-experiencer, negated and resolved modifiers rule it out ("the oven is at 350", "my
cat has a temperature of 102"), and so do words that make it a weight, a time, a count,
a code or another measurement. The lists live in intents/_safety.yaml under ``readings``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from skill.content import loader
from skill.content.safety_spec import Readings
from skill.content.spec import Content
from skill.nlu import ages, current, fever, stored
from skill.nlu.clauses import QUESTION_WORDS
from skill.nlu.context import PhraseTable, Scanned, Scope, Span
from skill.nlu.numbers import to_float
from skill.nlu.safety import Engine, engine_of, phrases
from skill.nlu.told import SUBORDINATORS

# A number, maybe with its unit letter written on ("102f", "38.5c").
_NUMBER: Final = re.compile(r"^(\d+(?:\.\d+)?)([fc]?)$")
_UNIT_LETTERS: Final = {"f": "fahrenheit", "c": "celsius"}
# How many words before a number a "not before" word reaches ("lift 40", "my heart rate
# is 102"), unless a new clause's subject stands between ("can i lift, i got 38.7").
NOT_BEFORE_WINDOW: Final = 2
NEW_SUBJECTS: Final = frozenset("i we he she they you".split())
# How many words may stand between a "context before" word and its number ("running
# about 102" once fillers are out).
CONTEXT_BEFORE_WINDOW: Final = 1
# The modifier of a reading only supposed ("what if it reaches 103"): no report, yet a
# reading the fever topic answers (Reader.supposed).
SUPPOSED: Final = "hypothetical"
# Words of a person, after normalize() (a caregiver's "she" is "i" by then), and of
# taking a temperature: with either near, a number is no weather ("checked grandad again,
# it hit 103 degrees").
PERSON: Final = frozenset("i me my we our us myself".split())
MEASURED: Final = frozenset("checked check rechecked took take taken measured measure".split())
TOLD_BY: Final = frozenset("i it he she am is s at temp temperature fever my his her".split())
# How far after the degrees a time or a place of the weather may follow ("it is 40
# degrees in the veld today").
PLACE_WINDOW: Final = 4
# The prepositions that name a place between the degrees and the day ("in cairo today").
PLACE_WORDS: Final = frozenset("in at on".split())
# The open air named alone ("it is 40 degrees outside", "out"): a place as the
# prepositions' are, that ends the weather's clause.
OPEN_AIR: Final = frozenset("out outside".split())
# The words before a unit asked for, not the reading's own ("what is that in fahrenheit").
TARGET_WORDS: Final = frozenset("in to into".split())
CLOCK_HOURS: Final = 12  # the hours a clock shows with "am" or "pm" after them
# The time a reading is told at, between it and the question asked about it ("she is at
# 103 now, do i call").
NOW_WORDS: Final = frozenset("now again already still".split())
# Who a question opened on an auxiliary asks about, right after it ("should i", "is
# that"), unlike a statement's "was my favourite class".
ASKED_OF: Final = frozenset("i we you it that this he she they".split())
TEXTS_KEPT: Final = 64  # texts whose readings are kept: a question's few, each read often


@dataclass(frozen=True)
class Found:
    """A reading: the number, the word it stands in, its token index and its unit."""

    number: str
    token: str
    index: int
    unit: str | None  # "fahrenheit" | "celsius" | None (guess from the range)


def _clock_time(number: str) -> bool:
    """Whether a number could be a time of day: "9", "6.30", "11.45" (not "39.2")."""
    hour, _, minutes = number.partition(".")
    return int(hour) <= CLOCK_HOURS and (not minutes or (len(minutes) == 2 and int(minutes) < 60))


def phrase_labels(spec: Readings) -> dict[str, list[str]]:
    """The readings' phrase table as data: normalized phrases by label (what
    skill.nlu.stored keeps ahead of time)."""
    lists = {"context": spec.context, "not_after": spec.not_after,
             "ratio_after": spec.ratio_after, "clock_after": spec.clock_after,
             "not_before": spec.not_before, "context_before": spec.context_before,
             "impersonal_before": spec.impersonal_before, "place_after": spec.place_after,
             **{f"unit:{unit}": lines for unit, lines in spec.units.items()}}
    return {label: [p for line in lines for p in phrases(line)]
            for label, lines in lists.items()}


def table_inputs(spec: Readings) -> object:
    """What ``phrase_labels`` computes from: the readings and the lexicon ``phrases`` uses."""
    return spec, loader.load_content().lexicon


class Reader:
    """The readings section compiled, with the safety engine for its modifiers."""

    def __init__(self, spec: Readings, engine: Engine,
                 labelled: Mapping[str, Sequence[str]] | None = None) -> None:
        """``labelled``: ``phrase_labels(spec)`` computed ahead of time."""
        self.spec = spec
        self.engine = engine
        grouped = phrase_labels(spec) if labelled is None else labelled
        self.table = PhraseTable((p, label) for label, found in grouped.items() for p in found)
        self.ruled_out = tuple(s for s in engine.scopes if s.name in spec.ruled_out_by)
        self._supposing = tuple(s for s in self.ruled_out if s.name != SUPPOSED)
        # One question's text is read for its reading by the slots, the told report and
        # the router, supposed and not: each reading worked out once.
        self._found = lru_cache(maxsize=TEXTS_KEPT)(self._find)

    def supposed(self, text: str) -> bool:
        """Whether ``text`` holds a believable reading, reported or only supposed ("what
        if it reaches 103")."""
        found = self.find(text, supposing=True)
        return found is not None and _plausible(found)

    def believed(self, text: str) -> bool:
        """Whether ``text`` holds a believable reading told, not supposed."""
        found = self.find(text)
        return found is not None and _plausible(found)

    def held_back(self, text: str) -> bool:
        """Whether a believable number of ``text`` is only held back by a supposition's
        scope ("what happens during the operation my temperature is 102.4")."""
        return self.supposed(text) and not self.believed(text)

    def find(self, text: str, supposing: bool = False) -> Found | None:
        """The reading in ``text``; ``supposing``: one only supposed counts too."""
        if not any(map(str.isdigit, text)):
            return None  # no number to read
        return self._found(text, supposing)

    def _find(self, text: str, supposing: bool) -> Found | None:
        tokens = text.split()
        numbers = [i for i, t in enumerate(tokens) if _NUMBER.match(t)]
        if not numbers:
            return None
        words = Scanned(self.table.scan(tokens))
        modified = self.engine.scan(text)
        ruled_out = self._supposing if supposing else self.ruled_out
        # a number inside a clause supposed under a question (skill.nlu.conditional)
        held = set() if supposing else {i for first, last in modified.supposed
                                        for i in range(first, last)}
        # one told in such a clause: no other supposition holds it back ("is it normal if
        # i have a fever of 102 right now")
        told = {i for first, last in modified.told for i in range(first, last)}
        found = [r for i in numbers if i not in held and (r := self._reading(
            tokens, i, words, modified, self._supposing if i in told else ruled_out))]
        if not found:
            return None
        plausible = [r for r in found if _plausible(r)]
        if (now := current.told_now(tokens, [r.index for r in plausible])) is not None:
            return next(r for r in plausible if r.index == now)  # the earlier ones are over
        # The highest believable reading: a fever of 102 yesterday still calls for a call.
        return max(plausible, key=_fahrenheit) if plausible else found[0]

    def _reading(self, tokens: list[str], i: int, words: Scanned, modified: Scanned,
                 ruled_out: tuple[Scope, ...]) -> Found | None:
        number, letter = _NUMBER.match(tokens[i]).groups()  # type: ignore[union-attr]
        after = next((s for s in words.spans if s.start == i + 1), None)
        if after is not None and ("not_after" in after.labels or (
                "clock_after" in after.labels and _clock_time(number)) or (
                "ratio_after" in after.labels and _ratio(tokens, words, after.end))):
            return None
        if any("not_before" in s.labels and 0 <= i - s.end <= NOT_BEFORE_WINDOW
               and NEW_SUBJECTS.isdisjoint(tokens[s.end:i]) for s in words.spans):
            return None
        if any(modified.reaches(i, i + 1, scope) for scope in ruled_out):
            return None
        if self._weather(tokens, i, words, after):
            return None
        if _arithmetic(tokens, words, after):
            return None  # "what is 38.5 in fahrenheit": nobody's reading
        unit = _UNIT_LETTERS.get(letter) or _unit(tokens, words, after)
        found = Found(number, tokens[i], i, unit)
        near = any("context" in s.labels and abs(s.start - i) <= self.spec.context_window
                   for s in words.spans) or any(
            "context_before" in s.labels and 0 <= i - s.end <= CONTEXT_BEFORE_WINDOW
            for s in words.spans)
        if near or letter or (after is not None and unit is not None):
            return found
        if "." in number and _plausible(found):
            return found  # "it's 101.8 and going up": a decimal in the body's range
        most = self.spec.bare_max_words
        bare = len(tokens) - 1 <= most or (_told_then_asked(tokens, i, most) and not ages.age_told(
            tokens, i, self.engine.spec.calling))
        return found if bare and _plausible(found) and _bare_shape(found) else None

    def _weather(self, tokens: list[str], i: int, words: Scanned, after: Span | None) -> bool:
        """A number told of the weather or a place: an impersonal "it" right before it
        ("it is", "it was going to be"), degrees right after, then a day or the open air
        ("today", "in cairo today", "outside") within PLACE_WINDOW words, no other
        temperature word in reach and no person or measuring word near ("my forehead, it
        is 39 degrees", "checked again, it was 39.5 degrees in the night" and a bare "it
        is 102 degrees" are readings)."""
        if after is None or "context" not in after.labels or not any(
                "impersonal_before" in s.labels and s.end == i for s in words.spans):
            return False
        window = self.spec.context_window
        place = next((s for s in words.spans if "place_after" in s.labels
                      and 0 <= s.start - after.end < PLACE_WINDOW), None)
        if place is None:
            return False
        # A place named with its preposition, or the open air, ends the weather's clause:
        # a person after it asks something new ("it is 40 degrees in the veld today, can
        # i walk", "it is 40 degrees out, can i walk").
        named = not PLACE_WORDS.isdisjoint(tokens[after.end:place.start]) or not \
            OPEN_AIR.isdisjoint(tokens[place.start:place.end])
        near = tokens[max(0, i - window):place.end if named else i + window]
        return not any("context" in s.labels and s is not after and abs(s.start - i) <= window
                       for s in words.spans) and (PERSON | MEASURED).isdisjoint(near)


def _told_then_asked(tokens: list[str], i: int, most: int) -> bool:
    """Whether the number at ``i`` is nearly all its clause says (at most ``most`` words
    before it, none a subordinator: "if it's 102, should i call" supposes it) and a
    question opens right after it (a question word, or an auxiliary before who it asks
    of: ASKED_OF), or after the time it is told at (NOW_WORDS), told by a pronoun or a
    temperature word only (TOLD_BY): "it's 102, should i call" (not "the bill is 102")."""
    start = i + 1 + (tokens[i + 1:i + 2] != [] and tokens[i + 1] in NOW_WORDS)
    opener, asked = (tokens[start:start + 2] + ["", ""])[:2]
    return i <= most and SUBORDINATORS.isdisjoint(tokens[:i]) and TOLD_BY.issuperset(tokens[:i]) \
        and opener in QUESTION_WORDS and (opener.startswith(("wh", "how")) or asked in ASKED_OF)


def _ratio(tokens: list[str], words: Scanned, end: int) -> bool:
    """Whether a number stands at ``end`` that is no time or count of its own ("100 over
    60"; not "102 over 2 days")."""
    return end < len(tokens) and _NUMBER.match(tokens[end]) is not None and not any(
        s.start == end + 1 and ("not_after" in s.labels or "clock_after" in s.labels)
        for s in words.spans)


def _arithmetic(tokens: list[str], words: Scanned, after: Span | None) -> bool:
    """Whether a unit is asked for ("what is 38.5 in fahrenheit") and nothing else makes
    the number a temperature taken: no person, no measuring word, no temperature word
    but units ("temp 39.5, what is that in fahrenheit" is a reading)."""
    units = [s for s in words.spans if any(label.startswith("unit:") for label in s.labels)]
    asked = any(_asked(s, tokens, after) for s in units)
    return asked and (PERSON | MEASURED).isdisjoint(tokens) and not any(
        s not in units and ("context" in s.labels or "context_before" in s.labels)
        for s in words.spans)


def _asked(span: Span, tokens: list[str], after: Span | None) -> bool:
    """Whether ``span`` is a word asked for after "in", "to" or "into" (TARGET_WORDS), not
    the one said right after the number."""
    return span is not after and span.start > 0 and tokens[span.start - 1] in TARGET_WORDS


def _unit(tokens: list[str], words: Scanned, after: Span | None) -> str | None:
    """The unit said right after the number, else anywhere in the text but one asked
    for ("my temp is 38.9, what is that in fahrenheit" reads Celsius by its range)."""
    for span in ([after] if after is not None else []) + words.spans:
        if _asked(span, tokens, after):
            continue
        for label in span.labels:
            if label.startswith("unit:"):
                return label.removeprefix("unit:")
    return None


def _plausible(found: Found) -> bool:
    value = to_float(found.number)
    return value is not None and fever.assess(value, found.unit).level is not fever.Level.UNCLEAR


def _bare_shape(found: Found) -> bool:
    """With no context at all, a whole number in the Celsius range is more often an age,
    a count or a size than a temperature; a decimal or a Fahrenheit-range number is not."""
    value = to_float(found.number) or 0.0
    return "." in found.number or value >= fever.FAHRENHEIT_RANGE[0]


def _fahrenheit(found: Found) -> float:
    return fever.assess(to_float(found.number) or 0.0, found.unit).fahrenheit


def _compiled(content: Content) -> Reader:
    engine = engine_of(content)
    spec = engine.spec.readings
    return Reader(spec, engine, stored.lookup(loader.data_root(), "readings", table_inputs(spec)))


def reader_of(content: Content) -> Reader:
    """``content``'s readings section compiled, once per Content."""
    return content.derive(_compiled)


def find(text: str, reader: Reader | None = None) -> Found | None:
    """The body-temperature reading in normalized ``text``, if there is one (with the
    skill's own safety file unless ``reader`` is given)."""
    return (reader or reader_of(loader.load_content())).find(text)


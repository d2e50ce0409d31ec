"""intents/_safety.yaml as typed data: concepts, modifiers, rules, readings, examples.

``parse`` raises ``SpecError`` with a ``where: message`` text for a malformed file;
``skill.nlu.safety`` compiles the result, ``skill.review.safety_check`` checks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from skill.content import loader
from skill.content.parse import read_yaml

REPORTED: Final = "reported"
OTHER_EXPERIENCER: Final = "other_experiencer"
# Every status a finding can have; each rule carries an example of each.
STATUSES: Final = ("reported", "negated", "asked", "resolved", "other_experiencer")
# What a modifier may say; anything else is refused.
MODIFIER_KEYS: Final = frozenset({"status", "before", "opening", "after", "before_window",
                                  "after_window", "breaks", "before_breaks",
                                  "across_breaks", "words_only"})
TOP_KEYS: Final = frozenset({"pseudo", "concepts", "mentions", "parts", "asked_answers",
                             "emergency_questions", "calling", "calm_answers", "breaks",
                             "pair_breaks", "modifiers", "rules", "readings", "conditional",
                             "hedges"})
# The conditional section's word classes (skill.nlu.conditional).
CONDITIONAL_KEYS: Final = ("openers", "heads", "ends", "reports", "past", "onsets")
RULE_KEYS: Final = frozenset({"name", "intent", "concepts", "window", "contrast", "only_across",
                               "examples"})
# A rule's concepts may stand this many words apart unless it says otherwise.
DEFAULT_WINDOW: Final = 6


class SpecError(ValueError):
    """A malformed part of the safety file."""


@dataclass(frozen=True)
class Modifier:
    """Trigger phrases that give a finding a status, ConText style."""

    name: str
    status: str
    before: tuple[str, ...]  # the trigger stands before the concept and scopes forward
    opening: tuple[str, ...]  # like ``before``, but only as the question's first words
    after: tuple[str, ...]  # the trigger stands after the concept and scopes backward
    before_window: int
    after_window: int
    breaks: tuple[str, ...]  # words that end this modifier's scope, beyond the global ones
    # words that end only its ``before`` triggers' scope (rightwards): a new clause the
    # patient opens ("i used to get migraines i can not breathe"), which its ``after``
    # triggers still reach back across ("the chills i had went away")
    before_breaks: tuple[str, ...] = ()
    # the scope reaches past the global breaks (only its own end it): a statement about
    # the person, not the finding ("102 but he never had surgery")
    across_breaks: bool = False
    # it reads only a topic's words that no rule found a symptom in (Engine.status_at), never
    # a rule's finding: "i can breathe fine" denies the word, "i can not move my legs fine"
    # is still the finding it was
    words_only: bool = False


@dataclass(frozen=True)
class Rule:
    """Concepts that, found together and reported, are an urgent symptom."""

    name: str
    intent: str
    concepts: tuple[str, ...]
    window: int
    examples: Mapping[str, tuple[str, ...]]
    # The concepts pair across a contrast word (the file's pair_breaks): a change told
    # against what was, "it was a 3 yesterday but now it's an 8".
    contrast: bool = False
    # The concepts pair only across a contrast, and the words after it alone say what is
    # so now: "the wound looked fine yesterday but it is red today" (implies contrast).
    only_across: bool = False


@dataclass(frozen=True)
class Readings:
    """When a number is a body-temperature reading."""

    context: tuple[str, ...]
    context_window: int
    context_before: tuple[str, ...]  # context only right before the number
    ruled_out_by: tuple[str, ...]  # modifier names under which a number is no reading
    units: Mapping[str, tuple[str, ...]]
    not_after: tuple[str, ...]
    # words after which a second number makes the first one side of a ratio ("100 over
    # 60", "3 out of 10"); with no number after them they say nothing ("102.4. over.")
    ratio_after: tuple[str, ...]
    clock_after: tuple[str, ...]  # after a clock time, a time ("9 am"); "39.2 am" is not
    not_before: tuple[str, ...]
    bare_max_words: int
    # the weather's or a place's heat: an impersonal "it" before the number, a time or
    # a place after its degrees ("it is 41 degrees in cairo today")
    impersonal_before: tuple[str, ...] = ()
    place_after: tuple[str, ...] = ()
    reading_examples: Mapping[str, str] = field(default_factory=dict)
    not_reading_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class SafetySpec:
    pseudo: tuple[str, ...]
    concepts: Mapping[str, tuple[str, ...]]
    mentions: Mapping[str, str]  # concept -> intent a non-reported mention steers from
    # urgent intent -> the intent that answers a question about its symptoms
    asked_answers: Mapping[str, str]
    # urgent intent -> status of a mention that is no report -> the intent answering it
    calm_answers: Mapping[str, Mapping[str, str]]
    # the topics that may answer a question about an emergency's symptom
    emergency_questions: frozenset[str]
    # domain-gate entries that name calling: a question about a symptom with one of them
    # gets the reasons to call (asked_answers) rather than the calm answer
    calling: tuple[str, ...]
    breaks: tuple[str, ...]
    pair_breaks: tuple[str, ...]
    modifiers: tuple[Modifier, ...]  # in order of precedence
    rules: tuple[Rule, ...]
    readings: Readings
    # concepts that are only a part of a rule's symptom ("floor" of a fall in a place):
    # found alone they are no evidence of its intent
    parts: frozenset[str] = frozenset()
    # word classes of the clauses supposed under a question: openers, heads, ends...
    conditional: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # words that shrink a sign without denying it, read through inside a phrase
    hedges: tuple[str, ...] = ()


def _strings(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
        raise SpecError(f"{where}: expected a list of phrases")
    return tuple(raw)


def _mapping(raw: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise SpecError(f"{where}: expected a mapping")
    return raw


def _int(raw: Any, where: str, default: int | None = None) -> int:
    if raw is None and default is not None:
        return default
    if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
        raise SpecError(f"{where}: expected a whole number of words")
    return raw


def _calm_answers(raw: Any) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for urgent, by_status in _mapping(raw or {}, "calm_answers").items():
        where = f"calm_answers.{urgent}"
        statuses = _mapping(by_status, where)
        for status in statuses:
            if status not in STATUSES or status == REPORTED:
                raise SpecError(f"{where}: status {status!r} is not one of {STATUSES[1:]}")
        found[str(urgent)] = {str(k): str(v) for k, v in statuses.items()}
    return found


def _modifier(name: str, raw: Any) -> Modifier:
    where = f"modifiers.{name}"
    body = _mapping(raw, where)
    _refuse_unknown(body, MODIFIER_KEYS, where)
    status = str(body.get("status") or name)
    if status not in STATUSES or status == REPORTED:
        raise SpecError(f"{where}: status {status!r} is not one of {STATUSES[1:]}")
    return Modifier(
        name=name,
        status=status,
        before=_strings(body.get("before"), f"{where}.before"),
        opening=_strings(body.get("opening"), f"{where}.opening"),
        after=_strings(body.get("after"), f"{where}.after"),
        before_window=_int(body.get("before_window"), f"{where}.before_window"),
        after_window=_int(body.get("after_window"), f"{where}.after_window"),
        breaks=_strings(body.get("breaks"), f"{where}.breaks"),
        before_breaks=_strings(body.get("before_breaks"), f"{where}.before_breaks"),
        across_breaks=_flag(body.get("across_breaks"), f"{where}.across_breaks"),
        words_only=_flag(body.get("words_only"), f"{where}.words_only"),
    )


def _refuse_unknown(body: Mapping[Any, Any], keys: Iterable[str], where: str) -> None:
    """A key ``where`` does not take is refused: a misspelt key (a trigger list, a
    setting, a section) would otherwise be silently left out."""
    unknown = sorted(set(map(str, body)) - set(keys))
    if unknown:
        raise SpecError(f"{where}: unknown key {unknown[0]!r}")


def _flag(value: Any, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise SpecError(f"{where}: expected true or false")
    return value


def _rule(index: int, raw: Any) -> Rule:
    body = _mapping(raw, f"rules[{index}]")
    name = body.get("name")
    intent = body.get("intent")
    if not isinstance(name, str) or not isinstance(intent, str):
        raise SpecError(f"rules[{index}]: needs a 'name' and an 'intent'")
    where = f"rules.{name}"
    _refuse_unknown(body, RULE_KEYS, where)
    only_across = _flag(body.get("only_across"), f"{where}.only_across")
    contrast = _flag(body.get("contrast"), f"{where}.contrast") or only_across
    concepts = _strings(body.get("concepts"), f"{where}.concepts")
    if not concepts:
        raise SpecError(f"{where}: needs at least one concept")
    examples = _mapping(body.get("examples") or {}, f"{where}.examples")
    return Rule(
        name=name,
        intent=intent,
        concepts=concepts,
        window=_int(body.get("window"), f"{where}.window", DEFAULT_WINDOW),
        examples={str(k): _strings(v, f"{where}.examples.{k}") for k, v in examples.items()},
        contrast=contrast,
        only_across=only_across,
    )


def _readings(raw: Any) -> Readings:
    body = _mapping(raw, "readings")
    units = _mapping(body.get("units") or {}, "readings.units")
    examples = _mapping(body.get("examples") or {}, "readings.examples")
    reading = _mapping(examples.get("reading") or {}, "readings.examples.reading")
    return Readings(
        context=_strings(body.get("context"), "readings.context"),
        context_window=_int(body.get("context_window"), "readings.context_window"),
        context_before=_strings(body.get("context_before"), "readings.context_before"),
        ruled_out_by=_strings(body.get("ruled_out_by"), "readings.ruled_out_by"),
        units={str(k): _strings(v, f"readings.units.{k}") for k, v in units.items()},
        not_after=_strings(body.get("not_after"), "readings.not_after"),
        ratio_after=_strings(body.get("ratio_after"), "readings.ratio_after"),
        clock_after=_strings(body.get("clock_after"), "readings.clock_after"),
        not_before=_strings(body.get("not_before"), "readings.not_before"),
        bare_max_words=_int(body.get("bare_max_words"), "readings.bare_max_words"),
        impersonal_before=_strings(body.get("impersonal_before"), "readings.impersonal_before"),
        place_after=_strings(body.get("place_after"), "readings.place_after"),
        reading_examples={str(k): str(v) for k, v in reading.items()},
        not_reading_examples=_strings(examples.get("not_reading"), "readings.examples"),
    )


def parse(raw: Any) -> SafetySpec:
    """The typed spec from parsed YAML; raises SpecError on a malformed file."""
    body = _mapping(raw, "file")
    _refuse_unknown(body, TOP_KEYS, "file")
    concepts = _mapping(body.get("concepts") or {}, "concepts")
    modifiers = _mapping(body.get("modifiers") or {}, "modifiers")
    rules = body.get("rules") or []
    if not isinstance(rules, list):
        raise SpecError("rules: expected a list")
    return SafetySpec(
        pseudo=_strings(body.get("pseudo"), "pseudo"),
        concepts={str(k): _strings(v, f"concepts.{k}") for k, v in concepts.items()},
        mentions={str(k): str(v) for k, v in _mapping(body.get("mentions") or {},
                                                        "mentions").items()},
        asked_answers={str(k): str(v) for k, v in _mapping(body.get("asked_answers") or {},
                                                             "asked_answers").items()},
        calm_answers=_calm_answers(body.get("calm_answers")),
        emergency_questions=frozenset(_strings(body.get("emergency_questions"),
                                               "emergency_questions")),
        calling=_strings(body.get("calling"), "calling"),
        breaks=_strings(body.get("breaks"), "breaks"),
        pair_breaks=_strings(body.get("pair_breaks"), "pair_breaks"),
        modifiers=tuple(_modifier(str(k), v) for k, v in modifiers.items()),
        rules=tuple(_rule(i, r) for i, r in enumerate(rules)),
        readings=_readings(body.get("readings") or {}),
        parts=frozenset(_strings(body.get("parts"), "parts")),
        conditional=_conditional(body.get("conditional") or {}),
        hedges=_strings(body.get("hedges"), "hedges"),
    )


def _conditional(raw: Any) -> Mapping[str, tuple[str, ...]]:
    body = _mapping(raw, "conditional")
    _refuse_unknown(body, CONDITIONAL_KEYS, "conditional")
    return {key: _strings(body.get(key), f"conditional.{key}") for key in CONDITIONAL_KEYS}


def safety_path(root: Path | None = None) -> Path:
    return loader.intents_dir(root) / "_safety.yaml"


@cache
def load(root: Path | None = None) -> SafetySpec:
    return parse(read_yaml(safety_path(root)))

"""The English locales the skill is published in, from intents/_locales.yaml.

Each locale has its emergency number (and how it is said there), the temperature unit
people use first, the skill store's description and example questions, and its
vocabulary: ``vocabulary`` maps what people there say to the guide's words (the local
router's normalize), ``samples`` maps the guide's words in the samples to theirs (the
locale's interaction model). The facts stay the guide's; only the words change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from skill.content.parse import Document
from skill.content.spec import Content, ContentError, Problem

# The locales the product brief promises (DESIGN.md "Reach"); validate reports any the
# file lacks, and each has a committed interaction model.
REQUIRED: Final = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
# Requests in a locale the skill does not know (Alexa sends only the published ones)
# are answered as in this one.
DEFAULT: Final = "en-US"
UNITS: Final = frozenset({"celsius", "fahrenheit"})
LOCALE_KEYS: Final = frozenset(
    {"emergency", "temperature", "description", "examples", "vocabulary", "samples"})
EMERGENCY_KEYS: Final = frozenset({"number", "say"})
_CODE: Final = re.compile(r"^[a-z]{2}-[A-Z]{2}$")
_WORDS: Final = re.compile(r"^[a-z]+( [a-z]+)*$")


@dataclass(frozen=True)
class Locale:
    """One locale's entry in _locales.yaml."""

    code: str
    emergency: str  # the digits: cards and screens show them
    emergency_said: str  # how people say it ("triple zero"): speech
    temperature: str = "fahrenheit"  # the unit people there use first
    description: str = ""
    examples: tuple[str, ...] = ()
    vocabulary: Mapping[str, str] = field(default_factory=dict)
    samples: Mapping[str, str] = field(default_factory=dict)

    @property
    def celsius(self) -> bool:
        return self.temperature == "celsius"


def path_of(root: Path) -> Path:
    return root / "intents" / "_locales.yaml"


def _text(doc: Document, value: Any, what: str, *at: str) -> str:
    if not isinstance(value, str) or not value.strip():
        doc.report(f"{what} must be text", doc.line(*at))
        return ""
    return value.strip()


def _words(doc: Document, value: Any, what: str, *at: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        doc.report(f"{what} must map words to words", doc.line(*at))
        return {}
    return {k.lower(): v.lower() for k, v in value.items()}


def _locale(doc: Document, code: str, raw: Any) -> Locale | None:
    if not _CODE.match(code):
        doc.report(f"{code!r} is not a locale (like en-GB)", doc.line(code))
    if not isinstance(raw, dict):
        doc.report(f"{code}: expected a mapping with 'emergency' and the rest", doc.line(code))
        return None
    before = len(doc.problems)
    doc.unknown_keys(raw, LOCALE_KEYS, code)
    emergency = raw.get("emergency")
    if not isinstance(emergency, dict):
        doc.report(f"{code}: 'emergency' must have a 'number' and how it is said ('say')",
                   doc.line(code, "emergency") or doc.line(code))
        emergency = {}
    doc.unknown_keys(emergency, EMERGENCY_KEYS, code, "emergency")
    number = str(emergency.get("number", ""))
    if not number.isdigit():
        doc.report(f"{code}: emergency 'number' must be digits, quoted",
                   doc.line(code, "emergency") or doc.line(code))
    said = _text(doc, emergency.get("say"), f"{code}: emergency 'say'", code, "emergency")
    if said and not _WORDS.match(said):
        doc.report(f"{code}: emergency 'say' must be words (lowercase letters and spaces)",
                   doc.line(code, "emergency"))
    unit = raw.get("temperature", "fahrenheit")
    if unit not in UNITS:
        doc.report(f"{code}: 'temperature' must be one of {', '.join(sorted(UNITS))}",
                   doc.line(code, "temperature"))
    examples = raw.get("examples")
    if not isinstance(examples, list) or not examples or not all(
            isinstance(e, str) for e in examples):
        doc.report(f"{code}: 'examples' must list questions the model knows",
                   doc.line(code, "examples") or doc.line(code))
        examples = []
    locale = Locale(
        code=code, emergency=number, emergency_said=said, temperature=str(unit),
        description=_text(doc, raw.get("description"), f"{code}: 'description'", code),
        examples=tuple(examples),
        vocabulary=_words(doc, raw.get("vocabulary"), f"{code}: 'vocabulary'", code),
        samples=_words(doc, raw.get("samples"), f"{code}: 'samples'", code),
    )
    for word, theirs in locale.samples.items():
        if not (_WORDS.match(word) and _WORDS.match(theirs)):
            doc.report(f"{code}: samples {word!r}: {theirs!r} must be words (lowercase "
                       "letters and spaces, as Alexa takes samples)", doc.line(code, "samples"))
    return locale if len(doc.problems) == before else None


def read(path: Path, problems: list[Problem]) -> dict[str, Locale]:
    """_locales.yaml: locale code -> Locale; every problem (and a missing locale) to
    ``problems``."""
    if not path.is_file():
        problems.append(Problem(str(path), "missing; it lists the locales the skill speaks"))
        return {}
    doc = Document(path, problems)
    raw = doc.value if doc.value is not None else {}
    if not isinstance(raw, dict):
        doc.report("expected a mapping of locales (en-US: ...)", doc.line())
        return {}
    found = {str(code): _locale(doc, str(code), entry) for code, entry in raw.items()}
    for code in REQUIRED:
        if code not in found:
            doc.report(f"{code}: missing (every published locale needs an entry)")
    return {code: locale for code, locale in found.items() if locale is not None}


def _load(content: Content) -> dict[str, Locale]:
    problems: list[Problem] = []
    found = read(path_of(content.root), problems)
    if problems:
        raise ContentError(problems)
    return found


def locales_of(content: Content) -> Mapping[str, Locale]:
    """The locales of ``content``, read once; raises ContentError when the file has a
    problem (the skill must not guess an emergency number)."""
    return content.derive(_load)


def locale_of(content: Content, code: str | None) -> Locale:
    """The locale ``code``, or the default for a locale the skill does not know."""
    table = locales_of(content)
    return table.get(code or DEFAULT) or table[DEFAULT]

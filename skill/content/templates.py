"""Expand sample templates: ``(a|b)`` alternatives, ``[optional]`` words, ``<rule>``
expansion rules, ``{slot}`` kept.

The syntax is deliberately tiny (see intents/README.md). Expansion rules come from
``expansion_rules:`` in intents/_common.yaml, so a phrasing group is written once; a rule
may use other rules. Expansion is capped so one careless line cannot explode the
interaction model.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Final

# Alexa allows a few thousand samples per intent; 200 per line keeps every intent
# file readable and the model far below Alexa's size limits.
MAX_EXPANSIONS: Final = 200
# Characters that end a run of plain words.
_SPECIAL: Final = "([<|)]>"
_NO_RULES: Final[Mapping[str, str]] = {}


class TemplateError(ValueError):
    """A sample line that does not parse, names an unknown or circular rule, or expands too far."""


def expand(
    template: str, rules: Mapping[str, str] = _NO_RULES, limit: int = MAX_EXPANSIONS
) -> list[str]:
    """All sentences a template line stands for, whitespace-normalized, in order."""
    seen: dict[str, None] = {}
    for variant in _Parser(template, rules, limit, active=()).parse(grouped=False):
        sentence = " ".join(variant.split())
        if sentence:
            seen.setdefault(sentence, None)
    return list(seen)


class _Parser:
    def __init__(
        self, text: str, rules: Mapping[str, str], limit: int, active: tuple[str, ...]
    ) -> None:
        self.text = text
        self.pos = 0
        self.rules = rules
        self.limit = limit
        self.active = active  # the rules being expanded around this text, outermost first

    def parse(self, grouped: bool) -> list[str]:
        """The whole text; a rule's body is a group, so it may be ``a|b`` without parens."""
        variants = self.alternatives(closing="", grouped=grouped)
        if self.pos != len(self.text):
            raise TemplateError(
                f"unexpected {self.text[self.pos]!r} at column {self.pos + 1}{self._where()}"
            )
        return variants

    def alternatives(self, closing: str, grouped: bool = True) -> list[str]:
        options = self.sequence()
        while self.pos < len(self.text) and self.text[self.pos] == "|":
            if not grouped:
                raise TemplateError(f"'|' outside a group at column {self.pos + 1}")
            self.pos += 1
            options = options + self.sequence()
        if closing:
            if self.pos >= len(self.text) or self.text[self.pos] != closing:
                raise TemplateError(f"missing {closing!r}{self._where()}")
            self.pos += 1
        return options

    def sequence(self) -> list[str]:
        parts: list[list[str]] = []
        while self.pos < len(self.text) and self.text[self.pos] not in "|)]>":
            char = self.text[self.pos]
            if char in "([":
                self.pos += 1
                group = self.alternatives(closing=")" if char == "(" else "]")
                parts.append(group + [""] if char == "[" else group)
            elif char == "<":
                parts.append(self.rule())
            else:
                start = self.pos
                while self.pos < len(self.text) and self.text[self.pos] not in _SPECIAL:
                    self.pos += 1
                parts.append([self.text[start : self.pos]])
            self._check(parts)
        return ["".join(combo) for combo in itertools.product(*parts)]

    def rule(self) -> list[str]:
        end = self.text.find(">", self.pos)
        if end < 0:
            raise TemplateError(f"missing '>' after column {self.pos + 1}{self._where()}")
        name = self.text[self.pos + 1 : end]
        self.pos = end + 1
        if name in self.active:
            cycle = " -> ".join(f"<{n}>" for n in (*self.active, name))
            raise TemplateError(f"rule <{name}> refers to itself: {cycle}")
        if name not in self.rules:
            raise TemplateError(f"unknown rule <{name}>{self._where()}")
        body = _Parser(self.rules[name], self.rules, self.limit, (*self.active, name))
        return body.parse(grouped=True)

    def _where(self) -> str:
        return f" in rule <{self.active[-1]}>" if self.active else ""

    def _check(self, parts: list[list[str]]) -> None:
        total = 1
        for options in parts:
            total *= len(options)
        if total > self.limit:
            raise TemplateError(f"expands to more than {self.limit} sentences")

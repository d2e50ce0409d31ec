"""Expand sample templates: ``(a|b)`` alternatives, ``[optional]`` words, ``{slot}`` kept.

The syntax is deliberately tiny (see intents/README.md). Expansion is capped so one
careless line cannot explode the interaction model.
"""

from __future__ import annotations

import itertools
from typing import Final

# Alexa allows a few thousand samples per intent; 200 per line keeps every intent
# file readable and the model far below Alexa's size limits.
MAX_EXPANSIONS: Final = 200


class TemplateError(ValueError):
    """A sample line that does not parse or expands too far."""


def expand(template: str, limit: int = MAX_EXPANSIONS) -> list[str]:
    """All sentences a template line stands for, whitespace-normalized, in order."""
    parser = _Parser(template, limit)
    variants = parser.alternatives(closing="")
    if parser.pos != len(template):
        raise TemplateError(f"unexpected {template[parser.pos]!r} at column {parser.pos + 1}")
    seen: dict[str, None] = {}
    for variant in variants:
        sentence = " ".join(variant.split())
        if sentence:
            seen.setdefault(sentence, None)
    return list(seen)


class _Parser:
    def __init__(self, text: str, limit: int) -> None:
        self.text = text
        self.pos = 0
        self.limit = limit

    def alternatives(self, closing: str) -> list[str]:
        options = self.sequence()
        while self.pos < len(self.text) and self.text[self.pos] == "|":
            if not closing:
                raise TemplateError(f"'|' outside a group at column {self.pos + 1}")
            self.pos += 1
            options = options + self.sequence()
        if closing:
            if self.pos >= len(self.text) or self.text[self.pos] != closing:
                raise TemplateError(f"missing {closing!r}")
            self.pos += 1
        return options

    def sequence(self) -> list[str]:
        parts: list[list[str]] = []
        while self.pos < len(self.text) and self.text[self.pos] not in "|)]":
            char = self.text[self.pos]
            if char in "([":
                self.pos += 1
                group = self.alternatives(closing=")" if char == "(" else "]")
                parts.append(group + [""] if char == "[" else group)
            else:
                start = self.pos
                while self.pos < len(self.text) and self.text[self.pos] not in "([|)]":
                    self.pos += 1
                parts.append([self.text[start : self.pos]])
            self._check(parts)
        return ["".join(combo) for combo in itertools.product(*parts)]

    def _check(self, parts: list[list[str]]) -> None:
        total = 1
        for options in parts:
            total *= len(options)
        if total > self.limit:
            raise TemplateError(f"expands to more than {self.limit} sentences")

"""Which point of a topic a question asks about: a small matcher over the facet words.

Each answer in responses.yaml may have facets, each with the words that ask about it
("will the joint not heal" -> risks' ``non_healing``). A facet word matches when it
appears as whole words in what the user said, as typed (brand names such as "tylenol"
survive) or normalized (contractions, numbers and everyday words mapped). The longest
matching word wins, so "how long can i sit" beats "sit".
"""

from __future__ import annotations

import re
from functools import cache

from skill.content import answers, loader

_NOT_WORD = re.compile(r"[^a-z0-9' ]+")


def _plain(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


@cache
def _pattern(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])" + re.escape(_plain(word)) + r"(?![\w'])")


def choose(text: str, entry: answers.Answer) -> str | None:
    """The facet of ``entry`` that ``text`` asks about, if any."""
    # normalize() loads rapidfuzz: only when words must be matched, not on a cold start
    # that received a facet name in the slot.
    from skill.nlu.normalize import normalize

    forms = (_plain(text), normalize(text))
    best: tuple[int, int] = (0, 0)
    chosen = None
    for facet in entry.facets.values():
        for word in facet.words:
            if any(_pattern(word).search(form) for form in forms):
                size = (len(word.split()), len(word))
                if size > best:
                    best, chosen = size, facet.name
    return chosen


def resolve(value: str, entry: answers.Answer) -> str | None:
    """A FACET slot's value (a facet name, or the words Alexa heard) -> a facet of ``entry``."""
    if not value:
        return None
    if value in entry.facets:
        return value
    return choose(value, entry)


@cache
def _answer_keys() -> dict[str, str]:
    return {spec.name: spec.answer for spec in loader.load_intents() if spec.answer}


def slot_value(intent: str, text: str) -> str | None:
    """The facet name to send in the FACET slot for ``text`` routed to ``intent``."""
    entry = answers.load().get(_answer_keys().get(intent, ""))
    return choose(text, entry) if entry is not None and entry.facets else None

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

from skill.content import answers
from skill.content.spec import Content

_NOT_WORD = re.compile(r"[^a-z0-9' ]+")
# A question the router placed elsewhere (or nowhere) goes to another topic only for a
# facet phrase this long: one word ("work", "last") is too common to move a question.
REDIRECT_WORDS = 2


def _plain(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


@cache
def _pattern(word: str) -> re.Pattern[str]:
    # "heal" also matches "heals", "implant" "implants".
    return re.compile(r"(?<![\w'])" + re.escape(_plain(word)) + r"s?(?![\w'])")


def _forms(text: str) -> tuple[str, str]:
    # normalize() loads rapidfuzz: only when words must be matched, not on a cold start
    # that received a facet name in the slot.
    from skill.nlu.normalize import normalize

    return _plain(text), normalize(text)


def _best(forms: tuple[str, str], entry: answers.Answer) -> tuple[tuple[int, int], str | None]:
    """The size (words, characters) of the longest facet word found, and its facet."""
    best: tuple[int, int] = (0, 0)
    chosen = None
    for facet in entry.facets.values():
        for word in facet.words:
            if any(_pattern(word).search(form) for form in forms):
                size = (len(word.split()), len(word))
                if size > best:
                    best, chosen = size, facet.name
    return best, chosen


def choose(text: str, entry: answers.Answer) -> str | None:
    """The facet of ``entry`` that ``text`` asks about, if any."""
    return _best(_forms(text), entry)[1]


def elsewhere(intent: str, text: str, content: Content) -> tuple[str, str] | None:
    """(intent, facet) when ``text`` names a point of another topic unmistakably and
    nothing of the routed one: the longest facet phrase found, of at least REDIRECT_WORDS
    words (any length when the router found no intent with an answer)."""
    entries = answers.of(content)
    # Only a topic answers with facets; a built-in (the fallback) has no point to keep.
    own = entries.get(content.answer_key(intent) or "") if intent in content.topic_intents \
        else None
    if own is not None and not own.facets:
        return None  # an urgent report, an uncovered topic: the router's word stands
    forms = _forms(text)
    if own is not None and _best(forms, own)[1] is not None:
        return None
    found = []
    for name in content.topic_intents:
        key = content.answer_key(name) or ""
        entry = entries.get(key)
        if entry is not None and key != (own.key if own else None):
            size, facet = _best(forms, entry)
            if facet is not None and (size[0] >= REDIRECT_WORDS or own is None):
                found.append((size, name, facet))
    found.sort(key=lambda f: f[0], reverse=True)
    # A tie between topics is a coin toss, unless they share the point (the same facet).
    if not found or any(f[0] == found[0][0] and f[2] != found[0][2] for f in found[1:]):
        return None
    return found[0][1], found[0][2]


def resolve(value: str, entry: answers.Answer) -> str | None:
    """A FACET slot's value (a facet name, or the words Alexa heard) -> a facet of ``entry``."""
    if not value:
        return None
    if value in entry.facets:
        return value
    return choose(value, entry)


def slot_value(intent: str, text: str, content: Content) -> str | None:
    """The facet name to send in the FACET slot for ``text`` routed to ``intent``."""
    entry = answers.of(content).get(content.answer_key(intent) or "")
    return choose(text, entry) if entry is not None and entry.facets else None

"""One regular expression for a list of phrases, matched as whole words.

``phrase_pattern(phrases)`` finds, at each place in a text, the longest phrase that
stands there as whole words (no word character or ``{`` before it, no word character or
``}`` after it), as the plain alternation of the phrases longest first would. It is
written as a trie, branching one character at a time: the regex engine then tries a
handful of branches at each place instead of every phrase (the slot vocabulary has
about a thousand), and the match is the same. Where several phrases match at one place
they are prefixes of one another, and the trie tries the longer first, as the
longest-first alternation does; phrases that differ in a character never both match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeAlias

Trie: TypeAlias = dict[str, "Trie"]  # next character -> the rest; _END where a phrase ends

# The boundaries of a phrase: not inside a word, nor inside a slot placeholder "{...}".
_BEFORE = r"(?<![\w{])"
_AFTER = r"(?![\w}])"
_END = ""  # the trie's key for "a phrase ends here"


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """The whole-word pattern of the non-empty ``phrases``; None when there are none."""
    trie: Trie = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not trie:
        return None
    return re.compile(_BEFORE + _group(trie) + _AFTER)


def _group(node: Trie) -> str:
    """Longer phrases first: every branch that goes on comes before the one that ends."""
    branches = [re.escape(char) + _source(child) for char, child in node.items() if char]
    if _END in node:
        branches.append("")
    return "(?:" + "|".join(branches) + ")"


def _source(node: Trie) -> str:
    """A run of single branches stays flat ("abc"); a fork becomes a group."""
    chars = ""
    while len(node) == 1 and _END not in node:
        (char, node), = node.items()
        chars += re.escape(char)
    return chars if not node or list(node) == [_END] else chars + _group(node)

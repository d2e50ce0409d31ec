"""The words of facet phrases and of questions, as the facet matcher meets them
(skill.nlu.facets): lowercase words, their endings dropped, a few words one word.
"""

from __future__ import annotations

import re
from typing import Final

_NOT_WORD = re.compile(r"[^a-z0-9' ]+")

# Endings dropped so word forms meet: heal, heals, healed, healing; infect, infected.
_ENDINGS: Final = ("ing", "ed", "es", "s")
_STEM_MIN: Final = 3
# Words that are one word to a facet, by their stems: the operation is the surgery ("a
# second operation" meets "second surgery"), a unit's short or British form the unit
# ("max mins", "in centimetres"). Chosen on tests/facets/dev*.yaml.
_SAME: Final = {
    "operation": "surgery", "op": "surgery", "procedure": "surgery", "surgeri": "surgery",
    "min": "minute", "mins": "minute", "hr": "hour", "hrs": "hour", "wk": "week",
    "wks": "week", "procedur": "surgery",
    "operative": "surgery", "centimetre": "centimeter", "centimetr": "centimeter",
    "millimetre": "millimeter", "millimetr": "millimeter",
    # the everyday word for the guide's "daily" ("everyday life" is "daily life")
    "everyday": "daily",
    # a kind by its other names ("what sort of pain", "which type of patient")
    "sort": "kind", "type": "kind",
}
# Marks a stem whose ending was dropped: such a stem meets the same word with a final "e"
# (deciding, decided, decides -> decide; fusing -> fuse), a bare word never does ("can"
# is not "cane", "not" not "note").
DROPPED: Final = "+"


def plain(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _STEM_MIN:
            return word[: -len(ending)] + DROPPED
    return word  # a final "e" stays: "cane" is not "can"


def meets(said: str, part: str) -> bool:
    """Whether two stems are one word: "heal" and "healing", "decide" and "deciding"."""
    said_bare, part_bare = said.rstrip(DROPPED), part.rstrip(DROPPED)
    return said_bare == part_bare \
        or (said != said_bare and said_bare + "e" == part_bare) \
        or (part != part_bare and part_bare + "e" == said_bare)


def _one(found: str) -> str:
    """The stem of the word ``found`` is one with (``_SAME``), else ``found``."""
    same = _SAME.get(found.rstrip(DROPPED))
    return stem(same) if same else found


def stems(text: str) -> tuple[str, ...]:
    return tuple(_one(stem(w)) for w in plain(text).split())

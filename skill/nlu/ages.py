"""A number told of a person with a bare "is" is the person's age when the question after
it asks about that person's age for the surgery: "my grandfather is 102, is he too old
for this surgery" (a caregiver's "he" is "i" by then: "i am 102 am i too old to have it
done"). It stays a reading asked of age with no surgery named ("she is 102, is she too
frail to wait until morning", "i am 102 am i too old to just sleep it off"), or
told with a time now ("he is 102 now, what do i do"), asked of the number ("she is 102,
is that bad"), asked of the person without an age word ("she's 102, is she okay to
walk": a caregiver's terse fever) or with a call named ("she is 102, should i call"):
skill.nlu.readings."""

from __future__ import annotations

from collections.abc import Sequence
from fnmatch import fnmatch
from typing import Final

# Who is told of, and the bare verb that tells an age ("i am 102"); not "it is 102".
PEOPLE: Final = frozenset("i he she we".split())
COPULAS: Final = frozenset("am is are".split())
# Who a question opened on "is" asks about when it asks about a person ("is he too old").
ASKED_PEOPLE: Final = frozenset("i we he she you".split())
# Only "is" and its forms open the question: it asks what the person is ("am i too old",
# "is she fit enough"); "should i give her acetaminophen" may ask about a fever.
AUXILIARIES: Final = frozenset("am is are was were".split())
# The words that make the question one about the person's age.
AGE_WORDS: Final = frozenset("old older oldest age aged young younger elderly frail".split())
# The words that make it one about having the surgery or its recovery, which an age
# question needs too ("too old to walk with a walker"), or a question of age alone ("old
# enough to decide for herself"): not one about riding out the fever ("too old to sleep
# it off", "too frail to wait until morning").
SURGERY_WORDS: Final = frozenset("surgery operation procedure fusion candidate walker rehab "
                                 "recovery recover therapy decide consent".split())
SURGERY_PHRASES: Final = ("have it done", "old enough", "young enough")


def age_told(tokens: Sequence[str], i: int, calling: Sequence[str]) -> bool:
    """Whether the number at ``i`` is told as "<person> <is> N" and the question right
    after it ("is", then a person) asks about the person's age, naming no call
    (``calling``: the safety file's calling words, shell patterns)."""
    opener, asked = (list(tokens[i + 1:i + 3]) + ["", ""])[:2]
    return i == 2 and tokens[0] in PEOPLE and tokens[1] in COPULAS \
        and opener in AUXILIARIES and asked in ASKED_PEOPLE \
        and any(t in AGE_WORDS for t in tokens[i + 3:]) and _of_surgery(tokens[i + 3:]) \
        and not any(fnmatch(t, p) for t in tokens[i + 1:] for p in calling)


def _of_surgery(question: Sequence[str]) -> bool:
    """Whether ``question`` names having the surgery or its recovery (``SURGERY_WORDS``,
    ``SURGERY_PHRASES``)."""
    said = " ".join(question)
    return any(t in SURGERY_WORDS for t in question) or any(p in said for p in SURGERY_PHRASES)

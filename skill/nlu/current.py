"""Which of several readings is the one told now: a later reading said with a present
time word ("it was 101.2 last night but it's 98.9 now", "but now it is 99") is the
patient's temperature, and the earlier ones are over. A reading told now first ("102
now and 99 under the arm") or none told now: the caller keeps the highest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

# The words of the present time a reading is told with.
CURRENT: Final = frozenset("now currently".split())
# How many words after a number its time word may follow ("98.9 degrees now"), and before
# it ("now it is 98.9").
AFTER_WINDOW: Final = 2
BEFORE_WINDOW: Final = 3


def told_now(tokens: Sequence[str], indexes: Sequence[int]) -> int | None:
    """The index (of ``indexes``, the numbers' token indexes in order) of the last number
    if it alone is told now, after earlier ones; else None."""
    if len(indexes) < 2:
        return None
    last, earlier = indexes[-1], indexes[:-1]
    if any(_after(tokens, i) for i in earlier):
        return None
    before = tokens[max(earlier[-1] + 1, last - BEFORE_WINDOW):last]
    return last if _after(tokens, last) or not CURRENT.isdisjoint(before) else None


def _after(tokens: Sequence[str], i: int) -> bool:
    return not CURRENT.isdisjoint(tokens[i + 1:i + 1 + AFTER_WINDOW])

"""The router's decision thresholds (scores from skill.nlu.scoring, 0-100).

Every one (and the scorer's UNKNOWN_FACTOR) is the dev choice of bench/sweep.py
(`python bench/sweep.py --check`): the lowest dev cost (a decline 1, a wrong answer 2, a
missed urgent report 20 more); costs at most two declined questions apart tie, and ties
go to the higher accuracy, then to the fewest values moved, then to the flattest
neighbourhood.

On the dev set of 2026-11-26 (9,022 cases) the sweep's one-shot optimum moved to MARGIN 1 and
SURE_SCORE 80: a cost of 0.1896 against 0.1904 here (about seven declined questions),
at 0.02 points less accuracy. The values below are kept: the sweep scores one-shot
routes only, and at its point the dev conversations lose 6 turns and the dev facet
questions 6 first replies (`si-skill eval-dialogs`, `si-skill eval-facets`), so
`--check` reports those two as differing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# Below MIN_SCORE the nearest sample is usually an unrelated question.
MIN_SCORE: Final = 46.0
# Two different intents closer than this are a coin toss; unless the best is a clear
# match anyway (SURE_SCORE), decline rather than guess.
MARGIN: Final = 2.0
SURE_SCORE: Final = 50.0
# A near-whole match of one of an intent's own samples is evidence enough; otherwise
# the question needs a domain term of the intent (skill.nlu.gate).
WHOLE_MATCH: Final = 87.5
# The built-in conversation moves (stop, cancel, help, yes...) are short: with one of
# their domain words they still need this score, so "cancel the kitchen timer" is not a
# goodbye.
CONVERSATION_SCORE: Final = 62.0


@dataclass(frozen=True)
class Thresholds:
    """The decision's thresholds; bench/sweep.py tries others on dev."""

    min_score: float = MIN_SCORE
    margin: float = MARGIN
    sure_score: float = SURE_SCORE
    whole_match: float = WHOLE_MATCH
    conversation_score: float = CONVERSATION_SCORE


# The router's own thresholds.
DEFAULT: Final = Thresholds()

"""One request's view of the router: each text explained once, however often it is read.

The free-question handler reads one question several ways (routed; then read for two
questions, for a choice between two topics, in the session's topic, for close topics),
and each of those explains the same text again. ``remembering(router)`` is the router
for one request: it keeps each text's explanation for as long as the request keeps it,
and nothing from one request reaches the next.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Final

from skill.nlu.route import Explanation
from skill.nlu.router import Router

# Explained with every candidate; a reader asking for fewer gets the first ones of them,
# as ``Router.explain`` would have cut them.
EVERY: Final = sys.maxsize


class RequestRouter(Router):
    """A built router's tables, shared (not copied), and the explanations of one request."""

    def __init__(self, router: Router) -> None:  # the tables are built: only shared here
        self.__dict__.update(vars(router))
        self._explained: dict[str, Explanation] = {}

    def explain(self, text: str, n: int = 5) -> Explanation:
        full = self._explained.get(text)
        if full is None:
            full = self._explained[text] = super().explain(text, EVERY)
        return replace(full, candidates=full.candidates[:n])


def remembering(router: Router) -> Router:
    """``router`` for one request."""
    return RequestRouter(router)

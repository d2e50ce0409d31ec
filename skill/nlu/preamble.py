"""A question said after an apology or a remark that looks like a command.

"I'm sorry, I, uh, I forget things, how long does this whole business take": the
router's nearest sample for the whole turn is a built-in move ("sorry" of repeat,
"forget it" of cancel), matched only in part. The turn asks a question of its own,
though: its last clause asks, and the clauses before it name no topic
(skill.nlu.vague.after_preamble). Such a turn is that question, routed alone, not the
move; a move the router matches whole ("sorry, what was that") stays the move.
"""

from __future__ import annotations

from collections.abc import Collection

from skill.content.spec import Content
from skill.nlu import vague
from skill.nlu.router import WHOLE_MATCH, Route, Router, Step


def question(router: Router, content: Content, text: str, found: Route,
             topics: Collection[str]) -> Route | None:
    """The route of the question ``text`` asks after a preamble when the router placed
    the whole turn in a built-in move by a partial match (rules above), else None."""
    spec = content.by_name.get(found.intent)
    if (spec is None or not spec.builtin or found.score >= WHOLE_MATCH
            or found.rule is None or found.rule.step is not Step.NEAREST):
        return None
    asked = vague.after_preamble(router, text, topics)
    if asked is None:
        return None
    return router.route(asked)

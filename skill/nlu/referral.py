"""A question for whom to turn to, read after an answer that sent the user somewhere.

An answer that ends "Please ask your care team" (the guide is silent, call if ...) has
named whom to ask; the next turn "so who do I ask then" asks who that is and how to
reach them: the care team's contact. The question is a grammar, not a phrase list: it
opens (past the turn's cues and fillers, "oh. well", "so") with "who", then a modal or
"am I supposed", a person and a verb of turning to someone ("who should she ring",
"who am I meant to talk to"), and names no topic but those of reaching the team
("who do I call": its contact, when to call) and no symptom. Alone, with
nothing said, the same words are left to the router.
"""

from __future__ import annotations

import re
from typing import Final

from skill.content import answers
from skill.content.spec import Content
from skill.nlu import asks, replies
from skill.nlu.router import Router

# The answer that gives whom to turn to, and how: the care team's contact.
CONTACT: Final = "CareTeamContactIntent"
# The topics whose words are those of reaching the team ("call", "contact", "ring"): a
# question for whom to turn to may name them and no other.
REACHING: Final = frozenset({CONTACT, "WhenToCallIntent"})
_WHO: Final = re.compile(
    r"who (?:(?:do|does|should|can|could|would|will|shall|must) (?:i|we|he|she|they) "
    r"|(?:am i|are we|is (?:he|she)|are they) (?:supposed|meant|going) )?(?:to )?"
    r"(?:ask|call|ring|phone|contact|talk|speak|see|go|check|turn)\b")


def asks_whom(router: Router, content: Content, text: str) -> bool:
    """Whether ``text`` asks whom to turn to: the grammar above, opening the turn, with
    no topic named but those of reaching the team and no symptom in it."""
    words = replies.words_of(text)
    opened = " ".join(words[content.derive(replies.load).leading(words):])
    return _WHO.match(opened) is not None and asks.names_nothing(
        router, content, text, besides=REACHING)


def referred(content: Content, key: str | None, part: str, facet: str | None) -> bool:
    """Whether the answer said last (its ``key``, the ``part`` said, its ``facet``) sent
    the user to their care team."""
    said = answers.of(content).get(key or "")
    return said is not None and any(answers.CARE_TEAM in s.say for s in said.part(part, facet))

"""Whether the router's answer to a text is an urgent one, as the figures count it."""

from __future__ import annotations

from skill.content import loader
from skill.nlu.router import route
from skill.review.evaluate import flagged_urgent


def urgent(text: str) -> bool:
    return flagged_urgent(route(text), loader.load_content())

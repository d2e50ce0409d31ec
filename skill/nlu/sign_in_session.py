"""A sign told with no site named, in a conversation about the wound.

"Is the scar meant to be a wee bit pink?" gets the calm answer; "well it's gone angry
red and all puffed up now" then names no site, and the safety rule that makes a wound's
sign urgent needs one beside it. The session's topic is that site: a symptom concept
the safety file gives to the session's topic (its ``mentions``: a wound finding, a
discharge, a bleeding to the incision's) and told as a report (no modifier rules it
out: not negated, asked, resolved, someone else's or somewhere else's) is that topic's
report. Only for a topic one of whose rules pairs a sign with the site alone (the
concept SITE: the incision's, not a pain's, which needs "worse" and no place), and only
for a turn with no report of its own.
"""

from __future__ import annotations

from typing import Final

from skill.nlu import safety
from skill.nlu.router import Decision, Route, Router, Step

IN_SESSION: Final = "a sign told in the session's topic"  # the route's detail (--explain)
SITE: Final = "site"  # the safety file's concept of the wound's places


def reported_in(router: Router, text: str, topic: str | None) -> Route | None:
    """``topic``'s urgent route when ``text`` reports a symptom of it with no site named
    (module doc), else None."""
    if topic not in {rule.intent for rule in router.safety.spec.rules
                     if SITE in rule.concepts and len(rule.concepts) == 2}:
        return None
    explained = router.explain(text)
    if safety.first_reported(explained.findings) is not None or topic not in \
            router.safety.reported(explained.normalized, explained.findings):
        return None
    return Route(str(topic), 100.0, {}, Decision(Step.SAFETY, IN_SESSION))

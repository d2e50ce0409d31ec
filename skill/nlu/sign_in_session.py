"""A sign told with no site named, in a conversation about the wound.

"Is the scar meant to be a wee bit pink?" gets the calm answer; "well it's gone angry
red and all puffed up now" then names no site, and the safety rule that makes a wound's
sign urgent needs one beside it. The session's topic is that site when the sign is said
of it by a word that points back ("it", "that", "this": ANAPHORS) and of nothing the turn
names as someone's (OWNERS: "my knuckles are swollen", "it's my hand that's red" name
another part). Such a sign, a symptom concept the safety file gives to the session's
topic (its ``mentions``: a wound finding, a discharge, a bleeding to the incision's) and
told as a report (no modifier rules it out: not negated, asked, resolved or someone
else's), is that topic's report. Only for a topic one of whose rules pairs a sign with
the site alone (the concept SITE: the incision's, not a pain's, which needs "worse" and
no place), and only for a turn with no report of its own.
"""

from __future__ import annotations

from typing import Final

from skill.content.safety_spec import REPORTED
from skill.nlu import safety
from skill.nlu.router import Decision, Route, Router, Step

IN_SESSION: Final = "a sign told in the session's topic"  # the route's detail (--explain)
SITE: Final = "site"  # the safety file's concept of the wound's places
# The words that point back to the thing just talked about, as a sign's subject.
ANAPHORS: Final = frozenset({"it", "its", "that", "this"})
# The words that make a thing named someone's: a part of their own, not the wound's
# ("i" is also a caregiver's "he", "she" or "they" once normalized: "i am red" is a face).
OWNERS: Final = frozenset({"my", "his", "her", "your", "our", "their", "i", "me"})


def reported_in(router: Router, text: str, topic: str | None) -> Route | None:
    """``topic``'s urgent route when ``text`` reports a symptom of it with no site named,
    said of the thing talked about (module doc), else None."""
    engine = router.safety
    if topic not in {rule.intent for rule in engine.spec.rules
                     if SITE in rule.concepts and len(rule.concepts) == 2}:
        return None
    explained = router.explain(text)
    if safety.first_reported(explained.findings) is not None or topic not in \
            engine.reported(explained.normalized, explained.findings):
        return None
    scanned = engine.scan(explained.normalized)
    first = next((span.start for span in scanned.spans
                  if any(topic in engine.symptoms.get(label, ()) for label in span.labels)
                  and scanned.status([(span.start, span.end)], engine.finding_scopes,
                                     REPORTED, safety.ASKED) == REPORTED), 0)
    before = set(explained.normalized.split()[:first])
    if not before & ANAPHORS or before & OWNERS:
        return None
    return Route(str(topic), 100.0, {}, Decision(Step.SAFETY, IN_SESSION))

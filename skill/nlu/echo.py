"""Echo questions: what was just said, said back as a question.

English asks for a word it missed by putting the question word where that word stood
("you said a walker or a what?", "three to four what?"): the question word ends the
clause, in the place of a noun, after an article, a number or a verb of saying. That is a
request to hear the answer again (``asks_again``), never a new question. So is a clause
that asks, in the past tense, for a piece of what was just said by its kind alone ("what
was the number", "what were those words again": ASKED_BACK): a question of its own
names what it is about ("what was the number for the care team").

A listener checks what they heard by saying a piece of it back and asking whether it is
right ("An hour? Only an hour? Is that right?"): a turn that ends on a check (CHECKS)
after a few words that name no topic of their own (``checks``) asks for the answer it
checks, the session's topic again. A check alone ("really?") or words that name another
topic ("and sitting, is that right?") are read as before.
"""

from __future__ import annotations

import re
from typing import Final

from skill.nlu import clauses
from skill.nlu.normalize import normalize
from skill.nlu.router import Router, Step

# The words before an echoed question word that hold a noun's place.
NOUN_PLACE: Final = frozenset("a an the some said say says saying".split())
# How a listener asks whether what they heard is right, closing the turn.
CHECKS: Final = re.compile(
    r"(?:is that (?:right|true|so|correct)|are you sure|did you say that|really|truly)"
    r"[\s.?!]*$")
# A check follows at most this many words said back ("only an hour", "an hour for him?
# just an hour?"): more is a question of its own.
MAX_ECHOED: Final = 8
# A piece of what was said asked back by its kind: "what was the number", "what were
# those again" (the question word, a past "be", a determiner and a noun, or a pronoun).
ASKED_BACK: Final = re.compile(
    r"^what (?:was|were) (?:(?:the|that|those) [a-z']+|that|those|it)(?: again)?$")
_WORD: Final = re.compile(r"[a-z0-9']+")
_NUMBER: Final = re.compile(r"^\d+$|^(?:one|two|three|four|five|six|seven|eight|nine|ten)$")


def asks_again(text: str) -> bool:
    """Whether ``text``'s last clause ends on "what" in a noun's place, or asks back a
    piece of what was said by its kind (rules above)."""
    said = clauses.split(text)
    words = _WORD.findall(said[-1].text.lower()) if said else []
    return (len(words) >= 2 and words[-1] == "what"
            and (words[-2] in NOUN_PLACE or bool(_NUMBER.match(words[-2])))
            ) or bool(ASKED_BACK.match(" ".join(words)))


def checks(router: Router, text: str, topic: str) -> bool:
    """Whether ``text`` says back a few words and asks if they are right, naming no topic
    but ``topic`` and reporting nothing (rules above)."""
    lowered = text.lower().strip()
    match = CHECKS.search(lowered)
    if match is None:
        return False
    echoed = _WORD.findall(lowered[: match.start()])
    if not echoed or len(echoed) > MAX_ECHOED:
        return False
    normalized = normalize(" ".join(echoed), router.lexicon)
    found = router.route(text)
    if router.explain(text).findings or (found.rule is not None
                                         and found.rule.step is Step.SAFETY):
        return False
    named = router.gate.intents_with_evidence(router.index.evidence_words(normalized))
    return named <= {topic}

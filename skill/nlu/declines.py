"""A "no" said before what the speaker will do instead, after an urgent answer.

After "Call your care team right away", people turn the call down in a sentence: "no,
I think I'll just lie down for a bit", "nah, I'll wait and see how it goes". The words
after the "no" are no question and name no new topic to answer: the turn is the no, and
the goodbye repeats the call (skill.alexa.dialogue.UrgentGoodbyeHandler). Read only
after an urgent answer, for a turn that reports nothing (the caller reads a report
first): the turn opens with the cues of an act that ends the session (no, stop, cancel,
goodbye; intents/_replies.yaml), and what follows them is a statement: no question mark,
no question word or auxiliary put first, no word of asking ("no, I'd like to know about
walking" asks on).
"""

from __future__ import annotations

from typing import Final

from skill.content.spec import Content
from skill.nlu import replies
from skill.nlu.announce import ASKING
from skill.nlu.clauses import QUESTION_WORDS

# Words that ask for something to be told, beyond the announcements' words of asking.
ASKS: Final = ASKING | frozenset("know wonder wondering wondered tell explain".split())


def declined_call(content: Content, text: str) -> str | None:
    """The intent of the act that ends the session when ``text`` turns the call down
    (module doc), else None; call only after an urgent answer."""
    cues = content.derive(replies.load)
    words = replies.words_of(text)
    at = cues.leading(words)
    if not 0 < at < len(words) or "?" in text:
        return None
    intent = cues.read(" ".join(words[:at]), asked=True)
    spec = content.by_name.get(intent) if intent is not None else None
    rest = words[at:]
    if spec is None or not spec.builtin or not spec.end_session \
            or rest[0] in QUESTION_WORDS or not ASKS.isdisjoint(rest):
        return None
    return intent


def read_reply(content: Content, text: str, asked: bool, declined: bool, in_session: bool,
               urgent: bool) -> str | None:
    """The intent ``text`` is as a reply to what the skill said (``Replies.read_turn``),
    or, after an urgent answer (``urgent``), as the call turned down (``declined_call``);
    None for neither. Both doors read a turn so."""
    return content.derive(replies.load).read_turn(text, asked, declined, in_session) or (
        declined_call(content, text) if urgent else None)

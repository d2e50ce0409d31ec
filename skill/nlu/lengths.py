"""A question for how long that does not say how long *what* ("how long does it take",
"how long will my mother be in for", "and how long is it, the whole thing?").

With no topic in the conversation to read it in, the guide gives several lengths: the
operation's, the hospital stay's, the bones' healing, the recovery (intents/_areas.yaml
``lengths``). Such a question is asked back with the two of them the router ranks
higher, in the file's order, when

- it opens (past the cues and fillers before it, or after a preamble that names no
  topic: "I forget things, how long does this whole business take") with a duration cue
  of responses.yaml's ``_asks`` and then an auxiliary: a clause of its own, so the
  elliptical follow-up "and for how long?" or "how long for him" still gets the prompt;
- it points back at nothing said ("how long is that": the prompt, never a guess);
- the clause after the auxiliary names no topic, its verb of lasting aside ("how long
  does the surgery take", "how long will I be in the hospital" name theirs), and
- the topic the router ranks first is one of the lengths ("how long does the pain last"
  is what to expect of the pain).

Never for a question with a symptom in it: the safety layer reads it first.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from skill.content.spec import Content
from skill.nlu import areas, asks, replies, vague
from skill.nlu.normalize import normalize
from skill.nlu.router import Router

# The auxiliary that makes the words after the cue a clause ("how long does it take").
AUXILIARIES: Final = frozenset(
    "does do did is was are will would should can could has have".split())
# The verbs a length is asked with, which name no topic themselves ("does it take").
LASTING: Final = frozenset({"take", "takes", "last", "lasts"})
# Words that point back at something said: with nothing said, the prompt asks what.
POINTING_BACK: Final = frozenset({"that", "those", "thats", "that's"})
# The router's candidates looked through: every length topic is among them.
CANDIDATES: Final = 30


def _clause(content: Content, text: str) -> list[str] | None:
    """The words of ``text``'s clause after its duration cue and auxiliary, its verb of
    lasting aside, when it opens so and points back at nothing (rules above), else None."""
    words = replies.words_of(text)
    words = words[content.derive(replies.load).leading(words):]
    cue = next((c for c in content.derive(asks.cues).get("duration", ())
                if tuple(words[:len(c)]) == c), None)
    rest = words[len(cue):] if cue else []
    if not rest or rest[0] not in AUXILIARIES or not POINTING_BACK.isdisjoint(rest):
        return None
    return [w for w in rest[1:] if w not in LASTING]


def ask_back(router: Router, content: Content, text: str,
             topics: Collection[str]) -> tuple[str, str] | None:
    """The two lengths to ask back between for ``text``, in the file's order, or None."""
    lengths = content.derive(areas.load).lengths
    asked = text if _clause(content, text) is not None else vague.after_preamble(
        router, text, topics)
    clause = _clause(content, asked) if lengths and asked is not None else None
    if clause is None or asked is None:
        return None
    explained = router.explain(asked, CANDIDATES)
    named = router.gate.intents_with_evidence(
        router.index.evidence_words(normalize(" ".join(clause), router.lexicon)))
    ranked = [c.intent for c in explained.candidates if c.intent in topics]
    if explained.findings or not named.isdisjoint(topics) or not ranked:
        return None
    likeliest = [t for t in ranked if t in lengths]
    if ranked[0] not in lengths or len(likeliest) < 2:
        return None
    first, second = sorted(likeliest[:2], key=lengths.index)
    return first, second

"""A question said in a conversation move's cue words and fillers alone ("ok thanks",
"nah that's all"), as said or respelled (skill.nlu.lexicon.respelled). The router takes
the move only when it declines the question as a topic, so it reads the move for a
declined route only, and once: it asks before its later steps and again after them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from skill.nlu.lexicon import Lexicon, respelled
from skill.nlu.replies import Replies, words_of

# Questions whose move is kept: the router reads one question at a time.
KEPT: Final = 4


class Moves:
    """The content's dialogue acts (intents/_replies.yaml), read as one-shot moves."""

    def __init__(self, replies: Replies, lexicon: Lexicon) -> None:
        self.replies, self.lexicon = replies, lexicon
        self.of = lru_cache(maxsize=KEPT)(self._of)

    def _of(self, text: str) -> str | None:
        """The move ``text`` is in its cue words and fillers alone, as said or respelled."""
        return next(filter(None, (self.replies.read(said, asked=True, in_session=False)
                                  for said in (text, respelled(words_of(text), self.lexicon)))),
                    None)

"""A reply to what the skill just said, read as a dialogue act (intents/_replies.yaml).

After "Want to hear more?" people say "uh huh keep going", "yeah go ahead" or "no
that's everything" as often as a bare "yes" or "no"; an aside like "I'm sorry dear,
could you say that again" asks for the answer again. Such turns are read by their cue
words, not matched as sentences: a turn is a reply only when every word of it is a cue
or a filler, so "yeah but can I lift my grandson" stays a new question. The first act
of the file's order with a cue in the turn wins ("ok calling now bye": goodbye). An
act marked ``question`` (yes, no) counts only when the skill has just asked a yes/no
question. Reported symptoms are read before this, by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Final

from skill.content import loader, yamltext
from skill.content.spec import Content, ContentError, Problem

_WORD: Final = re.compile(r"[a-z0-9']+")
FILLER: Final = ""  # the label of a filler phrase: no act
ACT_KEYS: Final = frozenset({"intent", "question", "in_session", "cues"})


@dataclass(frozen=True)
class ReplyAct:
    """One act of _replies.yaml: the built-in intent it stands for and its cues."""

    name: str
    intent: str
    question: bool  # means something only as the answer to a yes/no question
    cues: tuple[str, ...]
    # means something only in a conversation, not as a one-shot request ("thank you")
    in_session: bool = False


@dataclass(frozen=True)
class Replies:
    """The acts in order of precedence, and the words that carry none."""

    acts: tuple[ReplyAct, ...] = ()
    fillers: tuple[str, ...] = ()

    @cached_property
    def phrases(self) -> dict[tuple[str, ...], str]:
        """Every phrase's words -> its act's name (a cue wins over a filler of the same
        words), built once."""
        found = {words: FILLER for phrase in self.fillers for words in _variants(phrase)}
        for act in reversed(self.acts):  # the earlier act wins a phrase in two
            found.update({words: act.name for cue in act.cues for words in _variants(cue)})
        return found

    @cached_property
    def longest(self) -> int:
        return max((len(p) for p in self.phrases), default=0)

    def read(self, text: str, asked: bool, in_session: bool = True) -> str | None:
        """The intent ``text`` stands for as a reply, if it is one; ``asked``: the skill
        has just asked a yes/no question; ``in_session``: said in a conversation (not a
        one-shot request). Every word must be a cue or a filler."""
        words = words_of(text)
        labels, covered = self._cover(words)
        acts = set(labels) - {FILLER}
        if covered < len(words) or not acts:
            return None
        for act in self.acts:
            if act.name in acts and (asked or not act.question) and (
                    in_session or not act.in_session):
                return act.intent
        return None

    def leading(self, words: list[str]) -> int:
        """How many of ``words`` open the turn as cues or fillers ("ok then who is it
        for": two)."""
        return self._cover(words)[1]

    def _cover(self, words: list[str]) -> tuple[list[str], int]:
        """The labels of the phrases that cover ``words`` from the start, longest phrase
        first, up to the first word that is neither cue nor filler; and how many words
        they cover."""
        labels: list[str] = []
        at = 0
        while size := next((n for n in range(min(self.longest, len(words) - at), 0, -1)
                            if tuple(words[at:at + n]) in self.phrases), 0):
            labels.append(self.phrases[tuple(words[at:at + size])])
            at += size
        return labels, at


def words_of(text: str) -> list[str]:
    """The words of a turn as the reply phrases are written (lower case, plain
    apostrophes)."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def _variants(phrase: str) -> tuple[tuple[str, ...], ...]:
    """A phrase as words, and as typed without apostrophes ("thats all")."""
    words = tuple(phrase.lower().split())
    bare = tuple(w.replace("'", "") for w in words)
    return (words, bare) if bare != words else (words,)


def path_of(root: Path) -> Path:
    return loader.intents_dir(root) / "_replies.yaml"


def _strings(value: Any, what: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{what}: expected a list of words")
        return ()
    return tuple(value)


def parse(raw: Any, known: frozenset[str]) -> tuple[Replies, list[str]]:
    """The acts and fillers of a parsed _replies.yaml, and its problems (``known``: the
    intents an act may stand for)."""
    problems: list[str] = []
    body = raw if isinstance(raw, dict) else {}
    acts = body.get("acts")
    if not isinstance(acts, dict):
        return Replies(), ["expected 'acts' (a mapping) and 'fillers'"]
    found: list[ReplyAct] = []
    for name, spec in acts.items():
        spec = spec if isinstance(spec, dict) else {}
        intent, question = spec.get("intent"), spec.get("question")
        in_session = spec.get("in_session", False)
        if intent not in known:
            problems.append(f"acts.{name}: 'intent' must name a built-in intent")
        if not isinstance(question, bool):
            problems.append(f"acts.{name}: 'question' must be true or false")
        if not isinstance(in_session, bool):
            problems.append(f"acts.{name}: 'in_session' must be true or false")
        unknown = sorted(set(map(str, spec)) - ACT_KEYS)
        if unknown:
            problems.append(f"acts.{name}: unknown key {unknown[0]!r}")
        found.append(ReplyAct(str(name), str(intent), question is True,
                              _strings(spec.get("cues"), f"acts.{name}.cues", problems),
                              in_session is True))
    fillers = _strings(body.get("fillers"), "fillers", problems)
    return Replies(tuple(found), fillers), problems


def load(content: Content) -> Replies:
    """``content``'s reply acts (none when it has no _replies.yaml); raises ContentError
    on a malformed file. Call through ``content.derive(load)``: read once."""
    path = path_of(content.root)
    if not path.is_file():
        return Replies()
    known = frozenset(content.builtin_intents)
    replies, problems = parse(yamltext.value(path.read_text(encoding="utf-8")), known)
    if problems:
        raise ContentError([Problem(str(path), problem) for problem in problems])
    return replies


def acknowledgements(content: Content) -> frozenset[str]:
    """The intents of the acts that mean something only as the answer to a yes/no
    question (yes, no): said before a question of its own, such a cue only acknowledges.
    Call through ``content.derive``."""
    return frozenset(act.intent for act in load(content).acts if act.question)

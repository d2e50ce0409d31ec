"""A reply to what the skill just said, read as a dialogue act (intents/_replies.yaml).

After "Want to hear more?" people say "uh huh keep going", "yeah go ahead" or "no
that's everything" as often as a bare "yes" or "no"; "I'm sorry dear, could you say
that again" asks for the answer again. Such turns are read by their cue words, not as
sentences: a turn is a reply only when every word of it is a cue or a filler, so "yeah
but can I lift my grandson" stays a new question. The first act of the file's order
with a cue in the turn wins ("ok calling now bye": goodbye); one marked ``question``
(yes, no) counts only after a yes/no question; a reported symptom is read first, by the
caller. A cue or filler is a sample template, so a formula is written once as its
grammar: "(talk to|catch) (you|ye) (later|soon)".

A closing is said around other words: "grand, ta very much, bye now", "cheers, that's me",
"right you are. bye now". When the caller's router declines the whole turn (no topic, no
symptom), an act marked ``closes`` (goodbye, thanks) also counts when its cue ends the
turn, but for at most one word of tag after it ("thanks hen", "ta-ra"), and few words
of the turn are neither cue nor filler. A speech recognizer writes the closing word by
its sound ("thank you by", "okay by"): the turn's last word is read as its
``sound_alikes`` entry.

An act marked ``command`` (repeat, help, stop, cancel) is an imperative to the skill:
said as the last sentence of a turn, after words of its own ("What else can this thing
tell me? Help.", "Three to four what? Months? Say it again."), it is the turn's act;
in a turn the router declines, so is a command clause beside a short remark ("What?
Repeat that, the dishwasher's going"), as few other words as a closing may hold.
An ``opens`` act announces a question ("I've got a question"; skill.nlu.announce).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Final

from skill.content import loader, yamltext
from skill.content.spec import Content, ContentError, Problem
from skill.content.templates import TemplateError, expand
from skill.nlu.announce import SUBJECT, announces

_WORD: Final = re.compile(r"[a-z0-9']+")
SENTENCE_END: Final = re.compile(r"[.?!]+")  # typed text; Alexa writes no punctuation
CLAUSE_END: Final = re.compile(r"[.?!,;]+")
FILLER: Final = ""  # the label of a filler phrase: no act
FLAGS: Final = ("in_session", "closes", "command", "opens")  # an act's optional flags
ACT_KEYS: Final = frozenset({"intent", "question", "cues", *FLAGS})
# A closing cue may be followed by a tag of this many other words ("thanks hen", "ta-ra"):
# the dev conversations' tags are one word; two let "thanks, the weather" close.
MAX_TAG_WORDS: Final = 1
# A declined turn with a closing holds at most this many words that are neither cue nor
# filler ("right, I'll leave you be. bye bye": four, the most of the dev conversations');
# more is a request with thanks on it ("what's the weather like tomorrow, thanks": five).
MAX_OTHER_WORDS: Final = 4


@dataclass(frozen=True)
class ReplyAct:
    """One act of _replies.yaml: the built-in intent it stands for and its cues."""

    name: str
    intent: str
    question: bool  # means something only as the answer to a yes/no question
    cues: tuple[str, ...]
    in_session: bool = False  # only in a conversation, never one-shot ("thank you")
    closes: bool = False  # ends the conversation, said around other words too ("bye now")
    command: bool = False  # an imperative, the act of a turn it ends ("..., help")
    opens: bool = False  # announces a question, said before its subject ("... about my wife")


@dataclass(frozen=True)
class Replies:
    """The acts in order of precedence, and the words that carry none."""

    acts: tuple[ReplyAct, ...] = ()
    fillers: tuple[str, ...] = ()
    sound_alikes: tuple[tuple[str, str], ...] = ()  # a turn's last word as heard -> meant
    # Every phrase's words -> its act's name (a cue wins over a filler of the same words),
    # built with the replies (about 1 ms), not on the first turn read.
    phrases: dict[tuple[str, ...], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        found = {words: FILLER for phrase in self.fillers for words in _variants(phrase)}
        for act in reversed(self.acts):  # the earlier act wins a phrase in two
            found.update({words: act.name for cue in act.cues for words in _variants(cue)})
        object.__setattr__(self, "phrases", found)

    @cached_property
    def heard_as(self) -> dict[str, str]:  # ``sound_alikes`` as a look-up, built once
        return dict(self.sound_alikes)

    @cached_property
    def closings(self) -> frozenset[str]:  # the acts that close, said around other words too
        return frozenset(act.name for act in self.acts if act.closes)

    @cached_property
    def longest(self) -> int:
        return max((len(p) for p in self.phrases), default=0)

    def read(self, text: str, asked: bool, in_session: bool = True) -> str | None:
        """The intent ``text`` stands for as a reply, if it is one; ``asked``: the skill
        has just asked a yes/no question; ``in_session``: said in a conversation (not a
        one-shot request). Every word must be a cue or a filler."""
        found = self._whole(words_of(text), asked, in_session)
        return found.intent if found is not None else None

    def _whole(self, words: list[str], asked: bool, in_session: bool) -> ReplyAct | None:
        """The act of ``words`` when every one is a cue or a filler (the last read as
        heard, ``sound_alikes``), else None."""
        if words:
            words = [*words[:-1], self.heard_as.get(words[-1], words[-1])]
        labels, covered = self._cover(words)
        return self._act(labels, asked, in_session) if covered == len(words) else None

    def read_turn(self, text: str, asked: bool, declined: bool,
                  in_session: bool = True) -> str | None:
        """A conversation turn read as a reply: all cues and fillers, or, when the router
        ``declined`` the turn, a closing said around other words; ``in_session``: a
        conversation is under way (a session's first turn is a request, so "set a timer
        thanks" is declined there, not taken for a goodbye)."""
        found = self.read(text, asked) or self.said_last(text, asked)
        return found if found is not None or not declined else (
            self.closing(text, asked, in_session) or self.command_beside(text, asked)
            or self.announcing(text))

    def announcing(self, text: str) -> str | None:
        """An announcement's intent before its subject (module doc), or one told by its
        grammar (skill.nlu.announce), for a declined turn."""
        words = words_of(text)
        at = self.leading(words)
        found = self._whole(words[:at], False, True) if 0 < at < len(words) else None
        if found and found.opens and words[at] in SUBJECT:
            return found.intent
        opening = next((act for act in self.acts if act.opens), None)
        return opening.intent if opening is not None and announces(words) else None

    def said_last(self, text: str, asked: bool) -> str | None:
        """The intent of a command said as the last of two or more sentences, or None."""
        said = [s for s in SENTENCE_END.split(text) if words_of(s)]
        found = self._whole(words_of(said[-1]), asked, True) if len(said) > 1 else None
        return found.intent if found is not None and found.command else None

    def command_beside(self, text: str, asked: bool) -> str | None:
        """The intent of a command clause beside at most MAX_OTHER_WORDS words that are
        neither cue nor filler (module doc); call only for a turn the router declines."""
        said = [words_of(c) for c in CLAUSE_END.split(text)]
        acts = [self._whole(words, asked, True) for words in said]
        command = next((act for act in acts if act is not None and act.command), None)
        if command is None:
            return None
        others = sum(self._scan(words)[1] for words, act in zip(said, acts, strict=True)
                     if act is None)
        return command.intent if others <= MAX_OTHER_WORDS else None

    def closing(self, text: str, asked: bool, in_session: bool = True) -> str | None:
        """The intent of a closing said around other words (module doc), if ``text``
        is one; call only for a turn the router declines."""
        words = words_of(text)
        if words:
            words[-1] = self.heard_as.get(words[-1], words[-1])
        labels, others, tag = self._scan(words)
        found = self._act(labels, asked, in_session)
        if found is None or not found.closes or others > MAX_OTHER_WORDS or tag > MAX_TAG_WORDS:
            return None
        return found.intent

    def _act(self, labels: list[str], asked: bool, in_session: bool) -> ReplyAct | None:
        """The act of the first precedence among ``labels`` that counts here."""
        acts = set(labels) - {FILLER}
        return next((act for act in self.acts if act.name in acts
                     and (asked or not act.question) and (in_session or not act.in_session)),
                    None)

    def _scan(self, words: list[str]) -> tuple[list[str], int, int]:
        """The labels of every cue and filler in ``words`` (longest phrase first), how
        many words are neither, and how many of those follow the last closing cue."""
        labels: list[str] = []
        others = tag = at = 0
        while at < len(words):
            size = self._phrase_at(words, at)
            if size:
                label = self.phrases[tuple(words[at:at + size])]
                labels.append(label)
                tag = 0 if label in self.closings else tag
            else:
                others, tag = others + 1, tag + 1
            at += size or 1
        return labels, others, tag

    def leading(self, words: list[str]) -> int:
        """How many of ``words`` open the turn as cues or fillers ("ok then who is it
        for": two)."""
        return self._cover(words)[1]

    def trailing(self, words: list[str]) -> int:
        """How many of ``words`` close the turn as fillers alone ("what about for my wife
        then": one)."""
        return next((len(words) - at for at in range(len(words))
                     if self._fillers_only(words[at:])), 0)

    def _fillers_only(self, words: list[str]) -> bool:
        labels, covered = self._cover(words)
        return covered == len(words) and set(labels) == {FILLER}

    def _cover(self, words: list[str]) -> tuple[list[str], int]:
        """The labels of the phrases that cover ``words`` from the start, longest phrase
        first, up to the first word that is neither cue nor filler; and how many words
        they cover."""
        labels: list[str] = []
        at = 0
        while size := self._phrase_at(words, at):
            labels.append(self.phrases[tuple(words[at:at + size])])
            at += size
        return labels, at

    def _phrase_at(self, words: list[str], at: int) -> int:
        """How many words the longest phrase starting at ``at`` takes (0: none)."""
        return next((n for n in range(min(self.longest, len(words) - at), 0, -1)
                     if tuple(words[at:at + n]) in self.phrases), 0)


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
    try:
        if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            return tuple(phrase for v in value for phrase in expand(v))
        problems.append(f"{what}: expected a list of words")
    except TemplateError as error:
        problems.append(f"{what}: {error}")
    return ()


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
        # the flags an act may carry, false unless given
        flags = {key: spec.get(key, False) for key in FLAGS}
        if intent not in known:
            problems.append(f"acts.{name}: 'intent' must name a built-in or conversation intent")
        problems += [f"acts.{name}: '{key}' must be true or false"
                     for key, flag in {"question": question, **flags}.items()
                     if not isinstance(flag, bool)]
        unknown = sorted(set(map(str, spec)) - ACT_KEYS)
        if unknown:
            problems.append(f"acts.{name}: unknown key {unknown[0]!r}")
        found.append(ReplyAct(str(name), str(intent), question is True,
                              _strings(spec.get("cues"), f"acts.{name}.cues", problems),
                              **{key: flag is True for key, flag in flags.items()}))
    fillers = _strings(body.get("fillers"), "fillers", problems)
    alikes = body.get("sound_alikes", {})
    if not isinstance(alikes, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in alikes.items()):
        problems.append("sound_alikes: expected a mapping of word to word")
        alikes = {}
    return Replies(tuple(found), fillers, tuple(alikes.items())), problems


def load(content: Content) -> Replies:
    """``content``'s reply acts (none when it has no _replies.yaml); raises ContentError
    on a malformed file. Call through ``content.derive(load)``: read once."""
    path = path_of(content.root)
    if not path.is_file():
        return Replies()
    known = frozenset(s.name for s in content.intents if s.name not in content.topic_intents)
    replies, problems = parse(yamltext.value(path.read_text(encoding="utf-8")), known)
    if problems:
        raise ContentError([Problem(str(path), problem) for problem in problems])
    return replies


def acknowledgements(content: Content) -> frozenset[str]:
    """The intents of the acts that mean something only as the answer to a yes/no
    question (yes, no): said before a question of its own, such a cue only acknowledges.
    Call through ``content.derive``."""
    return frozenset(act.intent for act in load(content).acts if act.question)

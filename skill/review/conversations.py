"""Score whole conversations turn by turn: ``si-skill eval-dialogs PATH``.

The file is a list of conversations written apart from the implementation:

    - name: lifting, then for the husband
      turns:
        - say: can I lift groceries
          expect: {topic: LiftingIntent, urgent: false, session_open: true, mentions: ["10"]}
        - say: what about for my husband?
          expect: {topic: LiftingIntent}

``topic`` is the intent whose answer was given, or what the skill did instead:
``clarify`` (asked which of two topics), ``prompt`` (asked what the question is about),
``more``, ``repeat``, ``goodbye``, ``fallback`` (declined) or ``help`` (or the built-in
intents' names: AMAZON.StopIntent and AMAZON.NoIntent are goodbyes). "More" and
"repeat" go on with the session's topic and so also count as that topic; a goodbye
after an urgent answer repeats its call instruction, and counts as either. ``mentions``
must be heard, numbers in digits or words. Each conversation is a fresh session,
started like a one-shot ("Alexa, ask ... <question>"); a turn is right when every
expectation holds. Only the figures are reported unless asked: a blind set is measured,
never read to pick words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TextIO

import yaml

from skill.alexa.builder import build_skill
from skill.alexa.conversation import Conversation, Turn
from skill.alexa.session import Act
from skill.config import Config
from skill.content import loader
from skill.content.spec import Content
from skill.nlu.numbers import words_to_digits
from skill.nlu.router import router_for

# What the skill did, for the expectations that are not a topic.
ACTS: Final = {
    **{act.value: act for act in
       (Act.CLARIFY, Act.PROMPT, Act.MORE, Act.REPEAT, Act.GOODBYE, Act.FALLBACK)},
    "help": Act.OTHER,  # help is one of the skill's other turns (welcome, "what else?")
}
# The same turns by the names of Alexa's built-in intents ("no" to "Want to hear more?"
# declines and closes: its answer is the goodbye, intents/AMAZON.NoIntent.yaml).
BUILT_INS: Final = {"AMAZON.StopIntent": "goodbye", "AMAZON.CancelIntent": "goodbye",
                    "AMAZON.NoIntent": "goodbye",
                    "AMAZON.HelpIntent": "help", "AMAZON.FallbackIntent": "fallback",
                    "AMAZON.RepeatIntent": "repeat"}
# Turns that give the session's topic again: its next part, or the last answer repeated.
AGAIN: Final = (Act.ANSWER, Act.MORE, Act.REPEAT)


_DIGIT_RUN: Final = re.compile(r"(?<=\b\d) (?=\d\b)")  # "9 1 1" -> "911"


class ConversationsError(ValueError):
    """A conversations file that cannot be scored."""


@dataclass(frozen=True)
class Scored:
    """One turn: what was said, what was expected, what went wrong (empty: right)."""

    conversation: str
    say: str
    misses: tuple[str, ...]


@dataclass
class Report:
    turns: list[Scored] = field(default_factory=list)

    @property
    def right(self) -> int:
        return sum(not t.misses for t in self.turns)

    @property
    def share(self) -> float:
        return self.right / len(self.turns) if self.turns else 0.0

    def misses_by_kind(self) -> Counter[str]:
        return Counter(miss.split(":")[0] for t in self.turns for miss in t.misses)


def files(paths: Iterable[str | Path]) -> list[Path]:
    """The conversations files named: a folder stands for its *.yaml files, in order."""
    return [found for path in map(Path, paths)
            for found in (sorted(path.glob("*.yaml")) if path.is_dir() else [path])]


def load(path: Path) -> list[dict[str, Any]]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConversationsError(f"{path}: cannot read: {error}") from None
    if not isinstance(raw, list) or not all(
            isinstance(c, dict) and isinstance(c.get("turns"), list) for c in raw):
        raise ConversationsError(f"{path}: expected a list of {{name, turns}}")
    return raw


def _heard(speech: str) -> str:
    """The speech in words and in digits ("nine one one" is also "911")."""
    words = speech.lower().replace(",", " ").replace(".", " ").replace("?", " ").split()
    digits = " ".join(words_to_digits(words))
    return f"{digits} {_DIGIT_RUN.sub('', digits)} {speech.lower()}"


def _words(say: Any) -> str:
    """What a turn says; YAML reads a bare yes / no as true / false."""
    return {True: "yes", False: "no"}.get(say, str(say)) if isinstance(say, bool) else str(say)


def misses(expect: dict[str, Any], turn: Turn, topics: Iterable[str]) -> list[str]:
    """Every way ``turn`` misses ``expect``."""
    found: list[str] = []
    state, shown = turn.state, turn.as_dict()
    wanted = expect.get("topic")
    wanted = BUILT_INS.get(str(wanted), wanted)
    if wanted in ACTS:
        if state.act is not ACTS[wanted]:
            found.append(f"act: expected {wanted}, got {state.act and state.act.value}")
    elif wanted is not None:
        # "tell me more" and "repeat" go on with the topic; a goodbye after an urgent
        # answer says its call instruction again: that topic's answer, as the user hears it
        answered = state.topic if state.act in AGAIN or (
            state.act is Act.GOODBYE and shown["urgent"]) else None
        if wanted not in topics or answered != wanted:
            found.append(f"topic: expected {wanted}, got {answered or state.act}")
    if "urgent" in expect and bool(expect["urgent"]) != shown["urgent"]:
        found.append(f"urgent: expected {expect['urgent']}")
    if "session_open" in expect and bool(expect["session_open"]) == shown["end_session"]:
        found.append(f"session_open: expected {expect['session_open']}")
    heard = _heard(shown["speech"])
    for mention in expect.get("mentions") or ():
        if str(mention).lower() not in heard:
            found.append(f"mention: {mention!r} not heard")
    return found


def evaluate(path: Path, content: Content | None = None) -> Report:
    content = content or loader.load_content()
    router = router_for(content)
    conversation = Conversation(build_skill(Config(), content=content, router=router), router,
                                content=content)
    report = Report()
    for spec in load(path):
        conversation.reset()
        for step in spec["turns"]:
            turn = conversation.ask(_words(step.get("say", "")))
            found = misses(step.get("expect") or {}, turn, content.topic_intents)
            report.turns.append(Scored(str(spec.get("name", "")), turn.text, tuple(found)))
    return report


def write(report: Report, path: Path, out: TextIO, *, show: bool = False) -> None:
    count = len(report.turns)
    out.write(f"{path}: {count} turns, {report.right} right ({report.share:.1%})\n")
    for kind, number in sorted(report.misses_by_kind().items()):
        out.write(f"  missed {kind}: {number}\n")
    if show:  # dev sets only: a blind set is measured, never read
        for turn in report.turns:
            if turn.misses:
                out.write(f"  x {turn.conversation}: {turn.say!r}: {'; '.join(turn.misses)}\n")

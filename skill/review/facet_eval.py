"""How often a question about one point of a topic gets that point in the first reply.

A facet case (tests/facets/*.yaml) is ``{text, intent, guide}`` — a verbatim guide quote
the first reply must convey — or ``{text, intent, guide_silent: true}``: the reply must
say plainly that the guide gives no number or duration. Each question goes through the
whole skill (router, FACET slot, handlers) as a one-shot; a hit is a first reply with a
sentence whose ``from`` overlaps the quote, or that carries the guide-is-silent policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from skill.alexa.builder import build_skill
from skill.alexa.conversation import Conversation
from skill.alexa.responses import Answers
from skill.config import Config
from skill.content import answers, loader
from skill.content.locales import locales_of
from skill.content.spec import Content
from skill.review.provenance import overlaps

SILENT_POLICY = "guide-is-silent"


@dataclass(frozen=True)
class FacetCase:
    text: str
    intent: str
    guide: str | None  # None: the guide is silent on what is asked


@dataclass
class FacetReport:
    total: int = 0
    hits: int = 0
    right_intent: int = 0
    misses: list[tuple[FacetCase, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


KEYS = frozenset({"text", "intent", "guide", "guide_silent"})


def load(path: Path) -> list[FacetCase]:
    """The cases of a facet file. What it cannot read, a case without its text, intent and
    quote (or guide_silent) and a key it does not take are refused with ValueError
    ("path: case N: ..."), never left unread."""
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: {error}") from error
    if not isinstance(raw, list):
        raise ValueError(f"{path}: a list of facet cases is expected")
    for number, case in enumerate(raw, 1):
        if not isinstance(case, dict) or not {"text", "intent"} <= set(case) or not (
                "guide" in case or case.get("guide_silent")):
            raise ValueError(f"{path}: case {number}: text, intent and guide (or "
                             "guide_silent) are expected")
        if unknown := set(case) - KEYS:
            raise ValueError(f"{path}: case {number}: unknown key(s) {sorted(unknown)}")
    return [FacetCase(str(c["text"]), str(c["intent"]),
                      None if c.get("guide_silent") else str(c["guide"])) for c in raw]


def first_reply(conversation: Conversation, answers_: Answers,
                text: str) -> tuple[str, tuple[answers.Sentence, ...]]:
    """The intent a one-shot question reached and the sentences of its first reply."""
    conversation.reset()
    turn = conversation.ask(text)
    last = conversation.attributes.get("last")
    if not isinstance(last, dict) or last.get("key") not in answers_.entries:
        return turn.route.intent, ()
    said = answers_.sentences(str(last["key"]), "speech", last.get("facet"),
                              last.get("related"))
    return turn.route.intent, said


def is_hit(case: FacetCase, said: tuple[answers.Sentence, ...]) -> bool:
    if case.guide is None:
        return any(SILENT_POLICY in s.policies for s in said)
    return any(overlaps(quote, case.guide) for s in said for quote in s.quotes)


def measure(cases: list[FacetCase], content: Content | None = None) -> FacetReport:
    """Each case through the whole skill over ``content`` (default: the skill's own)."""
    config = Config()
    content = content or loader.load_content()
    conversation = Conversation(build_skill(config, content=content), content=content)
    answers_ = Answers(config, content.responses, locales_of(content))
    report = FacetReport()
    for case in cases:
        intent, said = first_reply(conversation, answers_, case.text)
        report.total += 1
        report.right_intent += intent == case.intent
        if is_hit(case, said):
            report.hits += 1
        else:
            report.misses.append((case, f"{intent}: " + " ".join(s.say for s in said)))
    return report


def format_text(report: FacetReport, name: str, show_misses: bool = False) -> str:
    lines = [f"{name}: {report.hits}/{report.total} facet questions answered in the first "
             f"reply ({report.rate:.0%}); right intent {report.right_intent}/{report.total}"]
    if show_misses:
        lines += [f"  miss: {case.text!r} -> {said}" for case, said in report.misses]
    return "\n".join(lines)

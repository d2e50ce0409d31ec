"""Urgent-symptom findings over normalized text, compiled from intents/_safety.yaml.

A symptom that is *reported* (not negated, asked about, resolved, or someone else's)
wins over whatever else the utterance asks: "i have a fever of 102 can i take
acetaminophen" is a fever. The data says which concepts make which symptom and which
triggers modify them; this module is only the how (see skill/nlu/context.py, which
scopes the modifiers). Findings run on ``normalize()`` output, so caregiver forms are
already "i"/"my", incision mishearings are "incision", and numbers are digits."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Final

from skill.content import loader, safety_spec
from skill.content.safety_spec import REPORTED, SafetySpec
from skill.content.spec import Content
from skill.content.templates import expand
from skill.nlu import dated, stored
from skill.nlu.conditional import Clauses
from skill.nlu.context import (
    BEFORE_BREAK,
    BREAK,
    HEDGE,
    PAIR_BREAK,
    PSEUDO,
    PhraseTable,
    Scanned,
    Scope,
    Span,
    after_contrast,
    pairings,
)
from skill.nlu.normalize import normalize

# Statuses that say the user does not have the symptom now: cut from the text.
DENIED: Final = frozenset({"negated", RESOLVED := "resolved", "other_experiencer"})
ASKED: Final = "asked"
# Small words dropped with a cut negation: "do not have any fever" -> "".
_NEGATION_GLUE: Final = frozenset({"any", "a", "an", "have", "do", "does", "did", "had"})
# Scans kept: a routing scans the heard and the repaired words up to three times each.
SCANS_KEPT: Final = 8
# A trigger that counts only as the question's first words (a modifier's ``opening:``) or
# a second question's after "or": "does the relief last or does the pain come back".
OPENING: Final = "opening:"
ALTERNATIVE: Final = "or"
# The labels of the conditional section's word classes (skill.nlu.conditional).
CONDITIONAL: Final = "conditional:"


@dataclass(frozen=True)
class Finding:
    """A symptom rule (or a plain mention) that matched, and how."""

    intent: str
    rule: str
    start: int  # character offsets in the normalized text
    end: int
    status: str  # one of safety_spec.STATUSES

    @property
    def denied(self) -> bool:
        return self.status in DENIED


def phrases(template: str) -> Iterator[str]:
    """Every normalized phrase a YAML entry stands for."""
    for sentence in expand(template):
        found = normalize(sentence)
        if found:
            yield found


def _entries(spec: SafetySpec) -> Iterator[tuple[str, str]]:
    for line in spec.pseudo:
        yield from ((p, PSEUDO) for p in phrases(line))
    for name, lines in spec.concepts.items():
        for line in lines:
            yield from ((p, f"concept:{name}") for p in phrases(line))
    for label, words in ((BREAK, spec.breaks), (PAIR_BREAK, spec.pair_breaks),
                         (HEDGE, spec.hedges)):
        yield from ((p, label) for word in words for p in phrases(word))
    for mod in spec.modifiers:
        for side, lines in (("before", mod.before), ("opening", mod.opening),
                            ("after", mod.after), ("break", mod.breaks),
                            (BEFORE_BREAK, mod.before_breaks)):
            for line in lines:
                # "i" and "my" survive normalize() as themselves; fillers do not.
                yield from ((p, f"{side}:{mod.name}") for p in list(phrases(line)) or [line])
    for key, lines in spec.conditional.items():
        yield from ((p, f"{CONDITIONAL}{key}") for line in lines for p in phrases(line))


def phrase_labels(spec: SafetySpec) -> dict[str, list[str]]:
    """The engine's phrase table as data: normalized phrases by label (what
    skill.nlu.stored keeps ahead of time)."""
    grouped: dict[str, list[str]] = {}
    for phrase, label in _entries(spec):
        grouped.setdefault(label, []).append(phrase)
    return grouped


def table_inputs(spec: SafetySpec) -> object:
    """What ``phrase_labels`` computes from: the file and the lexicon ``phrases`` uses."""
    return spec, loader.load_content().lexicon


class Engine:
    """The compiled safety file: one phrase table, rules and modifier scopes."""

    def __init__(self, spec: SafetySpec, labelled: Mapping[str, Sequence[str]] | None = None,
                 today: Callable[[], date] = dated.today) -> None:
        """``labelled``: ``phrase_labels(spec)`` computed ahead of time; ``today``: the
        calendar a named year or month is read by (skill.nlu.dated)."""
        self.spec, self.today = spec, today
        grouped = phrase_labels(spec) if labelled is None else labelled
        self.table = PhraseTable((p, label) for label, found in grouped.items() for p in found
                                 if not label.startswith(CONDITIONAL))
        self.clauses = Clauses({label[len(CONDITIONAL):]: found for label, found in grouped.items()
                                if label.startswith(CONDITIONAL)})
        self.rule_labels = tuple((r, tuple(f"concept:{c}" for c in r.concepts))
                                 for r in spec.rules)
        # each rule by its first concept label: a text's spans name the few rules to try
        self._rules_of: dict[str, list[int]] = {}
        for number, (_, labels) in enumerate(self.rule_labels):
            self._rules_of.setdefault(labels[0] if labels else "", []).append(number)
        self.scopes = tuple(Scope.of(m.name, m.status, m.before_window, m.after_window,
                                     m.across_breaks) for m in spec.modifiers)
        # the scopes a rule's finding or a symptom's mention reads (status_at reads all);
        # those that say the patient does not have it (a question still speaks of the topic)
        self.finding_scopes = tuple(s for s, m in zip(self.scopes, spec.modifiers, strict=True)
                                    if not m.words_only)
        self.ruling_out = tuple(s for s in self.finding_scopes if s.status in DENIED)
        self._scanned = lru_cache(maxsize=SCANS_KEPT)(self._scan)
        # Single words that negate (cut with a negated symptom), and their glue: built with
        # the engine (5 ms of normalizing), not on the first question denying a symptom.
        self.negators = frozenset(
            w for m in spec.modifiers if m.status == "negated" for line in m.before
            for p in phrases(line) for w in p.split() if len(p.split()) == 1) | _NEGATION_GLUE
        # concept label -> the intents whose rules (but for mere parts) or mentions use it
        self.intents_of: dict[str, set[str]] = {}
        pairs = [*((c, r.intent) for r in spec.rules for c in r.concepts if c not in spec.parts),
                 *spec.mentions.items()]
        for concept, intent in pairs:
            self.intents_of.setdefault(f"concept:{concept}", set()).add(intent)
        # concept label -> the intent of a concept that is a symptom alone (a mention)
        self.symptoms = {f"concept:{c}": (i,) for c, i in spec.mentions.items()}

    def scan(self, text: str) -> Scanned:
        """The spans of ``text`` (the last few texts' kept: routing reads one text's
        findings, concerns and reading)."""
        return self._scanned(text)

    def _scan(self, text: str) -> Scanned:
        words = text.split()
        spans = dated.undated(self.table.scan(words), words, self.today())
        return Scanned([_opening(span, words) for span in spans], *self.clauses.asked(words))

    def concerned(self, text: str) -> frozenset[str]:
        """Intents one of whose symptom concepts ``text`` names, unless a modifier rules
        that mention out for the patient (another experiencer such as a kitchen, a denial,
        a resolved complaint): "how hot is it in the kitchen" is no evidence of a wound."""
        return self._named(text, self.ruling_out, self.intents_of)

    def reported(self, text: str, found: Sequence[Finding] = ()) -> frozenset[str]:
        """Intents one of whose symptoms (``mentions``) ``text`` reports, outside
        ``found``'s findings that are no report: "the redness went away but now it's
        draining"."""
        offsets = _offsets(text)
        told = [(f.start, f.end) for f in found if f.status != REPORTED]
        return self._named(text, self.finding_scopes, self.symptoms, lambda span: not any(
            start <= offsets[span.start][0] and offsets[span.end - 1][1] <= end
            for start, end in told))

    def _named(self, text: str, scopes: tuple[Scope, ...],
               intents_of: Mapping[str, Iterable[str]],
               counts: Callable[[Span], bool] = lambda span: True) -> frozenset[str]:
        scanned = self.scan(text)
        labels = {label for span in scanned.spans for label in span.labels
                  if label in intents_of and counts(span) and scanned.status(
                      [(span.start, span.end)], scopes, REPORTED,
                      ASKED if scopes is self.finding_scopes else None) == REPORTED}
        return frozenset(i for label in labels for i in intents_of[label])

    def pseudo_positions(self, text: str) -> frozenset[int]:
        """The word indices inside a pseudo phrase: neither concept nor trigger."""
        return frozenset(i for span in self.scan(text).spans if PSEUDO in span.labels
                         for i in range(span.start, span.end))

    def status_at(self, text: str, positions: Iterable[int]) -> str:
        """The modifiers' status of the words at ``positions`` (word indices): a topic word
        in a question, a denial or a past complaint is no report."""
        return self.scan(text).status(((i, i + 1) for i in positions), self.scopes, REPORTED,
                                      ASKED)

    def _status(self, scanned: Scanned, rule: safety_spec.Rule, parts: list[Span]) -> str:
        """A rule's parts' status; after a contrast, its later words' ("" if none)."""
        def judged(spans: list[Span]) -> str:
            return scanned.status(((s.start, s.end) for s in spans), self.finding_scopes,
                                  REPORTED, ASKED)
        status = "" if rule.only_across else judged(parts)
        later = after_contrast(scanned, parts) if rule.contrast and status in (RESOLVED, "") else []
        return judged(later) if later else status

    def findings(self, text: str) -> list[Finding]:
        """Every rule match (any status) and every mention that is not a report."""
        if not (scanned := self.scan(text)).spans:
            return []
        offsets, found = _offsets(text), list[Finding]()
        tried = sorted(n for label in ("", *scanned.indices) for n in self._rules_of.get(label, ()))
        for rule, labels in map(self.rule_labels.__getitem__, tried):  # in the file's order
            if not all(label in scanned.indices for label in labels):
                continue
            for parts, nearest in pairings(scanned, labels, rule.window, rule.contrast):
                if not (status := self._status(scanned, rule, parts)) or not (
                        nearest or status == REPORTED):  # farther partners: reports only
                    continue  # (or only across a contrast, and none stands between)
                first, last = min(p.start for p in parts), max(p.end for p in parts)
                found.append(Finding(rule.intent, rule.name, offsets[first][0],
                                     offsets[last - 1][1], status))
        for concept, intent in self.spec.mentions.items():
            for span in scanned.with_label(f"concept:{concept}"):
                status = scanned.status([(span.start, span.end)], self.finding_scopes,
                                        REPORTED, ASKED)
                if status != REPORTED:
                    found.append(Finding(intent, f"{concept} mentioned",
                                         offsets[span.start][0], offsets[span.end - 1][1],
                                         status))
        return found


def _opening(span: Span, words: list[str]) -> Span:
    """An ``opening:`` trigger is a ``before:`` one as the question's first words or a
    second question's after ALTERNATIVE, and nothing anywhere else."""
    if not any(label.startswith(OPENING) for label in span.labels):
        return span
    labels = {label for label in span.labels if not label.startswith(OPENING)}
    if span.start == 0 or words[span.start - 1] == ALTERNATIVE:
        labels |= {"before:" + label[len(OPENING):] for label in span.labels
                   if label.startswith(OPENING)}
    return Span(span.start, span.end, frozenset(labels))


def _offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) characters of each word of single-spaced text."""
    out, cursor = [], 0
    for word in text.split(" "):
        out.append((cursor, cursor + len(word)))
        cursor += len(word) + 1
    return out


def _compiled(content: Content) -> Engine:
    # The phrase table built ahead of time is keyed by the spec it comes from: a
    # clinic's own safety file under another root is compiled here.
    spec = safety_spec.load(content.root)
    return Engine(spec, stored.lookup(loader.data_root(), "safety", table_inputs(spec)))


def engine_of(content: Content) -> Engine:
    """The safety file of ``content``'s root, compiled once per Content (a clinic's edit
    under ``--root`` is what routes)."""
    return content.derive(_compiled)


def default_engine() -> Engine:
    """The skill's own safety file."""
    return engine_of(loader.load_content())


def findings(text: str) -> list[Finding]:
    """Every symptom finding in normalized ``text``, with the shipped safety file."""
    return default_engine().findings(text)


def first_reported(found: list[Finding]) -> Finding | None:
    return next((f for f in found if f.status == REPORTED), None)


def without_negated(text: str, found: list[Finding], engine: Engine | None = None) -> str:
    """``text`` without its denied findings and the negating words just before them."""
    spans = sorted((f.start, f.end) for f in found if f.denied)
    if not spans:
        return text
    negators = (engine or default_engine()).negators
    pieces, cursor = [], 0
    for start, end in spans:
        if start < cursor:
            cursor = max(cursor, end)
            continue
        head = text[cursor:start].split()
        while head and head[-1] in negators:
            head.pop()
        pieces.append(" ".join(head))
        cursor = end
    pieces.append(text[cursor:])
    return " ".join(" ".join(pieces).split())

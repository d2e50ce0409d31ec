"""A question that names only a broad area several topics share ("tell me about the
pain": what to expect, or the pain medicine?), read from intents/_areas.yaml.

With no topic in the conversation to read it in, such a question is asked back with
the two of the area's topics the router ranks higher, in the file's order (the guide's:
what to expect, then the medicine), so the question is the same whatever the wording.
A question is broad when every word of it (as the router normalizes it) is a word of
an area, a frame word (asking, people, determiners, "after the surgery") or a question
form all the topics of its first area answer ("how long", for healing), and none of
that area's ``unless`` forms picks one of its topics. A reported symptom is never
asked back: the safety layer answers it first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Final

from skill.content import loader, yamltext
from skill.content.spec import Content, ContentError, Problem
from skill.nlu import asks, clauses, safety, vague
from skill.nlu.lexicon import lexicon_of
from skill.nlu.normalize import normalize
from skill.nlu.router import Router

Phrase = tuple[str, ...]
AREA_KEYS: Final = frozenset({"words", "topics", "asks", "unless"})
# How many ranked candidates to order an area's topics by: the router's own view.
CANDIDATES: Final = 10


@dataclass(frozen=True)
class Area:
    """One broad area: its words, its topics (in the file's order), the question forms
    its topics share and the forms that pick one of them."""

    name: str
    words: frozenset[Phrase]
    topics: tuple[str, ...]
    asks: frozenset[Phrase] = frozenset()
    unless: tuple[Phrase, ...] = ()


@dataclass(frozen=True)
class Areas:
    """The broad areas in the file's order, and the words that frame a question."""

    areas: tuple[Area, ...] = ()
    frame: frozenset[Phrase] = frozenset()
    lengths: tuple[str, ...] = ()  # the topics that answer "how long" (skill.nlu.lengths)

    @cached_property
    def owner(self) -> dict[Phrase, Area]:
        """An area word -> its area (the first area listing it)."""
        return {w: a for a in reversed(self.areas) for w in a.words}

    @cached_property
    def longest(self) -> int:
        phrases = [*self.owner, *self.frame, *(p for a in self.areas for p in a.asks)]
        return max(map(len, phrases), default=0)

    def broad(self, words: list[str]) -> Area | None:
        """The area ``words`` name and nothing besides, if any (rules above)."""
        area = next((self.owner[p] for at in range(len(words))
                     for p in self._phrases(words, at, self.owner.keys())), None)
        if area is None or any(_contains(words, form) for form in area.unless):
            return None
        known = {*self.owner, *self.frame, *area.asks}
        at = 0
        while at < len(words):
            phrase = next(self._phrases(words, at, known), None)
            if phrase is None:
                return None
            at += len(phrase)
        return area

    def _phrases(self, words: list[str], at: int, known: Any) -> Any:
        """The phrases of ``known`` that start at ``at``, longest first."""
        return (p for n in range(min(self.longest, len(words) - at), 0, -1)
                if (p := tuple(words[at:at + n])) in known)


def _contains(words: list[str], phrase: Phrase) -> bool:
    return any(tuple(words[i:i + len(phrase)]) == phrase for i in range(len(words)))


def path_of(root: Path) -> Path:
    return loader.intents_dir(root) / "_areas.yaml"


def _phrases(value: Any, what: str, problems: list[str],
             norm: Any) -> tuple[Phrase, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{what}: expected a list of words")
        return ()
    return tuple(tuple(norm(v).split()) for v in value)


def parse(raw: Any, topics: frozenset[str], urgent: frozenset[str],
          norm: Any = str.lower) -> tuple[Areas, list[str]]:
    """The areas and frame words of a parsed _areas.yaml (each phrase through ``norm``,
    the router's normalization), and the file's problems."""
    body = raw if isinstance(raw, dict) else {}
    specs = body.get("areas")
    if not isinstance(specs, dict):
        return Areas(), ["expected 'areas': a mapping of names to {words, topics}"]
    problems: list[str] = []
    found: list[Area] = []
    for name, spec in specs.items():
        spec = spec if isinstance(spec, dict) else {}
        members = spec.get("topics")
        if (not isinstance(members, list) or len(members) < 2
                or not set(members) <= topics - urgent):
            problems.append(f"areas.{name}: 'topics' must list two or more topics, none urgent")
            members = []
        unknown = sorted(set(map(str, spec)) - AREA_KEYS)
        if unknown:
            problems.append(f"areas.{name}: unknown key {unknown[0]!r}")
        words = _phrases(spec.get("words"), f"areas.{name}.words", problems, norm)
        asks = _phrases(spec.get("asks", []), f"areas.{name}.asks", problems, norm)
        unless = _phrases(spec.get("unless", []), f"areas.{name}.unless", problems, norm)
        found.append(Area(str(name), frozenset(words), tuple(members), frozenset(asks),
                          unless))
    frame = _phrases(body.get("frame"), "frame", problems, norm)
    lengths = body.get("lengths", [])
    if not isinstance(lengths, list) or not set(lengths) <= topics - urgent:
        problems.append("lengths: expected a list of topics, none urgent")
        lengths = []
    return Areas(tuple(found), frozenset(frame), tuple(lengths)), problems


def load(content: Content) -> Areas:
    """``content``'s broad areas (none without _areas.yaml); raises ContentError on a
    malformed file. Call through ``content.derive(load)``: read once."""
    path = path_of(content.root)
    if not path.is_file():
        return Areas()
    lexicon = lexicon_of(content)
    found, problems = parse(yamltext.value(path.read_text(encoding="utf-8")),
                            frozenset(content.topic_intents), content.urgent_intents,
                            lambda text: normalize(text, lexicon) or text.lower())
    if problems:
        raise ContentError([Problem(str(path), problem) for problem in problems])
    # an area that answers "how long" answers every duration cue ("how much time")
    lasting = frozenset(content.derive(asks.cues).get("duration", ()))
    return replace(found, areas=tuple(
        replace(a, asks=a.asks | lasting) if lasting & a.asks else a for a in found.areas))


def ask_back(router: Router, content: Content, text: str) -> tuple[str, str] | None:
    """The two topics to ask back between when ``text``, or the question it asks after
    a preamble that names neither of them (skill.nlu.vague: "real quick, what about her
    pain?"), names only a broad area, in the file's order; None for any other question
    or a reported symptom."""
    found = _ask_back(router, content, text)
    if found is not None or router.explain(text).findings:
        return found
    said = clauses.split(text)
    found = _ask_back(router, content, said[-1].text) if len(said) > 1 else None
    # the preamble may name a topic, only none of those asked back between ("I'm
    # caring for my mother-in-law at home. What about pain?")
    return found if found and vague.after_preamble(router, text, found) else None


def _ask_back(router: Router, content: Content, text: str) -> tuple[str, str] | None:
    explained = router.explain(text, CANDIDATES)
    if safety.first_reported(explained.findings) is not None:
        return None
    area = content.derive(load).broad(explained.normalized.split())
    if area is None:
        return None
    rank = {c.intent: -c.score for c in explained.candidates}
    likeliest = sorted(area.topics, key=lambda t: (rank.get(t, 0.0), area.topics.index(t)))
    first, second = sorted(likeliest[:2], key=area.topics.index)
    return first, second

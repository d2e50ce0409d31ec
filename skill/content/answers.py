"""responses.yaml entries as typed answers: sentences with their sources, facets, related.

An entry (loader.py hands it over as a plain mapping)::

    lifting_limit:
      source: Recovery and Rehabilitation        # the guide section, or none
      speech:                                    # the first reply
        - say: Early in recovery, don't lift more than [[10 pounds]].
          from: Avoid lifting more than 10 pounds   # guide words, or policy/<name>
      more: [...]                                # given on "yes" / "tell me more"
      facets:                                    # one point of the topic, asked alone
        how_long:
          asks: duration                         # a kind of question (``_asks`` below)
          words: [lift, carry]                   # the concept that selects it
          speech: [...]
      related: {housework: lifting_limit}        # uncovered topic -> answer with its rule

``from`` may list several sources when a sentence joins them. The reserved entry ``_asks``
names kinds of question by their words (``duration: [how long, until when]``); a facet
with ``asks`` is chosen for a question of that kind, with its ``words`` if it has any.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from skill.content.spec import Content

POLICY_PREFIX: Final = "policy/"
# The product's own lines, which are not guide facts; the review sheet lists them apart.
POLICIES: Final = {
    "emergency": "An emergency: call the emergency number now. The skill never calls anyone.",
    "not-medical-advice": "This is general information from the clinic's guide, not medical "
    "advice.",
    "guide-is-silent": "The guide does not cover this, or gives no number or duration: "
    "say so and refer to the care team.",
    "at-the-line": "A reading exactly at the guide's line: suggest calling to be safe.",
    "configuration": "Configuration: the care team's phone number, the clinic's name.",
    "brand-name": "A brand name said back as the guide's medicine name; never a dose.",
    "conversation": "How the conversation works: greetings, prompts, what the skill covers.",
}
PARTS: Final = ("speech", "more")
# The entry of responses.yaml that holds the kinds of question, not an answer.
ASKS_KEY: Final = "_asks"
# The placeholder that names the care team in an answer's words (spoken with its phone
# number when one is configured).
CARE_TEAM: Final = "{care_team}"


@dataclass(frozen=True)
class Sentence:
    """One sentence to say and where its content comes from."""

    say: str
    sources: tuple[str, ...]

    @property
    def quotes(self) -> tuple[str, ...]:
        """The guide's words this sentence conveys (its non-policy sources)."""
        return tuple(s for s in self.sources if not s.startswith(POLICY_PREFIX))

    @property
    def policies(self) -> tuple[str, ...]:
        return tuple(s[len(POLICY_PREFIX):] for s in self.sources if s.startswith(POLICY_PREFIX))


@dataclass(frozen=True)
class Facet:
    """One point of a topic, with the words that ask about it."""

    name: str
    words: tuple[str, ...]
    speech: tuple[Sentence, ...]
    asks: tuple[str, ...] = ()  # the kinds of question it answers, keys of _asks
    asked_by: tuple[str, ...] = ()  # those kinds' words


@dataclass(frozen=True)
class Answer:
    key: str
    source: str
    speech: tuple[Sentence, ...]
    more: tuple[Sentence, ...] = ()
    facets: dict[str, Facet] = field(default_factory=dict)
    related: dict[str, str] = field(default_factory=dict)
    kinds: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # _asks, shared

    def part(self, part: str, facet: str | None = None) -> tuple[Sentence, ...]:
        """The sentences of ``part``; a facet's first reply, and after it the rest."""
        chosen = self.facets.get(facet or "")
        if chosen is None:
            return self.speech if part == "speech" else self.more
        if part == "speech":
            return chosen.speech
        said = {s.say for s in chosen.speech}
        return tuple(s for s in (*self.speech, *self.more) if s.say not in said)


class AnswerError(ValueError):
    """An entry that does not have the answer shape."""


def _sentences(raw: Any, where: str) -> tuple[Sentence, ...]:
    if not isinstance(raw, list) or not raw:
        raise AnswerError(f"{where}: expected a list of {{say, from}} sentences")
    out = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping) or not isinstance(item.get("say"), str):
            raise AnswerError(f"{where}[{i}]: needs a 'say' string")
        sources = item.get("from")
        if isinstance(sources, str):
            sources = [sources]
        if not isinstance(sources, list) or not sources or not all(
                isinstance(s, str) and s.strip() for s in sources):
            raise AnswerError(f"{where}[{i}] {item['say']!r}: needs a 'from' source")
        out.append(Sentence(" ".join(item["say"].split()), tuple(" ".join(s.split())
                                                                    for s in sources)))
    return tuple(out)


def _strings(raw: Any) -> tuple[str, ...] | None:
    if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
        return None
    return tuple(raw)


def _facets(raw: Any, where: str, kinds: Mapping[str, tuple[str, ...]]) -> dict[str, Facet]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise AnswerError(f"{where}: expected a mapping of facet names")
    facets = {}
    for name, body in raw.items():
        if not isinstance(body, Mapping):
            raise AnswerError(f"{where}.{name}: expected words and speech")
        words = _strings(body.get("words") or [])
        raw_asks = body.get("asks") or []
        asks = _strings([raw_asks] if isinstance(raw_asks, str) else raw_asks)
        unknown = [kind for kind in asks or () if kind not in kinds]
        if asks is None or unknown:
            raise AnswerError(f"{where}.{name}: asks {unknown or raw_asks!r}: not a kind "
                              f"in {ASKS_KEY}")
        if words is None or not (words or asks):
            raise AnswerError(f"{where}.{name}: needs a list of 'words', or 'asks'")
        facets[str(name)] = Facet(str(name), words,
                                  _sentences(body.get("speech"), f"{where}.{name}.speech"),
                                  asks, tuple(w for kind in asks for w in kinds[kind]))
    return facets


def question_kinds(entries: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """The ``_asks`` entry: kind of question -> its words (malformed kinds left out;
    ``parse_all`` reports them)."""
    raw = entries.get(ASKS_KEY) or {}
    if not isinstance(raw, Mapping):
        return {}
    return {str(k): words for k, v in raw.items() if (words := _strings(v))}


def parse(key: str, raw: Any, kinds: Mapping[str, tuple[str, ...]] | None = None) -> Answer:
    """One entry; raises AnswerError when it is malformed."""
    if not isinstance(raw, Mapping):
        raise AnswerError(f"{key}: expected a mapping")
    related = raw.get("related") or {}
    if not isinstance(related, Mapping) or not all(
            isinstance(v, str) for v in related.values()):
        raise AnswerError(f"{key}.related: expected topic -> answer key")
    return Answer(
        key=key,
        source=str(raw.get("source") or "none"),
        speech=_sentences(raw.get("speech"), f"{key}.speech"),
        more=_sentences(raw["more"], f"{key}.more") if raw.get("more") is not None else (),
        facets=_facets(raw.get("facets"), f"{key}.facets", kinds or {}),
        related={str(k): v for k, v in related.items()},
        kinds=kinds or {},
    )


def parse_all(entries: Mapping[str, Any]) -> tuple[dict[str, Answer], list[str]]:
    """Every well-formed entry, and a message for each malformed one."""
    answers, errors = {}, []
    kinds = question_kinds(entries)
    raw_kinds = entries.get(ASKS_KEY) or {}
    if not isinstance(raw_kinds, Mapping) or len(kinds) != len(raw_kinds):
        errors.append(f"{ASKS_KEY}: expected kind -> a list of question words")
    for key, raw in _answer_entries(entries).items():
        try:
            answers[key] = parse(key, raw, kinds)
        except AnswerError as error:
            errors.append(str(error))
    return answers, errors


def _answer_entries(entries: Mapping[str, Any]) -> dict[str, Any]:
    """The entries that are answers: every key but the ``_`` settings such as ``_asks``."""
    return {str(key): raw for key, raw in entries.items() if not str(key).startswith("_")}


class Parsed(Mapping[str, Answer]):
    """The well-formed entries of ``parse_all``, each parsed when first looked up: a
    request needs one or two answers of the fifty, and a cold start none."""

    def __init__(self, entries: Mapping[str, Any]) -> None:
        self._raw = _answer_entries(entries)
        self._kinds = question_kinds(entries)
        self._parsed: dict[str, Answer | None] = {}  # None: malformed

    def __getitem__(self, key: str) -> Answer:
        if key not in self._parsed:
            try:
                self._parsed[key] = parse(key, self._raw[key], self._kinds)
            except AnswerError:
                self._parsed[key] = None
        found = self._parsed[key]
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return (key for key in self._raw if key in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def of(content: Content) -> Mapping[str, Answer]:
    """``content``'s well-formed answers, each parsed once per Content (``si-skill
    validate`` names the malformed ones)."""
    return content.derive(_parsed)


def _parsed(content: Content) -> Mapping[str, Answer]:
    return Parsed(content.responses)


def facet_vocabulary(answers: Mapping[str, Answer]) -> dict[str, tuple[str, ...]]:
    """Facet name -> every word that selects it in any answer (the FACET slot type)."""
    words: dict[str, dict[str, None]] = {}
    for answer in answers.values():
        for facet in answer.facets.values():
            said = facet.words or facet.asked_by  # what Alexa may hear for the point
            words.setdefault(facet.name, {}).update(dict.fromkeys(said))
    return {name: tuple(found) for name, found in sorted(words.items())}

"""The clinic's content as typed objects: what ``skill.content.loader`` returns.

``Content`` holds everything the skill says and understands, read from one root
directory. Lists of intents (topic, urgent, built-in) and answer keys are derived from
the data here, never written down a second time in code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Final, TypeVar

# Alexa's namespace for its built-in intents ("AMAZON.HelpIntent").
BUILTIN_PREFIX: Final = "AMAZON."
# The slot that marks a route to an urgent intent as a mention of its symptom that is no
# report ("the redness went away yesterday"): its value is the mention's status, and the
# answer is the intent's calm_answer. The local router sets it from its reading, never
# from the words as a slot value; from Alexa, only an exact value of its type counts.
MENTION_SLOT: Final = "mention"

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file, printed as ``path:line: message``."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """The content under a root cannot be loaded; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class IntentSpec:
    """One intents/<Name>.yaml file."""

    name: str
    description: str = ""
    answer: str | None = None  # the responses.yaml key this intent is answered with
    # An urgent intent's answer for a mention of its symptom that is no report (MENTION_SLOT)
    calm_answer: str | None = None
    urgent: bool = False
    router: bool = True  # False: Alexa-only intent the local router never picks
    end_session: bool = False  # the answer closes the session (stop, an emergency)
    samples: tuple[str, ...] = ()
    # samples the local router learns from but Alexa's model does not: a question about
    # a symptom, which Alexa could only hand to the urgent answer (no mention slot there)
    local_samples: tuple[str, ...] = ()
    # samples Alexa's model learns from but the local router does not: a report in
    # everyday words, which the local router's safety engine reads from _safety.yaml
    model_samples: tuple[str, ...] = ()
    slots: dict[str, str] = field(default_factory=dict)
    domain: tuple[str, ...] = ()  # topic evidence the router's domain gate asks for
    heads: tuple[str, ...] = ()  # the words that name the topic itself (skill.nlu.heads)
    path: str = ""
    # _common.yaml's expansion rules, which the samples' ``<rule>`` references name.
    rules: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def builtin(self) -> bool:
        return self.name.startswith(BUILTIN_PREFIX)

    @property
    def every_sample(self) -> tuple[str, ...]:
        """Every sample line, whichever side learns from it: the router, Alexa or both."""
        return (*self.samples, *self.local_samples, *self.model_samples)


@dataclass(frozen=True)
class SlotValue:
    """One value of a custom slot type in _common.yaml."""

    name: str
    id: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """intents/_lexicon.yaml: the spoken-language vocabulary ``normalize()`` applies."""

    fillers: tuple[str, ...] = ()
    # sounds that are a hesitation alone but a word in a phrase ("the er" is the emergency
    # room): dropped after the rewrites, so a phrase key can hold them
    hesitations: tuple[str, ...] = ()
    caregivers: tuple[str, ...] = ()
    # the words before a carer that make it the one cared for: "my", and dialect forms
    # of it ("ma wife", "me husband")
    carer_determiners: tuple[str, ...] = ()
    bare_caregivers: tuple[str, ...] = ()
    # kin names said bare as the one who does, never as an owner: "can nan lift it", while
    # "nan's flight" stays another's ("nan" is the patient only where "i" would stand)
    bare_subjects: tuple[str, ...] = ()
    others: tuple[str, ...] = ()  # people and animals who are not the patient
    compounds: tuple[str, ...] = ()  # words said or heard split in two: "over night"
    senses: tuple[str, ...] = ()  # the guide's words in another sense: "nuclear fusion"
    conditions: tuple[str, ...] = ()  # other illnesses and conditions: "strep throat"
    anchors: tuple[str, ...] = ()  # words that tie a question to the recovery: "surgery"
    operations: tuple[str, ...] = ()  # other operations: "knee replacement", "vasectomy"
    operated_parts: tuple[str, ...] = ()  # what another operation is on: "knee", "eye"
    operated_as: tuple[str, ...] = ()  # said after one, an operation: "done", "surgery"
    own_anchors: tuple[str, ...] = ()  # words of this operation alone: "fusion", "si"
    affairs: tuple[str, ...] = ()  # everyday affairs in recovery words: "salary", "stocks"
    requests: tuple[str, ...] = ()  # openings of everyday requests: "set a timer", "play"
    clause_openers: tuple[str, ...] = ()  # the words a second question opens on: "when"
    tongues: tuple[str, ...] = ()  # other tongues' grammar words, code-switched: "ko", "que"
    lifted: tuple[str, ...] = ()  # everyday things one lifts: "toddler", "suitcase"
    sat_in: tuple[str, ...] = ()  # everyday things one sits in or through: "recliner"
    pastimes: tuple[str, ...] = ()  # pastimes gone back to: "bowls", "golf"
    phrases: Mapping[str, str] = field(default_factory=dict)  # every kind's rewrites
    mishearings: frozenset[str] = frozenset()  # the keys that are mishearings
    # another tongue's number words -> English ones: "treinta" -> "thirty"
    number_words: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Content:
    """Intents, slot types, lexicon and answers from one root directory.

    ``responses`` maps each answer key to its entry as written (an opaque mapping: how
    an answer is rendered is ``skill.alexa.responses``' business)."""

    root: Path
    intents: tuple[IntentSpec, ...] = ()
    slot_types: Mapping[str, tuple[SlotValue, ...]] = field(default_factory=dict)
    expansion_rules: Mapping[str, str] = field(default_factory=dict)
    lexicon: Lexicon = field(default_factory=Lexicon)
    responses: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    _derived: dict[Callable[[Content], Any], Any] = field(
        default_factory=dict, repr=False, init=False
    )

    @cached_property
    def by_name(self) -> Mapping[str, IntentSpec]:
        return {spec.name: spec for spec in self.intents}

    @cached_property
    def builtin_intents(self) -> tuple[str, ...]:
        """Alexa's built-in intents this skill declares (AMAZON.*), in file order."""
        return tuple(spec.name for spec in self.intents if spec.builtin)

    @cached_property
    def topic_intents(self) -> tuple[str, ...]:
        """The skill's own question-and-answer intents: not built-in, with an answer."""
        return tuple(s.name for s in self.intents if not s.builtin and s.answer is not None)

    @cached_property
    def urgent_intents(self) -> frozenset[str]:
        """Intents marked ``urgent: true``: answered care team (or 911) first."""
        return frozenset(spec.name for spec in self.intents if spec.urgent)

    def answer_key(self, intent: str) -> str | None:
        """The responses.yaml key ``intent`` is answered with, if it names one."""
        spec = self.by_name.get(intent)
        return spec.answer if spec is not None else None

    def derive(self, make: Callable[[Content], T]) -> T:
        """``make(self)``, computed once per Content: the compiled lexicon, the router and
        the like live with the data they come from, not in module-level caches."""
        if make not in self._derived:
            self._derived[make] = make(self)
        found: T = self._derived[make]
        return found

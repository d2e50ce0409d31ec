"""The router's samples in their normalized form: what building a router costs.

Every router intent's sample lines are expanded and each sentence is normalized and
given its slot placeholders (``sample_form``): about 11,000 sentences, the bulk of a
cold start's first free-form question. ``sample_forms()`` computes them;
``skill.nlu.stored`` keeps them ahead of time, next to the interaction models.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from skill.content.spec import MENTION_SLOT, IntentSpec
from skill.content.templates import expand
from skill.nlu.lexicon import Lexicon
from skill.nlu.slots import SlotVocabulary, sample_form

# Alexa's carrier for the FACET slot: never routed, skill.nlu.facets finds the facet
# locally.
FACET_PLACEHOLDER: Final = "{facet}"
# Alexa's carriers the router never matches: the FACET slot, and the MENTION slot (the
# router reads a symptom's mention itself, skill.nlu.calm).
CARRIERS: Final = (FACET_PLACEHOLDER, "{" + MENTION_SLOT + "}")


@dataclass(frozen=True)
class SampleForms:
    """Distinct normalized samples and the intent each was first seen in."""

    choices: tuple[str, ...]
    labels: tuple[str, ...]

    def as_json(self) -> dict[str, list[str]]:
        """The forms by intent, in order (an intent's forms come together)."""
        grouped: dict[str, list[str]] = {}
        for choice, label in zip(self.choices, self.labels, strict=True):
            grouped.setdefault(label, []).append(choice)
        return grouped

    @classmethod
    def from_json(cls, grouped: Mapping[str, Sequence[str]]) -> SampleForms:
        pairs = [(choice, label) for label, choices in grouped.items() for choice in choices]
        return cls(tuple(c for c, _ in pairs), tuple(label for _, label in pairs))


def sample_forms(
    intents: Iterable[IntentSpec], vocabulary: SlotVocabulary, lexicon: Lexicon
) -> SampleForms:
    """The normalized samples of every intent the router places, each form once."""
    seen: dict[str, str] = {}
    for spec in intents:
        if not spec.router:
            continue
        for line in (*spec.samples, *spec.local_samples):
            for sentence in expand(line, spec.rules):
                if not any(carrier in sentence for carrier in CARRIERS):
                    seen.setdefault(sample_form(sentence, vocabulary, lexicon), spec.name)
    return SampleForms(tuple(seen), tuple(seen.values()))

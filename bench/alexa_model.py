"""A model-only stand-in for Alexa's NLU: how well the interaction model alone understands.

    python bench/alexa_model.py [--splits dev test blind]

In production Alexa's NLU learns only from interaction_model/en-US.json; the local
router's normalization, domain gate and safety rules are not there. This stand-in
learns from the same thing: every sample of the generated model, slots filled with
their slot type's values (numbers spoken as people say them), a TF-IDF (word 1-2 grams)
+ logistic regression classifier (scikit-learn, the ``bench`` extra). A question whose
best probability is under a threshold goes to AMAZON.FallbackIntent, as Alexa's
fallback sensitivity would send it. Scored on the frozen test and blind splits (only
measured, never trained on): accuracy, urgent recall (urgent cases that reach an
urgent intent, whose handler sends the user to the care team or 911), false urgent
(everyday requests and other topics' questions, no report, that reach an urgent intent),
911 for a non-emergency (cases whose intent is not EmergencyIntent that reach it) and
everyday requests declined, per threshold. ``--splits dev`` scores the split that
may be tuned on.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.content import loader  # noqa: E402
from skill.review import cases  # noqa: E402
from skill.review.cases import Case  # noqa: E402

FALLBACK = "AMAZON.FallbackIntent"
EMERGENCY = "EmergencyIntent"
DECLINED = {FALLBACK, "UncoveredTopicIntent"}
# Spoken numbers for AMAZON.NUMBER slots (body temperatures and small counts alike).
NUMBERS = ["ninety nine", "a hundred", "one oh one", "one hundred two", "a hundred and three",
           "thirty eight", "thirty nine", "five", "ten", "two"]
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
SLOT = re.compile(r"\{(\w+)\}")


def slot_values(model: dict[str, object]) -> dict[str, list[str]]:
    """Spoken values of every custom slot type (names and synonyms)."""
    language = model["interactionModel"]["languageModel"]  # type: ignore[index]
    values: dict[str, list[str]] = {}
    for kind in language["types"]:
        values[kind["name"]] = [
            word for v in kind["values"] for word in [v["name"]["value"], *v["name"]["synonyms"]]
        ]
    return values


def training_data(model: dict[str, object]) -> tuple[list[str], list[str]]:
    """Samples with their slots filled, cycling through each slot type's values."""
    language = model["interactionModel"]["languageModel"]  # type: ignore[index]
    values = slot_values(model)
    texts: list[str] = []
    labels: list[str] = []
    for intent in language["intents"]:
        types = {s["name"]: s["type"] for s in intent.get("slots", [])}
        cycles = {
            name: itertools.cycle(values.get(kind) or NUMBERS) for name, kind in types.items()
        }

        def fill(match: re.Match[str], cycles: dict[str, Iterator[str]] = cycles) -> str:
            return next(cycles[match.group(1)])

        for sample in intent["samples"]:
            texts.append(SLOT.sub(fill, sample))
            labels.append(intent["name"])
    return texts, labels


def train(texts: list[str], labels: list[str]) -> Pipeline:
    classifier = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
        LogisticRegression(C=10.0, max_iter=3000),
    )
    classifier.fit(texts, labels)
    return classifier


def score(classifier: Pipeline, held: list[Case], urgent_intents: set[str]) -> None:
    probabilities = classifier.predict_proba([c.text for c in held])
    classes = classifier.classes_
    print(f"  {'threshold':>9} {'accuracy':>9} {'urgent recall':>14} {'false urgent':>13}"
          f" {'911 non-emergency':>18} {'declined':>9}")
    for threshold in THRESHOLDS:
        predicted = [
            classes[row.argmax()] if row.max() >= threshold else FALLBACK for row in probabilities
        ]
        pairs = list(zip(held, predicted, strict=True))
        accuracy = sum(c.intent == p for c, p in pairs) / len(held)
        urgent = [p in urgent_intents for c, p in pairs if c.urgent]
        false = [p in urgent_intents for c, p in pairs
                 if not c.urgent and c.intent not in urgent_intents]
        wrong_911 = [p == EMERGENCY for c, p in pairs if c.intent != EMERGENCY]
        off = [p in DECLINED for c, p in pairs if c.intent == FALLBACK]
        print(f"  {threshold:>9.1f} {accuracy:>9.1%} {_share(urgent):>14.1%}"
              f" {_share(false):>13.1%} {_share(wrong_911):>18.1%} {_share(off):>9.1%}")


def _share(flags: list[bool]) -> float:
    """The share of true flags (0 when there are none)."""
    return sum(flags) / max(len(flags), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="+",
                        default=["test", "blind", "blind2", "blind3", "blind4", "blind5"])
    args = parser.parse_args()
    model = json.loads(loader.model_path().read_text(encoding="utf-8"))
    texts, labels = training_data(model)
    classifier = train(texts, labels)
    urgent_intents = {spec.name for spec in loader.load_content().intents if spec.urgent}
    print(f"trained on {len(texts)} samples of {len(set(labels))} intents "
          f"(interaction_model/en-US.json only)")
    for split in args.splits:
        held = cases.load([ROOT / "tests" / "cases" / split])
        print(f"\n{split}: {len(held)} cases ({sum(c.urgent for c in held)} urgent)")
        score(classifier, held, urgent_intents)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

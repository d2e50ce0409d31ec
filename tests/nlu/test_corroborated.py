"""A question about the patient that says two words of its topic's domain evidence
(skill.nlu.named: Named.corroborated)."""

import pytest

from skill.nlu.router import FALLBACK, route


def test_two_naming_words_about_the_patient_name_the_topic() -> None:
    text = "my missus wonders whether the bones bond into a single piece in time"
    assert route(text).intent == "FusionHealingIntent"


@pytest.mark.parametrize("text", [
    # one everyday word of a topic's evidence
    "what are we watching on the telly tonight",
    # two words, but no person: nobody's recovery is asked about
    "do bones bond into a single piece in time",
])
def test_one_word_or_nobody_stays_declined(text: str) -> None:
    assert route(text).intent == FALLBACK

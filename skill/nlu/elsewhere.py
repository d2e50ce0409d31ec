"""Another condition: a question about an illness the guide does not treat.

"What are the symptoms of strep throat" shares "symptoms" with the reasons to call the
care team, and "what can my diabetic uncle snack on" shares eating with the uncovered
topics; neither is about recovering from the fusion. A question that names one of the
lexicon's ``conditions`` and none of its ``anchors`` (the words that tie a question to
the recovery: surgery, incision, fusion...) is about something else, and the router
declines it. A reported urgent symptom is decided before this and still answered.
"""

from __future__ import annotations

from skill.nlu.normalize import Lexicon


def names_another_condition(normalized: str, lexicon: Lexicon) -> bool:
    """Whether ``normalized`` names another condition and nothing of the recovery."""
    if lexicon.conditions is None or lexicon.conditions.search(normalized) is None:
        return False
    return lexicon.anchors.isdisjoint(normalized.split())

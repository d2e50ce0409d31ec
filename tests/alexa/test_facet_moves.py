"""A question moved to the topic whose point it names, through the whole conversation:
a symptom only named, a question declined that names a topic by its head word and a
point of it apart. Phrasings are the team's own, not from the frozen sets."""

from __future__ import annotations

import pytest

from skill.alexa.conversation import Conversation


def _point(conversation: Conversation, text: str) -> tuple[str, str | None, bool]:
    conversation.reset()
    turn = conversation.ask(text)
    last = conversation.attributes.get("last")
    facet = last.get("facet") if isinstance(last, dict) else None
    return turn.route.intent, facet, turn.urgent


@pytest.mark.parametrize(("text", "intent", "facet"), [
    # a symptom's words said of the fusion: its permanence, not the wound
    ("will my joint stay fixed for good or can it come undone",
     "AboutProcedureIntent", "permanence"),
    # pain named in a question about who it is for: everyday life is the guide's daily life
    ("does the pain have to ruin your everyday life before they operate",
     "CandidacyIntent", "quality_of_life"),
])
def test_a_symptom_only_named_gives_way_to_the_point_named(conversation, text, intent,
                                                            facet):
    assert _point(conversation, text) == (intent, facet, False)


def test_a_symptom_supposed_to_come_keeps_the_answer_of_what_to_do(conversation):
    # "later on" is a word of the risks' nearby point; the question asks what to do then
    found, _, urgent = _point(conversation, "what if my incision starts draining later on")
    assert found != "RisksIntent" and not urgent


@pytest.mark.parametrize("text", [
    "what is the risk to the adjacent levels",
    "is there any risk of nearby discs wearing out",
])
def test_a_topic_named_by_its_head_with_a_point_apart_gets_that_point(conversation, text):
    assert _point(conversation, text) == ("RisksIntent", "nearby", False)


@pytest.mark.parametrize("text", [
    # the head alone, the rest no point of it
    "what's the risk of hail tonight",
    # the head and the point in the same words: an age limit for anything
    "is there an age limit for the rollercoaster",
    # a number asked, the recovery named by the head word alone: "walker" is a cane's
    # kin and a surname
    "how much does a dog walker charge per hour",
])
def test_a_head_word_without_a_point_apart_stays_declined(conversation, text):
    assert _point(conversation, text)[0] == "AMAZON.FallbackIntent"


def test_a_second_question_offered_after_or_asks_and_a_report_still_reports(conversation):
    assert _point(conversation, "will the relief last or does the pain come back") == (
        "BenefitsIntent", "lasting", False)
    assert _point(conversation, "my pain came back or got worse today")[2]




@pytest.mark.parametrize(("text", "intent", "facet"), [
    # the router's two closest topics, the procedure and who it is for (too close to call):
    # only the procedure's permanence is named, so it is answered rather than asked back
    ("Is the stability achieved with SI joint fusion temporary or for good?",
     "AboutProcedureIntent", "permanence"),
    # a number asked of the wound, declined for a low score: its measure (none given)
    ("about how many millimetres wide would my incision end up", "ProcedureStepsIntent",
     "cut_size"),
])
def test_a_point_named_alone_is_answered_not_asked_back_or_declined(conversation, text,
                                                                    intent, facet):
    content = conversation.content
    conversation.reset()
    conversation.ask(text)
    last = conversation.attributes.get("last")
    assert isinstance(last, dict)
    assert (last.get("key"), last.get("facet")) == (content.answer_key(intent), facet)

"""A symptom named but not reported (denied, over, or asked about): its topic's calm
answer, never the urgent one; a report stays urgent."""

from __future__ import annotations

import pytest

from skill.alexa import responses
from skill.content import loader
from skill.content.spec import MENTION_SLOT
from skill.nlu.router import FALLBACK, Step, explain, route


def answered(text: str) -> tuple[str, str | None, bool]:
    """The intent, the answer key and whether the answer is urgent."""
    found = route(text)
    content = loader.load_content()
    if content.answer_key(found.intent) is None:
        return found.intent, None, False
    choice = responses.select(found.intent, found.slots, content)
    return found.intent, choice.key, choice.urgent


@pytest.mark.parametrize(("text", "intent", "key"), [
    ("no drainage, no redness, it's healing nicely", "IncisionConcernIntent", "incision_calm"),
    ("the redness went away yesterday", "IncisionConcernIntent", "incision_calm"),
    ("the incision was leaking the first day but it's completely dry now",
     "IncisionConcernIntent", "incision_calm"),
    ("my mom's incision isn't red anymore, it looks good", "IncisionConcernIntent",
     "incision_calm"),
    ("the swelling around her cut has gone down", "IncisionConcernIntent", "incision_calm"),
    ("how much redness is too much around the cut", "IncisionConcernIntent", "incision_calm"),
    ("the infection cleared up after the antibiotics", "InfectionSignsIntent",
     "infection_calm"),
    ("she doesn't have chills anymore", "InfectionSignsIntent", "infection_calm"),
    ("what does an infected incision look like", "InfectionSignsIntent", "infection_calm"),
    ("what should we do if his pain starts getting worse instead of better",
     "WorseningPainIntent", "worsening_pain_calm"),
    # a question about the symptom's signs, its own samples nearest: no call named
    ("what are the signs of infection", "InfectionSignsIntent", "infection_calm"),
    ("how do u tell if its infected", "InfectionSignsIntent", "infection_calm"),
    ("how would i know if the wound has become infected", "InfectionSignsIntent",
     "infection_calm"),
])
def test_a_symptom_named_but_not_reported_gets_the_calm_answer(text, intent, key):
    assert answered(text) == (intent, key, False)
    assert explain(text).route.rule.step is Step.CALM


@pytest.mark.parametrize("text", [
    "my incision is red",
    "my wife's incision is leaking",
    "no fever, but there's some pus",
    "the incision was dry yesterday but now it's oozing",
    "i have the chills and my incision is hot",
    "my pain is getting worse every day",
])
def test_a_report_stays_urgent(text):
    intent, _, urgent = answered(text)
    assert urgent, (text, intent)


@pytest.mark.parametrize("text", [
    "the redness went away but now it's draining",  # a report beside the settled one
    "my dog's incision is red",  # someone else's
    "my nose bled a little earlier but it stopped on its own",  # another body part
])
def test_no_calm_answer_where_it_would_mislead(text):
    found = route(text)
    assert found.intent == FALLBACK
    assert MENTION_SLOT not in found.slots


@pytest.mark.parametrize(("text", "intent"), [
    ("is pain normal after surgery", "PainExpectationsIntent"),
    ("what are the risks", "RisksIntent"),
    # pain that is easing: what pain to expect, not pain that gets worse
    ("my pain is a lot better than yesterday", "PainExpectationsIntent"),
    # the question names calling itself: the reasons to call
    ("the bleeding stopped yesterday and its dry now just checking what to watch for",
     "WhenToCallIntent"),
    ("what if the incision starts oozing, do i call somebody", "WhenToCallIntent"),
    ("what signs of infection mean i should phone the surgeon", "WhenToCallIntent"),
    ("how do i know if the wound is infected enough to contact the clinic",
     "WhenToCallIntent"),
])
def test_a_topic_that_answers_better_keeps_the_question(text, intent):
    assert answered(text)[:1] == (intent,)
    assert answered(text)[2] is False


def test_the_mention_slot_is_never_read_from_the_words():
    # "resolved" and "asked" are the slot type's values, but said, they fill nothing
    found = route("i asked the nurse and my incision is red and draining")
    assert found.intent == "IncisionConcernIntent"
    assert MENTION_SLOT not in found.slots
    assert answered("i asked the nurse and my incision is red and draining")[2] is True


@pytest.mark.parametrize("text", [
    "is chest pain after surgery normal",
    "is it normal to feel numb in my leg after the operation",
    "what should i do if i get chest pain",
])
def test_a_question_about_an_emergency_s_symptom_is_never_reassured(text):
    # the reasons to call, not "pain is expected"; and no 911 for a question
    intent, _, urgent = answered(text)
    assert intent == "WhenToCallIntent" and not urgent


def test_a_topic_named_beside_a_question_about_an_urgent_symptom_keeps_the_reasons_to_call():
    intent, _, urgent = answered("what pain medicine is okay if my incision is red")
    assert intent == "WhenToCallIntent" and not urgent


def test_a_fever_over_is_the_fever_topic_never_urgent():
    found = route("my fever broke on tuesday and it has stayed away since")
    assert found.intent == "FeverIntent"
    assert not responses.select(found.intent, found.slots, loader.load_content()).urgent


@pytest.mark.parametrize("text", [
    "no fever today, 98.4, just letting you know",
    "she has no fever, checked it twice this morning",
])
def test_a_fever_denied_and_nothing_asked_gets_the_fever_line_calmly(text):
    intent, key, urgent = answered(text)
    assert (intent, key, urgent) == ("FeverIntent", "fever", False)


@pytest.mark.parametrize("text", [
    "no fever and no pain, when can i go back to the office",
    "i don't have a fever, can i take ibuprofen",
    # or before an everyday request: declined as the request
    "no fever, so put the kettle on",
    "i don't have a fever, start the dishwasher",
])
def test_a_fever_denied_before_a_question_is_no_fever_answer(text):
    assert route(text).intent != "FeverIntent"

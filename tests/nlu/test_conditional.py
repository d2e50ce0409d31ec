import pytest
import yaml

from skill.content import safety_spec
from tests.support.urgency import urgent


@pytest.mark.parametrize(
    "text",
    [
        # a clause that supposes what may come, under a question or advice head before it
        "should i worry if my toes go numb",
        "should i worry if i get chest pain",
        "what if i fall and am not able to get up",
        "is it bad if my leg goes numb",
        "who do i call in case the fever goes over 101",
        "in case the incision bleeds what should i do",
        "can i take an extra pill if the pain gets worse",
        # the speaker's thinking is no progressive report
        "should i worry if my foot goes numb, i am only wondering",
    ],
)
def test_a_supposed_clause_under_a_question_is_not_urgent(text):
    assert not urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        # told in the clause: a past time, a report marker, the present progressive
        "is it bad if i fell yesterday",
        "is it bad if it's been bleeding since lunch",
        "what if i'm bleeding right now",
        "what if i fell this morning",
        "should i worry if my incision is already leaking",
        "should i worry if my wound is leaking",
        # no question governs it, or the clause is past
        "when i woke up my leg was numb and it still is",
        "in case it matters my incision is leaking",
        "once i sat down i couldn't feel my legs, what do i do",
        # a report in a second clause or around the question
        "i don't know if it's normal but my incision is leaking",
        "when i stand up my leg goes numb, what should i do",
        "i have a fever of 102, if it goes higher what do i do",
        # a habit or a time told, and a report in the main clause after the supposition
        "when i breathe in my chest hurts, should i worry",
        "whenever i cough it bleeds through, what should i do",
        "post-op day three, incision's red and weeping, what do i do",
        "if i bend over the incision splits open is that normal",
        "if anything the pain is worse, should i call",
        "is it bad if my incision is still leaking",
        # a state said now may be the speaker's own
        "should i worry if i can't feel my toes",
        "is it bad if i can't breathe when i lie down",
        "should i worry if my incision is red",
        "is it ok if i have some pus coming out of my incision today",
        # a reading told in the clause is no supposition either
        "is it normal if i have a fever of 102 right now",
        "if my temperature is 102 now should i call",
    ],
)
def test_a_clause_told_as_a_report_stays_urgent(text):
    assert urgent(text)


def test_a_misspelt_conditional_key_is_refused():
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    raw["conditional"]["opener"] = ["if"]
    with pytest.raises(safety_spec.SpecError, match="conditional: unknown key 'opener'"):
        safety_spec.parse(raw)


@pytest.mark.parametrize(
    "text",
    [
        # "if" after knowing or telling is "whether": its progressive tells nothing
        "how would i know if i am getting an infection",
        "how can we tell if she is getting a fever",
    ],
)
def test_whether_after_knowing_asks(text):
    assert not urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        "i can tell i am getting an infection, the wound is hot and oozing",
        "what if i am bleeding right now",
    ],
)
def test_a_progressive_told_outside_whether_still_reports(text):
    assert urgent(text)

"""Everyday words a speaker adds around an urgent report leave it urgent: a place it
happened, a plea for what to do, a hedge, a comparison with the past."""

import pytest

from skill.content import loader
from skill.nlu.router import route
from skill.review.evaluate import flagged_urgent

REPORTS = [
    "my husband fell",
    "my wife can't breathe",
    "my dad has chest pain",
    "my incision is oozing",
    "i have a fever of 102",
]

# (words, where they go): before or after the report
CONTEXTS = [
    ("outside in the garden", "after"),
    ("outside in the garden", "before"),
    ("at home", "before"),
    ("at the table", "before"),
    ("what do i do", "before"),
    ("what should i do now", "before"),
    ("what does it mean", "before"),
    ("first time ever", "after"),
    ("the worst it's ever been", "after"),
    ("i suppose", "before"),
    ("it never used to do this", "before"),
    ("same as before surgery", "after"),
]


def _said(report: str, words: str, where: str) -> str:
    return f"{words}, {report}" if where == "before" else f"{report}, {words}"


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize(("words", "where"), CONTEXTS)
def test_everyday_words_around_a_report_keep_it_urgent(report, words, where):
    text = _said(report, words, where)
    assert flagged_urgent(route(text), loader.load_content()), text


@pytest.mark.parametrize(
    "text",
    [
        "my husband fell outside",
        "my mum collapsed outside the house",
        "this is the worst pain i've ever had",
        "i have chest pain, is that a 911 thing",
        "i broke out in a fever, it's 102",
        "my husband collapsed, is that reason to call 911",
    ],
)
def test_where_and_how_bad_keep_a_report_urgent(text):
    assert flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize(
    "text",
    [
        # the weather's heat, a question in general, a supposition, a past complaint
        "it's 102 degrees outside today, should i still go for my walk",
        "what do i do for numbness",
        "what does it mean when the incision oozes",
        "suppose my incision gets red",
        "will i ever get a fever",
        "i used to faint",
        "i had numbness before surgery",
        # a share of people, not the patient
        "how many people get an infection after this surgery, what percent",
        "what percentage of patients end up with numbness in the leg",
        # a pet by its pet name, a learner's "but now is finish", a sudden symptom supposed
        "my kitty has a sore on her back that's weeping",
        "last week i had the chills but now is finish",
        "if sudden numbness comes in the legs should i go to the emergency room",
        "the fever broke last night, thank god",
        # whether something is an emergency
        "is chest pain after surgery a 911 thing",
        "is numbness a good reason to call an ambulance",
        # a fear of what may come; less of a sign than there was; a place out of doors;
        # air let out of a system
        "my wife is terrified of catching a fever in the hospital",
        "the swelling on my scar has shrunk, can i go swimming",
        "it's 39 degrees out on the farm, is it ok to walk",
        "how often should i bleed the radiators",
    ],
)
def test_near_misses_stay_calm(text):
    assert not flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    # a friend who finds the patient: the scope of the friend's story ends at the patient
    "my neighbor came over and found her on the floor and not breathing",
    # a fear beside a reading: the reading decides
    "scared of getting a fever, it's 102 right now",
    # a time after the second number: no ratio
    "she was up to 102.6 by 4 this morning",
])
def test_reviewed_reports_stay_urgent(text):
    assert flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    # a question's own time after a chance
    "what are the chances my leg goes numb now that i'm home",
    # a pain that stops
    "my leg quit hurting yesterday",
])
def test_reviewed_questions_stay_calm(text):
    assert not flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    # a judgement's "that" presupposes what follows it: a report, asked about ("is it
    # normal that ..." asks, as in the morning build: review of 27 November)
    "is it ok that i keep getting the shivers tonight",
])
def test_a_report_after_a_judgements_that_is_urgent(text):
    assert flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    # the same frame over someone else's wound, or a denial
    "is it normal that my dog's incision is oozing",
    "is it usual that my incision is not red any more",
    # a deep breath that brings a pull on is taken: "can't X without Y"
    "is it normal that i cannot take a full breath without it catching",
])
def test_an_others_wound_or_a_denial_after_that_stays_calm(text):
    assert not flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    # a risk said with a modal of what may come: a question, not a report
    "is it serious that i may catch an infection in the hospital",
    "the wound could start bleeding in the shower, is that a worry",
    "i could come down with a fever after this, is that normal",
    "might the stitches open when i bend",
])
def test_a_risk_said_with_a_modal_stays_calm(text):
    assert not flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    # a worry about what is, or a report beside the risk
    "i think i might have an infection",
    "my incision is oozing, could i get an infection",
])
def test_a_report_beside_a_modal_stays_urgent(text):
    assert flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    # a chance whose "that" or "of" says what may come, an illness picked up is caught,
    # and a "that" typed apart is the frame's own complement
    "what are the odds that my dad picks up an infection from this operation",
    "what are the odds, like an actual percentage, that my dad picks up an infection from "
    "this operation",
    "what is the likelihood that she gets an infection",
    "what are the odds of picking up an infection from it",
])
def test_a_chance_of_what_may_come_stays_calm(text):
    assert not flagged_urgent(route(text), loader.load_content())


@pytest.mark.parametrize("text", [
    # an infection picked up, a possession beside the chance, a report typed apart
    "i think my wife picked up an infection",
    "what is the chance that my wound is infected now",
    "can i take ibuprofen, that pain is getting much worse",
])
def test_an_infection_picked_up_or_a_wound_beside_a_chance_stays_urgent(text):
    assert flagged_urgent(route(text), loader.load_content())

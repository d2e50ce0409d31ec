"""Text through router and skill together: what a user hears and whether it is urgent."""

from __future__ import annotations

import pytest

from skill.alexa.session import Act
from tests.support.heldout import CASES

URGENT_CASES = [c for c in CASES if c["urgent"]]


def test_held_out_urgent_flag_matches_through_the_whole_skill(conversation):
    mismatched = []
    for case in CASES:
        conversation.reset()
        shown = conversation.ask(case["text"]).as_dict()
        if shown["intent"] == case["intent"] and shown["urgent"] != case["urgent"]:
            mismatched.append((case["text"], shown["urgent"]))
    assert mismatched == []


@pytest.mark.parametrize("case", URGENT_CASES, ids=[c["text"][:40] for c in URGENT_CASES])
def test_every_urgent_phrase_sends_user_to_care_team_or_911(conversation, case):
    shown = conversation.ask(case["text"]).as_dict()
    first = shown["speech"].split(". ")[0].lower()
    assert "care team" in first or "nine one one" in shown["speech"].lower()
    assert shown["urgent"] is True


def test_conversation_carries_session_across_turns(conversation):
    conversation.launch()
    assert conversation.ask("when can I sit longer").as_dict()["intent"] == "SittingIntent"
    more = conversation.ask("tell me more").as_dict()
    assert "walker" in more["speech"]
    assert conversation.ask("repeat that").as_dict()["speech"] == more["speech"]
    bye = conversation.ask("stop").as_dict()
    assert bye["end_session"] is True and bye["reprompt"] is None


def test_a_reply_in_other_words_is_read_as_the_reply_on_the_local_door(conversation):
    conversation.launch()
    conversation.ask("can I lift my laundry basket")
    more = conversation.ask("uh huh keep going")
    assert more.state.act.value == "more" and "three to four months" in more.as_dict()["speech"]
    bye = conversation.ask("no that's everything").as_dict()
    assert bye["end_session"] is True


@pytest.mark.parametrize("text", ["how many hours is the surgery",
                                  "how long will she actually be under for the fusion itself"])
def test_a_question_nearly_a_sample_of_its_topic_keeps_its_topic(conversation, text):
    """Another topic's point of time ("how many hours" at a time for sitting) does not
    move a question the router placed by a near-whole sample."""
    turn = conversation.ask(text)
    assert turn.route.intent == "SurgeryDurationIntent"
    assert "hour" in turn.as_dict()["speech"].lower()


def test_no_surgery_said_of_someone_else_is_no_point_of_the_risks(conversation):
    """'he didn't have any surgery' names no risk: the everyday question is declined."""
    turn = conversation.ask("my son has a fever of 102 he didnt have any surgery what can i "
                            "give him")
    assert turn.route.intent == "AMAZON.FallbackIntent"


@pytest.mark.parametrize("text", [
    "how long does a sprained ankle take to heal",
    "what are the benefits of a costco membership",
    "my old dog has been limping on his back leg since monday, what should i do for him",
])
def test_a_declined_question_naming_nothing_of_the_recovery_stays_declined(conversation, text):
    # a point's words ("take to heal", "benefits of", "on his back") without a word that
    # ties the question to the surgery are no reason to answer a recovery topic
    shown = conversation.ask(text).as_dict()
    assert shown["intent"] == "AMAZON.FallbackIntent" and shown["urgent"] is False


def test_a_declined_question_naming_the_surgery_still_gets_the_point(conversation):
    shown = conversation.ask("how long does the fusion take to heal").as_dict()
    assert shown["intent"] == "FusionHealingIntent"


@pytest.mark.parametrize(("text", "intent"), [
    ("please, what is the lifting restriction after sacroiliac fusion", "LiftingIntent"),
    ("could you outline the possible complications of si fusion", "RisksIntent"),
])
def test_the_surgerys_name_is_context_not_a_question_about_its_names(conversation, text,
                                                                      intent):
    assert conversation.ask(text).as_dict()["intent"] == intent


def test_a_question_about_the_names_still_gets_that_point(conversation):
    shown = conversation.ask("are sacroiliac fusion and si fusion different operations")
    assert "same surgery" in shown.as_dict()["speech"]


@pytest.mark.parametrize("said", ["can i do it yet", "and is that for long?", "how come tho"])
def test_a_question_naming_nothing_with_nothing_said_is_asked_about(conversation, said):
    conversation.reset()
    turn = conversation.ask(said)
    assert turn.state.act is Act.PROMPT


def test_how_long_of_an_answer_that_is_a_length_is_that_answer_again(conversation):
    conversation.reset()
    conversation.ask("how long is the surgery")
    turn = conversation.ask("how long does all that take start to finish")
    assert turn.state.act is Act.ANSWER and turn.state.topic == "SurgeryDurationIntent"
    assert "hour" in turn.as_dict()["speech"]

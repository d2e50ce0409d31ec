"""A declined question mid-conversation that names nothing itself is decided in the
session's topic and the topics related to it (skill/nlu/insession.py,
intents/_related.yaml)."""

from __future__ import annotations

import pytest

from skill.content import loader
from skill.content.spec import ContentError
from skill.nlu import asks, insession
from skill.nlu.router import router_for


def decide(text, topic):
    content = loader.load_content()
    found = insession.decide(router_for(content), content, text, topic)
    return found.intent if found is not None else None


def test_a_question_that_names_nothing_is_read_among_the_related_topics():
    assert decide("ok then who is it for", "AboutProcedureIntent") == "CandidacyIntent"
    assert decide("ok and in general how much should he be doing",
                  "LiftingIntent") == "ActivityIntent"


def test_no_topic_no_reading():
    assert decide("ok then who is it for", None) is None


@pytest.mark.parametrize("text", [
    "what's the time", "what's your name", "set a timer for ten minutes",
    "what's the weather like tomorrow", "how much can I take", "what's good for a migraine",
    "it is what it is",  # a remark, not a question
])
def test_chatter_and_questions_that_name_their_own_things_stay_declined(text):
    assert decide(text, "LiftingIntent") is None


def test_a_question_no_related_topic_takes_asks_the_topic_again():
    # closed-class words alone, referring back: the question just answered, asked again
    assert decide("and could my brother do it", "CandidacyIntent") == "CandidacyIntent"
    assert decide("would he have it", "LiftingIntent") == "LiftingIntent"
    # words about the advice itself name no topic of their own
    assert decide("so is that a firm guideline or just advice", "WalkingIntent") == \
        "WalkingIntent"


def test_a_symptom_is_never_read_so():
    assert decide("ok and is it bleeding again", "IncisionConcernIntent") is None


def test_the_file_names_known_topics_and_refers_only_with_plain_words(tmp_path):
    topics = frozenset({"LiftingIntent", "SittingIntent"})
    related, problems = insession.parse(
        {"groups": {"moving": ["LiftingIntent", "SittingIntent"]},
         "plain": ["who", "is", "it", "for"], "refers": ["it"]}, topics)
    assert not problems and related.topics["LiftingIntent"] == topics
    assert related.names_nothing(["who", "is", "it", "for"])
    assert not related.names_nothing(["who", "is", "for"])
    assert insession.parse({"groups": {"x": ["NoSuchIntent"]}, "plain": [],
                            "refers": []}, topics)[1]
    assert insession.parse({"groups": {}, "plain": ["it"], "refers": ["he"]}, topics)[1]
    content = loader.load_content()
    assert insession.load(type(content)(root=tmp_path)).topics == {}
    (tmp_path / "intents").mkdir()
    insession.path_of(tmp_path).write_text("groups: 3\n", encoding="utf-8")
    with pytest.raises(ContentError):
        insession.load(type(content)(root=tmp_path))


def redirect(text, topic):
    content = loader.load_content()
    router = router_for(content)
    found = insession.redirect(router, content, text, router.route(text), topic)
    return found.intent if found is not None else None


def test_a_related_topic_that_matches_much_better_takes_the_question():
    assert redirect("ok and how far should I go", "WalkingIntent") == "WalkingIntent"
    # placed well by the router itself now (Activity's "okay to do"): nothing to move
    assert router_for().route("what's she not allowed to do yet").intent == "ActivityIntent"
    assert redirect("what's she not allowed to do yet", "LiftingIntent") is None


def test_a_question_placed_well_stays_where_it_is():
    assert redirect("what are the risks of the surgery", "WalkingIntent") is None
    assert redirect("ok and how far should I go", None) is None


def asks_reason(text):
    content = loader.load_content()
    return asks.asks_reason(router_for(content), content, text)


@pytest.mark.parametrize("text", ["why so long", "how come", "ok but why is that",
                                  "why do we do that",
                                  # longer, naming nothing and referring back
                                  "so why would somebody ever go for that one"])
def test_a_short_question_for_the_reason_of_what_was_said(text):
    assert asks_reason(text)


@pytest.mark.parametrize("text", [
    "why can't I sit in my recliner", "why is the surgery done face down",
    "why does my incision look red and swollen", "what's the time", "can I lift groceries",
])
def test_a_question_that_names_its_own_point_or_a_symptom_is_not(text):
    assert not asks_reason(text)


def asks_duration(text):
    content = loader.load_content()
    return asks.asks_duration(router_for(content), content, text)


@pytest.mark.parametrize("text", ["and how long must he stick to that",
                                  "and how long does he have to do that",
                                  # yes/no: whether it lasts long
                                  "will this take very long", "is it going to last a while"])
def test_a_question_for_how_long_what_was_said_holds(text):
    assert asks_duration(text)


@pytest.mark.parametrize("text", [
    "how long does it take to heal",  # names its own topic
    "how long is the drive",  # refers back to nothing
    "how long will my incision keep bleeding like that",  # a symptom
    "does it take long to heal",  # names its own topic
    "will he take it for long",  # nothing said of its length: the medicine taken
])
def test_a_duration_question_of_its_own_is_not(text):
    assert not asks_duration(text)


def continued(text, topic="UncoveredTopicIntent"):
    content = loader.load_content()
    found = insession.continued(router_for(content), content, text, topic)
    return found.intent if found is not None else None


def test_a_turn_carrying_the_question_on_names_its_topic_by_the_head_word():
    assert continued("and sitting through the whole film after") == "SittingIntent"
    assert continued("ok what about walking round the shops", "LiftingIntent") == "WalkingIntent"


@pytest.mark.parametrize("text", [
    "sitting through the whole film after",  # no continuation: a remark of its own
    "and the weather for tomorrow",  # no topic's head
    "and sitting or walking",  # two heads
])
def test_a_turn_that_carries_nothing_on_is_not_moved(text):
    assert continued(text) is None


def test_nothing_is_carried_on_without_a_topic_in_the_session():
    assert continued("and sitting through the whole film after", None) is None


def lasting(text, topic):
    content = loader.load_content()
    found = asks.lasting_elsewhere(router_for(content), content, text, topic)
    return found.intent if found is not None else None


def test_how_long_it_all_takes_goes_to_the_related_topic_that_gives_the_time():
    assert lasting("how long does it all take", "ProcedureStepsIntent") == "SurgeryDurationIntent"
    # a topic with its own point for how long keeps the question
    assert lasting("how long does it all take", "LiftingIntent") is None
    # the best topic is not a related one: nothing is moved
    assert lasting("and how long?", "WalkingIntent") is None


def test_a_move_asked_after_the_speakers_own_preamble_is_that_move():
    content = loader.load_content()
    router = router_for(content)
    found = insession.move(router, content,
                           "I only just got this speaker, what am I meant to say")
    assert found is not None and found.intent == "AMAZON.HelpIntent"
    # a clause asking about no move of the skill's stays declined
    assert insession.move(router, content, "I only just got this speaker, what is the time") \
        is None
    # after a preamble about someone else it is asked about them, not of the skill
    for said in ("my neighbour keeps asking about my back, what should I tell him",
                 "my son set this thing up for me, what am I meant to say"):
        assert insession.move(router, content, said) is None


def test_a_move_said_before_a_told_tail_is_that_move():
    content = loader.load_content()
    router = router_for(content)
    for said in ("say that again I want to write it down",
                 "can you repeat it slowly i didnt catch it"):
        found = insession.move(router, content, said)
        assert found is not None and found.intent == "AMAZON.RepeatIntent", said
    # a tail that names a topic, or the subject of a contracted "is", is no told tail
    for said in ("say that again i have to lift my baby",
                 "how long's my husband gonna be laid up after this"):
        assert insession.move(router, content, said) is None, said


def test_a_question_is_read_as_the_lexicon_reads_it_too():
    """Its fillers dropped and its words in their common forms ("actually" goes), a
    question that names nothing is read in the session like one said plainly."""
    assert decide("and how do they actually do it", "AboutProcedureIntent") \
        == "ProcedureStepsIntent"

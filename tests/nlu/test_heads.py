"""A question that names one topic by its head word (skill.nlu.heads)."""

import pytest

from skill.nlu.router import FALLBACK, route


@pytest.mark.parametrize(("text", "intent"), [
    # the topic's own word among words no sample uses
    ("can I lift my nephew's toy chest", "LiftingIntent"),
    ("will my dad be able to sit through a cricket test match", "SittingIntent"),
    ("is it okay to lug a full watering can", "LiftingIntent"),
    ("should my husband be walking to the letterbox yet", "WalkingIntent"),
    # no person, but asked whether it harms
    ("is sitting for a long stretch a problem early on", "SittingIntent"),
    # an uncovered topic by the slot's value, in a question asking leave
    ("could I hop over to Dublin on a plane in the spring", "UncoveredTopicIntent"),
    # no head said, leave asked: a thing the activity is done with (the lexicon's
    # lifted and sat_in) names it
    ("can my wife heave our toddler into the high chair yet", "LiftingIntent"),
    ("can I bring a bucket of water up to the hens", "LiftingIntent"),
    ("can I spend the evening in the rocker doing the jigsaw", "SittingIntent"),
    # a note or a clinician's question asks the topic's measure, no person in it
    ("maximum sitting stretch in a car?", "SittingIntent"),
    ("is early walking with a frame encouraged", "WalkingIntent"),
    ("typical lifting limit in the first month", "LiftingIntent"),
    # a pastime gone back to is a return to normal activities, in a question's own
    # order or told ("I'd love to know when I can"), or "will I be able to"
    ("when can my wife get back to her darts league", "ReturnToNormalIntent"),
    ("I'd love to know when I can go back to the choir", "ReturnToNormalIntent"),
    ("will I be able to go fishing off the pier this summer", "ReturnToNormalIntent"),
    # the time till a pastime is asked ("how long until", "how long till")
    ("how long until we are back at choir practice on a friday", "ReturnToNormalIntent"),
    # an uncovered topic's value with a yes-no tag closing the question asks leave
    ("a pint of cider with the sunday roast, yes or no", "UncoveredTopicIntent"),
    # an activity's head with a tag after it that asks leave, no person said
    ("carrying the twins up to bed, yes or no?", "LiftingIntent"),
    ("sitting out the whole wedding reception okay?", "SittingIntent"),
    # any place or pursuit gone back to, asked when
    ("when can i get back to the workshop", "ReturnToNormalIntent"),
    ("when will my husband be back at his allotment", "ReturnToNormalIntent"),
    # the pace of doing more is the activity's own: doing a bit more, adding a little,
    # easing into it
    ("could my uncle start doing a bit more around the boat yard", "ActivityIntent"),
    ("should we rush it or ease into things after the op", "ActivityIntent"),
    ("each sunday i add a little, is that how it should go", "ActivityIntent"),
])
def test_a_question_naming_one_topic_by_its_head_gets_that_topic(text, intent):
    assert route(text).intent == intent


@pytest.mark.parametrize("text", [
    # a head word in everyday talk: no person, no leave asked, no recovery named
    "lift the garage door",
    "what's the risk of hail tonight",
    "is it a risk to leave the oven on",
    # the assistant asked, or the word in another sense
    "can you carry a tune",
    "walk me through setting up my phone",
    # a technique asked for, not the guide's rule
    "how do I lift the lid of a chest freezer",
    # an uncovered topic's value in a story, or a how-to: no leave asked
    "we finally booked the flight to Lagos for the whole family",
    # a thing lifted or sat in, but no leave asked
    "our toddler learned to climb out of the cot",
    # a bit more of what is said, or more of nothing done: no pace of activity
    "could you explain a bit more about that",
    "nah i don't want any more",
    "remind me to take the buckets out to the hens",
    "the new rocker arrives on thursday",
    "what time does the golf course open",
    "the risk of frost tonight, yeah or nah",
    # a tag asks leave for an activity, not of a topic that is no activity
    "fever pitch at the match tonight, yes or no",
    # going back told, not asked when
    "we went back to the workshop after lunch",
    # getting back at someone is no place gone back to; a medicine gone back on is no pursuit
    "when can I get back at my brother for the prank",
    "when can I go back on the pill",
    # a visit to the care the recovery goes back to is no activity
    "when do we go back to the clinic",
    # a measure of something else than the recovery's rule
    "what is the average walking speed",
    "recommended walking shoes for a hike",
])
def test_a_head_word_in_everyday_talk_is_still_declined(text):
    assert route(text).intent == FALLBACK


def test_two_topics_named_by_their_heads_are_not_guessed():
    found = route("can I lift the shopping or sit in the car on the way")
    assert found.rule is None or "names its topic" not in str(found.rule)


def test_no_word_of_a_head_or_domain_term_is_a_filler():
    # a filler is gone after normalize(): "like before" would be the bare "before" of
    # every other question, a head of nothing in particular
    from skill.content import loader
    from skill.nlu.lexicon import lexicon_of
    from skill.nlu.normalize import normalize

    content = loader.load_content()
    lexicon = lexicon_of(content)
    lost = [(spec.name, term) for spec in content.intents
            for term in (*spec.heads, *spec.domain)
            for word in term.replace("*", "").split() if not normalize(word, lexicon)]
    assert lost == []


@pytest.mark.parametrize(("text", "intent"), [
    # a symptom denied, resolved or another's names no topic beside the question's head
    ("no fever and no redness, so can I start lifting the laundry basket", "LiftingIntent"),
    ("the chills are long gone, how long may I sit in the car now", "SittingIntent"),
    ("our goat has a fever but can I walk up to the barn", "WalkingIntent"),
    # nothing else named: the patient's own denial still names its topic
    ("I'm not running a fever at all, thankfully", "FeverIntent"),
])
def test_a_symptom_denied_or_anothers_names_no_topic_beside_a_head(text, intent):
    assert route(text).intent == intent


def test_anothers_symptom_alone_names_no_topic():
    assert route("the boiler's temperature is running hot again").intent == FALLBACK


def test_a_topic_named_by_its_head_wins_a_close_call_with_the_nearest_sample(monkeypatch):
    from skill.nlu import named

    text = "what pain medication is fine after the fusion"
    assert route(text).intent == "PainMedicationIntent"
    # without the margin, the pain topic's nearer sample answers
    monkeypatch.setattr(named, "HEAD_MARGIN", 0.0)
    assert route(text).intent == "PainExpectationsIntent"


def test_two_topics_too_close_to_call_are_still_asked_about():
    found = route("can my dad sit for the whole surgery day")
    assert found.intent == FALLBACK and found.alternatives


@pytest.mark.parametrize("text", ["can i breastfeed my baby", "am i allowed to feed the puppy"])
def test_a_thing_cared_for_without_lifting_it_names_no_lifting(text):
    assert route(text).intent != "LiftingIntent"


@pytest.mark.parametrize("text", ["can i sling a few hay bales yet",
                                  "can i babysit my grandkids next week",
                                  "can i mind the grandbaby on tuesday"])
def test_a_thing_handled_by_any_other_verb_still_names_lifting(text):
    assert route(text).intent == "LiftingIntent"


def test_a_weight_said_with_leave_asked_names_lifting():
    assert route("can i pick up my nephew, he is about 25 kilos").intent == "LiftingIntent"


@pytest.mark.parametrize("text", [
    "may i hoist the outboard motor onto the dinghy, it is about 40 pounds",
    "can i heft the outboard onto the dinghy, it is about 40 pounds",
])
def test_a_weight_said_with_leave_asked_lowers_the_floor_for_lifting(text):
    assert route(text).intent == "LiftingIntent"


def test_a_weight_without_leave_asked_names_nothing():
    assert route("my new suitcase is 23 kilos empty").intent == FALLBACK


@pytest.mark.parametrize("text", [
    # the temperature named as what a calling question asks
    "at what number on the thermometer do we phone the clinic",
    "how high does my temperature have to go before i ring them",
    # a reading told, then whether to call or worry
    "mum's thermometer says 99.1, should i be worried",
    "he is at 37.4 this evening, do we need to call anyone",
])
def test_a_calling_question_about_the_temperature_is_the_fever_line(text):
    assert route(text).intent == "FeverIntent"


@pytest.mark.parametrize(("text", "intent"), [
    # how to reach the team, or whom, is the contact answer's
    ("if my temperature goes up, what's the care team's phone number", "CareTeamContactIntent"),
    ("how do i reach the surgeon if the thermometer shows a fever", "CareTeamContactIntent"),
    ("what number do i call if i have a temperature", "CareTeamContactIntent"),
    # the list asked, the temperature one of its reasons
    ("what signs should i watch for besides a temperature", "WhenToCallIntent"),
])
def test_a_calling_question_beside_the_temperature_keeps_its_answer(text, intent):
    assert route(text).intent == intent

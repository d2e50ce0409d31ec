"""Mis-heard words are repaired by sound before routing (skill/nlu/phonetic.py)."""

from __future__ import annotations

import pytest

from skill.content import loader
from skill.nlu.normalize import normalize
from skill.nlu.router import Step, explain, route, router_for


@pytest.mark.parametrize(("said", "intent"), [
    ("can i take ad vill", "PainMedicationIntent"),
    ("what is sacred iliac joint fusion", "AboutProcedureIntent"),
    ("how long is the surgury", "SurgeryDurationIntent"),
    ("i have chess pain", "EmergencyIntent"),
    ("she can't breed", "EmergencyIntent"),
    ("i think i got an in fiction in my hip", "InfectionSignsIntent"),
    # pieces that sound exactly like one word, spelled the recognizer's way
    ("does she need fizz ical therapy", "PhysicalTherapyIntent"),
    ("the in sigh shun is red", "IncisionConcernIntent"),
])
def test_misheard_domain_words_are_repaired_by_sound(said, intent):
    assert route(said).intent == intent


def test_a_word_without_its_final_g_is_the_known_word():
    assert explain("my incision is leakin pinkish stuff").normalized == \
        "my incision is leaking pinkish stuff"
    assert route("the swellin round his incision is twice the size").intent == \
        "IncisionConcernIntent"
    # only an unknown word: "robin" is no "robing"
    assert explain("the robin is singing").normalized == "the robin is singing"


def test_the_repair_comes_from_the_index_not_from_a_lexicon_entry():
    lexicon = loader.load_content().lexicon
    assert not {"breed", "can not breed", "chess", "chess pain"} & set(lexicon.phrases)
    assert normalize("i can't breed") == "i can not breed"
    assert explain("i can't breed").normalized == "i can not breathe"


@pytest.mark.parametrize("text", [
    "play some music",
    "what is the weather tomorrow",
    "activate the lights",
    "can i play chess",
    "i am breeding dogs",
    "during surgery i am sleeping or awake",  # "sleeping" is not "seeping"
    "clean our room",  # "our room" is not "or room"
    "is my bed comfortable",  # never another form of the word: "uncomfortable"
    "i returned the shoes",  # a small word both keep is no likeness: not "the shakes"
    "when is my post surgery visit",  # "visit" is not "site"
    "what helps a stuffy nose",  # another condition, not "stiffness"
    "i had a spell of chills last week",  # a word only said or looked up: not "spill"
    "ma pal agnes had a fall at the bingo",  # a person's words are not joined into one
])
def test_ordinary_words_are_not_repaired(text):
    router = router_for()
    normalized = normalize(text, router.lexicon)
    assert router.phonetic is not None
    assert router.phonetic.repair(normalized) == normalized


def test_a_word_heard_alone_becomes_a_symptom_only_as_its_homophone():
    router = router_for()
    assert router.phonetic is not None
    symptoms = router.phonetic.words.symptoms
    for word in sorted(w for w in symptoms if len(w) >= 5 and w.isalpha()):
        near = word[:-1] + ("t" if word[-1] != "t" else "d")  # one consonant off
        assert near in symptoms or router.phonetic.repair(near) not in symptoms, near
    # a vowel for a vowel, the same sound: "feinted" is "fainted"; "stars" stay stars
    assert router.phonetic.repair("she feinted") == "she fainted"
    assert router.phonetic.repair("the black stars") == "the black stars"


@pytest.mark.parametrize(("text", "intent"), [
    ("i have a smelly wound", "InfectionSignsIntent"),
    ("my mom has a smelly wound", "InfectionSignsIntent"),
    ("i have infections at my incision", "InfectionSignsIntent"),
    ("the ooze from my wound is yellow", "IncisionConcernIntent"),
])
def test_a_repair_by_sound_never_hides_a_symptom_report(text, intent):
    # the safety file's own words are known words: never "repaired" into others
    found = route(text)
    assert found.intent == intent and found.rule is not None
    assert found.rule.step is Step.SAFETY


@pytest.mark.parametrize("text", ["i have cheese pain", "i can't bread", "shortness of bread"])
def test_an_everyday_word_heard_for_an_emergency_s_word_is_repaired(text):
    found = route(text)
    assert found.intent == "EmergencyIntent" and found.rule is not None
    assert found.rule.step is Step.SAFETY


@pytest.mark.parametrize(("said", "name"), [
    ("can i take a seat a mini fen tonight", "acetaminophen"),
    ("is tie lan all okay", "tylenol"),
    ("can i have i be profen", "ibuprofen"),
])
def test_a_long_name_heard_in_pieces_is_the_name(said, name):
    router = router_for()
    assert name in router.phonetic.repair(normalize(said, router.lexicon)).split()


@pytest.mark.parametrize("text", [
    "can i take a seat at the table",
    "can i pick up our little kayden he is about 2 stone",
])
def test_everyday_words_are_no_name_in_pieces(text):
    router = router_for()
    heard = normalize(text, router.lexicon)
    assert router.phonetic.repair(heard) == heard


def test_a_long_guide_word_in_pieces_near_its_sound_is_the_word():
    # "sacroil yak": a key one letter off sacroiliac's, spelt apart by the recognizer
    assert route("what does the sacroil yak joint do").intent == "AboutProcedureIntent"
    assert explain("is the sacroil yak joint fused for good").normalized.startswith(
        "is the si joint")
    # a first piece that is a word of its own keeps its words: "in tarnation" stays
    assert "induration" not in explain("what in tarnation is that joint").normalized


@pytest.mark.parametrize(("said", "meant"), [
    ("we need an amblence right now", "we need an ambulance right now"),
    ("call an ambience", "call an ambulance"),
])
def test_one_word_of_a_phrase_alike_by_sound_is_vouched_for_by_the_others(said, meant):
    assert explain(said).normalized == meant


@pytest.mark.parametrize("text", [
    "need an ambience playlist",
    "put on an ambience sounds track for the baby",
])
def test_a_phrase_word_naming_what_is_played_is_kept(text):
    assert "ambulance" not in explain(text).normalized
    assert route(text).intent != "EmergencyIntent"


@pytest.mark.parametrize("text", [
    "what is a normal fasting blood sugar",  # not "spitting blood": unlike by sound alone
    "the knicks are bleeding points again",
])
def test_a_phrase_word_unlike_by_its_own_sound_is_kept(text):
    assert explain(text).normalized == normalize(text)

"""Short replies read as dialogue acts by their cue words (intents/_replies.yaml)."""

from __future__ import annotations

import pytest

from skill.content import loader
from skill.content.spec import ContentError
from skill.nlu import announce, replies


@pytest.fixture(scope="module")
def read():
    return loader.load_content().derive(replies.load).read


@pytest.mark.parametrize(("said", "intent"), [
    ("uh huh keep going", "AMAZON.YesIntent"),
    ("yeah go ahead", "AMAZON.YesIntent"),
    ("no that's everything", "AMAZON.StopIntent"),
    ("nah I'm good thanks", "AMAZON.NoIntent"),
    ("ok calling now bye", "AMAZON.StopIntent"),
    ("I'm sorry dear, could you say that again", "AMAZON.RepeatIntent"),
])
def test_a_reply_to_a_yes_no_question(read, said, intent):
    assert read(said, True) == intent


@pytest.mark.parametrize("said", [
    "yes and now my incision is bleeding",  # a report: never hidden by the "yes"
    "yeah but can I lift my grandson",  # a new question
    "ok and what about for my mom",
    "ok can I call them",
    "why not",  # asks why something is not allowed
    "great, lovely",  # no act at all
])
def test_a_turn_with_more_than_cues_is_no_reply(read, said):
    assert read(said, True) is None


def test_yes_and_no_need_a_question_asked_goodbye_and_again_do_not(read):
    assert read("yeah go ahead", False) is None
    assert read("no thanks", False) is None
    assert read("ok bye", False) == "AMAZON.StopIntent"
    assert read("sorry, say that again", False) == "AMAZON.RepeatIntent"


def test_a_typed_reply_without_apostrophes_reads_the_same(read):
    assert read("no thats everything", True) == "AMAZON.StopIntent"


@pytest.mark.parametrize(("said", "intent"), [
    ("okay, talk to you later", "AMAZON.StopIntent"),  # a promise to speak again
    ("right, catch ya soon", "AMAZON.StopIntent"),
    ("thanks, you have a good one", "AMAZON.StopIntent"),  # a parting wish
    ("och, I'll let ye go", "AMAZON.StopIntent"),  # another English's second person
    ("hang on, what can it actually do", "AMAZON.HelpIntent"),
    ("a second, how do I use this thing anyway", "AMAZON.HelpIntent"),
    ("so what is this app actually for", "AMAZON.HelpIntent"),  # named as an app
    ("could you read it back again", "AMAZON.RepeatIntent"),
    ("keep them coming", "AMAZON.YesIntent"),
])
def test_a_cue_written_as_a_template_reads_every_form(read, said, intent):
    assert read(said, True) == intent


def test_a_cue_template_that_does_not_parse_is_a_problem():
    _, problems = replies.parse({"acts": {"yes": {
        "intent": "AMAZON.YesIntent", "question": True, "cues": ["(go on"]}}, "fillers": []},
        frozenset({"AMAZON.YesIntent"}))
    assert len(problems) == 1 and problems[0].startswith("acts.yes.cues: missing ')'")


def test_a_malformed_file_names_its_problems():
    found, problems = replies.parse(
        {"acts": {"yes": {"intent": "NoSuchIntent", "question": "maybe", "cues": "yes"}},
         "fillers": []}, frozenset({"AMAZON.YesIntent"}))
    assert len(problems) == 3 and all(p.startswith("acts.yes") for p in problems)
    assert replies.parse([], frozenset())[1]


def test_a_content_root_without_the_file_reads_no_replies(tmp_path):
    content = loader.load_content()
    assert replies.load(type(content)(root=tmp_path)).read("yes", True) is None
    (tmp_path / "intents").mkdir()
    replies.path_of(tmp_path).write_text("acts: {}\nfillers: 3\n", encoding="utf-8")
    with pytest.raises(ContentError, match="fillers"):
        replies.load(type(content)(root=tmp_path))


@pytest.mark.parametrize(("said", "intent"), [
    ("Stop there now", "AMAZON.StopIntent"),
    ("Yes po", "AMAZON.YesIntent"),
    ("Hush now, that's enough", "AMAZON.StopIntent"),
    ("help me out here", "AMAZON.HelpIntent"),
    ("scratch that", "AMAZON.CancelIntent"),
])
def test_a_declined_turn_of_one_moves_cue_words_is_that_move(said, intent):
    from skill.nlu.router import route

    assert route(said).intent == intent


@pytest.mark.parametrize("said", [
    "stop the music", "cancel my dentist appointment", "help me find my keys",
    "quiet carriage times on the train", "help i can't breathe",
])
def test_everyday_requests_and_reports_are_no_move(said):
    from skill.nlu.router import route

    assert route(said).intent not in {"AMAZON.StopIntent", "AMAZON.CancelIntent",
                                      "AMAZON.HelpIntent"}


@pytest.mark.parametrize(("said", "intent"), [
    ("whoops, forget it", "AMAZON.CancelIntent"),  # an exclamation before the move
    ("cancel my question", "AMAZON.CancelIntent"),  # the thing cancelled, the skill's
    ("go to the home screen", "AMAZON.NavigateHomeIntent"),
    ("main menu please", "AMAZON.NavigateHomeIntent"),  # home before the yes of "please"
    ("you may stop now", "AMAZON.StopIntent"),  # leave given to stop
    ("we are all good", "AMAZON.NoIntent"),
    ("what all can you help with", "AMAZON.HelpIntent"),  # Indian English "what all"
    ("come again mate, i didn't catch you", "AMAZON.RepeatIntent"),
    # a move said whole is not the topic of one clause of it ("work"), while a clause's
    # own move still comes first ("nah": no, before the goodbye of "i'm all set")
    ("how this thing work, what i can ask you", "AMAZON.HelpIntent"),
    ("Nah, I am all set.", "AMAZON.NoIntent"),
])
def test_moves_in_everyday_words(said, intent):
    from skill.nlu.router import route

    assert route(said).intent == intent


@pytest.mark.parametrize("said", [
    "take me to the main street", "darling stop the music", "oops i dropped my phone",
    "what all can you cook",
])
def test_their_words_in_everyday_requests_are_no_move(said):
    from skill.nlu.router import route

    assert route(said).intent == "AMAZON.FallbackIntent"


@pytest.mark.parametrize(("said", "asked", "intent"), [
    ("thank you", False, "AMAZON.StopIntent"),
    ("got it, thanks", False, "AMAZON.StopIntent"),
    ("yes, thank you", True, "AMAZON.YesIntent"),  # another act's cue wins over thanks
    ("no thank you", True, "AMAZON.NoIntent"),
])
def test_thanks_alone_closes_a_conversation(read, said, asked, intent):
    assert read(said, asked) == intent


def test_thanks_is_no_one_shot_request(read):
    assert read("cheers mate", True, in_session=False) is None
    assert read("stop there now", True, in_session=False) == "AMAZON.StopIntent"


def test_an_unknown_act_key_is_refused():
    found, problems = replies.parse(
        {"acts": {"stop": {"intent": "AMAZON.StopIntent", "question": False, "cues": ["stop"],
                           "in_sesion": True}}, "fillers": ["um"]},
        frozenset({"AMAZON.StopIntent"}))
    assert problems == ["acts.stop: unknown key 'in_sesion'"]


@pytest.fixture(scope="module")
def closing():
    return loader.load_content().derive(replies.load).closing


@pytest.mark.parametrize("said", [
    "grand, ta very much, bye now",  # a goodbye ends the turn
    "right you are. bye now",
    "thanks hen, that's plenty",
    "cheers, that's me",  # one word of tag after the closing
    "thank you by",  # the speech recognizer's spelling of the last word
    "okay good buy",
])
def test_a_closing_said_around_other_words(closing, said):
    assert closing(said, False) == "AMAZON.StopIntent"


@pytest.mark.parametrize("said", [
    "stop mowing",  # a verb with its object, no goodbye
    "what time does the pharmacy close",
    "please tell me the weather forecast for tomorrow afternoon, thanks",  # a request
    "thanks, can you set a timer for ten minutes",  # the closing does not end the turn
    "yes, thanks, a bit more please",  # a yes to the question asked
])
def test_other_words_around_a_closing_cue_are_no_closing(closing, said):
    assert closing(said, True) is None


def test_a_closing_around_words_needs_the_router_to_decline_the_turn(read):
    turn = loader.load_content().derive(replies.load).read_turn
    assert read("grand, ta very much, bye now", False) is None
    assert turn("grand, ta very much, bye now", False, declined=True) == "AMAZON.StopIntent"
    assert turn("grand, ta very much, bye now", False, declined=False) is None


@pytest.fixture(scope="module")
def turn():
    return loader.load_content().derive(replies.load).read_turn


@pytest.mark.parametrize(("said", "intent"), [
    ("What else can this thing tell me? Help.", "AMAZON.HelpIntent"),
    ("Three to four what? Months? Say it again.", "AMAZON.RepeatIntent"),
    ("Well, that long. Cancel that.", "AMAZON.CancelIntent"),
    ("Sorry, what? Louder.", "AMAZON.RepeatIntent"),
])
def test_a_command_said_last_is_the_turns_act(turn, said, intent):
    assert turn(said, False, declined=False) == intent


@pytest.mark.parametrize("said", [
    "Can I lift my grandson? Thanks.",  # thanks is no command: the question is answered
    "How long do I sit? Yes.",  # a yes is no command either
    "Help me lift my grandson, can I?",  # the command is not said last
])
def test_words_after_or_besides_a_command_keep_the_question(turn, said):
    assert turn(said, True, declined=False) is None


def test_a_command_beside_a_short_remark_needs_the_router_to_decline_the_turn(turn):
    said = "What? Repeat that, the radio's on."
    assert turn(said, False, declined=True) == "AMAZON.RepeatIntent"
    assert turn(said, False, declined=False) is None
    assert turn("Repeat that, how long should I wait before driving", False,
                declined=True) is None  # a question of its own beside it


@pytest.mark.parametrize(("said", "asked", "intent"), [
    ("okay by", False, "AMAZON.StopIntent"),  # the recognizer's "bye", all cues
    ("ok gotta run", False, "AMAZON.StopIntent"),  # leaving in a hurry
    ("alright, signing off", True, "AMAZON.StopIntent"),  # not a yes to "more?"
    ("can you elaborate", True, "AMAZON.YesIntent"),  # asks for the detail offered
    ("go on then, mun", True, "AMAZON.YesIntent"),  # Welsh speakers' address
    ("diolch, that's me done", False, "AMAZON.StopIntent"),
    ("what, dear? speak up", False, None),  # "what" alone is no act: a whole turn
    ("could you repeat the end bit", False, "AMAZON.RepeatIntent"),  # a part of the answer
    ("hang on, what can this thing do", False, "AMAZON.HelpIntent"),  # the speaker a thing
    ("eh? say it again", False, "AMAZON.RepeatIntent"),  # "eh" a hesitation like "huh"
    ("what am i allowed to ask it", False, "AMAZON.HelpIntent"),
])
def test_word_classes_of_replies(read, said, asked, intent):
    assert read(said, asked) == intent


@pytest.mark.parametrize("said", [
    "so I've got a question",
    "hi, could I ask you something",
])
def test_a_question_announced_alone_is_the_catch_all_without_one(turn, said):
    assert turn(said, True, declined=False) == "FreeQuestionIntent"


def test_an_announcement_before_its_subject_needs_the_router_to_decline_the_turn(turn):
    said = "hello, I have a quick question about my dad"
    assert turn(said, False, declined=True) == "FreeQuestionIntent"
    assert turn(said, False, declined=False) is None
    # the words after it are no subject: a question of its own
    assert turn("question, what is the capital of peru", False, declined=True) is None


@pytest.mark.parametrize(("said", "intent"), [
    # not knowing how the speaker works, said before the move or as the move itself
    ("I'm not sure how this works, help me out", "AMAZON.HelpIntent"),
    ("I forget what this thing is for", "AMAZON.HelpIntent"),
    ("give me some help, won't you", "AMAZON.HelpIntent"),
    # nothing more to ask
    ("ok, no further questions", "AMAZON.StopIntent"),
    # what was said, named before asking to hear it again
    ("you mentioned something, could you run that by me again", "AMAZON.RepeatIntent"),
])
def test_moves_said_in_a_speakers_own_framing(turn, said, intent):
    assert turn(said, False, declined=True) == intent


@pytest.mark.parametrize("words", [
    "hello there i've got something i'd like to ask you",
    "got a quick question for ya",
    "hiya there's something i wanted to ask ye",
    "i have one doubt",
    "sorry could i ask you a wee thing about my mum",
])
def test_a_question_announced_in_words_of_its_own_is_told_by_its_grammar(words):
    assert announce.announces(words.split())


@pytest.mark.parametrize("words", ["what time is it", "ask my husband to call me"])
def test_a_request_is_no_announcement(words):
    # "ask" as a command names its own task
    assert not announce.announces(words.split())


def test_a_bare_question_announced_is_one():
    assert announce.announces("i have a question".split())

import pytest

from skill.nlu.normalize import normalize


@pytest.mark.parametrize(
    ("said", "normalized"),
    [
        ("Um, can I uh pick up my grandbaby?", "can i pick up my grandbaby"),
        ("my in session is red", "my incision is red"),
        ("how much wait can I lift", "how much weight can i lift"),
        ("temp's one oh two", "temperature 102"),
        ("the thermometer said 38,7", "the thermometer said 38.7"),
        ("it's been normal for days", "it has been normal for days"),
        ("she's got chills", "i have got chills"),
        ("is a hundred and one dangerous", "is 101 dangerous"),
        ("can I take Tylenol?", "can i take acetaminophen"),
        ("can she take Advil or Aleve", "can i take anti inflammatory or anti inflammatory"),
        ("can i take nap roxen", "can i take anti inflammatory"),
        ("my dad's incision is getting redder", "my incision is getting redder"),
        ("can my husband lift groceries", "can i lift groceries"),
        ("she can't breathe", "i can not breathe"),
        ("does he have to use a walker", "do i have to use a walker"),
        ("can i set for long", "can i sit for long"),
        ("is physical the rapy gonna help", "is physical therapy going to help"),
        ("Temperature 38.9°C", "temperature 38.9 degrees celsius"),
        # Northern English "t'" is the article; a contraction's "n't" is no article
        ("can I go down t'club, don't fret", "can i go down the club do not fret"),
        ("what does an infected cut look like", "what does an infected incision look like"),
        # "er" after a word that takes a place is the emergency room; alone, a hesitation
        ("should I go to the ER", "should i go to the emergency room"),
        ("er, my back hurts er when I sit", "my back hurts when i sit"),
        # "or" after the article is the operating room; between two things, the conjunction
        ("she has been in the OR since nine", "i have been in the operating room since 9"),
        ("the red or the blue", "the red or the blue"),
        # Scots and Caribbean "ah" beside an auxiliary is "I"; alone, a hesitation
        ("dae ah need ma stick", "do i need ma stick"),
        ("ah could go out", "i could go out"),
        ("ah, is it normal to be sore", "is it normal to be sore"),
        # a texting "r" is "are", not a spelled letter to join to the word before
        ("the stiches r open", "the stitches are open"),
        # the kin of Filipino English are caregivers' too
        ("can my lola sit in the car", "can i sit in the car"),
        # Southern "set" for "sit" where nothing is set down; the infection still sets in
        ("can he set through the whole ball game", "can i sit through the whole ball game"),
        ("the infection set in", "the infection set in"),
        ("who do I get a holt of", "who do i reach"),
        # exasperation names no drink: "for cripes sake" is no rice wine
        ("oh for cripes sake, how long can I sit", "how long can i sit"),
        ("for pete's sake can I have a glass of sake", "can i have a glass of sake"),
        # another tongue's number words are numbers; its lone words stay words
        ("her temperature está en treinta y nueve punto dos", "my temperature esta en 39.2"),
        ("fiebre de ciento uno punto cinco", "fever the 101.5"),
        ("los dos and the punto car", "los dos and the punto car"),
    ],
)
def test_normalize_speech_and_caregiver_forms(said, normalized):
    assert normalize(said) == normalized


def test_normalize_is_idempotent_on_its_output():
    text = normalize("uh my mom's in session is oozing, can she take tylenol")
    assert normalize(text) == text


def test_every_lexicon_value_is_in_the_form_normalize_leaves():
    """A value the earlier steps would still change ("my wife" is "i" to them, "them" is
    "me", "really" a filler) never meets the safety file's and the samples' phrases, which
    go through every step."""
    from skill.content import loader
    from skill.nlu.lexicon import lexicon_of
    from skill.nlu.normalize import finish_rewrites

    content = loader.load_content()
    lexicon = lexicon_of(content)
    unsettled = {k: v for k, v in content.lexicon.phrases.items()
                 if normalize(v, lexicon) != finish_rewrites(v, lexicon)}
    assert unsettled == {}


def test_every_lexicon_key_is_in_the_form_the_lexicon_step_sees():
    """A key normalization has already rewritten by the time the lexicon applies (a
    split word it joins, a pronoun it turns) could never match."""
    from skill.content import loader
    from skill.nlu.lexicon import lexicon_of
    from skill.nlu.normalize import before_lexicon

    content = loader.load_content()
    lexicon = lexicon_of(content)
    never = [k for k in (*content.lexicon.phrases, *content.lexicon.senses)
             if before_lexicon(k, lexicon) != k]
    assert never == []


@pytest.mark.parametrize(("said", "normalized"), [
    # marked, so no topic stem ("fusion*", "walk*") meets the opaque word
    ("how does nuclear fusion work", "how does ~nuclearfusion work"),
    ("can you walk me through the steps", "can you ~walkmethrough the steps"),
    ("is the fusion healing", "is the fusion healing"),
    ("is a ford fusion reliable", "is a ~fordfusion reliable"),
])
def test_other_senses_of_the_guides_words_are_one_opaque_word(said, normalized):
    assert normalize(said) == normalized


@pytest.mark.parametrize("text", [
    "my stomach hurts after eating",
    "can i cut my toenails",
    "i am setting the table",
    "my belly is upset",
])
def test_everyday_words_keep_their_meaning(text):
    out = normalize(text)
    assert not {"face", "incision", "sitting"} & set(out.split())


@pytest.mark.parametrize(("said", "normalized"), [
    ("can i sleep on my stomach", "can i sleep face down"),
    ("is it out patient", "is it outpatient"),
    ("will i stay over night", "will i stay overnight"),
])
def test_in_context_phrases_and_split_words(said, normalized):
    assert normalize(said) == normalized


@pytest.mark.parametrize(("said", "normalized"), [
    # the last person or animal named is who "he" and "her" are
    ("my cat has a fever and she will not eat", "my cat has fever and she will not eat"),
    ("our puppy chewed his stitches", "our puppy chewed his stitches"),
    ("my husband says his incision is red", "i says my incision is red"),
    # a caregiver named after the animal is the antecedent again
    ("the dog jumped on my wife and she is bleeding", "the dog jumped on i and i am bleeding"),
])
def test_pronouns_of_someone_else_stay_theirs(said, normalized):
    assert normalize(said) == normalized


@pytest.mark.parametrize(("said", "normalized"), [
    # a third person seen to be confused is the sign, before "she" becomes "i"
    ("now she's confused", "now i am disoriented"),
    ("my husband is very confused", "i am very disoriented"),
    ("he's come over all confused", "i have come over all disoriented"),
    # puzzlement keeps its word: about a thing, or the first person's own
    ("my wife is confused about the lifting limit", "i am confused about the lifting limit"),
    ("i'm confused, what do i do", "i am confused what do i do"),
    ("i got confused", "i got confused"),
    ("he was confused after the anaesthesia", "i was confused after the anesthesia"),
])
def test_a_third_persons_confusion_is_read_before_the_persons_meet(said, normalized):
    assert normalize(said) == normalized


@pytest.mark.parametrize(("said", "normalized"), [
    # a speaker of two languages types the accent; the word is the guide's all the same
    ("La incisión is red", "la incision is red"),
    ("naïve question about the café", "naive question about the cafe"),
])
def test_a_latin_letters_accent_is_dropped(said, normalized):
    assert normalize(said) == normalized


@pytest.mark.parametrize(("said", "normalized"), [
    # the procedure's name in a frame of time is the surgery: the question's topic decides
    ("how far can i walk after my si joint fusion", "how far can i walk after my surgery"),
    ("is sleeping on my side ok since the sacroiliac fusion",
     "is sleeping on my side okay since the surgery"),
    ("what is si joint fusion", "what is si joint fusion"),
    ("before fusion surgery what do we try", "before surgery what do we try"),
])
def test_the_procedures_name_in_a_frame_of_time_is_the_surgery(said, normalized):
    assert normalize(said) == normalized



@pytest.mark.parametrize(("said", "plain"), [
    # Indian English: "till when" asks how long, a question is a doubt
    ("till when will the swelling stay", "how long will the swelling stay"),
    ("i have a doubt about sitting", "i have a question about sitting"),
    # a tradesperson's work by its tools
    ("when am i back on the tools", "when am i back at work"),
    # Jamaican English: "dis", "yuh", "mek"
    ("dis is for yuh", "this is for you"),
    ("they mek mi walk", "they make me walk"),
])
def test_other_englishes_words_read_as_the_plain_ones(said, plain):
    assert normalize(said) == normalize(plain)

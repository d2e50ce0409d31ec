import pytest

from skill.nlu.numbers import words_to_digits


@pytest.mark.parametrize(
    ("spoken", "digits"),
    [
        ("one oh two", "102"),
        ("one zero one", "101"),
        ("one oh one point five", "101.5"),
        ("a hundred and one point five", "101.5"),
        ("a hundred and three", "103"),
        ("one hundred two", "102"),
        ("hundred and two", "102"),
        ("ninety nine point five", "99.5"),
        ("thirty eight point nine", "38.9"),
        ("one hundred point four", "100.4"),
        ("101.2", "101.2"),
        ("101 point 5", "101.5"),
        ("ten", "10"),
        ("twenty one", "21"),
    ],
)
def test_words_to_digits_reads_spoken_numbers(spoken, digits):
    assert words_to_digits(spoken.split()) == [digits]


def test_words_to_digits_leaves_words_around_numbers():
    assert " ".join(words_to_digits("can i lift ten pounds".split())) == "can i lift 10 pounds"
    assert " ".join(words_to_digits("oh no my temp is one oh two".split())) == (
        "oh no my temp is 102"
    )
    assert " ".join(words_to_digits("three to four months".split())) == "3 to 4 months"


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("100 and 2.5", "102.5"),
        ("100 2.5", "102.5"),
        ("a hundred and one and a half", "101.5"),
        ("thirty eight and a half", "38.5"),
        ("thirty eight and half", "38.5"),  # a learner's, with no "a"
        ("a hunnert and two point five", "102.5"),  # Southern US "hundred"
        ("100 20", "100 20"),
        ("10 2", "102"),
        ("10 1.5", "101.5"),
        ("1 0 2", "102"),
        ("10 20", "10 20"),
        # a fever's tenths said without "point", or typed with a decimal comma
        ("thirty eight nine", "38.9"),
        ("a hundred one eight degrees", "101.8 degrees"),
        ("38 7 a minute ago", "38.7 a minute ago"),
        # not past the fever's degrees, and never inside a longer run of numbers
        ("walk 30 5 times", "walk 30 5 times"),
        ("my number is 101 5 5 5", "my number is 101 5 5 5"),
        ("38 9 12", "38 9 12"),
    ],
)
def test_numbers_a_recognizer_writes_apart_join(text, digits):
    assert " ".join(words_to_digits(text.split())) == digits


@pytest.mark.parametrize(("text", "read"), [
    ("i want to go for a walk", "i want to go for a walk"),
    ("i won the game 2 to 1", "i won the game 2 to 1"),
    ("ten to four", "10 to 4"),
    # after "hundred and" a unit is due: "too" and "won" are numbers there, "for" is not
    ("a hundred and too", "102"),
    ("a hundred and won", "101"),
    ("a hundred and for two days", "100 and for 2 days"),
    ("fever a hundred and to", "fever 102"),
    ("a hundred and to degrees", "102 degrees"),
    # "to" before a new clause is two; "for" keeps its sense there
    ("fever of a hundred and to what do i do", "fever of 102 what do i do"),
    ("a hundred and for how long", "100 and for how long"),
    ("a hundred and to be safe", "100 and to be safe"),
    # before a number read digit by digit, "to" and "for" are the words
    ("it went up to one oh two", "it went up to 102"),
    ("it was like that for one oh one", "it was like that for 101"),
    ("won oh too", "102"),
    # "th" stopped or fronted: the respellings that are no word always, "tree" only
    # inside a number
    ("tirty nine point five", "39.5"),
    ("firty eight point nine", "38.9"),
    ("tirteen days", "13 days"),
    ("a hundred and tree", "103"),
    ("a hundred and tree degrees", "103 degrees"),
    ("tirty tree point five", "33.5"),
    ("thirty tree", "33"),
    ("won oh tree", "103"),
    ("i planted a tree", "i planted a tree"),
    ("forty tree seedlings", "40 tree seedlings"),
    ("tree point five", "3.5"),
    ("tirty eight point tree", "38.3"),
    ("a tree of a hundred years", "a tree of 100 years"),
    # "night" heard for nine: after a tens word or a "point", never alone
    ("thirty night point one", "39.1"),
    ("thirty eight point night", "38.9"),
    ("at night point blank", "at night point blank"),
    ("up all night", "up all night"),
])
def test_homophones_stay_words_outside_a_number(text, read):
    assert " ".join(words_to_digits(text.split())) == read


@pytest.mark.parametrize(("text", "read"), [
    ("my too year old", "my 2 year old"),
    ("in too weeks", "in 2 weeks"),
    ("too much too soon", "too much too soon"),
    ("me too", "me too"),
    ("up to weeks for days", "up to weeks for days"),
])
def test_too_before_a_unit_counted_is_two(text, read):
    assert " ".join(words_to_digits(text.split())) == read

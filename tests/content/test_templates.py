import pytest

from skill.content.templates import TemplateError, expand


def test_expand_alternatives_and_optional_words_gives_every_sentence():
    assert expand("(can|may) i lift [heavy] things") == [
        "can i lift heavy things", "can i lift things", "may i lift heavy things",
        "may i lift things",
    ]


def test_expand_nested_groups_and_slots_are_kept():
    assert expand("is {temperature} [(a|my)] fever") == [
        "is {temperature} a fever", "is {temperature} my fever", "is {temperature} fever",
    ]


@pytest.mark.parametrize("bad", ["(a|b", "a|b", "[a", "a)", "(a]"])
def test_expand_broken_template_raises(bad):
    with pytest.raises(TemplateError):
        expand(bad)


def test_expand_too_many_sentences_is_refused():
    with pytest.raises(TemplateError, match="more than"):
        expand("(a|b|c|d|e) (a|b|c|d|e) (a|b|c|d|e) (a|b|c|d|e)", limit=200)

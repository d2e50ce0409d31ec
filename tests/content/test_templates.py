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


RULES = {"who": "i|she|he", "family": "my mom|my dad", "anyone": "<who>|<family>",
         "after_surgery": "after surgery"}


def test_expand_rule_stands_for_its_group_and_rules_may_use_rules():
    assert expand("can <anyone> walk [<after_surgery>]", RULES) == expand(
        "can (i|she|he|my mom|my dad) walk [after surgery]")


def test_expand_unknown_rule_is_named():
    with pytest.raises(TemplateError, match="unknown rule <whom>"):
        expand("tell <whom>", RULES)


def test_expand_rules_that_refer_to_each_other_in_a_circle_are_refused():
    with pytest.raises(TemplateError, match="<a> -> <b> -> <a>"):
        expand("<a>", {"a": "x <b>", "b": "[<a>]"})


def test_expand_cap_counts_what_the_rules_expand_to():
    many = {"five": "a|b|c|d|e"}
    with pytest.raises(TemplateError, match="more than"):
        expand("<five> <five> <five> <five>", many, limit=200)

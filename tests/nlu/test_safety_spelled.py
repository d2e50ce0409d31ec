"""A word said or written without its final g is read with it before the safety step
decides whether a report was heard: a spelling is no guess by sound, so a question in
dropped-g words stays a question, while a mishearing repaired by sound still never hides
a report."""

from tests.support.urgency import urgent


def test_a_fear_in_dropped_g_words_asks():
    assert not urgent("honestly i'm terrified of gettin an infection, how likely is it")


def test_a_report_in_dropped_g_words_still_reports():
    assert urgent("his incision is leakin yellow stuff since this mornin")


def test_an_improvement_denied_in_caribbean_words_still_reports():
    assert urgent("the pain in mih back gettin worse, it eh easin off at all")

"""The clinician's review sheet: guide beside answers, policy lines apart, gaps listed."""

from __future__ import annotations

import pytest

from skill.alexa.responses import Answers
from skill.content import loader
from skill.content.locales import locales_of
from skill.review import sheet
from skill.review.checks import SAMPLE_CONFIG
from skill.review.provenance import Guide
from tests.support.browser import ARGS, CHROMIUM
from tests.support.project import run


def test_sheet_lists_a_guide_sentence_no_answer_conveys_as_a_gap():
    guide = Guide("Recovery\\nMost patients can return to normal activities within three to "
                  "four months.\\nRest with your feet up every hour.\\n".replace("\\n", "\n"))
    content = loader.load_content()
    html = sheet.render(guide, Answers(SAMPLE_CONFIG, content.responses, locales_of(content)))
    gaps = html.split("<h2>Gaps")[1]
    assert "Rest with your feet up every hour." in gaps
    assert "three to four months" not in gaps
    assert "Most people return to normal activities in 3 to 4 months." in html


def test_review_sheet_command_writes_a_static_page(tmp_path):
    out = tmp_path / "sheet.html"
    code, said = run("review-sheet", str(out))
    html = out.read_text(encoding="utf-8")
    assert code == 0 and str(out) in said
    assert "<script" not in html.lower()
    assert "policy/emergency" in html and "Avoid lifting more than 10 pounds" in html


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium on PATH")
def test_sheet_opens_and_prints_in_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "sheet.html"
    path.write_text(sheet.build(loader.load_content()), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(path.as_uri())
        sections = page.locator("h2").all_inner_texts()
        assert "Recovery and Rehabilitation" in sections
        assert "Policy lines (not guide facts)" in sections
        row = page.locator("tr", has_text="Avoid lifting more than 10 pounds").first
        assert "don't lift more than 10 pounds" in row.inner_text()
        page.pdf(path=str(tmp_path / "sheet.pdf"))  # prints on paper without error
        browser.close()
    assert (tmp_path / "sheet.pdf").stat().st_size > 0

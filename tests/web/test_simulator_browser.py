"""The simulator page in real headless Chromium (Debian's ``chromium``, driven by playwright).

A werkzeug server runs the app on a free local port in a thread; playwright drives the
system browser (no browser download). Screenshots land in each test's ``tmp_path``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import CHROMIUM, ask, open_page, shot, turns
from tests.support.config import PHONE

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    CHROMIUM is None,
    reason="needs Debian's chromium on PATH (apt-get install chromium); CI installs it",
)]


def test_browser_launch_shows_welcome_and_disclaimer(page):
    first = turns(page).first
    assert "not medical advice" in first.locator(".speech").inner_text()
    assert first.locator(".intent").inner_text() == "LaunchRequest"


def test_browser_question_shows_answer_and_intent(page, tmp_path):
    turn = ask(page, "can I lift groceries")
    assert "ten pounds" in turn.locator(".speech").inner_text()
    assert turn.locator(".intent").inner_text() == "LiftingIntent"
    assert turn.locator(".end").inner_text() == "no"
    assert "Want to hear more?" in turn.locator(".reprompt").inner_text()
    assert turn.locator(".urgent-label").is_hidden()
    shot(page, tmp_path, "question")


def test_browser_session_carries_more_and_repeat(page):
    ask(page, "can I lift groceries")
    more = ask(page, "tell me more")
    assert "three to four months" in more.locator(".speech").inner_text()
    again = ask(page, "repeat that")
    assert again.locator(".speech").inner_text() == more.locator(".speech").inner_text()


def test_browser_urgent_answer_is_visibly_marked(page, tmp_path):
    calm = ask(page, "can I lift groceries")
    urgent = ask(page, "my incision is red and swollen")
    label = urgent.locator(".urgent-label")
    assert label.is_visible()
    assert "URGENT — call your care team" in label.inner_text()
    assert urgent.locator(".urgent").inner_text() == "yes"
    # Marked by more than colour: a label, and a thicker border than a calm answer.
    width = "el => parseFloat(getComputedStyle(el).borderTopWidth)"
    assert urgent.evaluate(width) > calm.evaluate(width)
    emergency = ask(page, "my dad fell and can't breathe")
    assert "call 911" in emergency.locator(".urgent-label").inner_text()
    shot(page, tmp_path, "urgent")


def test_browser_json_toggle_shows_raw_request_and_response(page, tmp_path):
    turn = ask(page, "can I lift groceries")
    raw = turn.locator(".raw")
    assert raw.is_hidden()
    page.check("#show-raw")
    assert raw.is_visible()
    assert '"name": "LiftingIntent"' in turn.locator(".raw-request").inner_text()
    assert '"outputSpeech"' in turn.locator(".raw-response").inner_text()
    later = ask(page, "how long is the surgery")
    assert later.locator(".raw").is_visible()  # the toggle holds for new turns
    shot(page, tmp_path, "raw-json")
    page.uncheck("#show-raw")
    assert raw.is_hidden() and later.locator(".raw").is_hidden()


def test_browser_new_session_clears_transcript_and_state(page):
    ask(page, "can I lift groceries")
    page.click("#new-session")
    # No wait_for_function: the page's CSP forbids the eval it relies on.
    expect(page.locator("#transcript > .turn")).to_have_count(1)
    assert turns(page).first.locator(".intent").inner_text() == "LaunchRequest"
    again = ask(page, "tell me more")  # nothing was offered in the new session
    assert "ten pounds" not in again.locator(".speech").inner_text()
    assert "three to four months" not in again.locator(".speech").inner_text()


def test_browser_stop_ends_session_and_says_so(page):
    bye = ask(page, "stop")
    assert bye.locator(".end").inner_text() == "yes"
    assert "next question starts a new one" in page.inner_text("#session-state")


def test_browser_keyboard_only(page, tmp_path):
    # Some headless Chromium builds spend the first Tab moving focus from the browser's
    # own frame into the document; the first element *in the page* must be the skip link.
    page.keyboard.press("Tab")
    if page.evaluate("document.activeElement === document.body"):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")  # the skip link lands in the question box
    assert page.evaluate("document.activeElement.id") == "utterance"
    page.keyboard.type("can I lift groceries")
    page.keyboard.press("Enter")
    turns(page).nth(1).wait_for()
    assert turns(page).nth(1).locator(".intent").inner_text() == "LiftingIntent"
    assert page.evaluate("document.activeElement.id") == "utterance"  # ready for the next
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.className"))
    assert order == ["send", "new-session", "show-raw", "speak", "example"]
    # The focused control shows a visible focus ring.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")  # toggles "Show raw Alexa JSON"
    assert page.is_checked("#show-raw")
    assert turns(page).nth(1).locator(".raw").is_visible()
    shot(page, tmp_path, "keyboard")


def test_browser_example_button_asks_it(page):
    page.click("button.example >> text=my husband's temperature is 102")
    turns(page).nth(1).wait_for()
    turn = turns(page).nth(1)
    assert turn.locator(".intent").inner_text() == "FeverIntent"
    assert turn.locator(".slots").inner_text() == "temperature = 102"
    assert PHONE in turn.locator(".card").inner_text()


def test_browser_empty_input_shows_error_not_request(page):
    page.press("#utterance", "Enter")
    assert page.locator("#error").is_visible()
    assert turns(page).count() == 1


def test_browser_reads_reply_aloud_when_asked(page):
    ask(page, "can I lift groceries")
    assert page.evaluate("window.__spoken") == []
    page.check("#speak")
    turn = ask(page, "how long is the surgery")
    assert page.evaluate("window.__spoken") == [turn.locator(".speech").inner_text()]


@pytest.mark.parametrize("width", [640, 320], ids=["200pct", "400pct"])
def test_browser_reflows_when_zoomed(browser, server_url, tmp_path, width):
    # 200 % zoom of a 1280 px window is a 640 CSS px viewport at twice the pixel density.
    page = open_page(browser, server_url, viewport={"width": width, "height": 900},
                     device_scale_factor=2)
    try:
        ask(page, "my husband's temperature is 102")
        page.check("#show-raw")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"horizontal scrolling at {width}px: {overflow}px"
        assert page.locator("#utterance").is_visible() and page.locator("#send").is_visible()
        shot(page, tmp_path, f"zoom-{width}")
    finally:
        page.context.close()

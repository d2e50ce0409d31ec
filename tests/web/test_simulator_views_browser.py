"""The simulator's patient and developer views, a phone-sized screen and the locale picker,
in real headless Chromium (fixtures in tests/web/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.support.browser import CHROMIUM, TIMEOUT_MS, ask, shot, turns
from tests.support.config import PHONE

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium on PATH")]

IPHONE: dict[str, int] = {"width": 390, "height": 844}  # a phone held upright, CSS px
MANY_TURNS = 20


class Watched:
    """A page whose console errors and uncaught exceptions are collected from the start."""

    def __init__(self, browser, url: str, **options) -> None:  # type: ignore[no-untyped-def]
        self.context = browser.new_context(**options)
        self.context.set_default_timeout(TIMEOUT_MS)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        self.page.locator(".turn").first.wait_for()


@pytest.fixture
def watched(browser, server_url) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    found = Watched(browser, server_url)
    yield found
    found.context.close()
    assert found.errors == []


def test_developer_view_shows_details_apl_and_session(watched, tmp_path):
    page = watched.page
    assert page.is_checked("#view-developer")
    turn = ask(page, "my incision is red and swollen")
    assert turn.locator(".intent").is_visible() and turn.locator(".ssml").is_visible()
    apl = turn.locator(".apl").inner_text()
    assert '"urgent": true' in apl and PHONE in apl
    assert '"last"' in turn.locator(".session").inner_text()
    assert page.locator(".examples").is_visible()
    shot(page, tmp_path, "developer")


def test_developer_view_shows_the_topic_and_the_pending_question(watched):
    page = watched.page
    lifted = ask(page, "can I lift groceries")
    assert lifted.locator(".topic").inner_text().startswith("LiftingIntent")
    asked = ask(page, "can my dad sit for the whole surgery day")
    assert "Do you mean" in asked.locator(".speech").inner_text()
    pending = asked.locator(".pending").inner_text()
    assert pending == "which one: SittingIntent or SurgeryDurationIntent"
    assert asked.locator(".topic").inner_text().startswith("LiftingIntent")  # kept


def test_patient_view_shows_only_the_conversation_in_large_type(watched, tmp_path):
    page = watched.page
    calm = ask(page, "can I lift groceries")
    normal_size = calm.locator(".speech").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    page.check("#view-patient")
    urgent = ask(page, "my incision is red and swollen")
    for turn in (calm, urgent):
        assert turn.locator(".speech").is_visible() and turn.locator(".said").is_visible()
        for detail in (".facts", ".explain", ".raw"):
            assert turn.locator(detail).is_hidden()
    assert urgent.locator(".urgent-label").is_visible()
    assert "call your care team" in urgent.locator(".urgent-label").inner_text().lower()
    for other in (".examples", ".controls", "header > p"):
        assert page.locator(other).is_hidden()
    large = calm.locator(".speech").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert large >= 24 > normal_size  # 1.5rem and up
    assert page.locator("#utterance").is_visible()
    shot(page, tmp_path, "patient")


def test_view_choice_is_remembered_across_reload(watched):
    page = watched.page
    page.check("#view-patient")
    page.reload()
    page.locator(".turn").first.wait_for()
    assert page.is_checked("#view-patient")
    assert page.locator(".turn .facts").first.is_hidden()
    page.check("#view-developer")
    page.reload()
    page.locator(".turn").first.wait_for()
    assert page.is_checked("#view-developer")
    assert page.locator(".turn .facts").first.is_visible()


def test_locale_picker_offers_the_skills_locales_and_sends_it(watched):
    page = watched.page
    picker = page.locator("select#locale")
    assert picker.is_visible()
    assert picker.locator("option").all_inner_texts() == [
        "en-AU", "en-CA", "en-GB", "en-IN", "en-US"]
    assert picker.input_value() == "en-US"
    page.check("#show-raw")
    turn = ask(page, "can I lift groceries")
    assert '"locale": "en-US"' in turn.locator(".raw-request").inner_text()
    picker.select_option("en-GB")  # a new session in the new locale: its welcome alone
    # No wait_for_function: the page's CSP forbids the eval it relies on.
    expect(page.locator("#transcript > .turn")).to_have_count(1)
    urgent = ask(page, "my mum fainted")
    assert '"locale": "en-GB"' in urgent.locator(".raw-request").inner_text()
    assert "call 999 now" in urgent.locator(".urgent-label").inner_text()
    assert "911" not in urgent.inner_text()


@pytest.mark.parametrize("view", ["developer", "patient"])
def test_phone_keeps_the_question_box_on_screen_after_many_turns(browser, server_url,
                                                                 tmp_path, view):
    watched = Watched(browser, server_url, viewport=IPHONE, device_scale_factor=3,
                      is_mobile=True, has_touch=True)
    page = watched.page
    try:
        page.check(f"#view-{view}")
        for number in range(MANY_TURNS):
            ask(page, "can I lift groceries" if number % 2 else "how long can I sit")
        assert turns(page).count() == MANY_TURNS + 1
        box = page.locator("#utterance").bounding_box()
        assert box is not None
        assert 0 <= box["y"] and box["y"] + box["height"] <= IPHONE["height"]
        assert page.locator("#send").is_visible()
        # The newest answer is not hidden behind the box.
        last = turns(page).last.locator(".speech").bounding_box()
        assert last is not None and last["y"] + last["height"] <= box["y"]
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        page.screenshot(path=str(tmp_path / f"phone-{view}.png"))  # what the phone shows
        assert watched.errors == []
    finally:
        watched.context.close()

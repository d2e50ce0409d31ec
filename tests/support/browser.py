"""Driving the simulator page in Debian's Chromium with playwright (no browser download)."""

from __future__ import annotations

import shutil
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 10_000


def open_page(browser, url: str, **context_options):  # type: ignore[no-untyped-def]
    context = browser.new_context(**context_options)
    context.set_default_timeout(TIMEOUT_MS)
    # Record what the page would read aloud instead of making sound.
    context.add_init_script(
        "window.__spoken = [];"
        "if (window.speechSynthesis) {"
        "  window.speechSynthesis.speak = (u) => window.__spoken.push(u.text);"
        "}"
    )
    page = context.new_page()
    page.goto(url)
    page.locator(".turn").first.wait_for()  # the launch turn (welcome)
    return page


def turns(page):  # type: ignore[no-untyped-def]
    return page.locator("#transcript > .turn")


def ask(page, text: str):  # type: ignore[no-untyped-def]
    """Type into the box and press Enter; return the new turn."""
    before = turns(page).count()
    page.fill("#utterance", text)
    page.press("#utterance", "Enter")
    turns(page).nth(before).wait_for()
    return turns(page).nth(before)


def shot(page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000
    return path

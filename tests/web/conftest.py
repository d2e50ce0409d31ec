"""Fixtures for the browser tests: the app served on loopback, one Chromium per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from skill.web import create_app
from tests.support.browser import ARGS, CHROMIUM, open_page
from tests.support.config import PHONE
from tests.support.live import serving


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with serving(create_app({"ALEXA_VERIFY": "off", "CARE_TEAM_PHONE": PHONE})) as base:
        yield f"{base}/"


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server_url):  # type: ignore[no-untyped-def]
    page = open_page(browser, server_url)
    yield page
    page.context.close()

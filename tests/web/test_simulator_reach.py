"""The simulator API's locale and screen: /api/session and /api/ask through Flask's client."""

from __future__ import annotations

import pytest


def test_page_offers_a_locale_picker_and_both_views(client):
    html = client.get("/").get_data(as_text=True)
    assert '<select id="locale"' in html and '<option value="en-US">' in html
    assert 'id="view-patient"' in html and 'id="view-developer"' in html
    assert "style=" not in html and "onclick" not in html  # CSP: no inline style or script


@pytest.mark.parametrize("path", ["/api/session", "/api/ask"])
def test_known_locale_is_used_for_the_request(client, path):
    body = {"locale": "en-US", "text": "can i lift groceries"}
    reply = client.post(path, json=body)
    assert reply.status_code == 200
    data = reply.get_json()
    assert data["locale"] == "en-US"
    assert data["raw"]["request"]["request"]["locale"] == "en-US"


@pytest.mark.parametrize("path", ["/api/session", "/api/ask"])
@pytest.mark.parametrize("locale", ["de-DE", "xx", 7, None])
def test_unknown_locale_is_refused(client, path, locale):
    reply = client.post(path, json={"locale": locale, "text": "can i lift groceries"})
    assert reply.status_code == 400
    assert "locale" in reply.get_json()["error"]


def test_session_without_a_locale_starts_in_en_us(client):
    assert client.post("/api/session", json={}).get_json()["locale"] == "en-US"


def test_replies_carry_what_a_screen_would_show(client):
    data = client.post("/api/ask", json={"text": "my incision is red and swollen"}).get_json()
    assert data["apl"]["answer"]["urgent"] is True
    assert data["apl"]["answer"]["phone"] == "555-010-0199"
    interfaces = data["raw"]["request"]["context"]["System"]["device"]["supportedInterfaces"]
    assert "Alexa.Presentation.APL" in interfaces

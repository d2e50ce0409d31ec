"""The simulator API's locale and screen: /api/session and /api/ask through Flask's client."""

from __future__ import annotations

import pytest

from skill.web import create_app


def test_page_offers_a_locale_picker_and_both_views(client):
    html = client.get("/").get_data(as_text=True)
    assert '<select id="locale"' in html and '<option value="en-US" selected>' in html
    for locale in ("en-GB", "en-CA", "en-AU", "en-IN"):
        assert f'<option value="{locale}">' in html
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


def test_serve_locale_is_the_pickers_first_choice():
    app = create_app({"ALEXA_VERIFY": "off"}, locale="en-GB")
    client = app.test_client()
    assert '<option value="en-GB" selected>' in client.get("/").get_data(as_text=True)
    assert client.post("/api/session", json={}).get_json()["locale"] == "en-GB"


@pytest.mark.parametrize(("locale", "said", "shown"), [
    ("en-US", "nine one one", "911"), ("en-GB", "nine nine nine", "999"),
    ("en-CA", "nine one one", "911"), ("en-AU", "triple zero", "000"),
    ("en-IN", "one one two", "112"),
])
def test_each_locale_answers_an_emergency_with_its_number(client, locale, said, shown):
    data = client.post("/api/ask", json={"locale": locale, "text": "I can't breathe"}).get_json()
    assert f"call {said} now" in data["turn"]["speech"].lower()
    assert data["turn"]["card"]["title"] == data["apl"]["answer"]["banner"] == f"Call {shown}"


def test_the_locale_reads_its_own_words(client):
    """"A&E" is the emergency room in en-GB; en-US does not know it."""
    said = {"text": "should I go to A&E"}
    gb = client.post("/api/ask", json={"locale": "en-GB", **said}).get_json()
    us = client.post("/api/ask", json={"locale": "en-US", **said}).get_json()
    assert gb["turn"]["intent"] == "WhenToCallIntent"
    assert us["turn"]["intent"] == "AMAZON.FallbackIntent"


def test_replies_carry_what_a_screen_would_show(client):
    data = client.post("/api/ask", json={"text": "my incision is red and swollen"}).get_json()
    assert data["apl"]["answer"]["urgent"] is True
    assert data["apl"]["answer"]["phone"] == "555-010-0199"
    interfaces = data["raw"]["request"]["context"]["System"]["device"]["supportedInterfaces"]
    assert "Alexa.Presentation.APL" in interfaces

"""The web simulator's page and JSON API (skill/web/simulator.py), through Flask's client."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest

from skill.web import create_app
from skill.web.simulator import MAX_TEXT_CHARS

TURN_KEYS = {"text", "intent", "score", "slots", "urgent", "speech", "ssml", "reprompt",
             "card", "end_session"}


def start(client) -> dict[str, Any]:
    response = client.post("/api/session", json={})
    assert response.status_code == 200
    return response.get_json()


def say(client, session: dict[str, Any] | None, text: str) -> dict[str, Any]:
    response = client.post("/api/ask", json={"session": session, "text": text})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_page_serves_form_transcript_and_examples(client):
    html = client.get("/").get_data(as_text=True)
    assert '<label for="utterance">' in html
    assert 'id="transcript"' in html and 'aria-live="polite"' in html
    assert 'id="new-session"' in html and 'id="show-raw"' in html and 'id="speak"' in html
    assert "can I lift groceries" in html  # an example question


@pytest.mark.parametrize("path", ["/", "/simulator-static/simulator.js",
                                  "/simulator-static/simulator.css"])
def test_page_and_assets_load_nothing_from_the_network(client, path):
    with client.get(path) as response:  # closes the static file
        assert response.status_code == 200
        body = response.get_data(as_text=True)
    # Works offline: no CDN, no external fonts or scripts.
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", body)


@pytest.mark.parametrize("path", ["/", "/simulator-static/simulator.js"])
def test_simulator_off_hides_page_and_assets(path):
    client = create_app({"ALEXA_VERIFY": "off", "SIMULATOR": "off"}).test_client()
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/api/session", "/api/ask"])
def test_simulator_off_hides_api(path):
    client = create_app({"ALEXA_VERIFY": "off", "SIMULATOR": "off"}).test_client()
    assert client.post(path, json={"text": "can i lift groceries"}).status_code == 404


def test_session_launches_with_disclaimer(client):
    reply = start(client)
    assert reply["turn"]["intent"] == "LaunchRequest"
    assert "not medical advice" in reply["turn"]["speech"]
    assert reply["session"]["session_id"].startswith("amzn1.echo-api.session.")
    assert reply["session"]["new"] is False and reply["session"]["ended"] is False
    assert reply["raw"]["request"]["request"]["type"] == "LaunchRequest"


def test_ask_returns_turn_raw_json_and_explanation(client):
    reply = say(client, start(client)["session"], "can I lift groceries")
    assert set(reply["turn"]) == TURN_KEYS
    assert reply["turn"]["intent"] == "LiftingIntent"
    assert "ten pounds" in reply["turn"]["speech"]
    assert reply["raw"]["request"]["request"]["intent"]["name"] == "LiftingIntent"
    assert reply["raw"]["response"]["response"]["outputSpeech"]["type"] == "SSML"
    assert reply["explain"]["decision"]["intent"] == "LiftingIntent"
    assert reply["explain"]["candidates"][0]["intent"] == "LiftingIntent"


def test_session_carries_more_and_repeat_across_turns(client):
    session = start(client)["session"]
    first = say(client, session, "can I lift groceries")
    more = say(client, first["session"], "tell me more")
    assert "three to four months" in more["turn"]["speech"]
    again = say(client, more["session"], "repeat that")
    assert again["turn"]["speech"] == more["turn"]["speech"]
    assert {first["session"]["session_id"], more["session"]["session_id"],
            again["session"]["session_id"]} == {session["session_id"]}


def test_session_is_stateless_across_workers(client):
    # Another app instance (another server worker) continues the same conversation.
    other = create_app({"ALEXA_VERIFY": "off"}).test_client()
    first = say(client, start(client)["session"], "can I lift groceries")
    more = say(other, first["session"], "yes")
    assert "three to four months" in more["turn"]["speech"]


def test_no_ends_session_and_next_question_starts_a_new_one(client):
    session = start(client)["session"]
    bye = say(client, session, "no")
    assert bye["turn"]["end_session"] is True and bye["session"]["ended"] is True
    after = say(client, bye["session"], "repeat that")
    assert after["session"]["session_id"] != session["session_id"]
    assert "haven't said anything" in after["turn"]["speech"]


def test_ask_without_session_starts_one(client):
    reply = say(client, None, "my incision is red and swollen")
    assert reply["turn"]["urgent"] is True
    assert reply["turn"]["intent"] == "IncisionConcernIntent"
    assert reply["session"]["session_id"]


def test_urgent_answer_names_configured_phone(client):
    reply = say(client, None, "my husband's temperature is 102")
    assert reply["turn"]["urgent"] is True
    assert 'interpret-as="telephone"' in reply["turn"]["ssml"]
    assert "555-010-0199" in reply["turn"]["card"]["text"]


def test_tampered_attributes_still_get_spoken_answer(client):
    session = {"session_id": "amzn1.echo-api.session.x", "new": False,
               "attributes": {"last": {"key": "no_such_answer"}, "more": ["odd"]}}
    reply = say(client, session, "repeat that")
    assert reply["turn"]["speech"]


def test_text_at_limit_is_accepted(client):
    assert client.post("/api/ask", json={"text": "a" * MAX_TEXT_CHARS}).status_code == 200


@pytest.mark.parametrize("kwargs", [
    {"data": "not json", "content_type": "application/json"},
    {"data": "\xff\xfe", "content_type": "application/json"},
    {"json": ["a", "list"]},
    {"json": {}},
    {"json": {"text": ""}},
    {"json": {"text": "   "}},
    {"json": {"text": 42}},
    {"json": {"text": "x" * (MAX_TEXT_CHARS + 1)}},
    {"json": {"text": "hi", "session": "abc"}},
    {"json": {"text": "hi", "session": {"attributes": {}}}},
    {"json": {"text": "hi", "session": {"session_id": "bad id <script>"}}},
    {"json": {"text": "hi", "session": {"session_id": "s1", "attributes": []}}},
    {"json": {"text": "hi", "pad": "x" * 40_000}},
], ids=["not-json", "binary", "list", "no-text", "empty", "blank", "number", "too-long",
        "session-string", "no-session-id", "bad-session-id", "attributes-list", "huge-body"])
def test_bad_input_gets_400_json_error(client, kwargs):
    response = client.post("/api/ask", **kwargs)
    assert response.status_code == 400
    assert response.is_json and response.get_json()["error"]


@pytest.mark.parametrize("text", ["🦴🦴 can I lift?", "\u202e\u0000 sit", "ÇÀN Ï SÏT"])
def test_odd_unicode_gets_spoken_answer(client, text):
    assert say(client, None, text)["turn"]["speech"]


def test_user_words_are_never_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "my neighbour zanzibarquux has a fever of 102"
    say(client, None, secret)
    client.post("/api/ask", json={"text": "x" * (MAX_TEXT_CHARS + 1) + "zanzibarquux"})
    assert "zanzibarquux" not in caplog.text
    assert "FeverIntent" in caplog.text  # the intent name is logged

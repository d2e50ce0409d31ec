"""The skill object on any request: unknown intents, empty or absurd slots, huge or
negative temperatures, odd session attributes, no session at all.

Whatever ``skill.invoke`` is handed, it answers with a valid Alexa response (see
``tests/support/alexa_response.py``): it never raises, and it never leaves a session open
without a reprompt.
"""

from __future__ import annotations

from typing import Any

import pytest
from ask_sdk_model import IntentRequest, RequestEnvelope, Slot
from hypothesis import example, given, settings
from hypothesis import strategies as st

from skill.alexa import envelope
from skill.alexa.conversation import Conversation, ssml_to_text
from skill.content import loader
from tests.support.alexa_response import check_response

PROPERTY = settings(max_examples=200, deadline=None)
INTENTS = sorted(spec.name for spec in loader.load_content().intents)
SLOT_NAMES = sorted({name for spec in loader.load_content().intents for name in spec.slots} | {"x"})

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                               max_size=4),
    max_leaves=10,
)
# What a crafted or corrupted client might send back as session attributes.
attributes = st.one_of(
    st.dictionaries(st.text(max_size=10), json_values, max_size=4),
    st.fixed_dictionaries({"last": json_values, "more": json_values}),
    st.fixed_dictionaries({
        "last": st.fixed_dictionaries({
            "key": st.sampled_from(["lifting_limit", "fever_high", "nope", ""]) | json_values,
            "part": st.sampled_from(["speech", "more", "source", "x"]) | json_values,
            "params": json_values,
            "urgent": json_values,
        }),
        "more": st.sampled_from(["lifting_limit", "welcome", "nope"]) | json_values,
    }),
)
numbers = st.one_of(
    st.floats(), st.integers(min_value=-10**30, max_value=10**30),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
).map(str)
slot_values = st.one_of(
    st.text(), st.just(""), st.just(" " * 10), st.text(min_size=200, max_size=2000),
    numbers, st.sampled_from(["nan", "inf", "-inf", "1e308", "-40", "0", "101", "102.5",
                              "one oh two", "thirty eight point nine", "driving"]),
)
temperature_slots = st.fixed_dictionaries(
    {"temperature": numbers | slot_values},
    optional={"decimal": numbers | slot_values,
              "unit": st.sampled_from(["celsius", "fahrenheit", "kelvin", "", "c", "F"])
              | st.text(max_size=20)},
)
slots = st.one_of(
    temperature_slots,
    st.dictionaries(st.sampled_from(SLOT_NAMES) | st.text(max_size=15), slot_values, max_size=4),
)
intent_names = st.sampled_from(INTENTS) | st.sampled_from(
    ["NoSuchIntent", "", "AMAZON.PauseIntent", "amazon.helpintent"]) | st.text(max_size=30)


def invoke(skill, request, *, session: bool = True, attrs: Any = None) -> dict[str, Any]:
    env = envelope.envelope(request, session_id=envelope.new_session_id(), new=attrs is None,
                            attributes={})
    if not session:
        env.session = None
    elif attrs is not None:
        env.session.attributes = attrs  # as the deserializer would leave it: anything
    response = skill.invoke(request_envelope=env, context=None)
    serialized: dict[str, Any] = skill.serializer.serialize(response)
    return serialized


@PROPERTY
@given(name=intent_names, slot_map=slots, attrs=st.none() | attributes, session=st.booleans())
@example(name="FreeQuestionIntent", slot_map={"query": "lift " * 5000}, attrs=None, session=True)
@example(name="FeverIntent", slot_map={"temperature": "-1e308", "unit": "celsius"}, attrs=None,
         session=True)
@example(name="AMAZON.RepeatIntent", slot_map={}, attrs={"last": {"key": "lifting_limit",
         "part": "source", "params": []}}, session=True)
@example(name="AMAZON.YesIntent", slot_map={}, attrs={"more": "lifting_limit",
         "last": {"params": [1]}}, session=True)
@example(name="LiftingIntent", slot_map={}, attrs=None, session=False)
def test_invoke_any_intent_request_is_a_valid_response(skill, name, slot_map, attrs, session):
    request = envelope.intent_request(name, slot_map)
    check_response(invoke(skill, request, session=session, attrs=attrs))


@PROPERTY
@given(slot_map=temperature_slots)
@example(slot_map={"temperature": "-459.67", "unit": "fahrenheit"})
@example(slot_map={"temperature": "99999999999999999999999999"})
def test_invoke_any_temperature_names_the_care_team(skill, slot_map):
    payload = invoke(skill, envelope.intent_request("FeverIntent", slot_map))
    parsed = check_response(payload)
    assert "care team" in ssml_to_text(parsed.response.output_speech.ssml).lower()


@PROPERTY
@given(attrs=st.none() | attributes, session=st.booleans())
def test_invoke_launch_and_session_end_any_session(skill, attrs, session):
    check_response(invoke(skill, envelope.launch_request(), session=session, attrs=attrs))
    ended = invoke(skill, envelope.session_ended_request(), session=session, attrs=attrs)
    check_response(ended, session_ended=True)


@PROPERTY
@given(texts=st.lists(st.text(max_size=200) | st.sampled_from(
    ["tell me more", "repeat that", "yes", "no", "stop", "my temperature is 102"]),
    min_size=1, max_size=4))
def test_conversation_any_text_is_a_valid_response(skill, texts):
    """The simulator's and the CLI's path: router -> envelope -> skill, turn after turn."""
    conversation = Conversation(skill)
    for text in texts:
        turn = conversation.ask(text)
        check_response(skill.serializer.serialize(turn.response))
        assert isinstance(turn.request, RequestEnvelope)


def _no_intent(request: IntentRequest) -> None:
    request.intent = None


def _no_name(request: IntentRequest) -> None:
    request.intent.name = None


def _slot_none(request: IntentRequest) -> None:
    request.intent.slots = {"temperature": None, "query": Slot(name="query", value=None)}


def _slots_none(request: IntentRequest) -> None:
    request.intent.slots = None


@pytest.mark.parametrize("damage", [_no_intent, _no_name, _slot_none, _slots_none])
@pytest.mark.parametrize("name", ["FeverIntent", "FreeQuestionIntent", "AMAZON.YesIntent"])
def test_invoke_hollow_intent_answered_not_an_error(skill, name, damage):
    """Parts of the intent missing: a plain answer or the fallback, not "something went
    wrong" (which is only for real faults)."""
    request = envelope.intent_request(name, {"temperature": "102"})
    damage(request)
    parsed = check_response(invoke(skill, request))
    assert "went wrong" not in parsed.response.output_speech.ssml

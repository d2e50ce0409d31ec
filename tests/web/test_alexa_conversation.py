"""The conversation on Alexa: every behaviour of skill.alexa.dialogue driven through POST
/alexa envelopes, the session attributes going back and forth as Alexa sends them."""

from __future__ import annotations

from typing import Any

from ask_sdk_core.serialize import DefaultSerializer

from skill.alexa import envelope
from tests.support.alexa_response import check_response
from tests.support.config import PHONE


class AlexaSession:
    """One Alexa session against the app: each call is an IntentRequest in the session."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.session_id = envelope.new_session_id()
        self.attributes: dict[str, Any] = {}
        self.new = True

    def say(self, intent: str, slots: dict[str, str] | None = None) -> dict[str, Any]:
        request = envelope.intent_request(intent, slots)
        body = DefaultSerializer().serialize(envelope.envelope(
            request, session_id=self.session_id, new=self.new, attributes=self.attributes))
        response = self.client.post("/alexa", json=body)
        assert response.status_code == 200
        payload = response.get_json()
        check_response(payload)
        self.new = False
        self.attributes = payload.get("sessionAttributes") or {}
        return payload

    def ask(self, query: str) -> dict[str, Any]:
        """Free text, as Alexa's catch-all carries it."""
        return self.say("FreeQuestionIntent", {"query": query})


def spoken(payload: dict[str, Any]) -> str:
    return str(payload["response"]["outputSpeech"]["ssml"])


def ended(payload: dict[str, Any]) -> bool:
    return bool(payload["response"].get("shouldEndSession"))


def test_follow_up_uses_the_topic_and_slots(client):
    alexa = AlexaSession(client)
    assert "ten pounds" in spoken(alexa.say("LiftingIntent"))
    assert alexa.attributes["topic"] == "LiftingIntent"
    again = alexa.say("FollowUpIntent")  # "what about for my husband?"
    assert "ten pounds" in spoken(again) and not ended(again)
    detail = alexa.say("FollowUpDetailIntent", {"facet": "how long"})  # "and for how long?"
    assert "doesn't say when that limit ends" in spoken(detail)
    why = alexa.say("FollowUpDetailIntent")  # "why?"
    assert "three to four months" in spoken(why)


def test_caregiver_follow_up_on_a_fever_keeps_the_reading(client):
    alexa = AlexaSession(client)
    alexa.say("FeverIntent", {"temperature": "102"})
    again = alexa.say("FollowUpIntent")
    assert "one hundred two" in spoken(again).lower() and PHONE in spoken(again)
    assert alexa.attributes["slots"] == {"temperature": "102"}


def test_follow_up_without_a_topic_asks(client):
    payload = AlexaSession(client).say("FollowUpIntent")
    assert "What would you like to know about" in spoken(payload)
    assert not ended(payload)


def test_two_questions_in_the_catch_all(client):
    alexa = AlexaSession(client)
    first = alexa.ask("how long is the surgery and when can I go home")
    assert "about one hour" in spoken(first)
    assert "You also asked about going home. Want that answer?" in spoken(first)
    assert alexa.attributes["offer"] == "HospitalStayIntent"
    assert "same day" in spoken(alexa.say("AMAZON.YesIntent"))


def test_two_questions_urgent_part_first(client):
    alexa = AlexaSession(client)
    said = "can my mom walk around the house and her incision is red and swollen"
    first = spoken(alexa.ask(said))
    assert first.index("Call your care team") < first.index("You also asked about walking")


def test_two_questions_joined_by_and_whether_in_the_catch_all(client):
    alexa = AlexaSession(client)
    first = alexa.ask("how long does the operation run and whether he is sent home that night")
    assert "about one hour" in spoken(first)
    assert alexa.attributes["offer"] == "HospitalStayIntent"
    assert "same day" in spoken(alexa.say("AMAZON.YesIntent"))


def test_two_questions_the_weaker_first_still_first_in_the_catch_all(client):
    alexa = AlexaSession(client)
    first = alexa.ask("when can I get back to golf and will I need a physical therapy referral")
    assert "three to four months" in spoken(first)
    assert alexa.attributes["offer"] == "PhysicalTherapyIntent"
    assert "Physical therapy may be recommended" in spoken(alexa.say("AMAZON.YesIntent"))


def test_near_tie_asks_back_and_takes_a_one_word_reply(client):
    alexa = AlexaSession(client)
    asked = alexa.ask("can my dad sit for the whole surgery day")
    assert "Do you mean sitting or how long the surgery takes?" in spoken(asked)
    assert alexa.attributes["choice"] == ["SittingIntent", "SurgeryDurationIntent"]
    picked = alexa.say("ChooseTopicIntent", {"choice": "sitting"})  # Alexa's TOPIC slot
    assert "limit sitting for long" in spoken(picked)


def test_near_tie_reply_by_place(client):
    alexa = AlexaSession(client)
    alexa.ask("can my dad sit for the whole surgery day")
    picked = alexa.say("ChooseOptionIntent", {"position": "the second one"})
    assert "about one hour" in spoken(picked)


def test_more_until_all_said_then_repeat_the_last_real_answer(client):
    alexa = AlexaSession(client)
    alexa.say("SittingIntent")
    assert "walker or a cane" in spoken(alexa.say("AMAZON.YesIntent"))
    done = alexa.say("AMAZON.YesIntent")
    assert "That's all your guide says" in spoken(done) and "care team" in spoken(done)
    assert "walker or a cane" in spoken(alexa.say("AMAZON.RepeatIntent"))


def test_no_after_an_urgent_answer_says_to_call(client):
    alexa = AlexaSession(client)
    alexa.say("IncisionConcernIntent")
    bye = alexa.say("AMAZON.NoIntent")
    assert ended(bye)
    assert "call your care team" in spoken(bye).lower() and PHONE in spoken(bye)


def test_help_mid_conversation_keeps_the_topic(client):
    alexa = AlexaSession(client)
    alexa.say("WalkingIntent")
    alexa.say("AMAZON.HelpIntent")
    assert alexa.attributes["topic"] == "WalkingIntent"
    assert "walker or a cane" in spoken(alexa.say("FollowUpIntent"))


def test_what_about_a_topic_by_name(client):
    alexa = AlexaSession(client)
    alexa.say("LiftingIntent")
    named = alexa.say("ChooseTopicIntent", {"choice": "walking"})  # "what about walking?"
    assert "walker or a cane" in spoken(named)
    assert alexa.attributes["topic"] == "WalkingIntent"


def test_a_symptom_report_is_never_taken_as_the_reply_to_do_you_mean(client):
    alexa = AlexaSession(client)
    assert "Do you mean" in spoken(alexa.ask("can my dad sit for the whole surgery day"))
    reply = alexa.ask("my incision is oozing pus")  # not "sitting" or "the first one"
    assert "care team" in spoken(reply) and "one hour" not in spoken(reply)
    assert "call nine one one" in spoken(alexa.ask("the first one, i passed out")).lower()


def test_an_emergency_beside_another_question_ends_on_the_call(client):
    alexa = AlexaSession(client)
    reply = alexa.ask("i can't breathe and can i walk")
    said = spoken(reply)
    assert "nine one one" in said and "You also asked" not in said
    # the session stays open on the urgent path: the reprompt is the call again
    assert reply["response"]["shouldEndSession"] is False
    assert "nine one one" in reply["response"]["reprompt"]["outputSpeech"]["ssml"]
    said = spoken(alexa.ask("yes"))  # nothing was offered: no walking answer
    assert "walker" not in said


def test_a_choice_the_client_made_up_is_ignored(client):
    alexa = AlexaSession(client)
    alexa.attributes = {"choice": ["NoSuchIntent", "zanzibar"]}
    alexa.new = False
    said = spoken(alexa.say("ChooseOptionIntent", {"position": "the first one"}))
    assert "NoSuchIntent" not in said and "zanzibar" not in said
    assert "What would you like to know" in said

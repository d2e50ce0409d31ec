"""The answer keys the code speaks by name, beyond the ones intents/ names.

Every intent's own answer comes from its YAML ``answer:``; these are the few the
conversation around the answers needs. ``si-skill validate`` checks that
responses.yaml has each of them.
"""

from __future__ import annotations

from typing import Final

from skill.nlu import fever

WELCOME: Final = "welcome"  # the skill is opened (LaunchRequest)
NOTHING_TO_REPEAT: Final = "nothing_to_repeat"
ANYTHING_ELSE: Final = "anything_else"  # "yes" with no detail on offer
ERROR: Final = "error"
REPROMPT: Final = "reprompt"
MORE_OFFER: Final = "more_offer"  # "Want to hear more?"
URGENT_REPROMPT: Final = "urgent_reprompt"  # repeats the call to make, asks nothing
EMERGENCY_REPROMPT: Final = "emergency_reprompt"  # the same for the emergency number
EMERGENCY: Final = "emergency"  # its card says "Call <the locale's number>"
# The conversation around the answers (skill.alexa.dialogue).
NO_MORE: Final = "no_more"  # "tell me more" when the guide has nothing more
GOODBYE_URGENT: Final = "goodbye_urgent"  # "no" / "stop" after an urgent answer
GOODBYE_EMERGENCY: Final = "goodbye_emergency"  # the same after the emergency answer
FOLLOW_UP_PROMPT: Final = "follow_up_prompt"  # "what about for my husband?" with no topic
CLARIFY: Final = "clarify"  # "Do you mean {topic} or {other}?"
ALSO_ASKED: Final = "also_asked"  # "You also asked about {topic}. Want that answer?"
# A fever reading picks the answer by how it compares with the guide's line.
FEVER: Final = {
    fever.Level.HIGH: "fever_high",
    fever.Level.AT_LINE: "fever_at_line",
    fever.Level.LOW: "fever_low",
    fever.Level.UNCLEAR: "fever_unclear",
}
SPOKEN_BY_CODE: Final = (
    WELCOME, NOTHING_TO_REPEAT, ANYTHING_ELSE, ERROR, REPROMPT, MORE_OFFER, URGENT_REPROMPT,
    EMERGENCY_REPROMPT, EMERGENCY, NO_MORE, GOODBYE_URGENT, GOODBYE_EMERGENCY,
    FOLLOW_UP_PROMPT, CLARIFY, ALSO_ASKED,
    *FEVER.values(),
)

"""What the benchmarks send and what they compare against (shared by latency.py and
load.py; not a test, not part of the package).

* ``REQUEST_MIX``: the requests a day of real use brings, as (name, weight, builder):
  mostly questions Alexa's NLU has already placed, some launches and conversation
  intents, and a share of free-form questions the router must place.
* ``write_hello_skill()``: the yardstick, the smallest ask-sdk-core skill there is
  (one handler that says hello), written to a directory as ``hello_skill.py``.
* ``percentile()`` and ``summary()``: nearest-rank percentiles of a list of seconds.
"""

from __future__ import annotations

import json
import math
import statistics
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import Request, RequestEnvelope

from skill.alexa import envelope

Builder = Callable[[], Request]

# Weights are requests per 100. FreeQuestionIntent (the router's production job) is
# Alexa's catch-all, so a minority of traffic; the rest arrives as named intents.
REQUEST_MIX: tuple[tuple[str, int, Builder], ...] = (
    ("LaunchRequest", 10, envelope.launch_request),
    ("LiftingIntent", 12, lambda: envelope.intent_request("LiftingIntent")),
    ("SittingIntent", 8, lambda: envelope.intent_request("SittingIntent")),
    ("WalkingIntent", 8, lambda: envelope.intent_request("WalkingIntent")),
    ("PainMedicationIntent", 8, lambda: envelope.intent_request("PainMedicationIntent")),
    ("ReturnToNormalIntent", 6, lambda: envelope.intent_request("ReturnToNormalIntent")),
    ("FeverIntent 102", 6, lambda: envelope.intent_request("FeverIntent", {"temperature": "102"})),
    ("FeverIntent 99.5", 4, lambda: envelope.intent_request(
        "FeverIntent", {"temperature": "99", "decimal": "5"})),
    ("IncisionConcernIntent", 4, lambda: envelope.intent_request("IncisionConcernIntent")),
    ("UncoveredTopicIntent", 6, lambda: envelope.intent_request(
        "UncoveredTopicIntent", {"topic": "driving"})),
    ("FreeQuestionIntent", 10, lambda: envelope.intent_request(
        "FreeQuestionIntent", {"query": "can my mom sit in the car that long"})),
    ("AMAZON.YesIntent", 6, lambda: envelope.intent_request("AMAZON.YesIntent")),
    ("AMAZON.HelpIntent", 4, lambda: envelope.intent_request("AMAZON.HelpIntent")),
    ("AMAZON.StopIntent", 4, lambda: envelope.intent_request("AMAZON.StopIntent")),
    ("SessionEndedRequest", 4, envelope.session_ended_request),
)

HELLO_SKILL = '''"""The smallest ask-sdk-core skill: one handler, hello with a reprompt."""
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import SkillBuilder


class HelloHandler(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return True

    def handle(self, handler_input):
        return handler_input.response_builder.speak("Hello.").ask("Say hello again?").response


builder = SkillBuilder()
builder.add_request_handler(HelloHandler())
skill = builder.create()
'''

_serializer = DefaultSerializer()


def write_hello_skill(directory: Path) -> Path:
    path = directory / "hello_skill.py"
    path.write_text(HELLO_SKILL, encoding="utf-8")
    return path


def mix_names() -> list[str]:
    """One name per request in 100, in a fixed interleaved order."""
    slots = [(i / weight, name) for name, weight, _ in REQUEST_MIX for i in range(weight)]
    return [name for _, name in sorted(slots)]


def build_envelope(name: str, *, skill_id: str = envelope.LOCAL_SKILL_ID,
                   attributes: dict[str, Any] | None = None) -> RequestEnvelope:
    """A fresh envelope for the mix entry ``name`` ("yes" follows an answer with more)."""
    builder = {entry[0]: entry[2] for entry in REQUEST_MIX}[name]
    if attributes is None and name == "AMAZON.YesIntent":
        attributes = {"more": "lifting_limit", "last": {"key": "lifting_limit",
                                                        "part": "speech", "params": {}}}
    return envelope.envelope(builder(), session_id=f"amzn1.echo-api.session.{uuid.uuid4()}",
                             new=attributes is None, attributes=attributes, skill_id=skill_id)


def envelope_body(name: str, *, skill_id: str = envelope.LOCAL_SKILL_ID,
                  when: datetime | None = None) -> bytes:
    """The envelope as JSON bytes on the wire, stamped ``when`` (default: now)."""
    payload: dict[str, Any] = _serializer.serialize(build_envelope(name, skill_id=skill_id))
    stamp = (when or datetime.now(timezone.utc)).astimezone(timezone.utc)
    payload["request"]["timestamp"] = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return json.dumps(payload).encode("utf-8")


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted, non-empty sequence."""
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def summary(seconds: Sequence[float]) -> dict[str, float]:
    """Median, p90, p99 and max in milliseconds."""
    ordered = sorted(seconds)
    return {
        "median": statistics.median(ordered) * 1000,
        "p90": percentile(ordered, 0.90) * 1000,
        "p99": percentile(ordered, 0.99) * 1000,
        "max": ordered[-1] * 1000,
    }

"""``build_skill()``: the one ask-sdk-core skill behind Lambda, /alexa and the simulator."""

from __future__ import annotations

from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder

from skill import data
from skill.answers import Answers
from skill.config import Config
from skill.handlers import (
    AnswerHandler,
    ErrorHandler,
    FixedHandler,
    FreeQuestionHandler,
    MoreHandler,
    RepeatHandler,
    Responder,
    SessionEndedHandler,
    UnknownRequestHandler,
)


def build_skill(config: Config | None = None, *, check_skill_id: bool = False) -> CustomSkill:
    """A new skill object. ``check_skill_id`` makes ask-sdk refuse other skills' requests
    (Lambda); the web service checks the id itself so it can answer 400."""
    config = config or Config.from_env()
    responder = Responder(Answers(config))
    specs = {spec.name: spec for spec in data.load_intents()}
    answer = AnswerHandler(responder, specs)
    builder = SkillBuilder()
    if check_skill_id and config.skill_id:
        builder.skill_id = config.skill_id  # type: ignore[assignment]  # typed None upstream
    # Most specific first: ask-sdk takes the first handler whose can_handle is true.
    for handler in (
        FixedHandler(responder, "welcome", request="LaunchRequest"),
        answer,
        FreeQuestionHandler(answer, responder),
        MoreHandler(responder),
        RepeatHandler(responder),
        FixedHandler(responder, "help", intents=("AMAZON.HelpIntent",)),
        FixedHandler(responder, "goodbye", intents=(
            "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NoIntent"), end=True),
        FixedHandler(responder, "welcome", intents=("AMAZON.NavigateHomeIntent",)),
        FixedHandler(responder, "fallback", intents=("AMAZON.FallbackIntent",)),
        SessionEndedHandler(),
        UnknownRequestHandler(responder, specs),  # last: anything nothing else took
    ):
        builder.add_request_handler(handler)
    builder.add_exception_handler(ErrorHandler(responder))
    return builder.create()

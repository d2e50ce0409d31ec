"""``build_skill()``: the one ask-sdk-core skill behind Lambda, /alexa and the simulator."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder

from skill.alexa.dialogue import (
    ChooseHandler,
    Dialogue,
    FollowUpDetailHandler,
    FollowUpHandler,
    OfferHandler,
    RepeatChoiceHandler,
    UrgentGoodbyeHandler,
)
from skill.alexa.free_question import QuestionHandler
from skill.alexa.handlers import (
    AnswerHandler,
    ErrorHandler,
    LaunchHandler,
    MoreHandler,
    RepeatHandler,
    Responder,
    SessionEndedHandler,
    UnknownRequestHandler,
)
from skill.alexa.reply import ReplyReader
from skill.alexa.responses import Answers
from skill.config import Config
from skill.content import loader
from skill.content.locales import locales_of
from skill.content.spec import Content

if TYPE_CHECKING:
    from skill.nlu.router import Router


def _lazy_router(content: Content) -> Callable[[str | None], Router]:
    def get(locale: str | None) -> Router:
        # The samples load only when Alexa needs them.
        from skill.nlu.localized import router_for

        return router_for(content, locale)

    return get


def build_skill(
    config: Config | None = None, *, content: Content | None = None,
    router: Router | None = None, check_skill_id: bool = False,
) -> CustomSkill:
    """A new skill object answering from ``content`` (default: the skill's own), placing
    free-form questions with ``router`` (default: built from ``content`` when first
    needed, in the request's locale). ``check_skill_id`` makes ask-sdk refuse other
    skills' requests (Lambda); the web service checks the id itself so it can answer
    400."""
    config = config or Config.from_env()
    content = content or loader.load_content()
    responder = Responder(Answers(config, content.responses, locales_of(content)))
    answer = AnswerHandler(responder, content)
    dialogue = Dialogue(answer, (lambda _: router) if router else _lazy_router(content))
    more = MoreHandler(responder)
    goodbye, offer, repeat = (UrgentGoodbyeHandler(dialogue), OfferHandler(dialogue),
                              RepeatHandler(responder))
    again = RepeatChoiceHandler(dialogue)  # "say that again" to "Do you mean ...?"
    # A free-form reply ("yeah go ahead") is answered by the handler of what it stands for.
    replies = ReplyReader(content, (goodbye, offer, answer, more, again, repeat))
    question, detail = QuestionHandler(dialogue, replies), FollowUpDetailHandler(dialogue, more)
    # "I've got a question": the catch-all, none asked yet; "and how long is that for?"
    replies.handlers += (question, detail)
    builder = SkillBuilder()
    if check_skill_id and config.skill_id:
        builder.skill_id = config.skill_id  # type: ignore[assignment]  # typed None upstream
    # Most specific first: ask-sdk takes the first handler whose can_handle is true.
    for handler in (
        LaunchHandler(responder),
        goodbye,  # before the plain goodbye
        offer,  # "yes" to a second question, before "yes" to more
        answer,
        question,
        FollowUpHandler(dialogue),
        detail,
        ChooseHandler(dialogue),
        more,
        again,  # before the plain repeat
        repeat,
        SessionEndedHandler(),
        UnknownRequestHandler(answer, content.by_name),  # last: anything nothing else took
    ):
        builder.add_request_handler(handler)
    builder.add_exception_handler(ErrorHandler(responder))
    return builder.create()

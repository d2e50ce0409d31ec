"""Content checks on the answers, for ``si-skill validate``: the voice and Alexa limits.

Each answer, rendered as the skill would say it: Flesch-Kincaid grade, SSML that parses
and uses only tags Alexa supports, output speech and whole-response size limits, and
every number one the guide states (or an emergency number).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

from skill.alexa import envelope, responses
from skill.config import Config
from skill.content import loader
from skill.content.locales import DEFAULT, Locale
from skill.content.spec import Content
from skill.nlu.numbers import words_to_digits
from skill.review.readability import grade

# Grade 6-8 is the usual plain-language target for patient education material; 8 is
# its upper end.
MAX_GRADE: Final = 8.0
# Alexa's limits: output speech 8,000 characters; the whole response 24 kilobytes.
MAX_SPEECH_CHARS: Final = 8000
MAX_RESPONSE_BYTES: Final = 24 * 1024
ALEXA_SSML_TAGS: Final = frozenset(
    {
        "speak",
        "say-as",
        "break",
        "emphasis",
        "p",
        "s",
        "prosody",
        "sub",
        "phoneme",
        "lang",
        "voice",
        "audio",
        "w",
        "amazon:effect",
        "amazon:domain",
        "amazon:emotion",
    }
)
# Stand-ins for the placeholders, so every template renders in full.
SAMPLE_CONFIG: Final = Config(clinic_name="SpineOne", care_team_phone="555-010-0199")
SAMPLE_PARAMS: Final = {"reading": "102 degrees Fahrenheit", "topic": "driving"}
EMERGENCY_NUMBER: Final = "nine one one"

Report = Callable[[str, str], None]


def numbers_in(text: str) -> set[str]:
    """The numbers a text states, as digits ("ten pounds" -> {"10"})."""
    text = re.sub(
        r"[^a-z0-9. ]|(?<!\d)\.|\.(?!\d)", " ", text.lower().replace(EMERGENCY_NUMBER, " ")
    )
    return {w for w in words_to_digits(text.split()) if re.fullmatch(r"\d+(\.\d+)?", w)}


def guide_numbers(root: Path) -> set[str]:
    return numbers_in(loader.guide_path(root).read_text(encoding="utf-8"))


def _without_placeholders(text: str) -> str:
    """The answer's own words: the phone number and the user's reading are not claims."""
    for value in (SAMPLE_CONFIG.care_team_phone or "", *SAMPLE_PARAMS.values()):
        text = text.replace(value, " ")
    return text


def _tags(element: ET.Element) -> set[str]:
    found = {element.tag}
    for child in element:
        found |= _tags(child)
    return found


def check_answer(
    key: str, rendered: responses.Rendered, allowed: set[str], report: Report, where: str, part: str
) -> None:
    score = grade(rendered.text)
    if score > MAX_GRADE:
        report(where, f"{key}.{part}: reading grade {score:.1f}; keep it at most {MAX_GRADE:g}")
    stray = numbers_in(_without_placeholders(rendered.text)) - allowed
    if stray:
        report(where, f"{key}.{part}: numbers the guide does not state: {sorted(stray)}")
    ssml = responses.ssml(rendered)
    try:
        tags = _tags(ET.fromstring(ssml.replace("amazon:", "amazon_")))
    except ET.ParseError as error:
        report(where, f"{key}.{part}: SSML does not parse: {error}")
        return
    unsupported = {t.replace("amazon_", "amazon:") for t in tags} - ALEXA_SSML_TAGS
    if unsupported:
        report(where, f"{key}.{part}: SSML tags Alexa does not support: {sorted(unsupported)}")
    if len(ssml) > MAX_SPEECH_CHARS:
        report(
            where,
            f"{key}.{part}: {len(ssml)} characters of speech; Alexa allows {MAX_SPEECH_CHARS}",
        )


def check_answers(root: Path, entries: Mapping[str, Any], locales: Mapping[str, Locale],
                  report: Report) -> None:
    """Every answer as the default locale renders it (without one, the locales file's
    own problem is reported instead)."""
    where = str(loader.responses_path(root))
    if DEFAULT not in locales:
        return
    try:
        allowed = guide_numbers(root) | {locale.emergency for locale in locales.values()}
    except OSError as error:
        report(str(loader.guide_path(root)), f"cannot read the guide: {error}")
        return
    rendering = responses.Answers(SAMPLE_CONFIG, entries, locales)
    for key, entry in entries.items():
        for part in ("speech", "more"):
            if isinstance(entry, dict) and isinstance(entry.get(part), str):
                try:
                    rendered = rendering.render(key, part, **SAMPLE_PARAMS)
                except (KeyError, ValueError) as error:
                    report(where, f"{key}.{part}: cannot render: {error}")
                    continue
                check_answer(key, rendered, allowed, report, where, part)


def check_response_sizes(content: Content, report: Report) -> None:
    """Every intent's whole response from ``content``, serialized as Alexa receives it,
    fits Alexa's limit."""
    from ask_sdk_core.serialize import DefaultSerializer

    from skill.alexa.builder import build_skill

    skill = build_skill(SAMPLE_CONFIG, content=content)
    serializer = DefaultSerializer()
    requests: list[Any] = [envelope.launch_request()] + [
        envelope.intent_request(spec.name, {"temperature": "102", "topic": "driving"})
        for spec in content.intents
    ]
    for request in requests:
        env = envelope.envelope(request, session_id="validate", new=True)
        body = json.dumps(serializer.serialize(skill.invoke(request_envelope=env, context=None)))
        if len(body.encode()) > MAX_RESPONSE_BYTES:
            name = getattr(getattr(request, "intent", None), "name", "LaunchRequest")
            report(
                name, f"response is {len(body.encode())} bytes; Alexa allows {MAX_RESPONSE_BYTES}"
            )

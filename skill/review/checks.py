"""Content checks on the answers, for ``si-skill validate``: the voice and Alexa limits.

Each answer, rendered as the skill would say it with a real phone number: every sentence's
source (a quote found in the guide, or a named policy line), Flesch-Kincaid grade, one
breath for a first reply, SSML that parses and uses only tags Alexa supports, output
speech and whole-response size limits, every number one the guide states (or an emergency
number), the urgent path and the reprompts.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

from skill.alexa import envelope, keys, responses
from skill.config import Config
from skill.content import answers, loader
from skill.content.locales import DEFAULT, Locale
from skill.content.spec import Content
from skill.nlu.numbers import words_to_digits
from skill.review import provenance
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
# Stand-ins for the placeholders, so every template renders in full: a real 10-digit
# phone number, so a reply that no longer fits one breath with it fails here.
SAMPLE_CONFIG: Final = Config(clinic_name="SpineOne", care_team_phone="555-010-0199")
SAMPLE_PARAMS: Final = {"reading": "[[102 °F]]", "topic": "going back to work"}
EMERGENCY_NUMBER: Final = "nine one one"
# The one-breath test: about 35 words is what a listener takes in at once.
MAX_SPEECH_WORDS: Final = 35
# Answers the skill gives as a reprompt: each asks exactly one question.
REPROMPT_KEYS: Final = (keys.REPROMPT, keys.MORE_OFFER)
URGENT_REPROMPT: Final = keys.URGENT_REPROMPT

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
    text = text.lower()
    for value in (SAMPLE_CONFIG.care_team_phone or "", "one hundred two degrees fahrenheit"):
        text = text.replace(value, " ")
    return text


def spoken_words(text: str) -> int:
    """Words a listener hears; a phone number is said digit by digit."""
    phone = SAMPLE_CONFIG.care_team_phone or ""
    digits = sum(c.isdigit() for c in phone)
    words = [w for w in text.replace(phone, " ").split() if any(c.isalnum() for c in w)]
    return len(words) + text.count(phone) * digits


def _tags(element: ET.Element) -> set[str]:
    found = {element.tag}
    for child in element:
        found |= _tags(child)
    return found


def check_answer(
    key: str, rendered: responses.Rendered, allowed: set[str], report: Report, where: str, part: str
) -> None:
    score = grade(rendered.spoken)
    if score > MAX_GRADE:
        report(where, f"{key}.{part}: reading grade {score:.1f}; keep it at most {MAX_GRADE:g}")
    stray = numbers_in(_without_placeholders(rendered.spoken)) - allowed
    if stray:
        report(where, f"{key}.{part}: numbers the guide does not state: {sorted(stray)}")
    if part != "more" and spoken_words(rendered.spoken) > MAX_SPEECH_WORDS:
        report(where, f"{key}.{part}: {spoken_words(rendered.spoken)} spoken words with a "
                      f"phone number; a first reply must be at most {MAX_SPEECH_WORDS}")
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


def check_sources(key: str, said: tuple[answers.Sentence, ...], guide: provenance.Guide,
                  report: Report, where: str) -> None:
    """Every sentence conveys guide words found verbatim, or names a known policy line."""
    for sentence in said:
        for policy in sentence.policies:
            if policy not in answers.POLICIES:
                report(where, f"{key}: {sentence.say!r}: unknown policy line {policy!r}")
        for quote in sentence.quotes:
            if not guide.has(quote):
                report(where, f"{key}: {sentence.say!r}: quote not in the guide: {quote!r}")


def _renderings(entry: answers.Answer) -> list[tuple[str, tuple[answers.Sentence, ...]]]:
    found = [("speech", entry.speech), ("more", entry.more)]
    found += [(f"facets.{name}", facet.speech) for name, facet in entry.facets.items()]
    return [(label, said) for label, said in found if said]


def check_answers(root: Path, entries: Mapping[str, Any], locales: Mapping[str, Locale],
                  report: Report) -> None:
    """Every answer as the default locale renders it (without one, the locales file's
    own problem is reported instead)."""
    where = str(loader.responses_path(root))
    if DEFAULT not in locales:
        return
    try:
        allowed = guide_numbers(root) | {locale.emergency for locale in locales.values()}
        guide = provenance.Guide.load(root)
    except OSError as error:
        report(str(loader.guide_path(root)), f"cannot read the guide: {error}")
        return
    rendering = responses.Answers(SAMPLE_CONFIG, entries, locales)
    for key, entry in rendering.entries.items():
        for label, said in _renderings(entry):
            check_sources(key, said, guide, report, where)
            try:
                rendered = rendering.render_sentences(said, SAMPLE_PARAMS)
            except (KeyError, ValueError) as error:
                report(where, f"{key}.{label}: cannot render: {error}")
                continue
            check_answer(key, rendered, allowed, report, where, label)
        for topic, target in entry.related.items():
            if rendering.rule(target) is None:
                report(where, f"{key}.related.{topic}: {target!r} has no guide rule to say")
            else:
                said = rendering.sentences(key, "speech", related=target)
                check_answer(key, rendering.render_sentences(said, SAMPLE_PARAMS), allowed,
                             report, where, f"speech with related {topic}")
    check_conversation(rendering, report, where)


def check_conversation(rendering: responses.Answers, report: Report, where: str) -> None:
    """Reprompts ask one question; the urgent reprompt repeats the call and asks none."""
    for key in REPROMPT_KEYS:
        if key in rendering.entries:
            text = rendering.render(key).spoken
            if text.count("?") != 1:
                report(where, f"{key}: a reprompt asks exactly one question: {text!r}")
    if URGENT_REPROMPT in rendering.entries:
        text = rendering.render(URGENT_REPROMPT).spoken
        if "?" in text or "call" not in text.lower():
            report(where, f"{URGENT_REPROMPT}: repeat the instruction to call, no question")


def check_urgent(entries: Mapping[str, answers.Answer], urgent_keys: set[str], report: Report,
                 where: str) -> None:
    """An urgent first reply names the care team first and ends on the call to make."""
    for key in sorted(urgent_keys):
        said = entries[key].speech if key in entries else ()
        if not said:
            continue
        first, last = said[0].say, said[-1].say.lower()
        if key != keys.EMERGENCY and answers.CARE_TEAM not in first:
            report(where, f"{key}: an urgent answer names {{care_team}} in its first sentence")
        if "call" not in last or "now" not in last or "?" in last:
            report(where, f"{key}: an urgent answer ends on the call to make now")


def check_calm(entries: Mapping[str, answers.Answer], calm_keys: set[str], report: Report,
               where: str) -> None:
    """A calm answer (a symptom named but not reported) says when to call, never to call
    now: the user reported nothing."""
    for key in sorted(calm_keys):
        said = entries[key].speech if key in entries else ()
        if any(re.search(r"\bnow\b", sentence.say.lower()) for sentence in said):
            report(where, f"{key}: a calm answer says when to call, not to call now")


def check_response_sizes(content: Content, report: Report) -> None:
    """Every intent's whole response from ``content``, serialized as Alexa receives it,
    fits Alexa's limit."""
    from ask_sdk_core.serialize import DefaultSerializer

    from skill.alexa.builder import build_skill

    skill = build_skill(SAMPLE_CONFIG, content=content)
    serializer = DefaultSerializer()
    requests: list[Any] = [envelope.launch_request()] + [
        envelope.intent_request(spec.name, {"temperature": "102", "topic": "work"})
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

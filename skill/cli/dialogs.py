"""Dialog tests: YAML files that script whole conversations with the real skill.

    name: Launch, a question, more, repeat, stop
    config: {CARE_TEAM_PHONE: 555-010-0199}      # optional, environment-style settings
    locale: en-GB                                # optional: the request locale (en-US)
    turns:
      - launch: true
        expect: {intent: LaunchRequest, speech_contains: [not medical advice]}
      - say: can i lift groceries
        expect:
          intent: LiftingIntent
          urgent: false
          speech_contains: [ten pounds]        # all must appear (case-insensitive)
          speech_matches: "\\bten pounds\\b"   # re.search, case-insensitive
          end_session: false

Each file is one session, run turn by turn through ``Conversation`` exactly as
``si-skill chat`` and the web simulator do. ``si-skill test-dialogs PATH...`` and
``tests/cli/test_dialogs.py`` run them; every failed expectation is reported, not only
the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TextIO

import yaml

from skill import jsonsafe
from skill.alexa.builder import build_skill
from skill.alexa.conversation import Conversation
from skill.config import Config, ConfigError
from skill.content import loader
from skill.content.locales import DEFAULT, locales_of
from skill.content.spec import Content
from skill.nlu.localized import router_for

CONFIG_KEYS: Final = frozenset({"CLINIC_NAME", "CARE_TEAM_PHONE", "EMERGENCY_NUMBER"})
TEXT_LISTS: Final = ("speech_contains", "speech_not_contains", "ssml_contains", "card_contains")
EXPECT_KEYS: Final = frozenset(
    {"intent", "urgent", "slots", "speech_matches", "end_session", *TEXT_LISTS})
REQUESTS: Final = frozenset({"LaunchRequest"})


class DialogError(ValueError):
    """A dialog file that cannot be run; the message lists every problem."""


@dataclass(frozen=True)
class Step:
    """One turn of a dialog: what is said (``None`` opens the skill) and what must happen."""

    say: str | None
    expect: dict[str, Any]

    def label(self) -> str:
        return "launch" if self.say is None else f'say "{self.say}"'


@dataclass(frozen=True)
class Dialog:
    name: str
    path: Path
    config: dict[str, str]
    steps: tuple[Step, ...]
    locale: str = DEFAULT


@dataclass
class TurnResult:
    step: Step
    shown: dict[str, Any]
    failures: list[str] = field(default_factory=list)


@dataclass
class DialogResult:
    path: Path
    name: str
    turns: list[TurnResult] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and not any(t.failures for t in self.turns)


def load(path: Path, content: Content | None = None) -> Dialog:
    """Parse and check one dialog file against ``content``'s intents (default: the
    skill's own); raises DialogError naming every problem."""
    content = content or loader.load_content()
    known = _known_intents(content)
    try:
        text = path.read_text(encoding="utf-8")
        # PyYAML recurses once per level: flow brackets are measured first, and a deep
        # block-style file still ends in a clear error, not a traceback.
        if jsonsafe.too_deep(text):
            raise DialogError(f"{path}: nested too deeply")
        raw = yaml.safe_load(text)
    except RecursionError:
        raise DialogError(f"{path}: nested too deeply") from None
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        raise DialogError(f"{path}: cannot read: {error}") from None
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise DialogError(f"{path}: expected a mapping with 'name' and 'turns'")
    for key in sorted(set(raw) - {"name", "config", "locale", "turns"}):
        problems.append(f"unknown key '{key}'")
    locale = raw.get("locale", DEFAULT)
    if locale not in locales_of(content):
        problems.append(f"'locale' must be one of {', '.join(locales_of(content))}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append("'name' must be a non-empty string")
    config = raw.get("config") or {}
    if not isinstance(config, dict):
        problems.append("'config' must be a mapping")
        config = {}
    for key in sorted(set(config) - CONFIG_KEYS, key=str):
        settings = ", ".join(sorted(CONFIG_KEYS))
        problems.append(f"config: unknown setting '{key}' (known: {settings})")
    try:
        Config.from_env({str(k): str(v) for k, v in config.items()})
    except ConfigError as error:
        problems.append(f"config: {error}")
    turns = raw.get("turns")
    if not isinstance(turns, list) or not turns:
        problems.append("'turns' must be a non-empty list")
        turns = []
    steps = [_step(i, turn, problems, known) for i, turn in enumerate(turns, 1)]
    if problems:
        raise DialogError("\n".join(f"{path}: {p}" for p in problems))
    return Dialog(str(name), path, {str(k): str(v) for k, v in config.items()},
                  tuple(s for s in steps if s is not None), str(locale))


def _step(index: int, turn: Any, problems: list[str], known: frozenset[str]) -> Step | None:
    where = f"turn {index}"
    if not isinstance(turn, dict):
        problems.append(f"{where}: expected a mapping with 'say' or 'launch'")
        return None
    for key in sorted(set(turn) - {"say", "launch", "expect"}, key=str):
        problems.append(f"{where}: unknown key '{key}'")
    say, launch = turn.get("say"), turn.get("launch")
    if (say is None) == (launch is None):
        problems.append(f"{where}: needs exactly one of 'say: TEXT' or 'launch: true'")
    elif launch is not None and launch is not True:
        problems.append(f"{where}: 'launch' must be true")
    elif say is not None and (not isinstance(say, str) or not say.strip()):
        problems.append(f"{where}: 'say' must be non-empty text (quote yes/no/on/off)")
    expect = turn.get("expect") or {}
    if not isinstance(expect, dict):
        problems.append(f"{where}: 'expect' must be a mapping")
        return None
    problems.extend(f"{where}: {p}" for p in _expect_problems(expect, known))
    return Step(say if isinstance(say, str) else None, dict(expect))


def _expect_problems(expect: dict[str, Any], known: frozenset[str]) -> Iterable[str]:
    for key in sorted(set(expect) - EXPECT_KEYS, key=str):
        yield f"unknown expectation '{key}' (known: {', '.join(sorted(EXPECT_KEYS))})"
    intent = expect.get("intent")
    if intent is not None and intent not in known:
        yield f"unknown intent '{intent}'"
    for key in ("urgent", "end_session"):
        if key in expect and not isinstance(expect[key], bool):
            yield f"'{key}' must be true or false"
    for key in TEXT_LISTS:
        value = expect.get(key)
        if value is not None and not (
            isinstance(value, str) or (
                isinstance(value, list) and all(isinstance(v, str) for v in value))):
            yield f"'{key}' must be text or a list of texts"
    if "slots" in expect and not isinstance(expect["slots"], dict):
        yield "'slots' must map slot names to values"
    pattern = expect.get("speech_matches")
    if pattern is not None:
        try:
            re.compile(str(pattern))
        except re.error as error:
            yield f"'speech_matches' is not a valid regex: {error}"


def _known_intents(content: Content) -> frozenset[str]:
    return frozenset(content.by_name) | REQUESTS


def check(expect: dict[str, Any], shown: dict[str, Any]) -> list[str]:
    """Every way ``shown`` (a ``Turn.as_dict()``) misses ``expect``."""
    failures: list[str] = []
    for key in ("intent", "urgent", "end_session"):
        if key in expect and shown[key] != expect[key]:
            failures.append(f"{key}: expected {expect[key]!r}, got {shown[key]!r}"
                            + (f" (score {shown['score']})" if key == "intent" else ""))
    for name, value in (expect.get("slots") or {}).items():
        got = shown["slots"].get(name)
        if got is None or str(got).lower() != str(value).lower():
            failures.append(f"slot {name}: expected {value!r}, got {got!r}")
    card = f"{shown['card']['title']}\n{shown['card']['text']}"
    where = {"speech": shown["speech"], "ssml": shown["ssml"], "card": card}
    for key in TEXT_LISTS:
        part, wanted = key.split("_", 1)
        for text in _texts(expect.get(key)):
            found = text.lower() in where[part].lower()
            if found != (wanted == "contains"):
                verb = "does not contain" if wanted == "contains" else "contains"
                failures.append(f"{part} {verb} {text!r}")
    pattern = expect.get("speech_matches")
    if pattern is not None and not re.search(str(pattern), shown["speech"], re.IGNORECASE):
        failures.append(f"speech does not match /{pattern}/")
    return failures


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def run(dialog: Dialog, content: Content | None = None) -> DialogResult:
    """Play every turn in one session with the skill answering from ``content``
    (default: the skill's own); collect each turn's failures."""
    content = content or loader.load_content()
    router = router_for(content, dialog.locale)
    skill = build_skill(Config.from_env(dialog.config), content=content, router=router)
    conversation = Conversation(skill, router, content=content, locale=dialog.locale)
    result = DialogResult(dialog.path, dialog.name)
    for step in dialog.steps:
        turn = conversation.launch() if step.say is None else conversation.ask(step.say)
        shown = turn.as_dict()
        result.turns.append(TurnResult(step, shown, check(step.expect, shown)))
    return result


def run_file(path: Path, content: Content | None = None) -> DialogResult:
    try:
        return run(load(path, content), content)
    except DialogError as error:
        return DialogResult(path, path.stem, error=str(error))


def collect(paths: Sequence[str | Path]) -> list[Path]:
    """Files as given; directories expand to their ``*.yaml`` files, sorted."""
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found.extend(sorted([*given.glob("*.yaml"), *given.glob("*.yml")]))
        else:
            found.append(given)
    return found


def report(result: DialogResult, out: TextIO, *, verbose: bool = False) -> None:
    """A readable block per dialog: PASS/FAIL line, then each failing turn."""
    if result.error is not None:
        for line in result.error.splitlines():
            out.write(f"ERROR {line}\n" if line.startswith(str(result.path)) else f"      {line}\n")
        return
    status = "PASS " if result.passed else "FAIL "
    count = len(result.turns)
    out.write(f"{status} {result.path}: {result.name} ({count} turn{'' if count == 1 else 's'})\n")
    for number, turn in enumerate(result.turns, 1):
        if not turn.failures and not verbose:
            continue
        out.write(f"      turn {number}: {turn.step.label()} -> {turn.shown['intent']}\n")
        out.writelines(f"        x {failure}\n" for failure in turn.failures)
        out.write(f"        heard: {turn.shown['speech']}\n")


def main(paths: Sequence[str | Path], out: TextIO, *, verbose: bool = False,
         content: Content | None = None) -> int:
    """Run the dialogs in ``paths`` against ``content`` (default: the skill's own); 0
    when all pass, 1 otherwise."""
    files = collect(paths)
    if not files:
        out.write("no dialog files found\n")
        return 1
    results = [run_file(path, content) for path in files]
    for result in results:
        report(result, out, verbose=verbose)
    passed = sum(r.passed for r in results)
    failed = len(results) - passed
    out.write(f"{len(results)} dialog(s): {passed} passed, {failed} failed\n")
    return 0 if failed == 0 else 1

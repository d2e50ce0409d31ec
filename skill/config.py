"""Runtime configuration from the environment (or a mapping, in tests).

Switches fail closed: ``ALEXA_VERIFY`` and ``SIMULATOR`` take on/off words only
(``on``/``off``, ``1``/``0``, ``true``/``false``, ``yes``/``no``). Anything else, an
empty value included, is refused with ``ConfigError`` at start-up, never read as "off".
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
# ``ALEXA_SKILL_ID=any`` says on purpose that any skill's requests are answered.
ANY_SKILL = "any"


class ConfigError(ValueError):
    """A setting that is not understood or not allowed; ``str()`` says what to change."""


def switch(env: Mapping[str, str], name: str, default: bool) -> bool:
    """An on/off setting: unset is ``default``; an unknown word is a ConfigError."""
    raw = env.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    shown = raw if len(raw) <= 40 else raw[:40] + "..."
    raise ConfigError(f"{name}={shown!r} is not understood: use {name}=on or {name}=off "
                      "(or 1/0, true/false, yes/no)")


def _emergency_number(raw: str) -> str | None:
    """EMERGENCY_NUMBER: digits only, or unset. Anything else stops the skill at start-up:
    a wrong emergency number must never reach a patient."""
    number = raw.strip()
    if number and not (number.isascii() and number.isdigit()):
        raise ConfigError("EMERGENCY_NUMBER must be digits only (like 112), or unset to "
                          "use each locale's number (911, 999, 000, 112)")
    return number or None


@dataclass(frozen=True)
class Config:
    clinic_name: str = "SpineOne"
    care_team_phone: str | None = None
    skill_id: str | None = None
    verify_requests: bool = True
    simulator: bool = True
    # Overrides the locale's emergency number everywhere (None: the request locale's).
    emergency_number: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Config:
        """Raises ConfigError for a setting the skill must not run with."""
        env = os.environ if env is None else env
        skill_id = env.get("ALEXA_SKILL_ID", "").strip()
        return cls(
            clinic_name=env.get("CLINIC_NAME", "").strip() or "SpineOne",
            care_team_phone=env.get("CARE_TEAM_PHONE", "").strip() or None,
            skill_id=None if skill_id.lower() in ("", ANY_SKILL) else skill_id,
            verify_requests=switch(env, "ALEXA_VERIFY", True),
            simulator=switch(env, "SIMULATOR", True),
            emergency_number=_emergency_number(env.get("EMERGENCY_NUMBER", "")),
        )

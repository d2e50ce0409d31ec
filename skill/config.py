"""Runtime configuration from the environment (or a mapping, in tests)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


class ConfigError(ValueError):
    """A setting the skill refuses to start with; the message says which and why."""


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
        return cls(
            clinic_name=env.get("CLINIC_NAME", "").strip() or "SpineOne",
            care_team_phone=env.get("CARE_TEAM_PHONE", "").strip() or None,
            skill_id=env.get("ALEXA_SKILL_ID", "").strip() or None,
            verify_requests=env.get("ALEXA_VERIFY", "on").strip().lower() in TRUE_WORDS,
            simulator=env.get("SIMULATOR", "on").strip().lower() in TRUE_WORDS,
            emergency_number=_emergency_number(env.get("EMERGENCY_NUMBER", "")),
        )

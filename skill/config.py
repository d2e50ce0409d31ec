"""Runtime configuration from the environment (or a mapping, in tests)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


@dataclass(frozen=True)
class Config:
    clinic_name: str = "SpineOne"
    care_team_phone: str | None = None
    skill_id: str | None = None
    verify_requests: bool = True
    simulator: bool = True

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Config:
        env = os.environ if env is None else env
        return cls(
            clinic_name=env.get("CLINIC_NAME", "").strip() or "SpineOne",
            care_team_phone=env.get("CARE_TEAM_PHONE", "").strip() or None,
            skill_id=env.get("ALEXA_SKILL_ID", "").strip() or None,
            verify_requests=env.get("ALEXA_VERIFY", "on").strip().lower() in TRUE_WORDS,
            simulator=env.get("SIMULATOR", "on").strip().lower() in TRUE_WORDS,
        )

"""Settings fail closed: on/off words only; anything else is refused at start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from skill.config import Config, ConfigError
from skill.web import create_app
from tests.support.live import free_port

ROOT = Path(__file__).resolve().parent.parent
REFUSED = ["", " ", "enabled", "required", "disable", "2", "onn", "of", "true!", "verify"]


@pytest.mark.parametrize("word", ["on", "ON", " On ", "1", "true", "TRUE", "yes"])
@pytest.mark.parametrize("name", ["ALEXA_VERIFY", "SIMULATOR"])
def test_on_words(name, word):
    config = Config.from_env({name: word})
    assert (config.verify_requests if name == "ALEXA_VERIFY" else config.simulator) is True


@pytest.mark.parametrize("word", ["off", "OFF", " off\n", "0", "false", "False", "no"])
@pytest.mark.parametrize("name", ["ALEXA_VERIFY", "SIMULATOR"])
def test_off_words(name, word):
    config = Config.from_env({name: word})
    assert (config.verify_requests if name == "ALEXA_VERIFY" else config.simulator) is False


def test_unset_means_on():
    config = Config.from_env({})
    assert config.verify_requests is True and config.simulator is True


@pytest.mark.parametrize("word", REFUSED)
@pytest.mark.parametrize("name", ["ALEXA_VERIFY", "SIMULATOR"])
def test_unknown_words_refused_with_a_clear_message(name, word):
    with pytest.raises(ConfigError) as caught:
        Config.from_env({name: word})
    message = str(caught.value)
    assert message.startswith(f"{name}=") and f"{name}=off" in message and "on" in message


def test_long_value_shortened_in_the_message():
    with pytest.raises(ConfigError) as caught:
        Config.from_env({"ALEXA_VERIFY": "x" * 500})
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize("value", ["", "  ", "any", "ANY"])
def test_skill_id_unset_or_any_is_none(value):
    assert Config.from_env({"ALEXA_SKILL_ID": value}).skill_id is None


def test_skill_id_kept():
    config = Config.from_env({"ALEXA_SKILL_ID": " amzn1.ask.skill.x "})
    assert config.skill_id == "amzn1.ask.skill.x"


@pytest.mark.parametrize("name", ["ALEXA_VERIFY", "SIMULATOR"])
def test_create_app_refuses_unknown_words(name):
    with pytest.raises(ConfigError):
        create_app({name: "enabled"})


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("ALEXA_VERIFY", "ALEXA_SKILL_ID", "SIMULATOR")}
    environ.update(env)
    return subprocess.run([sys.executable, "-m", "skill.cli", *args], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize("env", [{"ALEXA_VERIFY": "enabled"}, {"ALEXA_VERIFY": ""},
                                 {"SIMULATOR": "hidden"}])
def test_serve_refuses_to_start_on_an_unknown_word(env):
    done = _cli("serve", "--port", str(free_port()), **env)  # refused before it listens
    name = next(iter(env))
    assert done.returncode == 2
    assert f"si-skill: {name}=" in done.stderr and "is not understood" in done.stderr
    assert "Traceback" not in done.stderr

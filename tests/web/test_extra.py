"""Without the ``web`` extra (the Lambda's core install) the web service says what to install."""

from __future__ import annotations

import sys

import pytest

from tests.support.project import run

INSTALL = "pip install 'si-recovery-skill[web]'"


@pytest.fixture
def without_flask(monkeypatch):
    """Flask not installed: importing it fails, and skill.web is imported afresh."""
    monkeypatch.setitem(sys.modules, "flask", None)
    for name in [n for n in sys.modules if n == "skill.web" or n.startswith("skill.web.")]:
        monkeypatch.delitem(sys.modules, name)


def test_importing_the_web_service_without_flask_names_the_extra(without_flask):
    with pytest.raises(ImportError, match=r"needs flask.*" + INSTALL.replace("[", r"\[")):
        import skill.web  # noqa: F401


def test_serve_without_the_extra_says_what_to_install(without_flask):
    code, out = run("serve")
    assert code == 2
    assert INSTALL in out

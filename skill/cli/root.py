"""Which content a command reads, and saying so when it may surprise.

Every command that reads content takes ``--root DIR``. Without it the skill's own copy
is used: the checkout it runs from (editable install) or the copy inside the installed
package. When the current directory is a checkout of the content and the package
serves another copy, a clinic editing that checkout would otherwise see no change, so
the command says on stderr which content it uses.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

import yaml

from skill.content import loader, safety_spec
from skill.content.spec import Content, ContentError, Problem
from skill.content.templates import TemplateError


def add_root_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--root", metavar="DIR",
        help="the content to use: a directory with intents/ and responses.yaml "
             "(default: the skill's own)",
    )


def content_root(args: argparse.Namespace, err: TextIO) -> Path:
    """``--root`` if given; else the skill's own data, with a notice on ``err`` when the
    current directory holds other content."""
    if args.root:
        return Path(args.root)
    own = loader.data_root()
    here = Path.cwd()
    if loader.is_content_root(here) and here.resolve() != own.resolve():
        err.write(f"using content from {own} (pass --root . to use this checkout's)\n")
    return own


def load(args: argparse.Namespace, err: TextIO) -> Content:
    """The content the command reads; raises ContentError when it cannot be loaded, a
    sample does not expand or the safety file does not compile (the router and the
    model build would fail on it)."""
    content = loader.load_content(content_root(args, err))
    problems = loader.sample_problems(content) + _safety_problems(content)
    if problems:
        raise ContentError(problems)
    return content


def _safety_problems(content: Content) -> list[Problem]:
    """Why the safety file of ``content`` does not compile, if it does not."""
    from skill.nlu import safety  # compiled once here, used again by the router

    path = str(safety_spec.safety_path(content.root))
    try:
        safety.engine_of(content)
    except (OSError, yaml.YAMLError) as error:
        return [Problem(path, f"cannot read: {str(error).splitlines()[0]}")]
    except safety_spec.SpecError as error:
        return [Problem(path, str(error))]
    except TemplateError as error:
        return [Problem(path, f"a phrase does not parse: {error}")]
    return []


class UsageError(Exception):
    """A command-line value the command cannot use; the message says which are."""


def known_locale(content: Content, locale: str) -> str:
    from skill.content.locales import locales_of

    known = locales_of(content)
    if locale not in known:
        raise UsageError(f"--locale must be one of {', '.join(known)}")
    return locale

"""Locate and load the clinic-editable data: intents/, responses.yaml, interaction_model/.

An installed wheel carries the data inside the package (``skill/data``); a source
checkout (editable install, tests) has it at the top of the repository, one level
above the package. Either way the default is found relative to this file, never the
cwd; every command takes ``--root DIR`` to read another copy (a clinic's checkout).

``load_content(root)`` reads everything once per root and returns a ``Content``, from
the content snapshot where it matches the YAML (``snapshot``: a cold start reads JSON);
``read_content(root)`` reads afresh and returns the problems instead of raising, for
``si-skill validate``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from skill.content import parse, snapshot, yamltext
from skill.content.spec import Content, ContentError, Lexicon, Problem

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """Directory holding ``intents/`` and ``responses.yaml``."""
    bundled = PACKAGE_DIR / "data"
    if (bundled / "responses.yaml").is_file():
        return bundled
    return PACKAGE_DIR.parent


def is_content_root(directory: Path) -> bool:
    """Whether ``directory`` looks like a copy of the content (a clinic's checkout)."""
    return (directory / "intents").is_dir() and (directory / "responses.yaml").is_file()


def intents_dir(root: Path | None = None) -> Path:
    return (root or data_root()) / "intents"


def responses_path(root: Path | None = None) -> Path:
    return (root or data_root()) / "responses.yaml"


def model_path(root: Path | None = None, locale: str = "en-US") -> Path:
    """The committed interaction model of ``locale`` (one file per locale)."""
    return (root or data_root()) / "interaction_model" / f"{locale}.json"


def guide_path(root: Path | None = None) -> Path:
    """The clinic's patient guide: the only source of medical facts in the answers."""
    return (root or data_root()) / "guide" / "si-joint-fusion.txt"


def intent_files(root: Path | None = None) -> list[Path]:
    return sorted(p for p in intents_dir(root).glob("*.yaml") if not p.name.startswith("_"))


def read_content(root: Path | None = None) -> tuple[Content, list[Problem]]:
    """Everything under ``root``, read now, and every problem found on the way. Files
    that cannot be read are left out of the Content."""
    root = root or data_root()
    yamltext.preload(snapshot.load(root))  # files whose text it holds are not parsed again
    problems: list[Problem] = []
    if not intents_dir(root).is_dir():
        problems.append(Problem(str(intents_dir(root)), "no such directory"))
    common, lexicon = intents_dir(root) / "_common.yaml", intents_dir(root) / "_lexicon.yaml"
    specs = [parse.read_intent(path, problems) for path in intent_files(root)]
    shared = parse.read_common(common, problems) if common.is_file() else parse.Common()
    content = Content(
        root=root,
        intents=tuple(replace(spec, rules=shared.rules) for spec in specs if spec is not None),
        expansion_rules=shared.rules,
        slot_types=shared.slot_types,
        lexicon=parse.read_lexicon(lexicon, problems) if lexicon.is_file() else Lexicon(),
        responses=parse.read_responses(responses_path(root), problems),
    )
    return content, problems


def load_content(root: Path | None = None) -> Content:
    """The content under ``root`` (default: the skill's own), read once per root.

    Raises ContentError, listing every problem, when a file cannot be read, a value has
    the wrong type or a file has a key it does not take. (Samples are expanded only
    where they are used, by the router and the model build; ``sample_problems`` checks
    them up front.)"""
    key = _default_key() if root is None else root.resolve()
    if key not in _LOADED:
        _LOADED[key] = _load(root or data_root())
    return _LOADED[key]


@cache
def _default_key() -> Path:
    """The skill's own root, resolved once: finding it takes a stat and a resolve (some
    50 µs), and the free-question path asks for the default content on every request."""
    return data_root().resolve()


# The one cache of content, by resolved root: everything derived from the content (the
# compiled lexicon, the router) lives on its Content object.
_LOADED: dict[Path, Content] = {}


def _load(root: Path) -> Content:
    content, problems = read_content(root)
    if problems:
        raise ContentError(problems)
    return content


def sample_problems(content: Content) -> list[Problem]:
    """Every sample line that does not expand, with its file and line."""
    return [problem for spec in content.intents for problem in parse.template_problems(spec)]


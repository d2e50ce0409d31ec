"""``si-skill validate``: a key written twice in one mapping of a content file.

YAML keeps the last of two equal keys without a word, so a clinic's second entry for a
word ("dey: is" in one section of the lexicon, "dey: they" further down) silently
replaces the first. The loader does not look (a Lambda cold start should not compose
every file again); validate composes each file once and reports ``path:line``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from skill.content import loader, yamltext

Report = Callable[[str, str], None]


def _repeats(node: object) -> Iterator[tuple[str, int, int]]:
    """(key, first line, repeated line) for every key written twice in one mapping."""
    yaml = yamltext.pyyaml()
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    yield key.value, seen[key.value], line
                seen.setdefault(key.value, line)
            yield from _repeats(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _repeats(item)


def _content_files(root: Path) -> list[Path]:
    """The YAML files of a content root: intents/*.yaml and responses.yaml."""
    return [*sorted(loader.intents_dir(root).glob("*.yaml")), loader.responses_path(root)]


def check_duplicate_keys(root: Path, report: Report) -> None:
    """Every key written twice in one mapping, as ``path:line: message``."""
    yaml = yamltext.pyyaml()
    for path in _content_files(root):
        try:
            node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yamltext.loader())
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # reported by the loader already
        for key, first, again in _repeats(node):
            report(f"{path}:{again}", f"key {key!r} is written twice (first at line "
                                      f"{first}); YAML keeps only the last")

"""Echo Show and other screens: the answer as an APL ``RenderDocument``.

The document is data (``apl/answer.json``, shipped in the wheel like intents/); the skill
binds it to one datasource, ``answer``, with the fields of ``Screen``. A device that does
not list ``Alexa.Presentation.APL`` in its supported interfaces
(``requests.supports_apl``) gets no directive at all, and the skill imports this module
only for a device that does.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from skill.content import loader

if TYPE_CHECKING:
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

TOKEN: Final = "fusion-recovery-answer"
DATASOURCE: Final = "answer"
_BINDING: Final = re.compile(r"\$\{([^}]*)\}")
_PAYLOAD_PATH: Final = re.compile(r"\bpayload((?:\.\w+)+)")


@dataclass(frozen=True)
class Screen:
    """What the screen shows: every ``${payload.answer.<field>}`` the document may use."""

    title: str
    text: str
    urgent: bool
    banner: str
    phone: str


def document_path(root: Path | None = None) -> Path:
    return (root or loader.data_root()) / "apl" / "answer.json"


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(document_path().read_text(encoding="utf-8"))
    return loaded


def render(title: str, text: str, *, urgent: bool, phone: str | None) -> RenderDocumentDirective:
    """The directive for one answer; when urgent, the title becomes the banner. (ask-sdk's
    APL models are imported here, for a device with a screen: they are a large part of
    ask-sdk's imports, which a Lambda cold start pays for on every device.)"""
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

    shown = Screen(title=title, text=text, urgent=urgent, banner=title if urgent else "",
                   phone=phone or "")
    return RenderDocumentDirective(
        token=TOKEN, document=document(),
        datasources={DATASOURCE: dataclasses.asdict(shown)},
    )


def problems(raw: str) -> list[str]:
    """What is wrong with an APL document's text, for ``si-skill validate``."""
    try:
        doc = json.loads(raw)
    except ValueError as error:
        return [f"not JSON: {error}"]
    if not isinstance(doc, dict):
        return ["expected a JSON object"]
    found = []
    if doc.get("type") != "APL":
        found.append("'type' must be \"APL\"")
    if not isinstance(doc.get("version"), str) or not doc["version"]:
        found.append("needs a 'version'")
    template = doc.get("mainTemplate")
    if not isinstance(template, dict) or template.get("parameters") != ["payload"]:
        found.append("needs a mainTemplate with parameters [\"payload\"]")
    fields = {f".{DATASOURCE}.{f.name}" for f in dataclasses.fields(Screen)}
    for binding in _BINDING.findall(raw):
        for path in _PAYLOAD_PATH.findall(binding):
            if path not in fields:
                found.append(f"${{payload{path}}} is not a field the skill sends")
    return found

"""``ask --explain`` and chat's ``:explain``: each step of routing one utterance."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from skill.nlu.router import Router


def print_explain(text: str, out: TextIO, router: Router) -> None:
    found = router.explain(text)
    out.write(f"normalized: {found.normalized}\n")
    out.write(f"matched as: {found.matched_text}\n")
    for finding in found.findings:
        out.write(f"safety:     {finding.rule} ({finding.status}) -> {finding.intent}\n")
    out.write("candidates:\n")
    for cand in found.candidates:
        out.write(f"  {cand.score:5.1f}  {cand.intent}\n")
    out.write(f"slots:      {json.dumps(found.route.slots)}\n")
    out.write(f"decision:   {found.route.intent} ({found.route.score:.1f}, {found.route.rule})\n")

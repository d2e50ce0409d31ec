"""``si-skill review-sheet OUT.html``: the page a clinician signs off.

The guide section by section and sentence by sentence, each with every answer sentence
that conveys it; then the product's policy lines with the sentences that use them; then
the guide sentences no answer conveys (the gaps). Static HTML, no scripts, print styles.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Final

from skill.alexa.responses import Answers
from skill.config import Config
from skill.content import answers
from skill.content.locales import locales_of
from skill.content.spec import Content
from skill.review.checks import SAMPLE_CONFIG, SAMPLE_PARAMS
from skill.review.provenance import Guide, conveys

_STYLE: Final = """
body { font: 11pt/1.4 Georgia, serif; margin: 2em; color: #000; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #000; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
th, td { border: 1px solid #444; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eee; } td.guide { width: 40%; } .where { color: #444; font-size: 9pt; }
tr.gap td.guide { font-weight: bold; }
tr, li { page-break-inside: avoid; break-inside: avoid; }
.sign { margin-top: 3em; } .sign span { display: inline-block; width: 18em;
  border-bottom: 1px solid #000; margin-right: 2em; }
@media print { body { margin: 0; } h2 { page-break-after: avoid; } }
"""


@dataclass(frozen=True)
class Use:
    """One answer sentence, where it is said, and how it reads (card form)."""

    where: str
    sentence: answers.Sentence
    shown: str


def uses(rendering: Answers) -> list[Use]:
    found = []
    for key, entry in rendering.entries.items():
        parts = [("speech", entry.speech), ("more", entry.more)] + [
            (f"facet {name}", facet.speech) for name, facet in entry.facets.items()]
        for label, said in parts:
            for sentence in said:
                shown = rendering.render_sentences((sentence,), SAMPLE_PARAMS).text
                found.append(Use(f"{key} · {label}", sentence, shown))
    return found


def _answer_cell(conveying: list[Use]) -> str:
    if not conveying:
        return "<td><em>No answer conveys this sentence (gap).</em></td>"
    items = "".join(f"<li>{escape(u.shown)} <span class='where'>({escape(u.where)})</span></li>"
                    for u in conveying)
    return f"<td><ul>{items}</ul></td>"


def render(guide: Guide, rendering: Answers) -> str:
    every = uses(rendering)
    body = ["<h1>Answer review: SI joint fusion guide</h1>",
            "<p>Each guide sentence, with every answer sentence that conveys it (as shown on "
            "the card; speech says the numbers in words). Answers are rendered with a sample "
            f"phone number ({escape(SAMPLE_CONFIG.care_team_phone or '')}).</p>"]
    gaps: list[tuple[str, str]] = []
    for section in guide.sections:
        if not section.sentences:
            continue
        rows = []
        for line in section.sentences:
            conveying = [u for u in every if any(conveys(q, line) for q in u.sentence.quotes)]
            if not conveying:
                gaps.append((section.title, line))
            css = " class='gap'" if not conveying else ""
            rows.append(f"<tr{css}><td class='guide'>{escape(line)}</td>"
                        f"{_answer_cell(conveying)}</tr>")
        body.append(f"<h2>{escape(section.title)}</h2><table><tr><th>Guide</th>"
                    f"<th>Answer sentences</th></tr>{''.join(rows)}</table>")
    body.append("<h2>Policy lines (not guide facts)</h2><table><tr><th>Policy</th>"
                "<th>Answer sentences</th></tr>")
    for name, meaning in answers.POLICIES.items():
        using = [u for u in every if name in u.sentence.policies]
        body.append(f"<tr><td class='guide'><strong>policy/{escape(name)}</strong><br>"
                    f"{escape(meaning)}</td>{_answer_cell(using)}</tr>")
    body.append("</table><h2>Gaps: guide sentences no answer conveys</h2>")
    body.append("<ul>" + "".join(f"<li>{escape(line)} <span class='where'>({escape(title)})"
                                 "</span></li>" for title, line in gaps) + "</ul>"
                if gaps else "<p>None: every guide sentence is conveyed by an answer.</p>")
    body.append("<p class='sign'>Reviewed by <span></span> Date <span></span></p>")
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<title>Answer review</title><style>{_STYLE}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")


def build(content: Content, config: Config = SAMPLE_CONFIG) -> str:
    """The sheet for ``content``'s guide and answers."""
    return render(Guide.load(content.root), Answers(config, content.responses, locales_of(content)))

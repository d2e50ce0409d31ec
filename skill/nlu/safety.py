"""Urgent-symptom precedence over normalized text.

A symptom that is *reported* (not negated, not asked about) wins over whatever else
the utterance asks: "i have a fever of 102 can i take acetaminophen" is a fever.
Emergencies come first, then the guide's reasons to call the care team.

Patterns run on ``normalize()`` output, so caregiver forms are already "i"/"my",
incision mishearings are "incision", and numbers are digits.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Final

# Words that turn a symptom off when they stand shortly before it in the same clause,
# with how far back (in words) each reaches. Four covers "i do not have any fever";
# a bare "no" only reaches its neighbour ("no fever", "no redness"), so an
# answer like "no, my incision is red" is still a report.
NEGATORS: Final = {"no": 1, "not": 4, "never": 4, "without": 4, "none": 4, "nor": 4,
                   "denies": 4}
# How far back an "asking about" cue reaches: "how do i know if my incision is infected".
LOOKBACK_WORDS: Final = 8
# Words that start a new clause: a negation before them does not reach past them.
CONJUNCTIONS: Final = frozenset(
    {"but", "and", "though", "although", "however", "so", "also", "plus", "now", "then",
     "because", "since", "while", "yet"}
)
# A negation also stops at a new question ("no fever, can i ...").
CLAUSE_BREAKS: Final = CONJUNCTIONS | {"can", "could", "should", "when"}
# Cues that the user asks *about* a symptom rather than reporting one.
ASKING_ABOUT: Final = re.compile(
    r"\b(risks?|chances?|signs?|symptoms?|what if|in case|prevent|avoid|watch (out )?for|"
    r"look (out )?for|how (do|can|will|would) (i|we) (know|tell)|what counts|counts? as|"
    r"common|likely)\b"
)
# "what does an infected incision look like" asks about the sign, wherever it stands.
LOOKS_LIKE: Final = re.compile(r"\bwhat (does|do|would|should|will) .{0,40}\blook like\b")
# A symptom that has gone away is not a report of it.
GONE_AFTER: Final = re.compile(
    r"^\s*(is |has |have )?(gone|went away|broke|resolved|cleared( up)?|"
    r"(is |got |getting )?better|improving|improved|down now|(is|are) (normal|fine|okay))\b"
)


@dataclass(frozen=True)
class Rule:
    intent: str
    name: str
    pattern: re.Pattern[str]


def _rule(intent: str, name: str, pattern: str) -> Rule:
    return Rule(intent, name, re.compile(pattern))


_SIGN = (
    r"(red|redder|reddish|redness|swollen|swelling|swelled|puffy|draining|drainage|drains|"
    r"oozing|oozes|ooze|leaking|leaks|weeping|pus|discharge|bleeding|bleeds|bled|blood|"
    r"bloody|fluid|opened|opening|split open|coming apart|hot|warm|streaks?|gaping)"
)

# Order matters: the first reported rule wins. Emergencies first; a fever with no
# reading last (a reading over 101 °F is decided before these rules, in the router).
RULES: Final = (
    _rule("EmergencyIntent", "trouble breathing",
          r"\b((can not|cannot|could not|unable to|hard to|trouble|difficulty|struggling to|"
          r"hard time) (breathe|breathing|catch my breath)|short(ness)? of breath|"
          r"not breathing|stopped breathing|gasping|breathing (is )?(hard|difficult|labored))\b"),
    _rule("EmergencyIntent", "chest pain",
          r"\b(chest (pain|pains|hurts|hurting|pressure|tightness|is tight|feels tight)|"
          r"pain in my chest|heart attack)\b"),
    _rule("EmergencyIntent", "fainting",
          r"\b(fainted|fainting|faint|passed out|pass out|passing out|blacked out|black out|"
          r"collapsed|collapse|unconscious|unresponsive|(will|can) not wake up|"
          r"not waking up|lost consciousness|seizure|stroke|slurred|slurring|face (is )?drooping|"
          r"(lips|face) (are |is )?(turning )?blue|turning blue|choking)\b"),
    _rule("EmergencyIntent", "a fall",
          r"\b(fell(?! asleep)|fallen|falling down|fall down|had a fall|took a fall|"
          r"slipped and fell)\b"),
    _rule("EmergencyIntent", "sudden numbness or weakness",
          r"\b((sudden|suddenly|new) (numbness|numb|weakness|weak)|"
          r"(numb|numbness|weak|weakness)\b.{0,30}\b(sudden|suddenly|all of a sudden)|"
          r"can not (move|feel) my (legs?|feet|foot|arms?|toes)|"
          r"(legs?|feet|foot|arms?) (went|gone|are|is|feels?|feel) (numb|dead|limp)|"
          r"numbness|numb)\b"),
    _rule("EmergencyIntent", "heavy bleeding",
          r"\b((heavy|heavily|a lot of|lots of|severe|uncontrolled|gushing|pouring|soaking) "
          r"(bleeding|blood|bleed)|bleeding (heavily|a lot|will not stop|does not stop|"
          r"nonstop|through|everywhere|badly)|blood (everywhere|gushing|pouring|soaking)|"
          r"(will|can) not stop (the )?bleeding)\b"),
    _rule("IncisionConcernIntent", "incision sign",
          rf"\b(incision\b.{{0,40}}\b{_SIGN}|{_SIGN}\b.{{0,40}}\bincision|"
          r"pus|oozing|oozes|draining|drainage|weeping|"
          r"(stuff|fluid|pus|liquid|gunk|goo|blood|something) (is )?"
          r"(coming|leaking|seeping|draining|oozing|pouring) out|"
          r"(green|yellow|cloudy|white|smelly) (stuff|fluid|gunk|goo|liquid|discharge)|"
          r"red(ness)? (is )?(spreading|getting bigger|growing)|red streaks?|"
          r"(popped|came|come|coming|pulled|pulling|busted|burst|split|broke) (open|apart)|"
          r"(i am|is|are|started|keeps|still|it is) bleeding)\b"),
    _rule("InfectionSignsIntent", "signs of infection",
          r"\b((is|am|looks?|might be|may be|could be|think|seems?|getting|got|became|gotten|"
          r"probably|definitely) (\w+ )?infected|infected|(have|got|has|developed|getting) "
          r"(an |a )?infection|chills|shaking|shivering|(feel|feeling|felt|i am|getting|got) "
          r"(\w+ )?(sick|ill|unwell|flu ?like|like i have the flu)|smells?|smelly|stinks|"
          r"odor|foul)\b"),
    _rule("WorseningPainIntent", "new or worsening pain",
          r"\b(pain\b.{0,30}\b(worse|worsening|increasing|increased|more intense|unbearable|"
          r"excruciating|spreading|sharper|came back|is back|returned|started again)|"
          r"(worse|worsening|increasing|new|sudden|severe|excruciating|unbearable|stabbing|"
          r"shooting|sharp new)( \w+)? pain|hurts? (more|worse)|hurting (more|worse)|"
          r"(more|worse) (sore|painful)|getting worse|new (ache|aching|soreness)|"
          r"pain (is )?(shooting|stabbing)|more and more pain)\b"),
    _rule("FeverIntent", "reported fever",
          r"\b((have|has|got|running|run|spiking|spiked|developed|with|had|having|getting) "
          r"(a |an )?(high |slight |little |bad )?(fever|temperature)|fever (and|with)|"
          r"(fever|temperature) (is )?(high|up|going up|spiking|climbing|rising)|"
          r"i (think|feel like) i have (a )?fever|i am (hot|burning)|"
          r"(^| )fever$)"),
)


# Plain mentions of a symptom. They never trigger urgency on their own (the rules
# above do that); they exist so a *negated* mention ("no fever, but...") is cut out
# before matching, and a question *about* a symptom ("what are the signs of
# infection") is not pulled toward the urgent intent.
MENTIONS: Final = (
    _rule("FeverIntent", "fever mentioned", r"\b(fever|temperature|chills)\b"),
    _rule("IncisionConcernIntent", "incision sign mentioned",
          r"\b(redness|red|swelling|swollen|drainage|draining|oozing|bleeding|pus)\b"),
    _rule("InfectionSignsIntent", "infection mentioned", r"\b(infection|infected)\b"),
    _rule("WorseningPainIntent", "pain mentioned", r"\b(pain|hurting|hurts|sore)\b"),
)
# Ability words and phrases in the patterns that contain "not" but negate nothing.
_NOT_A_NEGATION: Final = re.compile(
    r"\b(can not|could not|will not stop|does not stop|would not stop|not breathing|"
    r"not waking|will not wake|can not wake)\b"
)


class Status(str, enum.Enum):
    """How a symptom is mentioned; the value is the text ``--explain`` prints."""

    REPORTED = "reported"
    NEGATED = "negated"
    ASKED_ABOUT = "asked about"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Finding:
    """A symptom rule that matched, and how."""

    intent: str
    rule: str
    start: int
    end: int
    status: Status


def _clause_before(text: str, start: int, breaks: frozenset[str]) -> list[str]:
    words = text[:start].split()[-LOOKBACK_WORDS:]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in breaks:
            return words[i + 1 :]
    return words


def _negated_before(before: list[str]) -> bool:
    return any(word in NEGATORS and len(before) - i <= NEGATORS[word]
               for i, word in enumerate(before))


def _status(text: str, match: re.Match[str]) -> Status:
    before = _clause_before(text, match.start(), CLAUSE_BREAKS)
    inside = _NOT_A_NEGATION.sub(" ", match.group(0)).split()
    if _negated_before(before) or NEGATORS.keys() & set(inside):
        return Status.NEGATED
    if GONE_AFTER.match(text[match.end() :]):
        return Status.NEGATED
    question = _clause_before(text, match.start(), CONJUNCTIONS)
    if ASKING_ABOUT.search(" ".join(question)) or LOOKS_LIKE.search(text):
        return Status.ASKED_ABOUT
    return Status.REPORTED


def findings(text: str) -> list[Finding]:
    """Every symptom report (any status) and every negated mention in ``text``."""
    found = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            found.append(
                Finding(rule.intent, rule.name, match.start(), match.end(), _status(text, match))
            )
    for rule in MENTIONS:
        for match in rule.pattern.finditer(text):
            status = _status(text, match)
            if status is not Status.REPORTED:
                found.append(Finding(rule.intent, rule.name, match.start(), match.end(), status))
    return found


def first_reported(found: list[Finding]) -> Finding | None:
    return next((f for f in found if f.status is Status.REPORTED), None)


def without_negated(text: str, found: list[Finding]) -> str:
    """``text`` with negated symptom mentions (and their negators) cut out."""
    spans = sorted((f.start, f.end) for f in found if f.status is Status.NEGATED)
    if not spans:
        return text
    pieces, cursor = [], 0
    for start, end in spans:
        if start < cursor:
            continue
        head = text[cursor:start].split()
        while head and (head[-1] in NEGATORS or head[-1] in {"any", "a", "an", "have", "do"}):
            head.pop()
        pieces.append(" ".join(head))
        cursor = end
    pieces.append(text[cursor:])
    return " ".join(" ".join(pieces).split())

"""Local router: text -> intent + slots, from the same samples as the interaction model.

Steps: ``normalize()``; mis-heard words repaired by sound (skill.nlu.phonetic); slot
values out (temperature, topic); the safety layer (a reported urgent symptom wins,
negated ones are cut out); then rapidfuzz against every normalized sample, behind the
domain gate (skill.nlu.gate: a candidate needs a domain term of its intent or a
near-whole sample match). A topic named by its head word takes a weak best match or
a close call (skill.nlu.named, skill.nlu.heads); else a weak best match, or two intents
too close to call, gives ``AMAZON.FallbackIntent``: an honest "I can't help with that"
beats a confident wrong answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from skill.content import loader
from skill.content.spec import MENTION_SLOT, Content, IntentSpec
from skill.nlu import calm, clauses, elsewhere, fever, phonetic, prebuild, readings, safety, told
from skill.nlu.clause_view import ClauseReader
from skill.nlu.context import PSEUDO
from skill.nlu.forms import SampleForms, sample_forms
from skill.nlu.gate import DomainGate, facet_evidence
from skill.nlu.heads import DETAIL as HEAD_DETAIL
from skill.nlu.heads import Heads
from skill.nlu.lexicon import Lexicon, lexicon_of
from skill.nlu.moves import Moves
from skill.nlu.named import Named
from skill.nlu.normalize import normalize
from skill.nlu.phonetic_vocabulary import index_of as phonetic_index_of
from skill.nlu.replies import Replies, acknowledgements
from skill.nlu.replies import load as load_replies
from skill.nlu.route import Decision as Decision
from skill.nlu.route import Explanation as Explanation
from skill.nlu.route import Route as Route
from skill.nlu.route import Step as Step
from skill.nlu.scoring import SampleIndex
from skill.nlu.slots import SlotVocabulary, extract, vocabulary_of
from skill.nlu.thresholds import CONVERSATION_SCORE as CONVERSATION_SCORE
from skill.nlu.thresholds import DEFAULT as DEFAULT_LIMITS
from skill.nlu.thresholds import MARGIN as MARGIN
from skill.nlu.thresholds import MIN_SCORE as MIN_SCORE
from skill.nlu.thresholds import SURE_SCORE as SURE_SCORE
from skill.nlu.thresholds import WHOLE_MATCH as WHOLE_MATCH
from skill.nlu.thresholds import Thresholds as Thresholds

FALLBACK: Final = "AMAZON.FallbackIntent"
# A question about a symptom that no topic answers: the reasons to call.
ASKED: Final = Decision(Step.NEAREST, "asked about a symptom")
MOVE_DETAIL: Final = "a conversation move in its cue words"


class Router:
    """Holds the normalized samples; build once, route many."""

    def __init__(
        self, intents: Iterable[IntentSpec], vocabulary: SlotVocabulary,
        lexicon: Lexicon | None = None, facet_words: Mapping[str, tuple[str, ...]] | None = None,
        forms: SampleForms | None = None, engine: safety.Engine | None = None,
        reader: readings.Reader | None = None,
    ) -> None:
        """``forms``: the samples' normalized forms computed ahead of time
        (skill.nlu.prebuild) for exactly these intents, vocabulary and lexicon;
        ``engine``, ``reader``: the safety file and its readings (the skill's own by
        default)."""
        self.vocabulary = vocabulary
        self.lexicon = lexicon or lexicon_of()
        self.safety = engine or safety.default_engine()
        self.reader = reader or readings.reader_of(loader.load_content())
        specs = tuple(intents)
        self.slots_of: dict[str, set[str]] = {spec.name: set(spec.slots) for spec in specs}
        self.conversation = frozenset(spec.name for spec in specs if spec.builtin)
        found = forms or sample_forms(specs, vocabulary, self.lexicon)
        self.choices: list[str] = list(found.choices)
        self.labels: list[str] = list(found.labels)
        self.urgent = frozenset(spec.name for spec in specs if spec.urgent)  # scored whole
        # Those answering only reports (FeverIntent answers "what counts as a fever" too).
        self.reports_only = self.urgent - {"FeverIntent"}
        self.index = SampleIndex(self.choices, whole=[lab in self.urgent for lab in self.labels],
                                 tongues=self.lexicon.tongues)
        self.gate = DomainGate(specs, lambda text: normalize(text, self.lexicon), facet_words)
        self.calling = calm.calling_gate(self.safety.spec, self.lexicon)
        self.heads = Heads(specs, lambda text: normalize(text, self.lexicon),
                           self.lexicon.objects)
        self.named = Named(self.heads, self.index, self.lexicon, self.safety, self.gate,
                           self.calling, self.urgent)
        self.phonetic: phonetic.PhoneticIndex | None = None  # set from the content
        self.acks: frozenset[str] = frozenset()  # yes, no: from the content's replies
        self.moves = Moves(Replies(), self.lexicon)  # a declined question's move (skill.nlu.moves)
        # Read only from a first clause (skill.nlu.clauses): moves, forms naming no topic.
        self.first_only = self.conversation | (set(self.labels) - set(self.gate.terms))
        self.clause_reader = ClauseReader(
            self.index, self.labels, self.gate, self.lexicon, vocabulary, self.reader,
            lambda cleaned: [(r.intent, r.score) for r in self.candidates(cleaned)])

    @classmethod
    def from_content(cls, content: Content) -> Router:
        facet_words = facet_evidence(content)
        router = cls(content.intents, vocabulary_of(content), lexicon_of(content), facet_words,
                     prebuild.stored_forms(content), safety.engine_of(content),
                     readings.reader_of(content))
        router.phonetic = phonetic_index_of(content, router.choices, router.lexicon)
        router.acks = content.derive(acknowledgements)
        router.moves = Moves(content.derive(load_replies), router.lexicon)
        return router

    def candidates(self, text: str) -> list[Route]:
        """Best score per intent, ranked."""
        best: dict[str, float] = {}
        for index, score in self.index.scores(text).items():
            label = self.labels[index]
            if score > best.get(label, 0.0):
                best[label] = score
        return [Route(i, s) for i, s in sorted(best.items(), key=lambda kv: -kv[1])]

    def explain(self, text: str, n: int = 5) -> Explanation:
        heard = normalize(text, self.lexicon)
        # dropped g's and h's written back, then mis-heard words repaired by sound: read again
        g = self.phonetic.spelled(heard, text) if self.phonetic else heard
        repaired = self.phonetic.repair(heard, g) if self.phonetic else heard
        normalized = normalize(repaired, self.lexicon) if repaired != heard else heard
        found = self.safety.findings(normalized)
        if self.phonetic and normalized != heard and safety.first_reported(found) is None:
            spelled = normalize(g, self.lexicon) if g != heard else heard
            if safety.first_reported(as_heard := self.safety.findings(spelled)) is not None:
                normalized, found = spelled, as_heard  # a guess by sound never hides a report
        # a later clause's report, its reading too: skill.nlu.told
        more, told_rest = told.apart(text, normalized, found, self.safety.findings, self.reader,
                                     lambda part: normalize(part, self.lexicon))
        found = found + more
        cleaned, slots = extract(safety.without_negated(normalized, found, self.safety),
                                 self.vocabulary, source=normalized, reader=self.reader,
                                 told=normalize(told_rest, self.lexicon) if told_rest else None)
        ranked = self.candidates(cleaned)
        # Topic evidence is read before safety cuts out a denied or resolved symptom
        # ("until my pain is gone" is still about pain), and with the slot placeholders.
        said = " ".join(dict.fromkeys(f"{normalized} {cleaned}".split()))
        # A symptom concept of the safety file is evidence for its urgent intent: the
        # scorer backs up the safety engine when its rules miss a report, and the gate
        # must not drop that back-up (on dev it dropped 3 of 65 urgent reports so).
        # A question about one is evidence for the intent that answers such questions.
        # A believable reading, even supposed, names the fever topic ("what if it's 103").
        believable = fever.reading_level(slots) not in (None, fever.Level.UNCLEAR) \
            or self.reader.supposed(normalized)
        evidenced = (self.gate.intents_with_evidence(self.index.evidence_words(said))
                     | self.safety.concerned(normalized)
                     | set(calm.asked_answers(found, self.safety.spec.asked_answers))
                     | ({"FeverIntent"} if believable else set()))
        route = self._decide(ranked, slots, found, evidenced, normalized)
        if route.intent == FALLBACK and safety.first_reported(found) is None:
            # declined whole: a clause may still ask plainly (skill.nlu.clauses), not for a move
            parts = clauses.scores(text, self.clause_reader, self.first_only, self.urgent,
                                   self.acks)
            if parts:
                best = {r.intent: r.score for r in ranked}
                best |= {i: max(score, best.get(i, 0.0)) for i, score in parts.items()}
                parted = [Route(i, s) for i, s in sorted(best.items(), key=lambda kv: -kv[1])]
                by_part = self._decide(parted, slots, found, evidenced, normalized)
                if by_part.intent in self.conversation or self.moves.of(text) is None:
                    ranked, route = parted, by_part
        # one topic named by its head word (skill.nlu.named)
        if (named := self.named.topic(route, ranked, heard, normalized, cleaned, found,
                                      believable, evidenced)) is not None:
            route = self._with_slots(named.intent, named.score, slots,
                                     Decision(Step.NEAREST, HEAD_DETAIL))
        route = self._settle(route, ranked, slots, found, evidenced, normalized)
        urgent = route.rule is not None and route.rule.step is Step.SAFETY
        if route.intent != FALLBACK and not urgent and route.intent not in self.conversation:
            why = elsewhere.why_not_ours(route.intent, normalized, found, self.lexicon,
                                         self.gate, self.safety, text)
            if why:
                route = Route(FALLBACK, route.score, {}, Decision(Step.ELSEWHERE, why))
        if route.intent == FALLBACK and not safety.first_reported(found) \
                and (move := self.moves.of(text)) is not None:
            route = Route(move, route.score, {}, Decision(Step.NEAREST, MOVE_DETAIL))
        return Explanation(normalized, cleaned, route, ranked[:n], found)

    def route(self, text: str) -> Route:
        return self.explain(text).route

    def _decide(
        self, ranked: list[Route], slots: dict[str, str], found: list[safety.Finding],
        evidenced: frozenset[str], normalized: str,
    ) -> Route:
        urgent = safety.first_reported(found)
        fever_route = self._fever(slots)
        if urgent is not None and urgent.intent == "EmergencyIntent":
            return self._reported(urgent, slots)
        if fever_route is not None:
            return fever_route
        if urgent is not None:
            return self._reported(urgent, slots)
        # A symptom denied or asked about must not pull the question to its urgent intent,
        # unless its samples are nearest and its calm answer answers it (calm.kept, _settle).
        excluded, kept = calm.excluded(found), calm.kept(found, self.safety.spec)
        route = self.nearest([r for r in ranked if r.intent not in excluded], slots, evidenced)
        own = self.nearest([r for r in ranked if r.intent not in excluded - kept], slots,
                           evidenced, calm.KEPT_LIMITS) if kept else route
        answers = self.safety.spec.asked_answers
        status = calm.unreported(self.gate, self.safety, route.intent, normalized) \
            if route.intent in self.reports_only - self.safety.reported(normalized, found) else None
        if status is not None and not kept:  # like its sample, no finding nor symptom reported
            kept, own = calm.kept([calm.Mention(route.intent, status)], self.safety.spec), route
        if (winner := calm.winner(own, kept, answers)) is not None:
            return self._with_slots(answers[winner], own.score, slots, ASKED)
        asked = next(iter(calm.asked_answers(found, answers)), None)
        if status is not None:
            # Only a report is urgent: a question, a denial or a past complaint like a report's
            # sample ("what should i do if i fall") is answered without the urgent intents;
            # a figure of speech ("you gave me a heart attack") names no symptom to call for.
            asked = asked or (answers.get(route.intent) if status != PSEUDO else None)
            route = self.nearest([r for r in ranked if r.intent not in excluded
                                  and r.intent not in self.reports_only], slots, evidenced)
        if route.intent == FALLBACK and asked is not None:
            # a question about a symptom no topic answers: the reasons to call
            return self._with_slots(asked, route.score, slots, ASKED)
        reasons = answers.get(calm.EMERGENCY)  # who answers a question about an emergency
        if reasons and route.intent != FALLBACK and calm.emergency_asked(
                found, route.intent, self.safety.spec):
            return self._with_slots(reasons, route.score, slots, ASKED)
        return route

    def _settle(self, route: Route, ranked: list[Route], slots: dict[str, str],
                found: list[safety.Finding], evidenced: frozenset[str], normalized: str,
                ) -> Route:
        """A question declined, or given the reasons to call for want of a topic, naming an
        urgent symptom it does not report: the intent answering that (skill.nlu.calm)."""
        if (route.intent != FALLBACK and route.rule != ASKED) or \
                self.safety.reported(normalized, found) & self.reports_only:
            return route  # an urgent symptom named as a report anywhere: never calm
        named = [r.intent for r in ranked if r.intent in self.reports_only
                 and self._in_domain(r, evidenced, DEFAULT_LIMITS)]
        said = calm.mentions(found, ranked, normalized) \
            or calm.named(self.gate, self.safety, normalized, named)
        if not said:
            return route  # no mention to answer (calm.answering): the words need no reading
        calling = bool(self.calling.intents_with_evidence(self.index.evidence_words(normalized)))
        settled = calm.answering(said, self.safety.spec, evidenced, calling)
        if settled is None:
            return route
        marked = {**slots, MENTION_SLOT: settled.mention.status} if settled.calm else slots
        return self._with_slots(settled.intent, route.score, marked, settled.decision)

    def nearest(
        self, ranked: list[Route], slots: dict[str, str], evidenced: frozenset[str],
        limits: Thresholds = DEFAULT_LIMITS,
    ) -> Route:
        """The best candidate with domain evidence, if it is clear enough; else fallback.

        The domain gate: a candidate needs topic evidence for its intent (``evidenced``,
        skill.nlu.gate) or a near-whole match of one of its samples."""
        ranked = [r for r in ranked if self._in_domain(r, evidenced, limits)]
        if not ranked or ranked[0].score < limits.min_score:
            score = ranked[0].score if ranked else 0.0
            return Route(FALLBACK, score, {}, Decision(Step.BELOW_THRESHOLD))
        top = ranked[0]
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        if top.score - runner_up < limits.margin and top.score < limits.sure_score:
            return Route(FALLBACK, top.score, {}, Decision(Step.AMBIGUOUS, ranked[1].intent),
                         (top.intent, ranked[1].intent))
        return self._with_slots(top.intent, top.score, slots, Decision(Step.NEAREST))

    def _in_domain(self, candidate: Route, evidenced: frozenset[str], limits: Thresholds) -> bool:
        if candidate.score >= limits.whole_match:
            return True
        if candidate.intent in self.conversation and candidate.score < limits.conversation_score:
            return False
        return candidate.intent in evidenced

    def _reported(self, urgent: safety.Finding, slots: dict[str, str]) -> Route:
        return self._with_slots(urgent.intent, 100.0, slots, Decision(Step.SAFETY, urgent.rule))

    def _fever(self, slots: dict[str, str]) -> Route | None:
        """A reading at or over the line is a fever report, whatever else was asked."""
        level = fever.reading_level(slots)
        if level in (fever.Level.HIGH, fever.Level.AT_LINE):
            return self._with_slots("FeverIntent", 100.0, slots,
                                    Decision(Step.SAFETY, f"fever {level.value}"))
        return None

    def _with_slots(self, intent: str, score: float, slots: dict[str, str],
                    rule: Decision) -> Route:
        kept = {k: v for k, v in slots.items() if k in self.slots_of.get(intent, set())}
        return Route(intent, round(score, 1), kept, rule)


def router_for(content: Content | None = None) -> Router:
    """The router of ``content`` (default: the skill's own), built once per Content."""
    return (content or loader.load_content()).derive(Router.from_content)


def route(text: str) -> Route:
    """Best intent for ``text`` with the shipped samples."""
    return router_for().route(text)


def explain(text: str, n: int = 5) -> Explanation:
    """Ranked candidates and every decision, for ``si-skill ask --explain``."""
    return router_for().explain(text, n)

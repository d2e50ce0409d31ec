"""Which point of a topic a question asks about: a small matcher over the facet words.

Each answer in responses.yaml may have facets: the words that name a point ("will the
joint not heal" -> risks' ``non_healing``), and the kind of question it answers
(``asks: duration`` for "how long ...", usually to say the guide gives no number). A
phrase matches the words of what the user said, as typed (brand names such as "tylenol"
survive) or normalized, in order, word forms aside ("heal" finds "healing") and with up to
MAX_GAP small words between ("not heal" finds "not going to heal"), a few words one word
("operation" is "surgery", "mins" "minutes": skill.nlu.facet_words); a phrase's pointing
words are optional ("what does the joint do" finds "what does that joint do"). A facet
that meets both its kind and its words beats one that meets one; a question's kind beats
a bare word of the same rank (in "how often do infections happen" the point is the odds,
not infection); then the facet whose words meet more of the question's words; then the
longest, closest phrase wins. A question that compares points ("open or minimally
invasive?", the ``compare`` kind, naming two facets by different words, each met with
its kind of question if it has one, and not saying the same) gets the topic's overview.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from skill.content import answers
from skill.content.spec import Content
from skill.nlu.facet_words import DROPPED as _DROPPED
from skill.nlu.facet_words import meets as _meets
from skill.nlu.facet_words import plain as _plain
from skill.nlu.facet_words import stem as _stem
from skill.nlu.facet_words import stems as _stems

# A facet phrase this long that names a point is a sign of its topic (the domain gate,
# skill.nlu.facet_moves): one word ("work", "last") is too common to be one.
REDIRECT_WORDS: Final = 2
# Small words allowed between two words of a phrase, at most MAX_GAP of them: "not heal"
# meets "not going to heal", "life better" "life be better"; a content word between
# ("si joint fusion" for the name "si fusion") keeps a phrase apart. Chosen on
# tests/facets/dev*.yaml.
MAX_GAP: Final = 2
_SMALL_WORDS: Final = frozenset({
    "a", "an", "the", "to", "be", "it", "my", "your", "her", "his", "their", "going", "gonna",
    "get", "really", "very", "so", "ever", "all", "any", "much", "that", "this", "at",
    # Hedges that qualify a question without naming a point: "what does that joint
    # normally do", "is it even considered" (tests/facets/dev_writers*.yaml).
    "even", "just", "actually", "normally", "usually", "typically", "exactly", "basically",
    # and the precision asked for: "on which exact day", "what precise week"
    "exact", "precise", "specific",
})
# Words that point at a thing without naming it: a facet phrase's own are optional, so
# "what does the joint do" meets "what does that joint do" and "what does joint do"
# (the user's are small words, skipped between the phrase's others).
_POINTERS: Final = frozenset({
    "a", "an", "the", "my", "your", "her", "his", "their", "its", "that", "this", "these",
    "those",
})
# Words that frame a question without naming a point of any topic: a facet phrase made
# only of these and the small words ("do i need", "when does", "which one", "go away",
# "get rid of") is no sign of a topic, neither for the domain gate nor for moving a
# question to another topic. Chosen on tests/cases/dev: "who won the game last night"
# and "does he need to pack a bag for the hospital" were moved by such phrases.
_FRAME_WORDS: Final = frozenset({
    "i", "me", "is", "am", "are", "was", "were", "do", "does", "did", "can", "could",
    "should", "would", "will", "shall", "may", "might", "must", "of", "for", "in", "on",
    "with", "from", "and", "or", "if", "about", "after", "before", "up", "out", "off",
    "how", "what", "when", "where", "which", "why", "who", "whether", "one", "ones",
    "more", "less", "too", "much", "many", "often", "soon", "long", "far", "still", "not",
    "no", "need", "needs", "know", "go", "goes", "away", "rid", "make", "take", "have",
    "has", "had", "there", "then", "than", "now", "again", "ok", "okay", "normal", "last",
})
# The kinds of question (responses.yaml _asks) that ask for a number: a time, an amount,
# a size.
NUMBER_KINDS: Final = frozenset({"duration", "amount", "measure"})
# The kind of question (responses.yaml _asks) that weighs points against each other.
COMPARE_KIND: Final = "compare"

Size = tuple[int, int, int]  # words, characters, minus the words skipped
Match = tuple[int, Size]  # the question's words met, the largest phrase found
Rank = tuple[int, bool, int, Size]  # kind and words met, kind met, words met, largest
Forms = tuple[tuple[str, ...], ...]


_SMALL: Final = frozenset(_stem(word) for word in _SMALL_WORDS | _POINTERS)
_POINTER_STEMS: Final = frozenset(_stem(word) for word in _POINTERS)


@cache
def _phrase(phrase: str) -> tuple[str, ...]:
    """A facet phrase's stems, its pointing words left out unless it is made of them (the
    data's phrases only: what users say is not cached)."""
    stems = _stems(phrase)
    return tuple(s for s in stems if s not in _POINTER_STEMS) or stems


def _find(phrase: tuple[str, ...], words: tuple[str, ...]) -> tuple[int, frozenset[int]] | None:
    """The fewest words skipped to find ``phrase`` in order in ``words``, and the places
    of the words it met; or None."""
    best = None
    for start, word in enumerate(words):
        if not _meets(word, phrase[0]):
            continue
        at, skipped, places = start, 0, [start]
        for part in phrase[1:]:
            step = 0
            while step < MAX_GAP and at + 1 + step < len(words) \
                    and not _meets(words[at + 1 + step], part) and words[at + 1 + step] in _SMALL:
                step += 1
            if at + 1 + step >= len(words) or not _meets(words[at + 1 + step], part):
                break
            at, skipped = at + 1 + step, skipped + step
            places.append(at)
        else:
            if best is None or skipped < best[0]:
                best = (skipped, frozenset(places))
    return best


def _openings(words: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """What a phrase's first stem, bare, must be for ``_meets`` to join it to one of
    ``words``; and the words bare, which a dropped-ending stem meets with an "e"."""
    bare = frozenset(w.rstrip(_DROPPED) for w in words)
    return bare | {w.rstrip(_DROPPED) + "e" for w in words if w.endswith(_DROPPED)}, bare


def _matches(forms: Forms, phrases: tuple[str, ...]) -> Match | None:
    """The largest of ``phrases`` found in a form of the question, and how many of that
    form's words the phrases found there meet (the most of any form)."""
    met = met_places(forms, phrases)
    return (max(len(p) for p in met[1]), max(met[0])) if met[0] else None


def met_places(forms: Forms, phrases: tuple[str, ...]) -> tuple[list[Size], list[set[int]]]:
    """The sizes of ``phrases`` found in the forms of the question, and the places of
    each form's words they meet."""
    found: list[Size] = []
    covered: list[set[int]] = []
    openings = [_openings(words) for words in forms]
    for words, (meeting, bare) in zip(forms, openings, strict=True):
        places: set[int] = set()
        for phrase in phrases:
            stems = _phrase(phrase)
            if not stems:
                continue
            first = stems[0].rstrip(_DROPPED)
            if first not in meeting and (first == stems[0] or first + "e" not in bare):
                continue  # no word meets the phrase's first stem: _find finds nothing
            met = _find(stems, words)
            if met is not None:
                found.append((len(stems), len(phrase), -met[0]))
                places |= met[1]
        covered.append(places)
    return found, covered


def _largest(forms: Forms, phrases: tuple[str, ...]) -> Size | None:
    met = _matches(forms, phrases)
    return met[1] if met else None


def _rank(forms: Forms, facet: answers.Facet) -> Rank | None:
    """How well a question meets ``facet``, or None when it misses a part of it: its kind
    and its words before one of them, the kind before bare words, then how many of the
    question's words the facet's words meet ("scans ... before deciding ... a candidate":
    two words of the decision, one of who it is for), then its largest phrase."""
    said = _matches(forms, facet.words) if facet.words else None
    asked = _matches(forms, facet.asked_by) if facet.asks else None
    if (facet.words and said is None) or (facet.asks and asked is None):
        return None
    met = said or asked
    assert met is not None  # a facet has words or a kind (answers.parse)
    return (bool(said) + bool(asked), asked is not None, met[0], met[1])


def forms_of(text: str) -> Forms:
    """The question's words as said and as normalized, each a tuple of stems."""
    # normalize() loads rapidfuzz: only when words must be matched, not on a cold start
    # that received a facet name in the slot.
    from skill.nlu.normalize import normalize

    return _stems(text), _stems(normalize(text))


def _best(forms: Forms, entry: answers.Answer,
          compare: tuple[str, ...]) -> tuple[Rank, str] | None:
    ranked = [(rank, name) for name, facet in entry.facets.items()
              if (rank := _rank(forms, facet)) is not None]
    # The points named: a facet's words met, and its kind of question if it has one.
    named = {name: facet for rank, name in ranked if (facet := entry.facets[name]).words}
    if compare and _two_points(forms, named) and _largest(forms, compare) is not None:
        # "open or minimally invasive?": the overview weighs them, or a point of the
        # compare kind ("is it permanent or temporary": the point without "Yes."/"No.")
        weighed = [r for r in ranked if COMPARE_KIND in entry.facets[r[1]].asks]
        return max(weighed, default=None, key=lambda r: r[0])
    return max(ranked, default=None, key=lambda r: r[0])


def _two_points(forms: Forms, named: dict[str, answers.Facet]) -> bool:
    """Whether ``named`` holds two points said apart: facets that say different things,
    met by different words of the question ("walker" names one point, though both the
    walker and how long it is used have it)."""
    places = [(facet.speech, met_places(forms, facet.words)[1]) for facet in named.values()]
    return any(one[0] != other[0] and all(
        a.isdisjoint(b) for a, b in zip(one[1], other[1], strict=True))
        for i, one in enumerate(places) for other in places[i + 1:])


def frames(word: str) -> bool:
    """Whether ``word`` only frames a question or is a small word: it names no point."""
    return word in _FRAME_WORDS or word in _SMALL_WORDS


def naming_words(entry: answers.Answer) -> dict[str, tuple[str, ...]]:
    """Each facet's phrases that name something, not only a kind of question
    (responses.yaml ``_asks``: "how long", "how often") or a frame of one ("do i need")."""
    asking = {phrase for phrases in entry.kinds.values() for phrase in phrases}
    return {name: tuple(w for w in facet.words if w not in asking and any(
                not frames(word) for word in _plain(w).split()))
            for name, facet in entry.facets.items()}


def named(forms: Forms, entry: answers.Answer,
          without: frozenset[str] = frozenset()) -> tuple[Size, str] | None:
    """The longest facet phrase of ``entry`` found that names something: a kind or a
    frame of question is no sign of a topic; nor is a phrase with a word of ``without``
    (stems)."""
    found = [(size, name) for name, words in naming_words(entry).items()
             if (size := _largest(forms, tuple(w for w in words if not any(
                 _meets(part, own) for part in _stems(w) for own in without)))) is not None]
    return max(found, default=None, key=lambda f: f[0])


def point_named(forms: Forms, entry: answers.Answer) -> str | None:
    """The facet of ``entry`` whose naming words (``naming_words``) meet REDIRECT_WORDS
    of the question's words or more ("inpatient or outpatient"; "better" alone is too
    common), with its kind of question if it has one ("how bad is the pain" is a pain
    score, "the pain for good" no point of the pain after surgery); the most met."""
    found = [(met, name) for name, words in naming_words(entry).items()
             if (met := _matches(forms, words)) is not None and met[0] >= REDIRECT_WORDS
             and (not (facet := entry.facets[name]).asks or _largest(forms, facet.asked_by))]
    return max(found, default=(None, None), key=lambda f: f[0])[1]


def own_words(entry: answers.Answer) -> frozenset[str]:
    """The stems of the words that name something in ``entry``'s first reply."""
    return frozenset(_stem(word) for sentence in entry.speech
                     for word in _plain(sentence.say).split() if not frames(word))


def asks_about(forms: Forms, entry: answers.Answer) -> bool:
    """Whether the question meets a facet of ``entry``, its kind and its words."""
    return any(_rank(forms, facet) is not None for facet in entry.facets.values())


def asked_point(forms: Forms, entry: answers.Answer, name: str) -> bool:
    """Whether the question meets ``entry``'s facet ``name``, its kind and its words."""
    facet = entry.facets.get(name)
    return facet is not None and _rank(forms, facet) is not None


def number_point(forms: Forms, entry: answers.Answer) -> str | None:
    """The facet of ``entry`` that answers the question's kind when it asks for a number
    (NUMBER_KINDS: "how many hours", "what percent"), its words met if it has any."""
    ranked = [(rank, name) for name, facet in entry.facets.items()
              if not NUMBER_KINDS.isdisjoint(facet.asks)
              and (rank := _rank(forms, facet)) is not None]
    return max(ranked, default=(None, None), key=lambda r: r[0])[1]


def choose(text: str, entry: answers.Answer) -> str | None:
    """The facet of ``entry`` that ``text`` asks about, if any."""
    best = _best(forms_of(text), entry, entry.kinds.get(COMPARE_KIND, ()))
    return best[1] if best else None


def resolve(value: str, entry: answers.Answer) -> str | None:
    """A FACET slot's value (a facet name, or the words Alexa heard) -> a facet of ``entry``."""
    if not value:
        return None
    if value in entry.facets:
        return value
    return choose(value, entry)


def points_of(intent: str, content: Content) -> answers.Answer | None:
    """The answer whose facets are ``intent``'s points: its own, or an urgent intent's
    calm answer (an urgent answer is never narrowed to a point, skill.alexa.responses)."""
    spec = content.by_name.get(intent)
    entries = answers.of(content)
    found = [entry for key in ((spec.answer, spec.calm_answer) if spec else ())
             if (entry := entries.get(key or "")) is not None and entry.facets]
    return found[0] if found else None


def slot_value(intent: str, text: str, content: Content) -> str | None:
    """The facet name to send in the FACET slot for ``text`` routed to ``intent``."""
    entry = points_of(intent, content)
    return choose(text, entry) if entry is not None else None

"""The local router in a locale: the shared lexicon plus the locale's vocabulary.

"can my mum take paracetamol" in en-GB meets the samples' "can my mom take
acetaminophen"; "ring my GP" meets "call my doctor". The samples are written in the
guide's words, which no locale's vocabulary changes (a test checks), so every locale
shares the normalized samples of the shared router and only reads what users say with
its own lexicon: a locale costs a lexicon, not another index of the samples.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from skill.content import loader
from skill.content.locales import locale_of
from skill.content.spec import Content
from skill.nlu.lexicon import Lexicon, compile_lexicon
from skill.nlu.normalize import phrase_form
from skill.nlu.router import Router
from skill.nlu.router import router_for as shared_router


def locale_lexicon(content: Content, locale: str) -> Lexicon:
    """The shared lexicon with ``locale``'s vocabulary added (the locale's word wins)."""
    vocabulary = locale_of(content, locale).vocabulary
    phrases = {**content.lexicon.phrases,
               **{phrase_form(said): phrase_form(guide) for said, guide in vocabulary.items()}}
    return compile_lexicon(replace(content.lexicon, phrases=phrases))


@dataclass(frozen=True)
class _LocaleRouter:
    """Builds one locale's router; equal by locale, so ``Content.derive`` keeps one."""

    locale: str

    def __call__(self, content: Content) -> Router:
        found = copy.copy(shared_router(content))
        found.lexicon = locale_lexicon(content, self.locale)
        return found


def router_for(content: Content | None = None, locale: str | None = None) -> Router:
    """The router of ``content`` (default: the skill's own) in ``locale``."""
    content = content or loader.load_content()
    found = locale_of(content, locale)
    if not found.vocabulary:
        return shared_router(content)
    return content.derive(_LocaleRouter(found.code))

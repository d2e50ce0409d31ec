"""A question announced in words of its own: "Hello, I've got something I'd like to ask
you", "got a quick question for ya", "I have one doubt".

The reply cues of intents/_replies.yaml list the common announcements; people say them
in more ways than a list holds. An announcement is told by its grammar instead: every
word of the turn, up to the question's subject ("... about my dad", "... for ya"), is a
closed-class word (a pronoun, an auxiliary, a determiner, a greeting), a verb of having
or wanting, or a word of asking (ask, question, doubt, query), and at least one is a word
of asking. Read only for a turn the router declines (skill.nlu.replies).
"""

from __future__ import annotations

from typing import Final

# The words that ask: a question, its verb, and the Indian English "doubt".
ASKING: Final = frozenset(
    "ask asking asked question questions query queries doubt doubts enquiry inquiry".split())
# Everything else an announcement is made of.
AROUND: Final = ASKING | frozenset(
    # pronouns and their contractions (a recognizer's "ya", "ye", "u" too)
    "i i've ive i'd id i'm im me my you ya ye u we we've we'd us there there's theres "
    # auxiliaries and verbs of having, wanting, needing
    "is was be been have has had got gotten get need needed want wanted wanna like would "
    "could can may might let going gonna hoping meaning meant do did "
    # determiners and small nouns of quantity
    "a an one some something somethin thing things quick little small wee few another more "
    "couple of just to if "
    # greetings and openers
    "hello hi hiya hey howdy alexa morning afternoon evening good ok okay so um uh oh well "
    "please sorry excuse".split())
# The words the question's subject opens on ("a question about my dad").
SUBJECT: Final = frozenset({"about", "for", "on", "regarding", "concerning"})


def announces(words: list[str]) -> bool:
    """Whether ``words`` (a turn's, lower case) announce a question not yet asked."""
    said = next((words[:at] for at, w in enumerate(words) if w in SUBJECT), words)
    return bool(said) and set(said) <= AROUND and not ASKING.isdisjoint(said)

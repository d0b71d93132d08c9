"""What a mention does in its sentence: owns something ("Clinton's record") or is governed ("told Fox")."""

from __future__ import annotations

import re

from store.extract.lexicon import word_set
from store.model import Mention

WORD = re.compile(r"(?<![\w-])[A-Za-z]+(?![\w-])")
"""A whole word: "called" in "so-called" is none."""


def is_object(text: str, mention: Mention) -> bool:
    """True for a mention that a preposition or a verb governs ("told Fox", "respects Clinton and",
    "to La Raza"): an object, never the subject of a later verb."""
    before = _LAST_WORD.search(text, max(0, mention.start - _OBJECT_REACH), mention.start)
    if before is None:
        return False
    word = before.group(1)
    if word[0].isupper():  # a preposition opening the sentence ("Of Carson, Levine said"), not a name ("James")
        return word.lower() in _OBJECT_MARKERS
    return word in _OBJECT_MARKERS or word in word_set("reported_verbs.txt") or (
        word.endswith(("ed", "es")) and word not in _NOT_VERBS)


_LAST_WORD = re.compile(r"\b([A-Za-z]+)\s+$")
_OBJECT_REACH = 20
_OBJECT_MARKERS = frozenset({"to", "for", "of", "at", "with", "on", "about", "against", "by", "from", "into",
                             "over", "than", "like", "after", "toward", "towards", "beat", "met", "asked"})
_NOT_VERBS = frozenset({"yes", "times", "sides", "states", "votes", "news", "series", "species", "red", "bed"})


def is_possessive(text: str, mention: Mention) -> bool:
    """True for "Clinton's record" and "the Democrats' plan": the mention owns the subject rather than
    being it. "China's foreign ministry" and "Clinton's campaign" speak for their owner, so are not."""
    owns = mention.text.endswith(("'s", "’s", "s'", "s’")) or text.startswith(("'s", "’s"), mention.end)
    following = WORD.findall(text, mention.end, mention.end + _AFFILIATION_REACH)[:3]  # "s", a modifier, the noun
    return owns and not any(word.lower() in word_set("affiliation_nouns.txt") for word in following)


_AFFILIATION_REACH = 30

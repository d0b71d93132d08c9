"""Cue words: the reporting verbs near a quote that introduce it ("X said, “...”", "“...,” she added")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from store.extract.lexicon import word_set
from store.extract.roles import WORD

PARENTHETICAL = re.compile(r",[^,]*(?:,[^,]*)?,")
"""One parenthetical between commas, which may hold one comma of its own (", a salesman from Sumter, S.C.,")."""
_MAX_GAP_WORDS = 2
_VERB_WITHIN_WORDS = 7
_INVERTING_VERBS = frozenset({"said", "says", "added", "adds", "wrote", "writes", "continued", "explained",
                              "noted", "recalled", "replied", "remarked", "declared", "concluded", "tweeted",
                              "reported", "reports", "reads", "read", "begins", "asked", "asks", "exclaimed",
                              "answered", "responded", "retorted", "countered", "quipped", "joked", "mused",
                              "scoffed", "insisted", "warned", "stated", "shouted", "yelled", "cried", "beamed",
                              "barked", "boomed", "wondered", "agreed", "observed", "argued", "declares"})
"""Verbs news writing puts before their subject ("said the senator"); after others a name is an object."""


_OPENING_CUES = frozenset(verb.capitalize() for verb in _INVERTING_VERBS - {"asked", "asks"})
"""Inverted cues that may open a sentence ("Said Dorothy Poynter, who grew up with him, “...”"); "Asked whether
..." opening one is a question put to its subject."""


def inverted(text: str, start: int, verb: tuple[int, int]) -> bool:
    """True for a verb that opens its clause and may put its subject after it: "said" right after a quote
    or at the sentence's start, not "King says Ali ..." (there "Ali" is what King says something of)."""
    if text[verb[0] : verb[1]].lower() not in _INVERTING_VERBS:
        return False
    return not WORD.search(text, after_last_quote(text, start, verb[0]), verb[0])


def introducing_verb(text: str, start: int, mark: int) -> tuple[int, int] | None:
    """The first reporting verb before an opening mark close enough to introduce the quote."""
    return next(introducing_verbs(text, start, mark), None)


def introducing_verbs(text: str, start: int, mark: int) -> Iterator[tuple[int, int]]:
    """The reporting verbs before an opening mark close enough to introduce the quote, in text order; words
    inside an earlier quote of the sentence ("“Every time you say that,” Tester said, “...”") are not cues."""
    for match in WORD.finditer(text, after_last_quote(text, start, mark), mark):
        if is_verb(match, start, "reporting_verbs.txt") and _introduces(text[match.end() : mark]):
            yield match.start(), match.end()


def after_last_quote(text: str, start: int, end: int) -> int:
    """Where the words after the last closing quotation mark in text[start:end] begin (start if none)."""
    return max(start, *(text.rfind(mark, start, end) + len(mark) for mark in ("”", "''", '"')))


def is_verb(word: re.Match[str], start: int, verbs: str) -> bool:
    """True for a verb of the list; capitalised ("Murphy, the head of the PAC, Tweeted") only where it
    does not open the span, since "Asked whether ..." opening a sentence introduces no one's words."""
    text, listed = word.group(), word_set(verbs)
    if text in listed or text in _OPENING_CUES:  # "Said Dorothy Poynter, “...”"
        before = word.string[max(0, word.start() - _DETERMINER_REACH) : word.start()]
        after_preposition = _PREPOSITION_BEFORE.search(before) is not None and not text.endswith("ing")
        return not (_DETERMINER_BEFORE.search(before) or after_preposition)
    # Most words are in small letters already: lower-casing them again would look the same word up twice.
    return not text.islower() and word.start() > start and text.lower() in listed


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|our|my|your|these|those)\s+$")
"""A word after a determiner is a noun: "rated the claims as “false”", "his remarks"."""
_PREPOSITION_BEFORE = re.compile(r"(?:\b(?:of|with|amid|among|without|in|by|for|from)"
                        r"|(?:%|\b(?:percent|share|number|most|many|some|all|half|majority))\s+of\s+[A-Z][\w-]*)\s+$")
"""A word after a preposition, or after a share's "of" and an adjective, is a noun too ("greeted with chants
of", "32% of Republican claims as “false”"; not "the Minister of Japan said"), but not a gerund ("accused of
saying")."""
_DETERMINER_REACH = 20


def _introduces(gap: str) -> bool:
    """True when the words between a verb and the quote are few or end in ",", ":" or "that"."""
    stripped = gap.strip()
    return stripped.endswith((",", ":")) or stripped.endswith(" that") or stripped == "that" or len(
        stripped.split()
    ) <= _MAX_GAP_WORDS


def verb_within(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The first reporting verb in text[start:stop] with only a few words (and one parenthetical, as in
    "Tomas Brandt, a spokesman for the port, told") before it."""
    for match in WORD.finditer(text, start, stop):
        if is_verb(match, start, "reporting_verbs.txt"):
            gap = PARENTHETICAL.sub(" ", text[start : match.start()], count=1)
            return (match.start(), match.end()) if len(WORD.findall(gap)) < _VERB_WITHIN_WORDS else None
    return None

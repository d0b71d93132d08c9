"""Positive evidence that a bare capitalised name is a person: it says something, signs a byline, or
follows a given name.

A surname that is also an English word ("Bush", "Brown", "May") is never a person on its looks alone: the
article must say so. Evidence read here, beside the name: a given name before it ("Jeb Bush"), or a
speech verb next to it mid-sentence ("..., Bush said"). Evidence read elsewhere: a title before it
("Mr. Trump", persons.py), a role set beside it by commas (persons.attach_roles), an earlier or later
full name that ends with it (aliases.resolve_people).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from store.extract.candidates import Candidate
from store.extract.lexicon import is_common, word_set
from store.extract.names import given_name_first, opens_sentence

_ADVERB = r"(?:(?:has|had|also|then|later|again|once|repeatedly)\s+)?"
# "Bush said" and, less strictly, "Jane Doe, said": a comma after an English word ("including Patriot,
# declared") puts the verb with an earlier subject.
_NEXT_TIGHT = re.compile(rf"(?:’s|'s)?\s+{_ADVERB}([a-z]+)")
_NEXT = re.compile(rf"(?:’s|'s)?,?\s+{_ADVERB}([a-z]+)")
# Possessive: a shorter word or gap is followed by a letter or a space, never the end, so nothing is given
# back (a fifth of this search's time).
_PREVIOUS = re.compile(r"\b([a-z]++)\s++$")
_POSSESSIVE = ("’s", "'s")
_LOCATIVE = re.compile(r"\b(?:in|at|near|off|outside|across|around|towards?)\s+$")
_BYLINE = re.compile(r"(?:^|\n|;)[ \t]*(?:[Bb]y|[A-Z][a-z]+ by)[ \t]+$")
# "the Treasury said", "its Board said": a determiner makes the word a thing's name, unless a noun after
# the name is what it determines ("a Donald Trump presidency").
_DETERMINER = re.compile(
    r"\b(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your|whose)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"(?:’s|'s)?\s+[a-z]")
_MAX_MODIFIERS = 2
_WORD = re.compile(r"\S+")
_NAME_BEFORE = re.compile(r"([A-Z][\w’'.-]*)(?:,?\s+(?:and|of|for|&))?\s+$")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)”\"']|(?:on|in|at|during|after|before|who|when|while)\b)")
# "Trump told Fox": after these verbs an English word is the one spoken to, perhaps an outlet.
_TO_LISTENER = frozenset({"told", "tells", "tweeted", "tweets", "wrote", "writes"})


def with_evidence(text: str, candidate: Candidate) -> Candidate:
    """Promote a possible person to a sure one when a reporting verb, a byline or a given name stands beside
    it; an untitled, silent name right after "in", "off", "near"... names a place ("a tanker off São Tomé")."""
    if candidate.kind != "person" or candidate.evidence not in ("possible", "surname", "name", "common"):
        return candidate
    if candidate.evidence == "common":
        # An English word ("Bush") needs a speech verb beside it and no word before it that ties it to
        # something else. The verb is looked for first: most such words have none (with the same order
        # in _common_word_speaks, an eighth of this function's time).
        speaks = _common_word_speaks(text, candidate) and not after_locative(text, candidate) \
            and not _determined(text, candidate)
        return replace(candidate, evidence="name") if speaks else candidate
    if candidate.evidence == "name" and _ordinary(text, candidate):
        candidate = replace(candidate, evidence="possible")
    placed, determined = after_locative(text, candidate), _determined(text, candidate)
    if determined and not _NOUN_AFTER.match(text, candidate.end):
        return candidate
    if _promoted(text, candidate, placed or determined):
        promoted = replace(candidate, evidence="name")
        # "said Republican Donald Trump": the verb makes it a person; the English words before the given name go.
        return promoted if given_name_first(candidate.name) else _after_modifiers(text, promoted)
    if candidate.evidence == "possible":
        return _after_modifiers(text, candidate)
    return replace(candidate, kind="place") if candidate.evidence == "name" and placed else candidate


def after_locative(text: str, candidate: Candidate) -> bool:
    """An untitled name right after "in", "off", "near"...: "a veterans group in Virginia, said" (the verb
    belongs to an earlier subject), "a tanker off São Tomé"."""
    return not candidate.titles and not text.startswith(_POSSESSIVE, candidate.end) \
        and _LOCATIVE.search(text, max(0, candidate.start - 12), candidate.start) is not None


def _determined(text: str, candidate: Candidate) -> bool:
    """A determiner right before the name: "the Islamic State, tweeted", "The Kelly File" name things."""
    return _DETERMINER.search(text, max(0, candidate.start - 10), candidate.start) is not None


def _ordinary(text: str, candidate: Candidate) -> bool:
    """True for capitalised ordinary words ("Polymetallic Nodules", "Custodial Roth" of a heading or a
    table): with no given name and no title, a word of the "name" that the article also writes in small
    letters is no name."""
    if candidate.titles or given_name_first(candidate.name):
        return False
    lower = _lower_words(text)
    return any(word.lower() in lower for word in candidate.name.split() if len(word) > _SHORTEST_WORD)


_SHORTEST_WORD = 3


@lru_cache(maxsize=2)  # asked for every candidate of the same article
def _lower_words(text: str) -> frozenset[str]:
    """The words an article writes in small letters."""
    return frozenset(_LOWER_WORD.findall(text))


# The first letter before the lookbehind, so the scan can skip ahead to the next one; possessive, as giving
# back a letter or hyphen only leaves another after the word.
_LOWER_WORD = re.compile(r"[a-z](?<![\w-][a-z])[a-z-]++(?![\w-])")


def _promoted(text: str, candidate: Candidate, bound: bool) -> bool:
    """Whether what stands beside the name makes it a sure person; ``bound``: a word before ties it to
    something else, so that no speech verb counts."""
    if not bound and _speaks(text, candidate) or _BYLINE.search(text, max(0, candidate.start - 40), candidate.start):
        return True
    return candidate.evidence == "possible" and given_name_first(candidate.name)


def _after_modifiers(text: str, candidate: Candidate) -> Candidate:
    """The person in "Republican Donald Trump", "Former Jeb Bush": English words, then a given name."""
    words = list(_WORD.finditer(text, candidate.start, candidate.end))
    for i in range(1, min(len(words) - 1, _MAX_MODIFIERS + 1)):
        if not is_common(words[i - 1].group()):
            break
        rest = " ".join(word.group() for word in words[i:])
        if given_name_first(rest):
            return replace(candidate, start=words[i].start(), name=rest, evidence="name")
    return candidate


def _common_word_speaks(text: str, candidate: Candidate) -> bool:
    """True for "..., Bush said" or "said Bush." where a capital mid-sentence marks the English word as a
    name; at a sentence's start the capital says nothing ("Officials said"), nor as the tail of another
    name ("Judicial Watch said")."""
    window = text[max(0, candidate.start - 40) : candidate.start]
    # Most capitalised common words have no speech verb beside them: that test comes first.
    if not _speech_verb_beside(text, candidate, window):
        return False
    word = text[candidate.start : candidate.end]
    plural = word.endswith("s") and is_common(word[:-1])  # "Democrats", "Critics": a group, not a name
    return not (plural or opens_sentence(text, candidate.start) or _after_a_name(window))


def _speech_verb_beside(text: str, candidate: Candidate, window: str) -> bool:
    """"Bush said" or "said Bush." but not "said Democratic candidate ..." nor "told Fox" (the one spoken
    to); ``window`` is the text before the candidate."""
    verbs = word_set("speech_verbs.txt")
    following = _NEXT_TIGHT.match(text, candidate.end)
    if following and following.group(1) in verbs:
        return True
    before = _PREVIOUS.search(window)
    return bool(before and before.group(1) in verbs and before.group(1) not in _TO_LISTENER
                and _CLAUSE_END.match(text, candidate.end))


def _after_a_name(window: str) -> bool:
    """True when a capitalised word, or one joined by "and", "of", "for", ends ``window``; a sentence's
    opening "Then" or "But" is no name."""
    match = _NAME_BEFORE.search(window)
    return match is not None and match.group(1).lower() not in word_set("sentence_starters.txt")


def _speaks(text: str, candidate: Candidate) -> bool:
    """True for "Name said", "Name told", "said Name"."""
    verbs = word_set("speech_verbs.txt")
    following = _NEXT.match(text, candidate.end)
    before = _PREVIOUS.search(text, max(0, candidate.start - 30), candidate.start)
    return bool(following and following.group(1) in verbs) or bool(before and before.group(1) in verbs)

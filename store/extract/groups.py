"""Unnamed and collective sources as group actors: "a Japanese official", "some observers"."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache, lru_cache

from store.extract.candidates import Candidate
from store.extract.gazetteer import is_demonym, lookup
from store.extract.lexicon import alternation, is_common, word_set

# After a singular noun, a lower-case word other than these shows an adjective ("official protest").
_FOLLOWERS = frozenset(
    "who has had was is said says told also privately in at from with to for of on and speaking close familiar put".split()
)
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_NAME_NEXT = re.compile(r"[ \t]+[A-Z]")
_WORD_CHAR = re.compile(r"\w")
# Letters that case-insensitive matching takes for ASCII ones but str.lower() leaves apart or
# lengthens (dotless i, long s, dotted capital I): mapped first so no source noun is missed.
_APART, _PLAIN = "ıſİ", "isi"
# "[Pp](?<!\w[Pp])" is "\b[Pp]" written so that the scan can skip ahead to the next "p".
_FAMILIAR = re.compile(r"[Pp](?<!\w[Pp])(?:eople|ersons?)\s+(?:familiar\s+with|briefed\s+on|close\s+to|with\s+knowledge\s+of)\b")
# A sentence that opens with a bare plural noun and a verb ("Demonstrators said", "Police say").
_OPENING_SUBJECT = re.compile(
    r"[\s\"“‘']*(?P<noun>(?:(?:His|Her|Their|Many|Some|Most|Other)[ \t]+[a-z]+|[A-Z][a-z]+))"
    r"[ \t]+(?:(?:often|also|have|had|then|later|again|still)[ \t]+)?(?P<verb>[a-z]+)\b")
_DETERMINERS = r"[Aa]n?|[Aa]nother|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ne|[Tt]wo|[Tt]hree|[Oo]ther|[Mm]ost"
_DETERMINER = re.compile(rf"(?:{_DETERMINERS})\Z")
_DETERMINER_BEFORE = re.compile(rf"\b(?:{_DETERMINERS})\s+\Z")
# A determiner and up to three qualifiers stand before the noun.
_MAX_WORDS_BEFORE_NOUN = 4


@cache
def _pattern() -> re.Pattern[str]:
    """Optional determiner, qualifiers (adjectives, demonyms, known names), then a source noun."""
    nouns = alternation(word_set("group_nouns.txt"))
    qualifier = r"(?:[a-z][a-z-]+|[A-Z][\w.’'-]*)"
    return re.compile(
        rf"\b(?:(?P<det>{_DETERMINERS})\s+)?"
        rf"(?P<name>(?:{qualifier}\s+){{0,3}}?(?P<noun>(?i:{nouns})))\b"
    )


@cache
def _noun_word() -> re.Pattern[str]:
    """A source noun standing as a whole word, in small letters ("man" in "many" is none)."""
    return re.compile(rf"\b(?:{alternation(word_set('group_nouns.txt'))})\b")


def _noun_offsets(text: str, start: int, end: int) -> list[int] | None:
    """Where a source noun may sit in text[start:end]: every whole word that is one, in any letter case,
    and the span's last character when the span ends inside a word (a noun may end there, cut off); None
    when folding the case changed the text's length (then offsets cannot be told and the caller scans the
    whole span)."""
    starts = _noun_starts(text)
    if starts is None:
        return None
    found = starts[bisect_left(starts, start) : bisect_left(starts, end)]
    if start < end < len(text) and _WORD_CHAR.match(text, end - 1) and _WORD_CHAR.match(text, end):
        found.append(end - 1)
    return found


@lru_cache(maxsize=4)  # asked once per sentence of the same article: fold and search the text once
def _noun_starts(text: str) -> list[int] | None:
    """Where each whole word that is a source noun starts, in any letter case, in order: one search of the
    folded text by a pattern of all the nouns (as a trie), not a search of it per noun."""
    folded = _folded(text)
    if len(folded) != len(text):
        return None
    return [match.start() for match in _noun_word().finditer(folded)]


def _folded(text: str) -> str:
    """The text in small letters, the letters of _APART first made the ASCII ones case-insensitive matching
    takes them for. Why replace and not str.translate: translate maps each character through a dict, and
    took as long as the search itself on an article with one such letter; replace copies at C speed."""
    for letter, plain in zip(_APART, _PLAIN):
        if letter in text:
            text = text.replace(letter, plain)
    return text.lower()


def _matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of the group pattern in text[start:end], searched from a few words before each noun.

    Why: the pattern is slow to try at every word, and most sentences name no unnamed source. A match
    ends with its noun and starts at most four words before it, so nothing before that is tried.
    """
    nouns = _noun_offsets(text, start, end)
    if nouns is None:
        yield from _pattern().finditer(text, start, end)
        return
    cursor = start
    for noun in nouns:
        if noun < cursor:
            continue
        match = _pattern().search(text, max(cursor, _words_back(text, noun, start)), end)
        if match is None:
            return
        cursor = match.end()
        yield match


def _words_back(text: str, at: int, floor: int) -> int:
    """Start of the fourth whitespace-separated word before the one holding ``at``, not before ``floor``."""
    for count in range(_MAX_WORDS_BEFORE_NOUN + 1):
        while count and at > floor and text[at - 1].isspace():
            at -= 1
        while at > floor and not text[at - 1].isspace():
            at -= 1
    return at


def find_groups(text: str, start: int, end: int) -> list[Candidate]:
    """Unnamed sources in text[start:end], each named by its qualifiers and noun, and the wire's
    "people familiar with the talks" (named "people familiar with")."""
    found = [Candidate(m.start(), m.end(), "group", " ".join(m.group().lower().split()))
             for m in _FAMILIAR.finditer(text, start, end)]
    for match in _matches(text, start, end):
        name = _qualified(match.group("name"))
        if " " not in name and not (match.group("det") or name.endswith("s") or _determined(match.group("name"))):
            continue
        offset = match.end("name") - len(name)
        # The phrase starts at its determiner, which the match may have passed ("..., as one Finnish diplomat").
        determiner = _DETERMINER_BEFORE.search(text, match.start(), offset)
        phrase_start = determiner.start() if determiner is not None else match.start()
        if not name.endswith("s") and _not_a_source(text, phrase_start, match.end("name")):
            continue
        found.append(Candidate(offset, match.end("name"), "group", name))
    subject = _opening_subject(text, start, end)
    if subject is not None and all(c.start != subject.start for c in found):
        found.append(subject)
    return found


def _determined(phrase: str) -> bool:
    """True when a determiner stands two words before the noun, the word between it no qualifier: "said
    one Democratic source" (the match began at "said", so the pattern's own determiner is empty)."""
    words = phrase.split()
    return len(words) >= 3 and _DETERMINER.match(words[-3]) is not None


def _opening_subject(text: str, start: int, end: int) -> Candidate | None:
    """The subject of a reporting verb at a sentence's start or after its opening clause: a plural English
    noun or demonym, perhaps after "His", "Many"... ("Demonstrators said", "His surrogates called",
    "Lamenting their luck, Mexicans often say"), or a source noun in any number ("Police say")."""
    comma = text.find(", ", start, end)
    for at in (start, comma + 1) if comma != -1 else (start,):
        match = _OPENING_SUBJECT.match(text, at, end)
        if match is None or match.group("verb") not in word_set("reporting_verbs.txt"):
            continue
        noun = match.group("noun").split()[-1].lower()
        if noun in word_set("group_nouns.txt") or noun.endswith("s") and (is_common(noun) or is_demonym(noun)):
            return Candidate(match.end("noun") - len(noun), match.end("noun"), "group", noun)
    return None


def _not_a_source(text: str, start: int, end: int) -> bool:
    """A singular noun used as an adjective ("official protest"), a title ("spokesman Dmitry ...")
    or in apposition to a named person ("Jane Doe, a spokeswoman")."""
    following = _NEXT_WORD.match(text, end)
    if following is not None and following.group(1) not in _FOLLOWERS | word_set("reporting_verbs.txt"):
        return True
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return _NAME_NEXT.match(text, end) is not None or text[before - 1 : before] == ","


def _qualified(phrase: str) -> str:
    """Keep only the words that qualify a source ("senior", "Japanese", "U.S.")."""
    words = phrase.split()
    words[-1] = words[-1].lower()
    kept: list[str] = []
    for word in reversed(words[:-1]):
        if not _qualifier(word):
            break
        kept.insert(0, word)
    return " ".join([*kept, words[-1]])


def _qualifier(word: str) -> bool:
    """An adjective of rank or field, or a capitalised name word ("Japanese", "NATO", "U.S.")."""
    return word in word_set("group_qualifiers.txt") or is_demonym(word) or bool(lookup(word)) or word.isupper()

"""Titles and roles: "NATO Secretary General", "Chief of the Joint Staff of Japan’s Self Defense Force"."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from store.extract.gazetteer import is_demonym, lookup
from store.extract.lexicon import is_acronym, is_common, word_set
from store.extract.tokens import Token, joined

_PREPOSITIONS = frozenset({"of", "for", "at", "on", "to", "in"})
_INNER = frozenset({"of", "the", "on", "for"})
_MAX_PREFIX = 4
_MAX_MODIFIERS = 2
_MAX_HEAD_WORDS = 3


# Not frozen, though never changed (see store/model.py): one for each title or role parsed.
@dataclass(slots=True, unsafe_hash=True)
class Role:
    """A title or role phrase: tokens [first, last) of a sentence, split into titles at each head."""

    first: int
    last: int
    titles: tuple[str, ...]
    capitalised: bool
    """True when its head word is capitalised, as titles before a name are."""
    words: frozenset[int]
    """Indices of the title's own words (heads, modifiers, prepositions), not of names inside it."""


@cache
def _phrases(name: str) -> frozenset[tuple[str, ...]]:
    """Title or role phrases of a data file as tuples of lower-case words."""
    return frozenset(tuple(entry.split()) for entry in word_set(name))


@cache
def _heads(roles: bool) -> tuple[frozenset[tuple[str, ...]], dict[str, tuple[int, ...]]]:
    """Title (and role) phrases of up to three words, and their lengths by first word, longest first.

    Why the index: head_end runs at nearly every token of every sentence, and most words start no
    title, so one dict lookup settles them.
    """
    phrases = frozenset(p for p in _phrases("titles.txt") | (_phrases("roles.txt") if roles else frozenset())
                        if len(p) <= _MAX_HEAD_WORDS)
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        lengths.setdefault(phrase[0], set()).add(len(phrase))
    return phrases, {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()}


@cache
def _openers() -> frozenset[str]:
    """Lower-case words that can open a title or role phrase: a head's first word or a modifier."""
    return frozenset(_heads(True)[1]) | word_set("role_modifiers.txt")


def role_openings(tokens: list[Token]) -> list[int]:
    """Indices where parse_role may find something: the word opens a title, role or known-name prefix, and
    a title or role word lies within the prefix and modifier words parse_role can skip to reach it.

    Why the reach: a line of capitals has a known-name prefix at every word and no title, and parsing
    from each of them cost most of its extraction.
    """
    openers = _openers()
    # _prefix_word's test written out, saving a Python call per capitalised word of every sentence.
    found = [i for i, token in enumerate(tokens)
             if token.lower in openers or token.capitalised and _qualifies_title(token.text)]
    if not found:
        return found  # most sentences
    lengths = _heads(True)[1]
    heads = [i for i in found if tokens[i].lower in lengths]  # a head's first word is an opener: found has it
    reach = _MAX_PREFIX + _MAX_MODIFIERS
    return [i for i in found if (k := bisect_left(heads, i)) < len(heads) and heads[k] - i <= reach]


def head_end(tokens: list[Token], i: int, roles: bool = False) -> int:
    """End index of the longest title (or, with roles, role noun) starting at token i, else i."""
    if i >= len(tokens):
        return i
    phrases, lengths = _heads(roles)
    for length in lengths.get(tokens[i].lower, ()):
        if i + length <= len(tokens) and tuple(t.lower for t in tokens[i : i + length]) in phrases:
            return i + length
    return i


def parse_role(text: str, tokens: list[Token], i: int, greedy: bool, roles: bool) -> Role | None:
    """Parse "[Prefix] [modifiers] Head [of Object]..." from token i; greedy objects take any capital."""
    prefix = _skip_prefix(text, tokens, i)
    j = _skip_modifiers(text, tokens, prefix)
    head = head_end(tokens, j, roles)
    if head == j or (j > i and not joined(text, tokens[j - 1], tokens[j])):
        return None
    if not greedy and tokens[head - 1].possessive:
        return None  # "the President's Budget": what follows a possessive title is the holder's, not a name
    if head == j + 1 == i + 1 and _listed(text, tokens, j):
        return None  # "Commerce, Justice, Science": a word in a list of names, not a title
    capitalised = tokens[j].capitalised
    titles: list[str] = []
    words: set[int] = set(range(i, j))
    start = i
    while head > j:
        words.update(range(j, head))
        end, linking = _objects_end(text, tokens, head, greedy)
        words.update(linking)
        titles.append(" ".join(text[tokens[start].start : tokens[end - 1].end].split()))
        honorific = is_honorific(tokens[end - 1])  # "Mr. King": a name follows an honorific, never a title
        start = j = end
        head = j if honorific or j >= len(tokens) or not joined(text, tokens[j - 1], tokens[j]) else head_end(tokens, j)
    return Role(i, j, tuple(titles), capitalised, frozenset(words - set(range(i, prefix))))


def is_honorific(token: Token) -> bool:
    """True for "Mr.", "Ms.", "Dr.": words that stand only before a person's name."""
    return token.lower in word_set("honorifics.txt")


def _listed(text: str, tokens: list[Token], j: int) -> bool:
    """True when capitalised token j stands inside a list of capitalised words: after "Name, " or
    "Name and ", before ", Name" or "; Name" ("Commerce, Justice, Science; Energy")."""
    if j == 0 or j + 1 >= len(tokens) or not tokens[j + 1].capitalised:
        return False
    before = tokens[j - 1]
    after_name = before.capitalised and text[before.end : tokens[j].start] == ", "
    after_and = before.lower in ("and", "or") and j > 1 and tokens[j - 2].capitalised
    return (after_name or after_and) and text[tokens[j].end : tokens[j + 1].start] in (", ", "; ")


def _skip_prefix(text: str, tokens: list[Token], i: int) -> int:
    """Skip country, organisation or demonym words before a title ("NATO", "Japan’s", "Norwegian")."""
    j = i
    # A few words at most ("U.S. Army", "Japan's"): a line of capitals would otherwise be walked again from
    # each of its words (40 KB of them took 2 minutes).
    while j < min(len(tokens), i + _MAX_PREFIX) and _prefix_word(tokens[j]) and head_end(tokens, j) == j:
        if j > i and not joined(text, tokens[j - 1], tokens[j]):
            break
        j += 1
    return j


def _prefix_word(token: Token) -> bool:
    """True for a capitalised known name or demonym that can qualify a title."""
    return token.capitalised and _qualifies_title(token.text)


@lru_cache(maxsize=1 << 14)  # asked of nearly every capitalised word: one look-up instead of three
def _qualifies_title(word: str) -> bool:
    """True for a known name, a demonym or an acronym ("NATO", "Japan’s", "Norwegian")."""
    return bool(lookup(word) or is_demonym(word) or is_acronym(word))


def _skip_modifiers(text: str, tokens: list[Token], j: int) -> int:
    """Skip up to two role modifiers ("senior", "former")."""
    for _ in range(_MAX_MODIFIERS):
        if j < len(tokens) and tokens[j].lower in word_set("role_modifiers.txt"):
            if head_end(tokens, j, roles=True) != j and head_end(tokens, j + 1, roles=True) == j + 1:
                break
            j += 1
    return j


def _objects_end(text: str, tokens: list[Token], j: int, greedy: bool) -> tuple[int, list[int]]:
    """Extend a title over "of/for/at [the] Capitalised" objects; return its end and the linking words."""
    linking: list[int] = []
    while j + 1 < len(tokens) and tokens[j].lower in _PREPOSITIONS and joined(text, tokens[j - 1], tokens[j]):
        k = j + 1 + (tokens[j + 1].lower == "the" and j + 2 < len(tokens))
        end = _capitals_end(text, tokens, k, greedy) if joined(text, tokens[k - 1], tokens[k]) else k
        if end == k:
            break
        linking.extend(range(j, k))
        j = end
    return j, linking


def _capitals_end(text: str, tokens: list[Token], k: int, greedy: bool) -> int:
    """End of the capitalised object starting at k (with inner "of", "the", "on", "for")."""
    end = j = k
    while j < len(tokens) and (j == k or joined(text, tokens[j - 1], tokens[j])):
        token = tokens[j]
        if token.capitalised and (greedy or _title_case_word(token)):
            end = j + 1
        elif not (token.lower in _INNER and j > k):
            break
        j += 1
    return end


def _title_case_word(token: Token) -> bool:
    """Words that may belong to an office's name rather than to the person after it."""
    return is_common(token.text) or bool(lookup(token.text)) or is_acronym(token.text) or is_demonym(token.text)

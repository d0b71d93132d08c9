"""What a run of capitalised words names: a known country, place, outlet, organisation or a person."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from store.extract.definitions import Definition, definitions
from store.extract.gazetteer import is_demonym, lookup, opens_known_name
from store.extract.lexicon import alternation, is_acronym, is_common, is_common_acronym, is_roman_numeral, word_set
from store.extract.names import Run
from store.extract.tokens import Token, joined, tokenize

_MAX_KNOWN = 5
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b")
_HEAD_FILES = (("organization", "org_keywords.txt"), ("law", "law_keywords.txt"),
               ("place", "place_keywords.txt"), ("outlet", "outlet_keywords.txt"))
# Acronyms are short: a longer word in capitals that is also an English word is that word shouted.
_SHORT_ACRONYM = 3
# A dateline's city in capitals, then its country or state: "KARLSTAD, Sweden", "AUSTIN, Texas".
_DATELINE = re.compile(r",[ \t]+([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)(?!\w)")
# What follows a dateline's city: a comma and a capital, an agency in brackets, or a dash and a space.
_CITY_REACH, _CITY_WORDS = 40, 4
"""How far into its line a dateline's city may start, and how many words it may have ("SALT LAKE CITY")."""
_LINE_OPENING = re.compile(r"^[ \t\"“*_]*(?P<capitals>(?:[A-Z]+[ \t]+)*)$", re.MULTILINE)
_DATELINE_END = re.compile(r",[ \t]+[A-Z]|[ \t]+\([A-Z][\w .&-]*\)|[ \t]+[-–—―][ \t]")
# "MoCRA", "FinCEN": capitals in a row after a small letter make an acronym, never a person's name
# ("McDonald", "DeSantis" have one capital at a time).
_MIXED_ACRONYM = re.compile(r"[a-z][A-Z]{2}")
# The word in capitals right before a position, for lines written in capitals.
_SHOUTED_BEFORE = re.compile(r"\b([A-Z]{2,})[ \t]+$")
# "MPs", "NGOs": a plural of an abbreviation, never a name.
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


# Not frozen, though never changed: a frozen class sets each of its eight fields through object.__setattr__,
# 2 µs a candidate against 0.4 µs, and a line of acronyms makes 250,000 a MB. Hashed by value as before.
@dataclass(slots=True, unsafe_hash=True)
class Candidate:
    """A span that may name an actor, before aliases are resolved."""

    start: int
    end: int
    kind: str
    name: str
    evidence: str = "strong"
    """'strong' (known name, title, role), 'name' (name-like words), 'possible', 'surname', 'common'."""
    titles: tuple[str, ...] = ()
    title_start: int | None = None
    """Where a title written before the name starts, for appositives."""
    former: bool = False
    """The title was held before ("then Secretary General ...")."""


def classify_run(text: str, run: Run, people: bool) -> list[Candidate]:
    """Name what a run refers to; ``people`` False (headings, titles) allows no person."""
    tokens = list(run.tokens)
    whole = None if _glued(text, tokens[0]) else lookup(run.text(text))
    if whole:
        return [Candidate(run.start, run.end, whole[0], whole[1])]
    if any(token.text == "&" for token in tokens):  # partners' names: a firm
        return [Candidate(run.start, run.end, "organization", " ".join(run.text(text).split()))]
    if _newspaper(text, tokens):
        return [Candidate(run.start, run.end, "outlet", " ".join(run.text(text).split()))]
    kind = _head_kind(tokens) if len(tokens) > 1 else None
    if kind == "law":
        return []
    head = _governing_head(tokens)
    if head is not None:
        return _organization(text, tokens, head, people)
    if kind in ("place", "outlet"):
        start = _ampersands(text, run.start, tokens[0].end)[0]  # "E&E News", not "E News"
        return [Candidate(start, run.end, kind, " ".join(text[start : run.end].split()))]
    keyword = _last_keyword(tokens)
    if keyword is not None and len(tokens) > 1:
        return _organization(text, tokens, keyword, people)
    return _decompose(text, tokens, people)


def _newspaper(text: str, tokens: list[Token]) -> bool:
    """True for "the Denver Post": names that are no English words, then "Post", after "the" and with no
    number after it (a veterans' "Post 12"); "Post" alone is too common a word to be an outlet's keyword."""
    if len(tokens) < 2 or tokens[-1].text != "Post" or any(is_common(token.text) for token in tokens[:-1]):
        return False
    return _THE_BEFORE.search(text, max(0, tokens[0].start - 4), tokens[0].start) is not None \
        and not _NUMBER_AFTER.match(text, tokens[-1].end)


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NUMBER_AFTER = re.compile(r"\s+(?:No\.\s*)?\d")


def names_law(tokens: list[Token] | tuple[Token, ...]) -> bool:
    """True when the words name a law, treaty, programme or document: their last keyword is a law's
    ("Help America Vote Act", "Treaty of Rome"), not an organisation's ("... Treaty Organization")."""
    return _head_kind(tokens) == "law"


def names_no_person(candidate: Candidate) -> bool:
    """True for a "person" whose last word is a law's or a place's keyword: a title before a document or
    a memorial ("the President's Budget Proposal", "General Grant National Memorial") names no one."""
    return candidate.kind == "person" and _names_no_person(candidate.name)


@lru_cache(maxsize=1 << 12)  # asked of every candidate: an article says the same names again and again
def _names_no_person(name: str) -> bool:
    """The test of names_no_person on a person's name."""
    words = name.split()
    kind = _head_kinds().get(words[-1].lower().rstrip("."))
    # One word ending like a place may still be a surname ("Lake"); one law word ("Act") never is.
    return kind == "law" or kind == "place" and len(words) > 1


@cache
def _head_kinds() -> dict[str, str]:
    """Keyword -> the kind of name it ends: a law's, a place's, an outlet's or an organisation's
    (organisations first where two lists share a word)."""
    kinds: dict[str, str] = {}
    for kind, name in _HEAD_FILES:
        for word in word_set(name):
            kinds.setdefault(word, kind)
    return kinds


def _head_kind(tokens: list[Token] | tuple[Token, ...]) -> str | None:
    """The kind the words' last keyword makes, when it ends the name or takes an "of ..." after it
    ("Mekong River", "Strait of Hormuz", "Trade Act"; not "Gulf War"): 'law', 'place', 'outlet' or
    'organization'."""
    kinds = _head_kinds()
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        kind = kinds.get(token.lower.rstrip(".")) if token.capitalised else None
        if kind is not None:
            return kind if i == len(tokens) - 1 or not tokens[i + 1].capitalised else None
    return None


def _governing_head(tokens: list[Token]) -> int | None:
    """Index of an organisation keyword that takes an "of"/"for" phrase, which then belongs to it
    whatever it ends with ("Department of Roads and Rivers", "Ministry for Trade Agreements")."""
    keywords = word_set("org_keywords.txt")
    for i in range(len(tokens) - 1):
        token = tokens[i]
        if token.capitalised and token.lower.rstrip(".") in keywords and tokens[i + 1].lower in ("of", "for"):
            return i
    return None


def _last_keyword(tokens: list[Token]) -> int | None:
    """Index of the last organisation keyword ("Council", "University", "Co.") in the run, if any."""
    keywords = word_set("org_keywords.txt")
    found = [i for i, token in enumerate(tokens) if token.capitalised and token.lower.rstrip(".") in keywords]
    return found[-1] if found else None


def _organization(text: str, tokens: list[Token], keyword: int, people: bool) -> list[Candidate]:
    """The organisation ends at its keyword (or runs on through "of ..."); the rest is classified apart."""
    end = _organization_end(tokens, keyword)
    name = text[tokens[0].start : tokens[end - 1].end]
    rest = _decompose(text, tokens[end:], people) if end < len(tokens) else []
    if end == 1:
        return rest  # a keyword alone ("Staff" of "Staff Writer") names no organisation
    return [Candidate(tokens[0].start, tokens[end - 1].end, "organization", name), *rest]


def _organization_end(tokens: list[Token], keyword: int) -> int:
    """Where an organisation's name ends: after its keyword, or after the "of ..." that follows it."""
    end = keyword + 1
    return len(tokens) if end < len(tokens) and not tokens[end].capitalised else end


def _decompose(text: str, tokens: list[Token], people: bool) -> list[Candidate]:
    """Find known names inside a run, left to right; unknown stretches may be people."""
    found: list[Candidate] = []
    stretch: list[Token] = []
    verdicts = _verdicts(text)
    i = 0
    while i < len(tokens):
        known = _alone(text, tokens, i, verdicts)
        if known is _UNSETTLED:
            known = _longest_known(text, tokens, i)
        if known is None:
            stretch.append(tokens[i])
            i += 1
            continue
        if stretch and len(known) == 2 and _national_branch(text, stretch, known[1]):
            nationality = stretch.pop()
            known = (known[0], replace(known[1], start=nationality.start, name=text[nationality.start : known[1].end]))
        if stretch:  # between two known names (every word of a line of acronyms) there is often none
            found.extend(_unknown(text, stretch, people))
        found.extend(known[1:])
        stretch, i = [], known[0]
    return found + _unknown(text, stretch, people)


def _national_branch(text: str, stretch: list[Token], known: Candidate) -> bool:
    """True for a nationality before an organisation's short form ("American Red Cross", "Thai Red Cross"):
    a national body of its own, not the international one that the short form names alone."""
    matched = text[known.start : known.end]
    return (bool(stretch) and known.kind == "organization" and is_demonym(stretch[-1].text)
            and matched != known.name and not matched.isupper())


def _longest_known(text: str, tokens: list[Token], i: int) -> tuple[int] | tuple[int, Candidate] | None:
    """The longest known name (or acronym) starting at token i, with the index after it; an acronym
    that names no actor ("PDF", one defined for a law) is the index alone."""
    glued = _glued(text, tokens[i])
    # Past one word only when a known name of several words starts with this one, after a space.
    spaced = i + 1 < len(tokens) and text[tokens[i].end : tokens[i + 1].start].isspace()
    longest = i + _MAX_KNOWN if not spaced or opens_known_name(tokens[i].text) else i + 1
    for j in range(min(len(tokens), longest), i, -1):
        phrase = text[tokens[i].start : tokens[j - 1].end]
        found = None if glued else lookup(phrase)
        if found:
            return j, Candidate(tokens[i].start, tokens[j - 1].end, found[0], found[1])
    j = _capitals_end(tokens, i)
    if j == i:
        return _short_name(text, tokens[i], i)
    city = _dateline_city(text, tokens, i)
    if city is not None:
        return city
    if j - i > 1 and any(token.lower in word_set("clause_words.txt") for token in tokens[i:j]):
        return (j,)  # a clause in capitals ("FIRED HIM", "LOCK HER UP") names no one
    if len(tokens[i].text) < 2:
        return None
    start, end = _ampersands(text, tokens[i].start, tokens[j - 1].end)
    phrase = sys.intern(text[start:end])  # the name of each of its mentions: one string for them all
    defined = _defined_kinds(text)
    if phrase in defined:
        kind_name = defined[phrase]
        return (j,) if kind_name is None else (j, Candidate(start, end, *kind_name))
    if j == i + 1 and (is_common_acronym(phrase) or _shouted(text, phrase) or is_roman_numeral(phrase)
                       or _in_shouted_line(text, start, phrase)):
        return (j,)
    if _names_programme(text, phrase):
        return (j,)
    kind = "place" if len(phrase) > _SHORT_ACRONYM and _dateline_place(text, end) else "organization"
    return j, Candidate(start, end, kind, phrase.title() if kind == "place" else phrase)


def _stands_apart(text: str, tokens: list[Token], i: int) -> bool:
    """True when only spaces part token i from the next one (or none follows) and no "&" or comma touches
    it: then what it names does not depend on the words beside it (see _alone), a dateline's city aside."""
    token = tokens[i]
    if text[token.start - 1 : token.start] == "&" or text[token.end : token.end + 1] in ("&", ","):
        return False
    return i + 1 == len(tokens) or text[token.end : tokens[i + 1].start].isspace()


_UNSETTLED = object()
"""What _alone gives for a word whose verdict the words after it may change."""
_Verdict = tuple[bool, tuple[str, str] | tuple[()] | None] | object
"""A word's verdict standing apart: whether a dateline's city may start at it, and a known name (kind,
name), () for an acronym that names no actor, or None for no known name; or _UNSETTLED."""


def _alone(
    text: str, tokens: list[Token], i: int, verdicts: dict[str, _Verdict]
) -> tuple[int] | tuple[int, Candidate] | None | object:
    """_longest_known for a token that stands apart, from its word's verdict worked out once an article
    (kept in ``verdicts``); _UNSETTLED where _longest_known must read it in context.

    Why: a line of acronyms ("XQZ WVB " x n) asked the gazetteer, the word lists and the article's
    definitions the same questions at each of its 250,000 words a MB.
    """
    token = tokens[i]
    verdict = verdicts.get(token.text)
    if verdict is None:
        verdict = verdicts[token.text] = _verdict(text, token.text)
    if verdict is _UNSETTLED or not _stands_apart(text, tokens, i):
        return _UNSETTLED
    city_here, known = verdict
    if city_here:
        # Most words stand far into a line: no city (see _dateline_city) can open there.
        floor = token.start - _CITY_REACH
        city = None if floor > 0 and text.rfind("\n", floor, token.start) == -1 else _dateline_city(text, tokens, i)
        if city is not None:
            return city
    if known is None:
        return None
    return (i + 1, Candidate(token.start, token.end, *known)) if known else (i + 1,)


@lru_cache(maxsize=2)  # one article at a time: its words' verdicts, not kept past the next article
def _verdicts(text: str) -> dict[str, _Verdict]:
    """The verdicts (see _verdict) worked out so far for the words of ``text``."""
    return {}


def _verdict(text: str, word: str) -> _Verdict:
    """What _longest_known finds at ``word`` when it stands apart, as the branches there decide it: a
    known name; a word the article defines; an acronym that is common, shouted, a numeral or a programme's
    name (none); else an organisation's acronym. _UNSETTLED where the words after it are read: a known
    name of several words may start with it, or an acronym is also an English word ("US", "IT")."""
    if opens_known_name(word):
        return _UNSETTLED
    found = lookup(word)
    if found:
        return False, found
    defined = _defined_kinds(text)
    if not is_acronym(word):
        return False, (defined[word] or ()) if word in defined else None
    if is_common(word):
        return _UNSETTLED
    word = sys.intern(word)  # the name of each of its mentions: one string for them all
    if word in defined:
        return True, defined[word] or ()
    if is_common_acronym(word) or _shouted(text, word) or is_roman_numeral(word) or _names_programme(text, word):
        return True, ()
    return True, ("organization", word)


def _dateline_city(text: str, tokens: list[Token], i: int) -> tuple[int, Candidate] | None:
    """The city in capitals that opens a line as a dateline, before a comma, an agency in brackets or a
    dash ("LOS ANGELES (Reuters) -", "SAN FRANCISCO, Calif. —"): a place, in title case."""
    # The words in capitals before the run on its line are the city's too ("PORT" of "PORT ELLEN", which
    # the run lost as a common word opening a sentence).
    # Looked for near the line's start only: a long line of capitals would otherwise be read again from
    # its start at every word (40 KB of them took 2 minutes).
    floor = max(0, tokens[i].start - _CITY_REACH)
    line_start = text.rfind("\n", floor, tokens[i].start) + 1
    opening = _LINE_OPENING.search(text, line_start, tokens[i].start) if line_start or not floor else None
    if opening is None:
        return None
    j = i
    while j < min(len(tokens), i + _CITY_WORDS) and tokens[j].text.isupper() \
            and tokens[j].text.replace(".", "").isalpha() and (j == i or joined(text, tokens[j - 1], tokens[j])):
        j += 1
    start, end = opening.start("capitals"), tokens[j - 1].end
    after = _DATELINE_END.match(text, end)
    if len(text[start:end]) <= _SHORT_ACRONYM or after is None or after.group().startswith(",") \
            and not _dateline_place(text, end):
        return None  # "FBI - the bureau", "CSIS, Brookings and ...": an acronym, not a city
    return j, Candidate(start, end, "place", text[start:end].title())


def _dateline_place(text: str, end: int) -> bool:
    """True when a country or a place follows the word after a comma: "KARLSTAD, Sweden (Reuters)"."""
    match = _DATELINE.match(text, end)
    return match is not None and (lookup(match.group(1)) or ("", ""))[0] in ("country", "place")


def _short_name(text: str, token: Token, i: int) -> tuple[int] | tuple[int, Candidate] | None:
    """A word the article defines as the short name of a longer one ("Commerce"), under that name; the
    index alone when what it stands for names no actor."""
    defined = _defined_kinds(text)
    if token.text not in defined:
        return None
    kind_name = defined[token.text]  # None: a law's or programme's short name ("MoCRA"), no actor
    return (i + 1,) if kind_name is None else (i + 1, Candidate(token.start, token.end, *kind_name))


def _capitals_end(tokens: list[Token], i: int) -> int:
    """End of the acronym at token i, or of a name in capitals made of ordinary words ("ENERGY STAR"),
    which is one name, not an acronym each; i when token i is no acronym."""
    if not is_acronym(tokens[i].text):
        return i
    j = i
    while j < len(tokens) and tokens[j].text.isalpha() and tokens[j].text.isupper() and is_common(tokens[j].text):
        j += 1
    return j if j - i > 1 else i + 1


def _ampersands(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an acronym over the ampersands joining it to capitals on either side ("FD&C", "RDT&E")."""
    while start > 1 and text[start - 1] == "&" and text[start - 2].isupper():
        start -= 2
        while start > 0 and text[start - 1].isupper():
            start -= 1
    while end + 1 < len(text) and text[end] == "&" and text[end + 1].isupper():
        end += 2
        while end < len(text) and text[end].isupper():
            end += 1
    return start, end


def _glued(text: str, token: Token) -> bool:
    """True when an ampersand joins the word to capitals beside it: "RT" of "RT&E" is no outlet."""
    if text[token.end : token.end + 1] != "&" and text[token.start - 1 : token.start] != "&":
        return False
    return _ampersands(text, token.start, token.end) != (token.start, token.end)


def _shouted(text: str, word: str) -> bool:
    """A word written in capitals that is no acronym: an ordinary word ("PRODUCT") or a name the article
    also writes in small letters ("WALLACE:" of a transcript, "CHARLOTTE, N.C." of a dateline)."""
    return len(word) > _SHORT_ACRONYM and (is_common(word) or _written_small(text, word.capitalize()))


def _in_shouted_line(text: str, start: int, word: str) -> bool:
    """A short English word in capitals after another in capitals: a line written in capitals ("CONGRESS
    HAS INVESTIGATED HIM"), not an acronym ("HIM" there is a pronoun)."""
    if not is_common(word):  # most acronyms are no English word: no need to look back
        return False
    before = _SHOUTED_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and is_common(before.group(1))


@lru_cache(maxsize=256)  # the same acronyms come back in every sentence of an article
def _written_small(text: str, word: str) -> bool:
    """True when the article writes ``word`` as a whole word ("Wallace", not "Wallaces")."""
    at = text.find(word)  # a plain search: a regex with word boundaries is slow over a long report
    while at != -1:
        end = at + len(word)
        if not (text[at - 1 : at].isalnum() or text[end : end + 1].isalnum()):
            return True
        at = text.find(word, end)
    return False


@lru_cache(maxsize=256)  # the same acronyms come back in every sentence of an article
def _names_programme(text: str, phrase: str) -> bool:
    """True when the article writes the name in capitals before a law word ("the SNAP program", "the
    FD&C Act"): a programme or a law, not an organisation."""
    # A name written again and again (a line of acronyms: 125,000 times a MB) is first looked for before a
    # law word by one search, which rules most out, instead of a look after each time it is written.
    if text.count(phrase) > _OFTEN and re.search(re.escape(phrase) + _law_word_after(), text) is None:
        return False
    laws = word_set("law_keywords.txt")
    at = text.find(phrase)  # plain searches: a regex over the whole report is slower
    while at != -1:
        after = _NEXT_WORD.match(text, at + len(phrase))
        if after and after.group(1).lower() in laws and not text[at - 1 : at].isalnum():
            return True
        at = text.find(phrase, at + len(phrase))
    return False


_OFTEN = 64
"""Times a name is written past which one search for it before a law word beats a look at each."""


@cache
def _law_word_after() -> str:
    """A pattern for spaces and a law word after them, as _NEXT_WORD and the list read it: a word of
    ASCII letters in any case, not followed by another letter or digit."""
    words = (word for word in word_set("law_keywords.txt") if word.isascii() and word.isalpha())
    return rf"[ \t]+(?ai:{alternation(words)})\b"


@lru_cache(maxsize=4)  # asked for every acronym of the same article: classify its definitions once
def _defined_kinds(text: str) -> dict[str, tuple[str, str] | None]:
    """What each acronym the article defines stands for: the kind and name of its full name, or None
    when that names no actor (a law, a programme, a common noun such as "gross domestic product")."""
    kinds: dict[str, tuple[str, str] | None] = {}
    for definition in definitions(text):
        kinds.setdefault(definition.acronym, _full_name(text, definition))
    return kinds


def _full_name(text: str, definition: Definition) -> tuple[str, str] | None:
    """The kind and name of a defined acronym's full name, if it names an actor as a whole."""
    if not definition.capitalised:
        return None
    tokens = tokenize(text, definition.start, definition.end)
    name = " ".join(text[definition.start : definition.end].split())
    known = lookup(name)
    head = _governing_head(tokens)
    if known or head is None and names_law(tokens):
        return known
    keyword = _last_keyword(tokens) if head is None else head
    whole = keyword is not None and _organization_end(tokens, keyword) == len(tokens)
    return ("organization", name) if whole else None


def _unknown(text: str, stretch: list[Token], people: bool) -> list[Candidate]:
    """A stretch of unknown capitalised words: a name-like person, a possible name, or nothing."""
    while stretch and not stretch[0].capitalised:
        stretch = stretch[1:]
    while stretch and not stretch[-1].capitalised:
        stretch = stretch[:-1]
    words = [token for token in stretch if token.capitalised]
    if not people or not words or any(_never_in_name(token.text) for token in words):
        return []
    start, end = stretch[0].start, stretch[-1].end
    name = " ".join(text[start:end].split())
    common = [is_common(token.text) for token in words]
    if len(words) == 1:
        evidence = "common" if common[0] else "surname"
        return [] if len(name) < 2 else [Candidate(start, end, "person", name, evidence)]
    if not any(common):
        return [Candidate(start, end, "person", name, "name")]
    if all(common) and _given_then_word(words):  # "Bob Mason": a person only if a speech verb says so
        return [Candidate(start, end, "person", name, "common")]
    if all(common):
        return [Candidate(start, end, "organization", name)] if _reports(text, end) else []
    return [Candidate(start, end, "person", name, "possible")]


def _given_then_word(words: list[Token]) -> bool:
    """Two English words of which the first is a given name ("Bob Mason", "Rose Garden"): a person's name
    or a thing's, which only evidence beside it tells apart (evidence.py)."""
    first = words[0].lower
    return len(words) == 2 and first in word_set("first_names.txt") and first not in word_set("titles.txt")


def _reports(text: str, end: int) -> bool:
    """True when a reporting verb follows a name at once: English words in title case that speak ("Zero
    Hedge said", "Open Door wrote") name a site, outlet or body, not a person nor nothing."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1) in word_set("reporting_verbs.txt")


@lru_cache(maxsize=1 << 14)  # asked of every word of every unknown stretch: the same words come back
def _never_in_name(word: str) -> bool:
    """Words that rule out a person's name: demonyms, digits, organisation keywords, furniture."""
    lower = word.lower().replace("’", "'")
    return (
        is_demonym(word)
        or any(ch.isdigit() for ch in lower)
        or lower.rstrip(".") in word_set("org_keywords.txt")
        or lower.rstrip(".") in word_set("not_names.txt")
        or is_acronym(word)
        or _PLURAL_ACRONYM.fullmatch(word) is not None
        or _MIXED_ACRONYM.search(word) is not None
    )

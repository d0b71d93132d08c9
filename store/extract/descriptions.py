"""Definite descriptions that speak: "the official said", "the judge exclaimed", "the ministry said".

A writer names a source once and then describes it: "A Western official said ... “...,” the official
said." When "the <words> <noun>" stands right before a reporting verb and the noun is the head of an
actor named earlier in the article (a group's last word, a word of a person's title, an organisation's
keyword, an outlet's kind), the description is a mention of the actor last named so. A "the" description
of a person or an organisation by an epithet ("the billionaire businessman", "the 46-year-old", "the
company") that no title or name in the article matches is the one of that kind last named as a subject
before it, as "he" or "it" would be. A description of a source that no actor stands for ("the crowd
chanted", "the announcer said") becomes a group actor of its own, named by its words after "the".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cache

from store.extract.documents import find_documents
from store.extract.lexicon import alternation, name_table, word_set
from store.extract.roles import is_object, is_possessive
from store.extract.scan import matches_at
from store.model import Actor, Mention

_MODIFIERS = r"(?:(?:former|then|[a-z]++(?:-[a-z]*+)?|[A-Z][a-z]++)\s+){0,2}?"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"the (or "Name's") <up to two modifiers> <noun>" before a reporting verb (the verbs are in the pattern, so a shorter
    description is tried when a longer one is followed by no verb: "the billionaire businessman said"),
    and any such description, for those a reporting verb stands before ("“...,” said the Florida senator").
    The "the" is written so that a scan can skip ahead to the next "t" (a look-behind in place of "\\b")."""
    verbs = alternation(word_set("reporting_verbs.txt"))
    # An epithet may be written with a capital ("the Republican said"), other capitalised words are names.
    capitalised = alternation(frozenset(word.capitalize() for word in word_set("person_epithets.txt")))
    noun = rf"(?P<noun>[a-z]+|\d+-year-old|{capitalised})\b"
    the = r"(?P<the>[Tt](?<!\w[Tt])h(?:e|is|at))\s+"
    # "Obama's former campaign strategist said", "the ad's narrator says": a possessive determines the
    # description as "the" does.
    the = rf"(?:{the}|(?P<owner>\b(?:[A-Z][\w.-]*|[Tt]he\s+[a-z]+)(?:’s|'s))\s+)"
    before = re.compile(rf"{the}{_MODIFIERS}{noun}(?=,?\s+(?:(?:{_BETWEEN})\s+){{0,2}}(?:{verbs})\b)")
    return before, re.compile(rf"{the}{_MODIFIERS}{noun}")


_BETWEEN = r"also|then|later|again|has|had|have|repeatedly|often|once|previously|recently|publicly|never"
"""Words between a description and its verb: "the nominee has repeatedly wondered", "the senator then said"."""
_VERB_BEFORE = re.compile(r"\b([a-z]+),?\s+$")
_VERB_REACH = 24


def describe(text: str, actors: Sequence[Actor], mentions: Sequence[Mention]
             ) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Mentions for the descriptions that stand beside a reporting verb, and the new group actors for those
    that describe no actor named before ("“...,” the crowd chanted", "the announcer said"); documents
    introduced beside one ("a report found") come first, so that "the report" later is theirs."""
    documents, cited = find_documents(text)
    kinds = {actor.name: actor.kind for actor in actors}
    known = (*actors, *(d for d in documents if d.name not in kinds))
    unnamed: dict[str, Actor] = {d.name: d for d in known[len(actors):]}
    found = list(cited)
    described = _described(text)
    if described:  # else no index of the mentions (250,000 a MB of acronyms: 30 MB at 4 MB) for nothing
        found += _mentions(text, known, sorted((*mentions, *cited), key=lambda m: m.start), unnamed, described)
    return tuple(a for name, a in unnamed.items() if name not in kinds), tuple(found)


def _mentions(text: str, actors: Sequence[Actor], ordered: Sequence[Mention], unnamed: dict[str, Actor],
              described: list[tuple[re.Match[str], int]]) -> list[Mention]:
    """A mention for each description beside a reporting verb (``described``); ``unnamed`` gains the actors
    made for those that describe no actor named before."""
    heads = _heads(actors)
    starts = [m.start for m in ordered]
    named = _named_at(ordered)
    kinds = {actor.name: actor.kind for actor in actors}
    found = []
    for match, start in described:
        noun = _singular(re.sub(r"^\d+-", "", match.group("noun").lower()))  # "46-year-old" -> "year-old"
        actor = _last_named(named, start, heads.get(noun, set()))
        if actor is None and match.group("the"):
            actor = _by_epithet(text, ordered, starts, start, noun, kinds)
        if actor is None and _unnamed_subject(text, match, start):
            # An owner stays in the name: "Obama's former campaign strategist" is not anyone's strategist.
            words = text[start if match.group("owner") else match.end("the") : match.end("noun")]
            actor = _THE.sub("", " ".join(words.split()))
            unnamed.setdefault(actor, Actor(actor, "group"))
        if actor is not None:
            found.append(Mention(actor, start, match.end("noun"), text[start : match.end("noun")]))
    return found


def _unnamed_subject(text: str, match: re.Match[str], start: int) -> bool:
    """True for a description of a source no actor stands for ("the crowd chanted"), not governed by a
    preposition ("someone in the audience shouted")."""
    return match.group("noun").lower() in _unnamed_nouns() and not _GOVERNED.search(text, max(0, start - 8), start)


_THE = re.compile(r"^[Tt]he ")


_GOVERNED = re.compile(r"\b(?:in|of|at|from|to|with|for|by|on|among)\s+$")
"""A preposition right before a description ("someone in the audience shouted") makes it no subject."""


@cache
def _unnamed_nouns() -> frozenset[str]:
    """Nouns for a source that "the ... <noun>" describes well enough to stand as an actor of its own."""
    return word_set("group_nouns.txt") | word_set("person_epithets.txt") | word_set("org_epithets.txt") \
        | word_set("outlet_nouns.txt") | word_set("unnamed_speakers.txt") | word_set("speaking_works.txt") \
        | word_set("document_nouns.txt")  # a document whose author is not named before speaks as itself


def _described(text: str) -> list[tuple[re.Match[str], int]]:
    """Each description next to a reporting verb, with where it starts ("the", not the verb)."""
    before, described = _patterns()
    verbs = word_set("reporting_verbs.txt")
    # "Jane Doe, Acme's chief executive, said": a possessive after a comma stands in apposition to a name.
    starts = _starts(text)
    found = [(m, m.start()) for m in matches_at(before, text, starts) if not m.group("owner") or _owned(text, m)]
    for match in matches_at(described, text, starts):
        verb = _VERB_BEFORE.search(text, max(0, match.start() - _VERB_REACH), match.start())
        if verb is not None and verb.group(1) in verbs:
            found.append((match, match.start()))
    return sorted(found, key=lambda pair: pair[1])


# "[Tt](?<!\w[Tt])" is "\b[Tt]" written so that the scan can skip ahead to the next "t" (half its time).
_THE = re.compile(r"[Tt](?<!\w[Tt])h(?:e|is|at)\s")
_POSSESSIVE = re.compile(r"’s|'s")
_WORD_CAPITAL = re.compile(r"(?<!\w)[A-Z]")


def _starts(text: str) -> list[int]:
    """Every offset where a description can begin: a "the", "this" or "that", or a possessive name's
    first capital (the patterns tried at every offset read a long hyphenated word again from each of
    its capitals, which was quadratic).

    A name before a possessive is read to the end of its run of letters, dots and hyphens, so it matches
    from the run's first capital at a word's start or from none of them.
    """
    owners = (_WORD_CAPITAL.search(text, start, end) for start, end in _owned_runs(text))
    return sorted({*(m.start() for m in _THE.finditer(text)), *(m.start() for m in owners if m is not None)})


def _owned_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of name characters (letters, digits, "_", "." and "-") that a possessive
    "’s" ends, in order.

    Why from each possessive back: a pattern tried at each run of the text read every word to its end to
    look for an "’s" there (four times as long); no run holds an apostrophe, so each is read once."""
    for mark in _POSSESSIVE.finditer(text):
        start = end = mark.start()
        while start and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
            start -= 1
        if start < end:
            yield start, end


def _owned(text: str, match: re.Match[str]) -> bool:
    """True for a person described by a possessive ("Obama's former campaign strategist"), not one in
    apposition after a comma ("Jane Doe, Acme's chief executive, said") nor a body ("China's foreign
    ministry", which speaks for its owner)."""
    noun = match.group("noun").lower()
    person = any(noun in word_set(name) for name in ("group_nouns.txt", "person_epithets.txt", "unnamed_speakers.txt"))
    return person and not text[max(0, match.start() - 3) : match.start()].rstrip().endswith(",")


def _heads(actors: Sequence[Actor]) -> dict[str, set[str]]:
    """Each head noun (lower case, singular) and the actors it can describe."""
    heads: dict[str, set[str]] = {}
    for actor in actors:
        for noun in _nouns(actor):
            heads.setdefault(noun, set()).add(actor.name)
    return heads


def _nouns(actor: Actor) -> set[str]:
    """The nouns that describe one actor: its titles' words for a person, its name's head otherwise."""
    if actor.kind == "person":
        words = (actor.title or "").replace(";", " ").split()
        known = _title_words()
        full = name_table("title_abbreviations.txt")
        return {_singular(full.get(w.lower(), w.lower().strip(".,"))) for w in words
                if w.lower().strip(".,") in known or w.lower() in full}
    if actor.kind == "outlet":
        return set(word_set("outlet_nouns.txt"))
    if actor.kind in ("group", "organization"):
        last = actor.name.split()[-1].lower() if actor.name.split() else ""
        keywords = {w.lower() for w in actor.name.split() if w.lower() in word_set("org_keywords.txt")}
        return {_singular(word) for word in {last, *keywords} if word.isalpha()}
    return set()


@cache
def _title_words() -> frozenset[str]:
    """Titles and roles, one set: asked for every person of every article."""
    return word_set("titles.txt") | word_set("roles.txt")


def _named_at(ordered: Sequence[Mention]) -> dict[str, tuple[list[int], list[int]]]:
    """Each actor's mentions as their starts and their places in ``ordered``.

    Why: looking back through every mention for each description took time in the square of an
    article's size; one bisection per candidate actor finds the last mention at once.
    """
    named: dict[str, tuple[list[int], list[int]]] = {}
    for index, mention in enumerate(ordered):
        starts, places = named.setdefault(mention.actor, ([], []))
        starts.append(mention.start)
        places.append(index)
    return named


def _last_named(named: dict[str, tuple[list[int], list[int]]], before: int, names: set[str]) -> str | None:
    """The actor among ``names`` mentioned last before offset ``before`` (the later in text order on a tie)."""
    last, actor = -1, None
    for name in names & named.keys():
        starts, places = named[name]
        k = bisect_left(starts, before)
        if k and places[k - 1] > last:
            last, actor = places[k - 1], name
    return actor


def _by_epithet(text: str, ordered: Sequence[Mention], starts: list[int], before: int, noun: str,
                kinds: dict[str, str]) -> str | None:
    """The person ("the billionaire businessman"), organisation ("the company") or author ("the statement")
    an epithet describes: the one of that kind last named before it, within a few sentences, as neither
    object nor owner."""
    wanted = _EPITHET_KINDS.get(next((f for f in _EPITHET_KINDS if noun in word_set(f)), ""), frozenset())
    for mention in reversed(ordered[bisect_left(starts, max(0, before - _EPITHET_REACH)) : bisect_left(starts, before)]):
        if kinds.get(mention.actor) in wanted and not is_object(text, mention) and not is_possessive(text, mention):
            return mention.actor
    return None


_EPITHET_KINDS = {
    "person_epithets.txt": frozenset({"person"}),
    "org_epithets.txt": frozenset({"organization"}),
    "document_nouns.txt": frozenset({"person", "organization", "group", "country"}),
}
"""Data file of epithets -> the kinds of actor they describe ("the statement" speaks for its author)."""


_EPITHET_REACH = 600
"""Characters looked back for the person an epithet describes: about the last three sentences."""


def _singular(noun: str) -> str:
    """"officials" -> "official", "ministries" -> "ministry": enough to match a head noun."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3 else noun

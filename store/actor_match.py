"""Typo-tolerant actor lookup: query words find candidate actors through their name words, then
rapidfuzz scores only those candidates' names, aliases, name words and titles."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from store import terms
from store.db import Store
from store.vocab import vocabulary

CUTOFF = 75.0
"""Lowest WRatio (0-100) that counts as a match: "kery"/"Kerry" is 89, unrelated names stay below 60."""
WEIGHTS = {"name": 1.0, "alias": 0.97, "word": 0.95, "title": 0.8}
"""How much a match on each field counts: a name beats an alias, a title counts least."""
MAX_CANDIDATES = 40
"""Actors scored per query: those matching the rarest query words, then the most mentioned."""
WALK_COST = 0.25
"""Cost of probing one actor while walking actors by mentions, relative to reading one word link."""
WORD_CUTOFF = 75.0
"""fuzz.ratio at which a name word counts as a typo of a query word."""
WORDS_PER_PART = 8
"""Name words one query word may stand for (itself, completions, close typos)."""
MAX_PARTS = 8
ENTRY_MEMO = 8192
"""Candidates remembered between searches (until the store changes)."""
LINK_MEMO = 100_000
"""(word, actor) links remembered between searches (until the store changes): a few MB."""
DENSE_PREFIX = 2000
"""A short prefix shared by more (word, actor) pairs than this is looked up by walking the most
mentioned actors, which finds a page at once; a rarer one is looked up directly."""
_LINKS = ("SELECT aw.word_id, aw.actor_id, a.mentions FROM json_each(?) j CROSS JOIN actor_words aw "
          "ON aw.word_id = j.value JOIN actors a ON a.id = aw.actor_id")
_MOST_MENTIONED = ("SELECT a.id FROM actors a INDEXED BY idx_actors_mentions WHERE EXISTS (SELECT 1 FROM "
                   "actor_words aw WHERE aw.actor_id = a.id AND aw.word_id IN (SELECT value FROM json_each(?))) "
                   "ORDER BY a.mentions DESC LIMIT ?")
_ENTRIES = ("SELECT a.id, a.name, a.kind, a.title, a.mentions, "
            "(SELECT json_group_array(alias) FROM aliases WHERE actor_id = a.id) FROM actors a "
            "WHERE a.id IN (SELECT value FROM json_each(?))")


@dataclass(frozen=True)
class ActorEntry:
    """What the matcher knows of one actor."""

    id: int
    name: str
    kind: str
    title: str | None
    mentions: int


@dataclass(frozen=True)
class ActorMatch:
    """An actor that matches a query, how well, and through which of its strings."""

    actor: ActorEntry
    score: float
    field: str
    matched: str


def match_actors(store: Store, query: str, limit: int) -> list[ActorMatch]:
    """Actors whose name, alias or title fuzzily matches ``query``, best (then most mentioned) first."""
    wanted = terms.compact(query)
    if not wanted:
        return []
    if len(wanted) < 3:
        return _prefix_matches(store, wanted, limit)
    entries = _entries(store, _candidates(store, wanted.split()[:MAX_PARTS]))
    best: dict[int, tuple[float, ActorEntry, str, str]] = {}
    # Titles repeat across actors: each distinct string is scored once.
    choices = list(dict.fromkeys([text for _, strings in entries for _, text in strings]))
    scored = process.extract(wanted, choices, scorer=fuzz.WRatio, processor=None, score_cutoff=CUTOFF, limit=None)
    owners = _owners(entries, {choice for choice, _, _ in scored})
    for choice, score, _ in scored:
        for entry, field in owners[choice]:
            weighted = score * WEIGHTS[field] + min(3.0, math.log1p(entry.mentions))
            known = best.get(entry.id)
            if known is None or weighted > known[0]:
                best[entry.id] = (weighted, entry, field, choice)
    ranked = sorted(best.values(), key=lambda found: (-found[0], -found[1].mentions, found[1].name))
    return [ActorMatch(entry, weighted, field, choice) for weighted, entry, field, choice in ranked[:limit]]


def _candidates(store: Store, parts: list[str]) -> list[int]:
    """Actors named by a word that is, starts with, or is a close typo of a query word: those matching
    the rarest query words first, reading whole query words, rarest first, up to a budget of links."""
    total = _actor_count(store)
    found = sorted((_word_ids(store, part) for part in parts), key=lambda words: sum(words.values()))
    found = [words for words in found if words]
    if not found:
        return []
    budget = _link_budget(total)
    if sum(found[0].values()) > budget:
        return _most_mentioned(store, sorted(found[0]))
    counted: dict[int, tuple[int, float]] = {}
    links = 0
    for number, words in enumerate(found):
        links += sum(words.values())
        if links > budget:
            break
        # One rarity per query word (its most common match), so a rare completion ("natos") never
        # outweighs the word itself ("nato").
        rarity = math.log1p(total / (1 + max(words.values())))
        for word_id in words:
            counted.setdefault(word_id, (number, rarity))
    return _rarest_shared(_links(store, sorted(counted)), counted)


def _links(store: Store, word_ids: list[int]) -> list[tuple[int, int, int]]:
    """(word id, actor id, the actor's mentions) for each word in turn, its actors by id; each word's
    links read once per store state (each key typed searches again for every word already typed, and
    in a large store reading a link means reading its actor's row)."""
    known: dict[int, list[tuple[int, int]]] = store.cached("word_links", dict)
    missing = [word_id for word_id in word_ids if word_id not in known]
    if missing:
        if sum(map(len, known.values())) > LINK_MEMO:
            known.clear()
        for word_id in missing:
            known[word_id] = []
        for word_id, actor_id, mentions in store.rows(_LINKS, (json.dumps(missing),)):
            known[word_id].append((actor_id, mentions))
    return [(word_id, actor_id, mentions) for word_id in word_ids for actor_id, mentions in known[word_id]]


def _most_mentioned(store: Store, word_ids: list[int]) -> list[int]:
    """The MAX_CANDIDATES most mentioned actors named by one of these words, walked once per store state."""
    key = json.dumps(word_ids)
    return _remembered(store, "most_mentioned", key,
                       lambda: [row[0] for row in store.rows(_MOST_MENTIONED, (key, MAX_CANDIDATES))])


def _remembered(store: Store, memo: str, key: Hashable, read: Callable[[], list[int]]) -> list[int]:
    """``read()``, kept under ``key`` in one of the store's memos until the store changes (walks by
    mentions are the slowest reads of a search, and each key typed asks the same again)."""
    known: dict[Hashable, list[int]] = store.cached(memo, dict)
    if key not in known:
        if len(known) > ENTRY_MEMO:
            known.clear()
        known[key] = read()
    return known[key]


def _actor_count(store: Store) -> int:
    """How many actors the store holds, counted once per store state."""
    return store.cached("actor_count", lambda: store.value("SELECT count(*) FROM actors"))


def _link_budget(total: int) -> int:
    """Links worth reading before walking the most mentioned actors is cheaper: a walk finds
    MAX_CANDIDATES among ``total`` actors after about MAX_CANDIDATES * total / links probes."""
    return max(100, int(math.sqrt(WALK_COST * MAX_CANDIDATES * total)))


def _rarest_shared(links: list, counted: dict[int, tuple[int, float]]) -> list[int]:
    """Actors by the summed rarity of the query words they match (each counted once), then mentions."""
    rarity: dict[int, float] = {}
    mentions: dict[int, int] = {}
    matched: set[tuple[int, int]] = set()
    for word_id, actor_id, count in links:
        number, rare = counted[word_id]
        if (actor_id, number) not in matched:
            matched.add((actor_id, number))
            # Summed as each query word is first met, the order a sum over the words met would take.
            rarity[actor_id] = rarity.get(actor_id, 0.0) + rare
        mentions[actor_id] = count
    ranked = sorted((-summed, -mentions[actor_id], actor_id) for actor_id, summed in rarity.items())
    return [actor_id for _, _, actor_id in ranked[:MAX_CANDIDATES]]


def _word_ids(store: Store, part: str) -> dict[int, int]:
    """{name word id: its number of actors} for the words ``part`` may stand for: itself and its
    completions, and close typos when no actor has the word itself."""
    found = store.rows("SELECT id, actors, word FROM name_words WHERE word >= ? AND word < ? ORDER BY word "
                       "LIMIT ?", (part, part + "\U0010ffff", WORDS_PER_PART))
    if found and found[0][2] == part:
        return {row[0]: row[1] for row in found}  # a word some actor has: no need to guess typos
    close = vocabulary(store, "name_words").close_words(part, WORD_CUTOFF, WORDS_PER_PART)
    typos = [word for word, _ in close if not word.startswith(part)]
    if typos:
        found += store.rows("SELECT id, actors, word FROM name_words WHERE word IN (SELECT value FROM json_each(?))",
                            (json.dumps(typos),))
    return {row[0]: row[1] for row in found}


def _entries(store: Store, ids: list[int]) -> list[tuple[ActorEntry, tuple[tuple[str, str], ...]]]:
    """The candidates with their searchable strings, in candidate order; read once per store state, as
    the next key typed mostly finds the same candidates."""
    known: dict[int, tuple[ActorEntry, tuple[tuple[str, str], ...]]] = store.cached("actor_entries", dict)
    missing = [i for i in ids if i not in known]
    if missing:
        if len(known) > ENTRY_MEMO:
            known.clear()
        for row in store.rows(_ENTRIES, (json.dumps(missing),)):
            known[row[0]] = (ActorEntry(*row[:5]), _strings(row[1], row[3], row[5]))
    found = (known.get(i) for i in ids)
    return [entry for entry in found if entry is not None]


@lru_cache(maxsize=8192)
def _strings(name: str, title: str | None, aliases: str) -> tuple[tuple[str, str], ...]:
    """(field, compacted text) of a name, its aliases, its later name words (surnames) and title parts."""
    strings = [("name", name), *(("alias", alias) for alias in json.loads(aliases)),
               *(("word", word) for word in name.split()[1:] if len(word) > 3),
               *(("title", part) for part in (title or "").split("; ") if part)]
    return tuple((field, terms.compact(text)) for field, text in strings)


def _owners(entries: list[tuple[ActorEntry, tuple[tuple[str, str], ...]]], matched: set[str]
            ) -> dict[str, list[tuple[ActorEntry, str]]]:
    """For each matched string, the (actor, field)s it is a string of, in candidate order."""
    owners: dict[str, list[tuple[ActorEntry, str]]] = {text: [] for text in matched}
    for entry, strings in entries:
        for field, text in strings:
            if text in owners:
                owners[text].append((entry, field))
    return owners


def _prefix_matches(store: Store, wanted: str, limit: int) -> list[ActorMatch]:
    """For one or two letters, fuzzy scores mean nothing: actors with a word starting so, by prominence."""
    ids = _remembered(store, "prefix_actors", (wanted, limit), lambda: _prefix_actors(store, wanted, limit))
    entries = sorted((entry for entry, _ in _entries(store, ids)), key=lambda e: (-e.mentions, e.name))
    return [ActorMatch(entry, 50.0, "name", entry.name) for entry in entries]


def _prefix_actors(store: Store, wanted: str, limit: int) -> list[int]:
    """The ``limit`` most mentioned actors with a word starting with ``wanted``."""
    bounds = (wanted, wanted + "\U0010ffff")
    pairs = store.value("SELECT count(*) FROM (SELECT 1 FROM name_words w CROSS JOIN actor_words aw "
                        "ON aw.word_id = w.id WHERE w.word >= ? AND w.word < ? LIMIT ?)", (*bounds, DENSE_PREFIX))
    if pairs >= DENSE_PREFIX:
        sql = ("SELECT a.id FROM actors a INDEXED BY idx_actors_mentions WHERE EXISTS (SELECT 1 FROM actor_words aw "
               "JOIN name_words w ON w.id = aw.word_id WHERE aw.actor_id = a.id AND w.word >= ? AND w.word < ?) "
               "ORDER BY a.mentions DESC LIMIT ?")
    else:
        sql = _PREFIX_ACTORS.format(walk="INDEXED BY idx_actors_mentions" if pairs >= _link_budget(_actor_count(store))
                                    else "")
    return [row[0] for row in store.rows(sql, (*bounds, limit))]


_PREFIX_ACTORS = ("SELECT a.id FROM actors a {walk} WHERE a.id IN (SELECT aw.actor_id FROM name_words w CROSS JOIN "
                  "actor_words aw ON aw.word_id = w.id WHERE w.word >= ? AND w.word < ?) "
                  "ORDER BY a.mentions DESC, a.name, a.id LIMIT ?")
"""The most mentioned actors with a word of a prefix, all read and sorted; or, when the prefix has more
(word, actor) pairs than a link budget, found walking actors by mentions (the same order: SQLite sorts
only each run of equal mentions by name), which stops at the limit instead of reading every actor."""


def name_marker(query: str) -> Callable[[str], tuple[tuple[int, int], ...]]:
    """For labels: the spans of their words that match a word of ``query`` (for highlighting); the
    query is compacted once and each distinct word compared once (the actors found share many)."""
    wanted = [part for part in terms.compact(query).split() if part]
    matches: dict[str, bool] = {}

    def matched(written: str) -> bool:
        """True when a word as written, compacted, starts with or is close to a word of the query."""
        if written not in matches:
            word = terms.compact(written)
            matches[written] = any(word.startswith(part) or fuzz.ratio(part, word) >= CUTOFF for part in wanted)
        return matches[written]

    return lambda label: tuple((start, end) for start, end, word in terms.words(label) if matched(word))

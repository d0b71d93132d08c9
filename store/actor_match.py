"""Typo-tolerant actor lookup: rapidfuzz over every actor's name, aliases, name words and title."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from store import terms
from store.db import Store

CUTOFF = 75.0
"""Lowest WRatio (0-100) that counts as a match: "kery"/"Kerry" is 89, unrelated names stay below 60."""
WEIGHTS = {"name": 1.0, "alias": 0.97, "word": 0.95, "title": 0.8}
"""How much a match on each field counts: a name beats an alias, a title counts least."""
MAX_CANDIDATES = 400


@dataclass(frozen=True)
class ActorEntry:
    """What the matcher knows of one actor."""

    id: int
    name: str
    kind: str
    title: str | None
    mentions: int


@dataclass(frozen=True)
class ActorIndex:
    """Every searchable string of every actor, compacted once per store state."""

    actors: dict[int, ActorEntry]
    choices: list[str]
    owners: list[tuple[int, str]]
    """For each choice: (actor id, field)."""


@dataclass(frozen=True)
class ActorMatch:
    """An actor that matches a query, how well, and through which of its strings."""

    actor: ActorEntry
    score: float
    field: str
    matched: str


def actor_index(store: Store) -> ActorIndex:
    """The store's actor index, built once and rebuilt only after an ingest."""
    return store.cached("actor_index", lambda: _build(store))


def _build(store: Store) -> ActorIndex:
    """Collect names, aliases, name words (for surnames) and titles into one choice list."""
    rows = store.rows(
        "SELECT a.id, a.name, a.kind, a.title, (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id), "
        "(SELECT json_group_array(alias) FROM aliases WHERE actor_id = a.id) FROM actors a")
    actors, choices, owners = {}, [], []
    for actor_id, name, kind, title, mentions, aliases in rows:
        actors[actor_id] = ActorEntry(actor_id, name, kind, title, mentions)
        strings = [("name", name), *(("alias", alias) for alias in json.loads(aliases)),
                   *(("word", word) for word in name.split()[1:] if len(word) > 3),
                   *(("title", part) for part in (title or "").split("; ") if part)]
        for field, text in strings:
            choices.append(terms.compact(text))
            owners.append((actor_id, field))
    return ActorIndex(actors, choices, owners)


def match_actors(store: Store, query: str, limit: int) -> list[ActorMatch]:
    """Actors whose name, alias or title fuzzily matches ``query``, best (then most mentioned) first."""
    wanted = terms.compact(query)
    if not wanted:
        return []
    index = actor_index(store)
    if len(wanted) < 3:
        return _prefix_matches(store, wanted, index, limit)
    best: dict[int, ActorMatch] = {}
    for position, score in _scores(wanted, index.choices):
        actor_id, field = index.owners[position]
        weighted = score * WEIGHTS[field] + min(3.0, math.log1p(index.actors[actor_id].mentions))
        if actor_id not in best or weighted > best[actor_id].score:
            best[actor_id] = ActorMatch(index.actors[actor_id], weighted, field, index.choices[position])
    ranked = sorted(best.values(), key=lambda m: (-m.score, -m.actor.mentions, m.actor.name))
    return ranked[:limit]


def _scores(wanted: str, choices: list[str]) -> list[tuple[int, float]]:
    """(choice position, score) of every choice that fuzzily matches ``wanted``."""
    found = process.extract(wanted, choices, scorer=fuzz.WRatio, processor=None,
                            score_cutoff=CUTOFF, limit=MAX_CANDIDATES)
    return [(position, score) for _, score, position in found]


def _prefix_matches(store: Store, wanted: str, index: ActorIndex, limit: int) -> list[ActorMatch]:
    """For one or two letters, fuzzy scores mean nothing: actors with a word starting so, by prominence."""
    found = store.rows("SELECT rowid FROM actors_fts WHERE actors_fts MATCH ? LIMIT ?",
                       (f'"{wanted}"*', MAX_CANDIDATES))
    entries = sorted((index.actors[row[0]] for row in found if row[0] in index.actors),
                     key=lambda actor: (-actor.mentions, actor.name))
    return [ActorMatch(actor, 50.0, "name", actor.name) for actor in entries[:limit]]


def name_spans(label: str, query: str) -> tuple[tuple[int, int], ...]:
    """Spans of the words of ``label`` that match a word of ``query`` (for highlighting)."""
    wanted = terms.compact(query).split()
    spans = []
    for start, end, word in terms.words(label):
        if any(word.startswith(part) or fuzz.ratio(part, word) >= CUTOFF for part in wanted if part):
            spans.append((start, end))
    return tuple(spans)

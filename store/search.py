"""One search box over everything: fuzzy actors, and full-text quotes, passages and events."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from store import fulltext
from store.actor_match import ActorMatch, match_actors, name_marker
from store.db import Store
from store.fulltext import FtsQuery
from store.nouns import counted_noun
from store.ranking import Quality, quality_of

HIT_TYPES = ("actor", "quote", "event", "passage")
"""Result kinds, in the order ``SearchResults.all`` lists them."""


@dataclass(frozen=True)
class Hit:
    """One search result: what to show, how well it matched, and where to open it."""

    type: str
    """'actor', 'quote', 'passage' or 'event'."""
    id: int
    label: str
    detail: str
    score: float
    """0-100, comparable within one type."""
    highlights: tuple[tuple[int, int], ...]
    """(start, end) spans within ``label`` that matched."""
    document_id: int | None
    passage_id: int | None
    start: int | None
    """Document offsets of the spot to open (an actor's first mention, a quote, a match)."""
    end: int | None
    match: float = 0.0
    """0-100, comparable across types: how well the words typed match the hit's words (see ranking)."""


@dataclass(frozen=True)
class SearchResults:
    """All hits for one query, by type, each best first."""

    query: str
    actors: tuple[Hit, ...] = ()
    quotes: tuple[Hit, ...] = ()
    passages: tuple[Hit, ...] = ()
    events: tuple[Hit, ...] = ()
    ranked: tuple[str, ...] = ("actors", "quotes", "passages", "events")
    """The groups, the one holding the best match first (a result list shows them so)."""

    @property
    def all(self) -> tuple[Hit, ...]:
        """Every hit: actors, then quotes, events and passages (the order a result list shows)."""
        return self.actors + self.quotes + self.events + self.passages

    def __bool__(self) -> bool:
        """True when anything matched."""
        return bool(self.all)


def search(store: Store, query: str, limit: int = 20,
           cancelled: Callable[[], bool] | None = None) -> SearchResults:
    """Search actors (typo-tolerant) and full text; any string is searched as text and never raises.

    ``cancelled`` is asked before each stage (actors, quotes, passages, events): once it says True the
    remaining stages are skipped and their groups left empty, so a search-as-you-type box whose text
    has moved on stops paying for a query nobody will see."""
    query = query if isinstance(query, str) else str(query)
    limit = max(1, limit)
    fts = fulltext.build_query(store, query)
    quality = quality_of(query)
    stages: dict[str, Callable[[], tuple[Hit, ...]]] = {
        "actors": lambda: _actor_hits(store, match_actors(store, query[:fulltext.MAX_QUERY_CHARS], limit),
                                      query, quality),
        "quotes": lambda: _quote_hits(store, fts, limit, quality) if fts else (),
        "passages": lambda: _passage_hits(store, fts, limit, quality) if fts else (),
        "events": lambda: _event_hits(store, fts, limit, quality) if fts else (),
    }
    found: dict[str, tuple[Hit, ...]] = {}
    for group, stage in stages.items():
        if cancelled is not None and cancelled():
            break
        found[group] = stage()
    return _ranked(query, found)


def _ranked(query: str, found: dict[str, tuple[Hit, ...]]) -> SearchResults:
    """Each group best first by how well its hits match, the groups by their best hit (ties keep the
    usual order: actors, quotes, passages, events)."""
    scored = {group: tuple(sorted(hits, key=lambda hit: -hit.match)) for group, hits in found.items()}
    order = sorted(scored, key=lambda group: -max((hit.match for hit in scored[group]), default=-1.0))
    return SearchResults(query=query, **scored, ranked=tuple(order))


def _actor_hits(store: Store, matches: list[ActorMatch], query: str, quality: Quality) -> tuple[Hit, ...]:
    """Actor hits, each opening at the actor's first mention, matched on their name and detail."""
    ids = json.dumps([match.actor.id for match in matches])
    first = {row[0]: tuple(row[1:]) for row in store.rows(
        'SELECT m.actor_id, m.document_id, m.passage_id, m.start, m."end" FROM mentions m '
        "WHERE m.id IN (SELECT (SELECT id FROM mentions WHERE actor_id = j.value "
        "ORDER BY document_id, start LIMIT 1) FROM json_each(?) j)", (ids,))}
    marks = name_marker(query)
    hits = []
    for match in matches:
        detail = _actor_detail(match)
        hits.append(Hit("actor", match.actor.id, match.actor.name, detail, match.score, marks(match.actor.name),
                        *first.get(match.actor.id, (None,) * 4), quality(f"{match.actor.name} {detail}")))
    return tuple(hits)


def _actor_detail(match: ActorMatch) -> str:
    """Kind, title and, when the match was not on the name, what matched."""
    parts = [match.actor.kind] + ([match.actor.title] if match.actor.title else [])
    if match.field in ("alias", "word") and match.matched not in match.actor.name.lower():
        parts.append(f"as {match.matched}")
    return " · ".join(parts + [counted_noun(match.actor.mentions, "mention")])


def _quote_hits(store: Store, fts: FtsQuery, limit: int, quality: Quality) -> tuple[Hit, ...]:
    """Quotes whose words match, best first."""
    ranked = fulltext.ranked_ids(store, "quotes_fts", fts, limit)
    rows = _by_id(store, "SELECT q.id, q.text, coalesce(a.name, CASE q.kind WHEN 'speech' "
                  "THEN 'unattributed' ELSE q.kind END), q.document_id, q.passage_id, q.start, "
                  'q."end" FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_id WHERE q.id IN', ranked)
    return tuple(_text_hit("quote", score, row, fts, quality) for score, row in rows)


def _passage_hits(store: Store, fts: FtsQuery, limit: int, quality: Quality) -> tuple[Hit, ...]:
    """Passages whose words match, as snippets round the first match, opening at that match."""
    ranked = fulltext.ranked_ids(store, "passages_fts", fts, limit)
    rows = _by_id(store, 'SELECT p.id, substr(d.text, p.start + 1, p."end" - p.start), p.start, p.section, p.kind, '
                  "p.number, d.title, p.document_id FROM passages p JOIN documents d ON d.id = p.document_id "
                  "WHERE p.id IN", ranked)
    hits = []
    for score, (passage_id, text, offset, section, kind, number, title, document_id) in rows:
        label, marks, first = fulltext.excerpt(text, fts)
        where = [title] + ([section] if section else []) + ([f"¶{number}"] if kind == "paragraph" else [])
        start, end = first or (0, len(text))
        hits.append(Hit("passage", passage_id, label, " · ".join(where), score, marks, document_id,
                        passage_id, offset + start, offset + end, quality(label)))
    return tuple(hits)


def _event_hits(store: Store, fts: FtsQuery, limit: int, quality: Quality) -> tuple[Hit, ...]:
    """Events whose description or written date match, best first."""
    ranked = fulltext.ranked_ids(store, "events_fts", fts, limit)
    rows = _by_id(store, "SELECT e.id, e.description, e.date || coalesce(' to ' || e.end_date, ''), "
                  'e.document_id, e.passage_id, e.start, e."end" FROM events e WHERE e.id IN', ranked)
    return tuple(_text_hit("event", score, row, fts, quality) for score, row in rows)


def _text_hit(kind: str, score: float, row: tuple, fts: FtsQuery, quality: Quality) -> Hit:
    """A hit from (id, text, detail, document_id, passage_id, start, end), marked where it matched."""
    hit_id, text, detail, *target = row
    label, marks, _ = fulltext.excerpt(text, fts)
    return Hit(kind, hit_id, label, detail, score, marks, *target, quality(label))


def _by_id(store: Store, select: str, ranked: list[tuple[int, float]]) -> list[tuple[float, tuple]]:
    """(score, row) for the ranked ids, fetched in one query (``select`` ends 'WHERE <id> IN')."""
    found = store.rows(select + " (SELECT value FROM json_each(?))",
                       (json.dumps([rowid for rowid, _ in ranked]),))
    rows = {row[0]: tuple(row) for row in found}
    return [(score, rows[rowid]) for rowid, score in ranked if rowid in rows]

"""Read-only queries the explorer needs; each returns frozen dataclasses, never rows."""

from __future__ import annotations

from itertools import groupby

from store import rows as sql
from store.db import Store
from store.model import ACTOR_KINDS
from store.views import (ActorSummary, CitationView, Connection, DocumentInfo, Dossier, EventView,
                         FootnoteView, KindCount, MentionView, OutletSources, PassageView, QuoteView,
                         ReaderDocument, Sources)

__all__ = [
    "ActorSummary", "CitationView", "Connection", "DocumentInfo", "Dossier", "EventView",
    "FootnoteView", "KindCount", "MentionView", "OutletSources", "PassageView", "QuoteView",
    "ReaderDocument", "Sources", "actor", "actors", "documents", "dossier", "events", "kind_counts",
    "passage", "passage_neighbours", "quote", "quotes", "reader_document", "sources", "timeline",
]
_BY_TEXT = {alias: f" ORDER BY {alias}.document_id, {alias}.start" for alias in "mqce"}
"""Text order for each table alias (mentions, quotes, citations, events)."""


def documents(store: Store) -> tuple[DocumentInfo, ...]:
    """Every ingested document, in the order they were added."""
    return tuple(map(sql.document_info, store.rows(sql.DOCUMENTS + " ORDER BY d.id")))


def kind_counts(store: Store) -> tuple[KindCount, ...]:
    """How many actors of each kind there are (kinds with none left out), in ACTOR_KINDS order."""
    counts = dict(store.rows("SELECT kind, count(*) FROM actors GROUP BY kind"))
    ordered = [kind for kind in ACTOR_KINDS if kind in counts] + sorted(set(counts) - set(ACTOR_KINDS))
    return tuple(KindCount(kind, counts[kind]) for kind in ordered)


def actors(store: Store, kind: str | None = None) -> tuple[ActorSummary, ...]:
    """Actors (of one kind, or all), most mentioned first, then by name."""
    where = " WHERE a.kind = ?" if kind else ""
    found = store.rows(sql.ACTORS + where + sql.ACTOR_ORDER, (kind,) if kind else ())
    return tuple(map(sql.actor_summary, found))


def actor(store: Store, actor_id: int) -> ActorSummary | None:
    """One actor with its counts, or None if there is no such actor."""
    found = store.rows(sql.ACTORS + " WHERE a.id = ?", (actor_id,))
    return sql.actor_summary(found[0]) if found else None


def dossier(store: Store, actor_id: int) -> Dossier | None:
    """All the store knows about one actor, or None if there is no such actor."""
    summary = actor(store, actor_id)
    if summary is None:
        return None
    aliases = store.rows("SELECT alias FROM aliases WHERE actor_id = ? ORDER BY alias", (actor_id,))
    return Dossier(
        actor=summary,
        aliases=tuple(row[0] for row in aliases),
        quotes=_quotes(store, " WHERE q.speaker_id = ?", (actor_id,)),
        mentions=_mentions(store, " WHERE m.actor_id = ?", (actor_id,)),
        connections=_connections(store, actor_id),
        events=_events(store, " WHERE e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)"
                       + sql.TIMELINE_ORDER, (actor_id,)),
        sources=_citations(store, " WHERE c.outlet_actor_id = ? OR c.passage_id IN "
                           "(SELECT passage_id FROM mentions WHERE actor_id = ?)", (actor_id, actor_id)),
    )


def passage(store: Store, passage_id: int) -> PassageView | None:
    """One passage, or None."""
    found = store.rows(sql.PASSAGES + " WHERE p.id = ?", (passage_id,))
    return sql.passage_view(found[0]) if found else None


def passage_neighbours(store: Store, passage_id: int, radius: int = 1) -> tuple[PassageView, ...]:
    """The passage with up to ``radius`` passages before and after it in its document, in order."""
    found = store.rows(
        sql.PASSAGES + " JOIN passages c ON c.id = ? WHERE p.document_id = c.document_id "
        "AND p.ordinal BETWEEN c.ordinal - ? AND c.ordinal + ? ORDER BY p.ordinal",
        (passage_id, radius, radius))
    return tuple(map(sql.passage_view, found))


def reader_document(store: Store, document_id: int) -> ReaderDocument | None:
    """A whole document with every passage, mention, quote and citation in it, or None."""
    document = store.rows(sql.DOCUMENTS + " WHERE d.id = ?", (document_id,))
    if not document:
        return None
    where = (document_id,)
    passages = store.rows(sql.PASSAGES + " WHERE p.document_id = ? ORDER BY p.ordinal", where)
    return ReaderDocument(
        document=sql.document_info(document[0]),
        passages=tuple(map(sql.passage_view, passages)),
        mentions=_mentions(store, " WHERE m.document_id = ?", where),
        quotes=_quotes(store, " WHERE q.document_id = ?", where),
        citations=_citations(store, " WHERE c.document_id = ?", where),
    )


def timeline(store: Store) -> tuple[EventView, ...]:
    """Every event in date order (ranges by start date, then by where they are written)."""
    return _events(store, sql.TIMELINE_ORDER)


def events(store: Store, document_id: int | None = None) -> tuple[EventView, ...]:
    """Events in the order they are written (of one document, or all)."""
    where = " WHERE e.document_id = ?" if document_id is not None else ""
    params = (document_id,) if document_id is not None else ()
    return _events(store, where + _BY_TEXT["e"], params)


def quote(store: Store, quote_id: int) -> QuoteView | None:
    """One quote with its speaker and reporting sentence, or None."""
    found = _quotes(store, " WHERE q.id = ?", (quote_id,))
    return found[0] if found else None


def quotes(store: Store, kind: str | None = None) -> tuple[QuoteView, ...]:
    """Quotes in the order they are written (of one kind, or all)."""
    return _quotes(store, " WHERE q.kind = ?" if kind else "", (kind,) if kind else ())


def sources(store: Store) -> Sources:
    """Outlets with their citations (most cited first), citations whose outlet was lost, footnotes."""
    cited = _citations(store, " WHERE c.outlet IS NOT NULL OR c.outlet_actor_id IS NOT NULL")
    grouped = groupby(sorted(cited, key=lambda c: (c.outlet or "").casefold()),
                      key=lambda c: (c.outlet or "").casefold())
    outlets = [OutletSources(group[0].outlet or "", group[0].outlet_actor_id, tuple(group))
               for group in (list(items) for _, items in grouped)]
    outlets.sort(key=lambda outlet: (-len(outlet.citations), outlet.outlet.casefold()))
    notes = store.rows("SELECT document_id, number, text, passage_id FROM footnotes "
                       "ORDER BY document_id, number, start")
    return Sources(
        outlets=tuple(outlets),
        unattributed=_citations(store, " WHERE c.outlet IS NULL AND c.outlet_actor_id IS NULL "
                                "AND c.footnote IS NULL"),
        footnotes=tuple(FootnoteView(*row) for row in notes),
    )


def _mentions(store: Store, where: str, params: tuple[object, ...]) -> tuple[MentionView, ...]:
    """Mentions matching ``where``, in text order, as keyword-in-context lines."""
    return tuple(map(sql.mention_view, store.rows(sql.MENTIONS + where + _BY_TEXT["m"], params)))


def _quotes(store: Store, where: str, params: tuple[object, ...] = ()) -> tuple[QuoteView, ...]:
    """Quotes matching ``where``, in text order."""
    return tuple(map(sql.quote_view, store.rows(sql.QUOTES + where + _BY_TEXT["q"], params)))


def _citations(store: Store, where: str, params: tuple[object, ...] = ()) -> tuple[CitationView, ...]:
    """Citations matching ``where``, in text order."""
    found = store.rows(sql.CITATIONS + where + _BY_TEXT["c"], params)
    return tuple(map(sql.citation_view, found))


def _events(store: Store, tail: str, params: tuple[object, ...] = ()) -> tuple[EventView, ...]:
    """Events selected and ordered by ``tail``."""
    return tuple(map(sql.event_view, store.rows(sql.EVENTS + tail, params)))


def _connections(store: Store, actor_id: int) -> tuple[Connection, ...]:
    """Actors named in the same passages as this one, most shared passages first."""
    found = store.rows(
        "SELECT a.id, a.name, a.kind, count(DISTINCT m2.passage_id) AS shared "
        "FROM mentions m1 JOIN mentions m2 ON m2.passage_id = m1.passage_id AND m2.actor_id != m1.actor_id "
        "JOIN actors a ON a.id = m2.actor_id WHERE m1.actor_id = ? "
        "GROUP BY a.id ORDER BY shared DESC, a.name", (actor_id,))
    return tuple(Connection(*row) for row in found)

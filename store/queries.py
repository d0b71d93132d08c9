"""Read-only queries the explorer needs; each returns frozen dataclasses, never rows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from store import rows as sql
from store.affiliation import AFFILIATED_KINDS, affiliated
from store.db import Store
from store.kinds import ACTOR_KINDS
from store.listings import (ACTOR_ORDERS, DOCUMENT_ORDERS, QUOTE_ORDERS, count_quotes, document_rows,
                            like_pattern, ordered, quote_kind_counts, quote_rows)
from store.texts import DocumentText
from store.timeline_filter import WHERE as EVENT_WHERE
from store.timeline_filter import EventFilter, event_filter
if TYPE_CHECKING:
    from store.read.markdown_emphasis import Emphasis
from store.views import (ActorSummary, AffiliatedQuote, CitationView, Connection, DocumentInfo, DocumentRow, Dossier,
                         EventView, FootnoteView, KindCount, MarkStep, MentionView, OutletSources,
                         PassageView, QuoteAttribution, QuoteRow, QuoteView, ReaderMark, Sources)

__all__ = [
    "ACTOR_ORDERS", "DOCUMENT_ORDERS", "QUOTE_ORDERS", "SOURCE_ORDERS",
    "ActorSummary", "AffiliatedQuote", "EventFilter", "event_filter", "events_before", "CitationView", "Connection", "DocumentInfo", "DocumentRow", "Dossier", "EventView",
    "FootnoteView", "KindCount", "MarkStep", "MentionView", "OutletSources", "PassageView",
    "QuoteAttribution", "QuoteRow", "QuoteView", "ReaderMark", "Sources", "actor", "actors",
    "attribution", "attribution_at", "count_actors", "count_events", "count_quotes",
    "data_version", "document_emphasis", "document_passages", "document_rows", "documents", "dossier", "events", "kind_counts",
    "passage", "passage_neighbours", "quote", "quote_kind_counts", "quote_rows", "quotes", "reader_marks",
    "sources", "step_mark", "store_state", "timeline",
]
T = TypeVar("T")
DOSSIER_PASSAGES = 500
"""Passages a limited dossier takes connections and sources from (an alliance is named in thousands)."""
_ACTOR_EVENTS = " WHERE e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)"
_ACTOR_EVENTS_WALK = (" INDEXED BY idx_events_date_end_date WHERE EXISTS "
                      "(SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.actor_id = ?)")
WALK_EVENTS = 5000
"""Above this many events, a limited dossier walks the timeline instead of sorting the actor's events."""
_OUTLET_PAGES = """
SELECT id, outlet_group, total FROM (
  SELECT c.id, first_value(c.id) OVER outlet AS outlet_group, row_number() OVER outlet AS n,
    count(*) OVER (PARTITION BY coalesce(a.name, c.outlet) COLLATE NOCASE) AS total
  FROM citations c LEFT JOIN actors a ON a.id = c.outlet_actor_id
  WHERE (c.outlet IS NOT NULL OR c.outlet_actor_id IS NOT NULL)
    AND (? IS NULL OR coalesce(a.name, c.outlet) LIKE ? ESCAPE '\\')
  WINDOW outlet AS (PARTITION BY coalesce(a.name, c.outlet) COLLATE NOCASE ORDER BY c.document_id, c.start))
WHERE n <= ? OR ? < 0 ORDER BY outlet_group, n"""
"""(citation id, the id of its outlet's first citation, the outlet's total) for the first citations
of each outlet (at least one each, so every outlet is listed with its total), of the outlets whose name
holds a pattern (NULL: all)."""
SOURCE_ORDERS = {"citations": lambda outlet: (-outlet.total, outlet.outlet.casefold()),
                 "name": lambda outlet: outlet.outlet.casefold()}
"""How outlets can be sorted: most cited first, or by name."""
_MARKS = """
SELECT m.start, m."end", m.passage_id, m.actor_id, a.name, 'mention' FROM mentions m
JOIN actors a ON a.id = m.actor_id WHERE m.passage_id IN (SELECT id FROM passages WHERE document_id = ?)
AND m.start >= ? AND m.start < ?
UNION ALL
SELECT q.start, q."end", q.passage_id, q.speaker_id, a.name, 'quote' FROM quotes q
JOIN actors a ON a.id = q.speaker_id WHERE q.document_id = ? AND q.start >= ? AND q.start < ?
ORDER BY 1, 2"""
"""Mentions and attributed quotes starting in a stretch of one document (both read by index: mentions by their
passages', schema 9)."""
_STEP = """SELECT m.start, m."end", m.passage_id, m.actor_id, a.name, 'mention' FROM mentions m
JOIN actors a ON a.id = m.actor_id WHERE m.passage_id IN (SELECT id FROM passages WHERE document_id = ?)
AND (? IS NULL OR m.actor_id = ?)"""
"""One document's mentions, of one actor or (NULL) anyone's; a condition and an order follow."""
_STEPS = {1: (" AND m.start > ?", " ORDER BY m.start, m.id LIMIT 1"),
          -1: (" AND m.start < ?", " ORDER BY m.start DESC, m.id DESC LIMIT 1")}
"""The mention after (1) or before (-1) an offset: its condition and order."""
_BY_TEXT = {alias: f" ORDER BY {alias}.document_id, {alias}.start" for alias in "mqce"}
"""Text order for each table alias (mentions, quotes, citations, events)."""


def documents(store: Store) -> tuple[DocumentInfo, ...]:
    """Every ingested document, in the order they were added."""
    return tuple(map(sql.document_info, store.rows(sql.DOCUMENTS + " ORDER BY d.id")))


def document_emphasis(store: Store, document_id: int) -> tuple[Emphasis, ...]:
    """The emphasis (italic, bold) of a Markdown document, read again from its file: () for other formats,
    or a file gone or changed since it was stored."""
    found = store.rows("SELECT source, format, text FROM documents WHERE id = ?", (document_id,))
    if not found or found[0][1] != "markdown" or not found[0][0] or "://" in found[0][0]:
        return ()
    from store.read.markdown_emphasis import file_emphasis  # the Markdown parser loads only when needed

    return file_emphasis(found[0][0], found[0][2])


def kind_counts(store: Store) -> tuple[KindCount, ...]:
    """How many actors of each kind there are (kinds with none left out), in ACTOR_KINDS order."""
    counts = dict(store.rows("SELECT kind, count(*) FROM actors GROUP BY kind"))
    ordered = [kind for kind in ACTOR_KINDS if kind in counts] + sorted(set(counts) - set(ACTOR_KINDS))
    return tuple(KindCount(kind, counts[kind]) for kind in ordered)


def actors(store: Store, kind: str | None = None, limit: int | None = None, offset: int = 0,
           name_filter: str | None = None, order: str | None = None) -> tuple[ActorSummary, ...]:
    """Actors (of one kind, or all; with ``name_filter``, those whose name contains it, ignoring ASCII
    case), sorted by an ACTOR_ORDERS name (most mentioned first, then by name, by default); ``limit``
    and ``offset`` page through them."""
    where, params = _actor_filter(kind, name_filter)
    found = store.rows(sql.ACTORS + where + ordered(ACTOR_ORDERS, order) + " LIMIT ? OFFSET ?",
                       (*params, _cap(limit), offset))
    return tuple(map(sql.actor_summary, found))


def count_actors(store: Store, kind: str | None = None, name_filter: str | None = None) -> int:
    """How many actors ``actors`` would list without a limit."""
    where, params = _actor_filter(kind, name_filter)
    return store.value("SELECT count(*) FROM actors a" + where, params)


def _actor_filter(kind: str | None, name_filter: str | None) -> tuple[str, tuple[str, ...]]:
    """The WHERE clause and parameters for a kind and a name filter."""
    clauses = ["a.kind = ?"] * bool(kind) + ["a.name LIKE ? ESCAPE '\\'"] * bool(name_filter)
    params = (kind,) * bool(kind) + (like_pattern(name_filter or ""),) * bool(name_filter)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _cap(limit: int | None) -> int:
    """A LIMIT value: -1 (no limit) for None."""
    return -1 if limit is None else max(0, limit)


def actor(store: Store, actor_id: int) -> ActorSummary | None:
    """One actor with its counts, or None if there is no such actor."""
    found = store.rows(sql.ACTORS + " WHERE a.id = ?", (actor_id,))
    return sql.actor_summary(found[0]) if found else None


def dossier(store: Store, actor_id: int, limit: int | None = None, spoken_for: bool = True) -> Dossier | None:
    """All the store knows about one actor, or None if there is no such actor. With ``limit`` each
    list holds its first ``limit`` entries and the ``*_total`` fields say how many there are;
    connections and sources then come from the actor's first DOSSIER_PASSAGES passages only. Without
    ``spoken_for`` the quotes of those who speak for it are left out (``with_spoken_for`` adds them)."""
    summary = actor(store, actor_id)
    if summary is None:
        return None
    aliases = store.rows("SELECT alias FROM aliases WHERE actor_id = ? ORDER BY alias", (actor_id,))
    passages = _cap(None if limit is None else DOSSIER_PASSAGES)
    event_total = store.value("SELECT count(*) FROM event_actors WHERE actor_id = ?", (actor_id,))
    connections = _connections(store, actor_id, passages)
    sources = (" WHERE c.outlet_actor_id = ? OR c.passage_id IN (SELECT passage_id FROM mentions "
               "WHERE actor_id = ? ORDER BY document_id, start LIMIT ?)", (actor_id, actor_id, passages))
    return Dossier(
        actor=summary,
        aliases=tuple(row[0] for row in aliases),
        quotes=_quotes(store, " WHERE q.speaker_id = ?", (actor_id,), limit),
        mentions=_mentions(store, " WHERE m.actor_id = ?", (actor_id,), limit),
        connections=connections[:limit],
        events=_events(store, _actor_events(event_total, limit), (actor_id,), limit),
        sources=_citations(store, *sources, limit),
        mention_total=summary.mentions, quote_total=summary.quotes,
        event_total=event_total,
        source_total=store.value("SELECT count(*) FROM citations c" + sources[0], sources[1]),
        connection_total=len(connections),
        **(_affiliated(store, summary, limit) if spoken_for else {}),
    )


def with_spoken_for(store: Store, found: Dossier, limit: int | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> Dossier:
    """A dossier read without ``spoken_for``, with the quotes of those who speak for its actor: they are
    found by reading every quote of the store, seconds for a country in a large one (a part of them once
    ``cancelled()`` says so)."""
    return replace(found, **_affiliated(store, found.actor, limit, cancelled))


def _affiliated(store: Store, summary: ActorSummary, limit: int | None,
                cancelled: Callable[[], bool] = lambda: False) -> dict[str, object]:
    """The quotes of those who speak for an actor that others speak for, with their total."""
    if summary.kind not in AFFILIATED_KINDS:
        return {}
    via = affiliated(store, summary.id, summary.name, cancelled)
    found = _quotes(store, " WHERE q.id IN (SELECT value FROM json_each(?))", (json.dumps(list(via)),), limit)
    return {"affiliated": tuple(AffiliatedQuote(quote, via[quote.id]) for quote in found),
            "affiliated_total": len(via)}


def passage(store: Store, passage_id: int) -> PassageView | None:
    """One passage, or None."""
    found = _passage_views(store, store.rows(sql.PASSAGES + " WHERE p.id = ?", (passage_id,)))
    return found[0] if found else None


def passage_neighbours(store: Store, passage_id: int, radius: int = 1) -> tuple[PassageView, ...]:
    """The passage with up to ``radius`` passages before and after it in its document, in order."""
    found = store.rows(
        sql.PASSAGES + " JOIN passages c ON c.id = ? WHERE p.document_id = c.document_id "
        "AND p.ordinal BETWEEN c.ordinal - ? AND c.ordinal + ? ORDER BY p.ordinal",
        (passage_id, radius, radius))
    return _passage_views(store, found)


def document_passages(store: Store, document_id: int) -> tuple[PassageView, ...]:
    """A document's passages in order (the reader's text; marks are read a stretch at a time)."""
    found = store.rows(sql.PASSAGES + " WHERE p.document_id = ? ORDER BY p.ordinal", (document_id,))
    return _passage_views(store, found)


def _passage_views(store: Store, found: list[sqlite3.Row]) -> tuple[PassageView, ...]:
    """PassageViews of PASSAGES rows (of one document, or in document order), each document's text read once."""
    text = DocumentText(store)
    return tuple(sql.passage_view(row, text(row["document_id"])) for row in found)


def reader_marks(store: Store, document_id: int, start: int, end: int) -> tuple[ReaderMark, ...]:
    """Mentions and attributed quotes starting in [start, end) of a document, in text order."""
    found = store.rows(_MARKS, (document_id, start, end) * 2)
    return tuple(ReaderMark(*row) for row in found)


def step_mark(store: Store, document_id: int, offset: int, step: int, actor_id: int | None = None
              ) -> MarkStep | None:
    """The mention after (step 1) or before (-1) an offset, wrapping round, or nearest to it (0); of
    one actor, or anyone's when ``actor_id`` is None. None when the document has no such mention."""
    if step == 0:
        near = [_mention_at(store, document_id, offset - 1, 1, actor_id),
                _mention_at(store, document_id, offset, -1, actor_id)]
        found = min((m for m in near if m), key=lambda m: abs(m.start - offset), default=None)
    else:
        found = (_mention_at(store, document_id, offset, step, actor_id)
                 or _mention_at(store, document_id, -1 if step > 0 else 1 << 62, step, actor_id))
    if found is None:
        return None
    counted = "SELECT count(*) FROM mentions WHERE document_id = ? AND actor_id = ?"
    ordinal = store.value(counted + " AND start <= ?", (document_id, found.actor_id, found.start))
    return MarkStep(found, ordinal, store.value(counted, (document_id, found.actor_id)))


def _mention_at(store: Store, document_id: int, offset: int, step: int, actor_id: int | None
                ) -> ReaderMark | None:
    """The first mention after (1) or before (-1) an offset, without wrapping round."""
    condition, order = _STEPS[step]
    found = store.rows(_STEP + condition + order, (document_id, actor_id, actor_id, offset))
    return ReaderMark(*found[0]) if found else None


def timeline(store: Store, limit: int | None = None, offset: int = 0, narrowed: EventFilter | None = None
             ) -> tuple[EventView, ...]:
    """Events in date order (ranges by start date, then by where they are written), those ``narrowed``
    allows; ``limit`` and ``offset`` page through them (``count_events`` gives the total)."""
    if narrowed is None:
        return _events(store, "", (), limit, offset)
    return _events(store, EVENT_WHERE, narrowed.params(), limit, offset)


def events_before(store: Store, date: str, narrowed: EventFilter | None = None) -> int:
    """How many events (of those ``narrowed`` allows) the timeline lists before a date: where a jump to
    that date lands."""
    narrowed = narrowed or EventFilter()
    return store.value("SELECT count(*) FROM events e" + EVENT_WHERE + " AND e.date < ?",
                       (*narrowed.params(), date))


def data_version(store: Store) -> int:
    """A number that changes whenever another connection (another process's ingest) commits to the
    store: one integer read, so the explorer can ask it often and reload only when it moves."""
    return int(store.value("PRAGMA data_version"))


def store_state(store: Store) -> tuple[int, int]:
    """The data version and this connection's own writes (corrections): changes when either side writes."""
    return data_version(store), store.writes


def has_documents(store: Store) -> bool:
    """True once anything is ingested; EXISTS reads one row whatever the store's size."""
    return bool(store.value("SELECT EXISTS (SELECT 1 FROM documents)"))


def count_events(store: Store, narrowed: EventFilter | None = None) -> int:
    """How many events the store holds (of those ``narrowed`` allows)."""
    if narrowed is None:
        return store.value("SELECT count(*) FROM events")
    return store.value("SELECT count(*) FROM events e" + EVENT_WHERE, narrowed.params())


def events(store: Store, document_id: int | None = None) -> tuple[EventView, ...]:
    """Events in the order they are written (of one document, or all)."""
    where = " WHERE e.document_id = ?" if document_id is not None else ""
    params = (document_id,) if document_id is not None else ()
    return tuple(map(sql.event_view, store.rows(sql.EVENTS + where + _BY_TEXT["e"], params)))


def quote(store: Store, quote_id: int) -> QuoteView | None:
    """One quote with its speaker and reporting sentence, or None."""
    found = _quotes(store, " WHERE q.id = ?", (quote_id,))
    return found[0] if found else None


def attribution(store: Store, quote_id: int) -> QuoteAttribution | None:
    """How one quote's speaker was chosen (the sieve step and its cue in the reporting sentence), or None."""
    found = store.rows(sql.ATTRIBUTION, (quote_id,))
    return sql.quote_attribution(found[0]) if found else None


def attribution_at(store: Store, document_id: int, start: int, end: int) -> QuoteAttribution | None:
    """The attribution of the innermost quote of a document holding [start, end], or None if none does."""
    quote_id = store.value(sql.QUOTE_AT, (document_id, start, end))
    return None if quote_id is None else attribution(store, quote_id)


def quotes(store: Store, kind: str | None = None) -> tuple[QuoteView, ...]:
    """Quotes in the order they are written (of one kind, or all)."""
    return _quotes(store, " WHERE q.kind = ?" if kind else "", (kind,) if kind else ())


def sources(store: Store, limit: int | None = None, order: str = "citations",
            name_filter: str | None = None) -> Sources:
    """Outlets (told apart ignoring ASCII case) with their citations in text order, sorted by a
    SOURCE_ORDERS name (most cited first by default); citations whose outlet was lost; footnotes. With
    ``limit``, each outlet, the lost-outlet list and the footnotes hold their first ``limit`` (the
    ``total`` fields count them all). With ``name_filter``, only outlets whose name holds it (ignoring
    ASCII case) and the footnotes that do."""
    page = -1 if limit is None else max(1, limit)
    pattern = like_pattern(name_filter.strip()) if name_filter and name_filter.strip() else None
    shown = store.rows(_OUTLET_PAGES, (pattern, pattern, page, page))
    views = {view.id: view for view in _citations(store, " WHERE c.id IN (SELECT value FROM json_each(?))",
                                                  (json.dumps([row[0] for row in shown]),))}
    groups: dict[int, list[CitationView]] = {}
    totals: dict[int, int] = {}
    for citation_id, group, total in shown:
        groups.setdefault(group, []).append(views[citation_id])
        totals[group] = total
    outlets = [OutletSources(cited[0].outlet or "", cited[0].outlet_actor_id, tuple(cited[:limit]), totals[group])
               for group, cited in groups.items()]
    outlets.sort(key=SOURCE_ORDERS[order])
    # A filter names outlets: the citations whose outlet was lost name none.
    lost = " WHERE c.outlet IS NULL AND c.outlet_actor_id IS NULL AND c.footnote IS NULL" + " AND 0" * bool(pattern)
    notes_where = " WHERE ? IS NULL OR text LIKE ? ESCAPE '\\'"
    notes = store.rows("SELECT document_id, number, text, passage_id FROM footnotes" + notes_where
                       + " ORDER BY document_id, number, start LIMIT ?", (pattern, pattern, _cap(limit)))
    return Sources(
        outlets=tuple(outlets),
        unattributed=_citations(store, lost, (), limit),
        footnotes=tuple(FootnoteView(*row) for row in notes),
        unattributed_total=store.value("SELECT count(*) FROM citations c" + lost),
        footnote_total=store.value("SELECT count(*) FROM footnotes" + notes_where, (pattern, pattern)),
    )


def _mentions(store: Store, where: str, params: tuple[object, ...], limit: int | None = None
              ) -> tuple[MentionView, ...]:
    """Mentions matching ``where``, in text order, as keyword-in-context lines."""
    found = store.rows(sql.MENTIONS + where + _BY_TEXT["m"] + " LIMIT ?", (*params, _cap(limit)))
    return _in_context(store, found, sql.mention_view)


def _quotes(store: Store, where: str, params: tuple[object, ...] = (), limit: int | None = None
            ) -> tuple[QuoteView, ...]:
    """Quotes matching ``where``, in text order."""
    found = store.rows(sql.QUOTES + where + _BY_TEXT["q"] + " LIMIT ?", (*params, _cap(limit)))
    return _in_context(store, found, sql.quote_view)


def _citations(store: Store, where: str, params: tuple[object, ...] = (), limit: int | None = None
               ) -> tuple[CitationView, ...]:
    """Citations matching ``where``, in text order."""
    found = store.rows(sql.CITATIONS + where + _BY_TEXT["c"] + " LIMIT ?", (*params, _cap(limit)))
    return _in_context(store, found, sql.citation_view)


def _in_context(store: Store, found: list[sqlite3.Row], view: Callable[[sqlite3.Row, sql.Window], T]
                ) -> tuple[T, ...]:
    """Rows in document order as views, each given the stretch of its passage around it (each document's
    text read once)."""
    text = DocumentText(store)
    return tuple(view(row, sql.passage_window(row, text(row["document_id"]))) for row in found)


def _events(store: Store, where: str, params: tuple[object, ...], limit: int | None = None, offset: int = 0
            ) -> tuple[EventView, ...]:
    """Events matching ``where`` in date order; the page is chosen before each event's actors are read."""
    page = " WHERE e.id IN (SELECT e.id FROM events e" + where + sql.TIMELINE_ORDER + " LIMIT ? OFFSET ?)"
    return tuple(map(sql.event_view, store.rows(sql.EVENTS + page + sql.TIMELINE_ORDER,
                                                (*params, _cap(limit), offset))))


def _actor_events(total: int, limit: int | None) -> str:
    """Where an actor's events are: for a page of a very common actor, walk all events in date order
    (a page comes at once); otherwise read the actor's few events and sort them."""
    if limit is not None and total > WALK_EVENTS:
        return _ACTOR_EVENTS_WALK
    return _ACTOR_EVENTS


def _connections(store: Store, actor_id: int, passages: int) -> tuple[Connection, ...]:
    """Actors named in the same passages as this one (of its first ``passages`` passages in text
    order; -1 for all), most shared passages first."""
    found = store.rows(
        "SELECT a.id, a.name, a.kind, count(DISTINCT m2.passage_id) AS shared "
        # DISTINCT: an actor named thousands of times in one long paragraph joins it once, not each time.
        "FROM (SELECT DISTINCT passage_id FROM (SELECT passage_id FROM mentions WHERE actor_id = ? "
        "ORDER BY document_id, start LIMIT ?)) m1 "
        "JOIN mentions m2 ON m2.passage_id = m1.passage_id AND m2.actor_id != ? "
        "JOIN actors a ON a.id = m2.actor_id GROUP BY a.id ORDER BY shared DESC, a.name",
        (actor_id, passages, actor_id))
    return tuple(Connection(*row) for row in found)

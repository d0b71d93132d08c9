"""Queries the explorer makes, on the made-up wire story: each returns the right frozen views."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from store import queries
from store.db import Store


def test_documents(wire_store: Store) -> None:
    (document,) = queries.documents(wire_store)
    assert document.title == "Ministers Meet in Oslo on Arctic Shipping"
    assert document.passages == 5 and document.path == "wire.txt"
    assert queries.has_documents(wire_store)


def test_kind_counts_follow_actor_kinds_order(wire_store: Store) -> None:
    assert [(c.kind, c.count) for c in queries.kind_counts(wire_store)] == [
        ("person", 2), ("country", 1), ("place", 1), ("outlet", 1)]


def test_actors_by_prominence_then_name(wire_store: Store) -> None:
    listed = queries.actors(wire_store)
    assert [a.name for a in listed] == ["Jane Doe", "Ola Nordmann", "Oslo", "Norway", "Reuters"]
    assert listed[0].quotes == 1 and listed[0].documents == 1
    assert [a.name for a in queries.actors(wire_store, kind="person")] == ["Jane Doe", "Ola Nordmann"]


def test_missing_ids_give_none(wire_store: Store) -> None:
    assert queries.actor(wire_store, 999) is None
    assert queries.dossier(wire_store, 999) is None
    assert queries.passage(wire_store, 999) is None
    assert queries.quote(wire_store, 999) is None
    assert queries.passage_neighbours(wire_store, 999) == ()


def test_dossier_gathers_everything(wire_store: Store) -> None:
    dossier = queries.dossier(wire_store, 1)
    assert dossier is not None
    assert dossier.actor.name == "Jane Doe" and dossier.aliases == ("Doe",)
    (quote,) = dossier.quotes
    assert quote.context == "Doe said: “We stand together on the Arctic.”"
    assert quote.paragraph == 2
    assert [m.text for m in dossier.mentions] == ["Jane Doe", "Doe"]
    assert [c.name for c in dossier.connections] == ["Ola Nordmann", "Oslo", "Reuters"]
    assert [e.date for e in dossier.events] == ["2020-03-02"]
    assert {c.raw for c in dossier.sources} == {"Reuters, March 2", ", March 1"}


def test_mentions_in_context_are_folded_and_bounded(wire_store: Store) -> None:
    mention = queries.dossier(wire_store, 1).mentions[1]
    assert mention.left.endswith("in Oslo on March 2. ") and len(mention.left) <= 60
    assert mention.right.startswith(" said: “We stand") and len(mention.right) <= 60
    assert "\n" not in mention.left + mention.right


def test_outlet_dossier_lists_its_citations(wire_store: Store) -> None:
    reuters = next(a for a in queries.actors(wire_store) if a.name == "Reuters")
    assert [c.raw for c in queries.dossier(wire_store, reuters.id).sources][0] == "Reuters, March 2"


def test_passage_and_neighbours(wire_store: Store) -> None:
    middle = queries.passage(wire_store, 3)
    assert middle is not None and middle.number == 2 and middle.document_title.startswith("Ministers")
    assert [p.ordinal for p in queries.passage_neighbours(wire_store, 3)] == [1, 2, 3]
    assert [p.ordinal for p in queries.passage_neighbours(wire_store, 1, radius=2)] == [0, 1, 2]


def test_timeline_in_date_order_with_actors(wire_store: Store) -> None:
    timeline = queries.timeline(wire_store)
    assert [e.date for e in timeline] == ["2019", "2020-03-02"]
    assert timeline[1].actors == ("Jane Doe", "Ola Nordmann", "Oslo")
    assert [e.date for e in queries.events(wire_store)] == ["2020-03-02", "2019"]


def test_sources_split_outlets_lost_outlets_and_footnotes(wire_store: Store) -> None:
    sources = queries.sources(wire_store)
    assert [(o.outlet, len(o.citations)) for o in sources.outlets] == [("Reuters", 1)]
    assert sources.outlets[0].actor_id is not None
    assert [c.raw for c in sources.unattributed] == [", March 1"]
    assert sources.unattributed[0].excerpt == "Doe said: “We stand together on the Arctic.”"
    assert [f.number for f in sources.footnotes] == [1]


def test_quotes_by_kind_and_one_quote(wire_store: Store) -> None:
    assert [q.text for q in queries.quotes(wire_store, kind="phrase")] == ["useful"]
    assert queries.quote(wire_store, 1).speaker == "Jane Doe"
    assert queries.quote(wire_store, 2).speaker is None


@pytest.mark.parametrize("name", ["documents", "actors", "timeline", "quotes", "events"])
def test_results_are_frozen(wire_store: Store, name: str) -> None:
    first = getattr(queries, name)(wire_store)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.id = 5  # type: ignore[misc]


def test_empty_store_queries(fresh_store: Store) -> None:
    assert queries.documents(fresh_store) == () and queries.actors(fresh_store) == ()
    assert queries.timeline(fresh_store) == () and queries.kind_counts(fresh_store) == ()
    assert queries.sources(fresh_store).outlets == ()
    assert not queries.has_documents(fresh_store)


STORE = Path(__file__).resolve().parents[2] / "store"
SQL_CALLS = {"execute", "executemany", "rows", "value"}
ALLOWED_FORMATTED_SQL = {
    ("schema.py", "_create_all"),  # PRAGMA values are module constants, not user text
    ("schema.py", "migrate"),  # the schema version reached, an int counted from the store's own
    ("db.py", "_prepare"),  # the busy timeout constant
    ("fulltext.py", "ranked_ids"),  # the table name is checked against SEARCHED_INDEXES first
}
"""Where SQL text is formatted; none of these format anything a user typed."""


def _formatted(node: ast.expr) -> bool:
    """True if the expression builds a string by f-string, % or .format()."""
    return any(isinstance(part, ast.JoinedStr)
               or (isinstance(part, ast.BinOp) and isinstance(part.op, ast.Mod))
               or (isinstance(part, ast.Call) and getattr(part.func, "attr", "") == "format")
               for part in ast.walk(node))


def test_no_query_formats_text_into_sql() -> None:
    found = set()
    for path in STORE.glob("*.py"):
        tree = ast.parse(path.read_text())
        for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
                name = getattr(call.func, "attr", "")
                if name in SQL_CALLS and call.args and _formatted(call.args[0]):
                    found.add((path.name, function.name))
    assert found <= ALLOWED_FORMATTED_SQL, found - ALLOWED_FORMATTED_SQL


def test_actors_page_and_filter(wire_store: Store) -> None:
    everyone = [a.name for a in queries.actors(wire_store)]
    assert [a.name for a in queries.actors(wire_store, limit=2, offset=1)] == everyone[1:3]
    assert [a.name for a in queries.actors(wire_store, name_filter="nORD")] == ["Ola Nordmann"]
    assert queries.actors(wire_store, name_filter="%") == ()
    assert queries.count_actors(wire_store) == 5 and queries.count_actors(wire_store, kind="person") == 2


def test_limited_dossier_keeps_totals(wire_store: Store) -> None:
    full = queries.dossier(wire_store, 1)
    cut = queries.dossier(wire_store, 1, limit=1)
    assert cut.mentions == full.mentions[:1] and cut.mention_total == len(full.mentions) == 2
    assert cut.connections == full.connections[:1] and cut.connection_total == 3
    assert cut.source_total == len(full.sources) == 2 and len(cut.sources) == 1
    assert (cut.quote_total, cut.event_total) == (1, 1)


def test_timeline_pages(wire_store: Store) -> None:
    everything = queries.timeline(wire_store)
    assert queries.timeline(wire_store, limit=1, offset=1) == everything[1:2]
    assert queries.count_events(wire_store) == len(everything)


def test_sources_limited_per_outlet_with_totals(wire_store: Store) -> None:
    full, cut = queries.sources(wire_store), queries.sources(wire_store, limit=0)
    assert [o.total for o in cut.outlets] == [len(o.citations) for o in full.outlets]
    assert all(o.citations == () for o in cut.outlets) and cut.footnotes == ()
    assert cut.footnote_total == len(full.footnotes) and cut.unattributed_total == len(full.unattributed)


def test_a_very_common_actors_events_walk_the_timeline(wire_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = queries.dossier(wire_store, 1).events[:1]
    monkeypatch.setattr("store.queries.WALK_EVENTS", 0)
    assert queries.dossier(wire_store, 1, limit=1).events == expected

"""Schema 8, the text stored once: a schema 7 store made by schema 7's code is migrated in place and reads
exactly as it did, and a fresh ingest stores and exports the same text, passages and spans."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from store import export, queries, schema, search
from store.board import pin_at
from store.corrections import detach_mention, set_quote_kind
from store.db import Store

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "stores"
READ = json.loads((FIXTURE / "schema7.json").read_text(encoding="utf-8"))
"""What schema 7's code read from ``schema7.db`` (the fixture corpus, one quote made a phrase, one mention
detached, one passage pinned): its JSON and Markdown exports, searches, passages, dossiers, sources,
quotes, attributions, timeline and reader marks."""
QUERIES = ("coast guard", "drills", "minister said", "budget", "cable", "aramaki")


def _read(store: Store) -> dict[str, object]:
    """What the fixture recorded, read from ``store`` by today's code."""
    documents = queries.documents(store)
    return {"json": export.to_json(store), "markdown": export.to_markdown(store),
            "timeline": repr(queries.timeline(store)),
            "marks": [repr(queries.reader_marks(store, d.id, 0, 10**9)) for d in documents],
            "search": {q: [[h.type, h.id, round(h.score, 6), h.label, list(map(list, h.highlights)), h.start, h.end]
                           for h in search.search(store, q).all] for q in QUERIES},
            "document_passages": [[asdict(p) for p in queries.document_passages(store, d.id)] for d in documents],
            "dossiers": [repr(queries.dossier(store, a.id)) for a in queries.actors(store, limit=15)],
            "sources": repr(queries.sources(store)), "quotes": repr(queries.quotes(store)),
            "attributions": [repr(queries.attribution(store, q.id)) for q in queries.quotes(store)]}


@pytest.fixture
def migrated(tmp_path: Path) -> Path:
    """A copy of the schema 7 store, opened (so migrated) once."""
    path = tmp_path / "schema7.db"
    shutil.copy(FIXTURE / "schema7.db", path)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    Store.open(path).close()
    return path


def test_a_schema_7_store_is_migrated_in_place_and_reads_as_before(migrated: Path) -> None:
    with Store.open(migrated, readonly=True) as store:
        assert store.value("PRAGMA user_version") == schema.SCHEMA_VERSION == 10
        assert "text" not in {row[1] for row in store.rows("PRAGMA table_info(passages)")}
        assert (store.value("SELECT count(*) FROM corrections"), store.value("SELECT count(*) FROM pins")) == (2, 1)
        read = json.loads(json.dumps(_read(store), ensure_ascii=False))
    assert read["json"] == READ["json"]  # the export contract, byte for byte
    assert read == READ


def test_the_migrated_index_holds_every_passage_and_keeps_in_step(migrated: Path) -> None:
    with Store.open(migrated) as store:
        for index in ("passages_fts", "quotes_fts", "events_fts"):
            store.conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
        from store.files import read_article
        from store.ingest import ingest_text

        wire = ROOT / "tests" / "fixtures" / "articles" / "wire-baltic-exercise.txt"
        ingest_text(store, read_article(wire), str(wire))
        ingest_text(store, read_article(wire), str(wire), force=True)  # forgets its passages, indexes them again
        store.conn.execute("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)")
        assert store.value("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'baltic'") > 0


def test_the_migration_gives_the_freed_pages_back(migrated: Path) -> None:
    """... and makes the store give back what later writes free, as a new one does (auto_vacuum 2: incremental)."""
    with closing(sqlite3.connect(migrated)) as conn:
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2


def test_a_fresh_ingest_exports_what_schema_7_exported(tmp_path: Path) -> None:
    """The fixture's steps again with today's code: the same JSON but for when the corrections were made and
    for who said each quote, which the sieve has learnt since (tests/store/test_sieve.py holds those)."""
    from store.files import read_document
    from store.ingest import ingest_article

    with Store.open(tmp_path / "fresh.db") as store:
        for article in sorted((ROOT / "tests" / "fixtures" / "corpus").iterdir()):
            ingest_article(store, replace(read_document(article), source=str(article.relative_to(ROOT))))
        set_quote_kind(store, store.value("SELECT id FROM quotes ORDER BY document_id, start LIMIT 1"), "phrase")
        detach_mention(store, store.value("SELECT max(id) FROM mentions"))
        passage = store.rows("SELECT document_id, start, \"end\", id FROM passages WHERE kind = 'paragraph' "
                             "ORDER BY id LIMIT 1")[0]
        pin_at(store, *passage)
        fresh = json.loads(export.to_json(store))
    assert _storage_only(fresh) == _storage_only(json.loads(READ["json"]))


_ATTRIBUTION_FIELDS = ("speaker_id", "speaker", "kind", "attribution")


def _storage_only(exported: dict) -> dict:
    """An export without when corrections were made and what the sieve decides: who said each quote, its
    kind, and the actors' counts that follow from it; documents, passages, spans and mentions stay whole."""
    quotes = [{k: v for k, v in quote.items() if k not in _ATTRIBUTION_FIELDS} for quote in exported["quotes"]]
    actors = [{k: v for k, v in actor.items() if k != "mentions"} for actor in exported["actors"]]
    corrections = [{k: v for k, v in row.items() if k != "made_at"} for row in exported["corrections"]]
    return {**exported, "quotes": quotes, "actors": actors, "corrections": corrections}

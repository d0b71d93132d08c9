"""What an ingest batch costs the store in statements: the actors' full-text index fed once a batch, an actor
read once when it is matched; with the same store and the same search results as before."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from store import ingest as ingest_module
from store.db import Store
from store.ingest import Document, ingest_batch, text_sha256
from store.model import Actor, Article
from store.read.document import ReadArticle

Build = Callable[..., Article]

PEOPLE = ("Ann Smith", "Bo Lind", "Cy Park", "Di Wong", "Ed Holm")


def batch_of(articles: list[Article]) -> list[Document]:
    """The articles as one batch of documents."""
    return [Document.of(ReadArticle.of_text(article.text, f"{number}.txt"), article, text_sha256(article.text))
            for number, article in enumerate(articles)]


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    """Every statement the store runs inside the block, those its triggers run included ('-- ' first)."""
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        store.conn.set_trace_callback(None)


def renaming_batch(make_article: Build) -> list[Article]:
    """Articles whose actors are added, renamed to a longer name, given titles and folded into another."""
    first = make_article("Talks\n\n" + ", ".join(name.split()[1] for name in PEOPLE) + " and the UN met.",
                         [Actor(name.split()[1], "person") for name in PEOPLE] + [Actor("UN", "organization")])
    second = make_article("More\n\n" + ", ".join(PEOPLE) + " of the United Nations met again.",
                          [Actor(name, "person", "Minister", (name.split()[1],)) for name in PEOPLE]
                          + [Actor("United Nations", "organization", None, ("UN",))])
    return [first, second]


def test_the_actor_index_is_written_once_a_batch_not_once_an_actor(fresh_store: Store, make_article: Build) -> None:
    with statements(fresh_store) as seen:
        ingest_batch(fresh_store, batch_of(renaming_batch(make_article)))
    segments = [sql for sql in seen if "INTO 'main'.'actors_fts_idx'" in sql]
    assert 1 <= len(segments) <= 2


def test_the_actor_index_finds_what_a_rebuilt_one_finds(fresh_store: Store, make_article: Build) -> None:
    ingest_batch(fresh_store, batch_of(renaming_batch(make_article)))
    words = ["smith", "ann", "minister", "un", "united", "nations", "lind", "bo"]
    fed = [fresh_store.rows("SELECT rowid FROM actors_fts WHERE actors_fts MATCH ? ORDER BY rowid", (word,))
           for word in words]
    fresh_store.conn.execute("INSERT INTO actors_fts (actors_fts) VALUES ('rebuild')")
    rebuilt = [fresh_store.rows("SELECT rowid FROM actors_fts WHERE actors_fts MATCH ? ORDER BY rowid", (word,))
               for word in words]
    assert [list(map(tuple, rows)) for rows in fed] == [list(map(tuple, rows)) for rows in rebuilt]
    assert fresh_store.value("SELECT count(*) FROM actors_fts WHERE actors_fts MATCH 'minister'") == len(PEOPLE)


def test_a_failure_before_the_index_is_fed_leaves_the_store_and_its_triggers(
        fresh_store: Store, make_article: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    before = list(fresh_store.conn.iterdump())
    resolve = ingest_module.resolve_actors
    calls = iter([resolve, lambda *_: (_ for _ in ()).throw(RuntimeError("disk on fire"))])
    monkeypatch.setattr(ingest_module, "resolve_actors", lambda *args: next(calls)(*args))
    with pytest.raises(RuntimeError, match="disk on fire"):
        ingest_batch(fresh_store, batch_of(renaming_batch(make_article)))
    assert list(fresh_store.conn.iterdump()) == before


def test_a_matched_actor_is_read_once_not_again_by_id(fresh_store: Store, make_article: Build) -> None:
    articles = renaming_batch(make_article)
    ingest_batch(fresh_store, batch_of(articles[:1]))
    with statements(fresh_store) as seen:
        ingest_batch(fresh_store, batch_of(articles[1:]))
    assert not [sql for sql in seen if sql.startswith("SELECT") and "FROM actors WHERE id =" in sql]


def test_a_batch_links_its_actors_name_words_in_one_statement(fresh_store: Store, make_article: Build) -> None:
    with statements(fresh_store) as seen:
        ingest_batch(fresh_store, batch_of(renaming_batch(make_article)))
    # The trace repeats a statement for each row its trigger fires on: distinct statements are counted.
    linking = {sql for sql in seen
               if sql.startswith(("INSERT OR IGNORE INTO name_words", "INSERT OR IGNORE INTO actor_words"))}
    assert len(linking) == 2
    assert fresh_store.value("SELECT count(*) FROM actor_words") > len(PEOPLE)

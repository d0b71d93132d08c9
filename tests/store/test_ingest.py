"""Ingest: atomic, idempotent by content, actors joined across documents, records on their passages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import MENTIONS_AS_WRITTEN
from store import ingest as ingest_module
from store.db import Store
from store.ingest import Document, ingest_batch, ingest_text, text_sha256
from store.model import Actor, Article, Mention
from store.read.document import ReadArticle
from store.schema import TABLES

Build = Callable[..., Article]
Extract = Callable[[str], Article]


def dump(store: Store) -> list[str]:
    """Every row of every table (FTS shadow tables included), to compare whole stores."""
    return list(store.conn.iterdump())


def counts(store: Store) -> dict[str, int]:
    """Rows per content table."""
    tables = ["documents", "passages", "actors", "aliases", "mentions", "quotes", "events",
              "event_actors", "citations", "footnotes"]
    return {table: store.value(f"SELECT count(*) FROM {table}") for table in tables}


def test_ingest_adds_every_record(wire_store: Store) -> None:
    assert counts(wire_store) == {"documents": 1, "passages": 5, "actors": 5, "aliases": 2,
                                  "mentions": 8, "quotes": 2, "events": 2, "event_actors": 4,
                                  "citations": 3, "footnotes": 1}


def test_offsets_cut_exactly_their_text(wire_store: Store) -> None:
    text = wire_store.value("SELECT text FROM documents")
    for table, column in [("passage_texts", "text"), MENTIONS_AS_WRITTEN, ("quotes", "text"),
                          ("events", "description"), ("citations", "raw"), ("footnotes", "text")]:
        for start, end, cut in wire_store.rows(f'SELECT start, "end", {column} FROM {table}'):
            assert text[start:end] == cut


def test_records_sit_in_the_passage_holding_their_start(wire_store: Store) -> None:
    rows = wire_store.rows('SELECT m.start, p.start, p."end" FROM mentions m JOIN passages p ON p.id = m.passage_id')
    assert all(p_start <= start < p_end for start, p_start, p_end in rows)


def test_same_text_twice_changes_nothing(wire_store: Store, wire_text: str, wire_extract: Extract) -> None:
    before = dump(wire_store)
    result = ingest_text(wire_store, wire_text, "elsewhere/copy.txt", extract=wire_extract)
    assert result.status == "unchanged"
    assert result.document_id == 1
    assert dump(wire_store) == before


def test_a_failure_part_way_leaves_the_store_exactly_as_it_was(
        wire_store: Store, wire_text: str, wire_extract: Extract, monkeypatch: pytest.MonkeyPatch) -> None:
    before = dump(wire_store)

    def broken(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest_module, "_queue_footnotes", broken)
    other = wire_text.replace("Arctic Shipping", "Arctic Fishing")
    with pytest.raises(RuntimeError, match="disk on fire"):
        ingest_text(wire_store, other, "b.txt", extract=wire_extract)
    assert dump(wire_store) == before


def test_a_surname_in_a_later_document_joins_the_known_person(wire_store: Store, make_article: Build) -> None:
    text = "Doe Visits Bergen\n\nDoe arrived in Bergen on Monday."
    article = make_article(text, [Actor("Doe", "person"), Actor("Bergen", "place")])
    ingest_text(wire_store, text, "b.txt", extract=lambda _: article)
    assert wire_store.value("SELECT count(*) FROM actors WHERE name LIKE '%Doe%'") == 1
    assert wire_store.value("SELECT count(DISTINCT document_id) FROM mentions WHERE actor_id = 1") == 2


def test_a_full_name_later_upgrades_a_surname_only_person(fresh_store: Store, make_article: Build) -> None:
    first = make_article("Talks\n\nSmith spoke.", [Actor("Smith", "person")])
    ingest_text(fresh_store, first.text, "a.txt", extract=lambda _: first)
    second = make_article("More\n\nPresident Ann Smith spoke again.",
                           [Actor("Ann Smith", "person", "President", ("Smith",))])
    ingest_text(fresh_store, second.text, "b.txt", extract=lambda _: second)
    assert [tuple(row) for row in fresh_store.rows("SELECT name, title FROM actors")] == [("Ann Smith", "President")]
    assert fresh_store.value("SELECT alias FROM aliases") == "Smith"


def test_an_ambiguous_surname_stays_its_own_actor(fresh_store: Store, make_article: Build) -> None:
    first = make_article("Two Abes\n\nShinzo Abe met Hiroshi Abe.",
                          [Actor("Shinzo Abe", "person"), Actor("Hiroshi Abe", "person")])
    ingest_text(fresh_store, first.text, "a.txt", extract=lambda _: first)
    second = make_article("One Abe\n\nAbe spoke.", [Actor("Abe", "person")])
    ingest_text(fresh_store, second.text, "b.txt", extract=lambda _: second)
    assert fresh_store.value("SELECT count(*) FROM actors") == 3


def test_same_name_different_kind_are_different_actors(fresh_store: Store, make_article: Build) -> None:
    article = make_article("Georgia\n\nGeorgia is far from Georgia.",
                            [Actor("Georgia", "country"), Actor("Georgia", "place")])
    ingest_text(fresh_store, article.text, "a.txt", extract=lambda _: article)
    assert fresh_store.value("SELECT count(*) FROM actors") == 2


def test_acronym_known_as_alias_joins_across_documents(fresh_store: Store, make_article: Build) -> None:
    first = make_article("Force\n\nThe International Security Assistance Force (ISAF) grew.",
                          [Actor("International Security Assistance Force", "organization", None, ("ISAF",))])
    ingest_text(fresh_store, first.text, "a.txt", extract=lambda _: first)
    second = make_article("Again\n\nISAF left.", [Actor("ISAF", "organization")])
    ingest_text(fresh_store, second.text, "b.txt", extract=lambda _: second)
    assert fresh_store.value("SELECT count(*) FROM actors") == 1


def test_titles_merge_without_repeats(fresh_store: Store, make_article: Build) -> None:
    for number, title in enumerate(["NATO Secretary General", "Secretary General", "former Prime Minister"]):
        text = f"Doc {number}\n\nJane Doe spoke {number}."
        article = make_article(text, [Actor("Jane Doe", "person", title)])
        ingest_text(fresh_store, text, f"{number}.txt", extract=lambda _, a=article: a)
    assert fresh_store.value("SELECT title FROM actors") == "NATO Secretary General; former Prime Minister"


def test_actor_words_follow_names_aliases_and_titles(wire_store: Store) -> None:
    found = wire_store.rows("SELECT w.word FROM actor_words aw JOIN name_words w ON w.id = aw.word_id "
                            "WHERE aw.actor_id = 2 ORDER BY w.word")
    assert [row[0] for row in found] == ["minister", "nordmann", "ola", "prime"]


def test_mention_counts_and_vocabulary_add_up_across_documents(fresh_store: Store, make_article: Build) -> None:
    for number in range(2):
        text = f"Doc {number}\n\nJane Doe met Doe again."
        article = make_article(text, [Actor("Jane Doe", "person", None, ("Doe",))])
        ingest_text(fresh_store, text, f"{number}.txt", extract=lambda _, a=article: a)
    assert fresh_store.value("SELECT mentions FROM actors") == 4
    assert fresh_store.value("SELECT docs FROM words WHERE word = 'doe'") == 2
    assert fresh_store.value("SELECT surname FROM actors") == "Doe"


def test_article_without_passages_or_actors_is_one_passage(fresh_store: Store) -> None:
    text = "nothing to see here at all"
    result = ingest_text(fresh_store, text, "a.txt", extract=lambda t: Article(t, "", None, None))
    assert result.status == "added" and result.title == "a"
    assert fresh_store.value("SELECT text FROM passage_texts") == text


def test_unknown_names_in_records_are_dropped_not_fatal(fresh_store: Store, make_article: Build) -> None:
    article = make_article("T\n\nJane Doe said “hi”.", [Actor("Jane Doe", "person")],
                            quotes=[("hi", "Nobody Known", "speech")])
    ghost = Mention("Ghost", article.mentions[0].start, article.mentions[0].end, "Jane Doe")
    article = Article(**{**article.__dict__, "mentions": article.mentions + (ghost,)})
    ingest_text(fresh_store, article.text, "a.txt", extract=lambda _: article)
    assert fresh_store.value("SELECT count(*) FROM mentions") == 1
    assert fresh_store.value("SELECT speaker_id FROM quotes") is None


def test_hyphenated_compounds_are_recorded(wire_store: Store) -> None:
    assert wire_store.value("SELECT words FROM compounds WHERE folded = 'shangrila'") == "shangri la"


def batch_of(texts: list[str], extract: Extract) -> list[Document]:
    """Documents for ``ingest_batch``, extracted with ``extract``."""
    return [Document.of(ReadArticle.of_text(text, f"{number}.txt"), extract(text), text_sha256(text)) for number, text in enumerate(texts)]


def test_a_batch_adds_each_document_in_order_and_knows_repeats(fresh_store: Store, wire_text: str,
                                                               wire_extract: Extract) -> None:
    texts = [wire_text, wire_text.replace("Arctic Shipping", "Arctic Fishing"), wire_text]
    results = ingest_batch(fresh_store, batch_of(texts, wire_extract))
    assert [result.status for result in results] == ["added", "added", "unchanged"]
    assert results[2].document_id == results[0].document_id
    assert counts(fresh_store)["documents"] == 2


def test_a_batch_writes_what_single_ingests_write(fresh_store: Store, wire_text: str, wire_extract: Extract) -> None:
    texts = [wire_text, wire_text.replace("Arctic Shipping", "Arctic Fishing")]
    ingest_batch(fresh_store, batch_of(texts, wire_extract))
    alone = Store.memory()
    for number, text in enumerate(texts):
        ingest_text(alone, text, f"{number}.txt", extract=wire_extract)
    assert content(fresh_store) == content(alone)


KEYS = {"compounds": "folded", "aliases": "actor_id, alias", "event_actors": "event_id, actor_id"}
"""Tables without rowid, by their key."""


def content(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every content table's rows (not when a document was ingested, nor the ids of new words, which
    follow a batch's order) and what the full-text index finds."""
    found = {table: [tuple(row) for row in store.rows(f"SELECT * FROM {table} ORDER BY {KEYS.get(table, 'rowid')}")]
             for table in TABLES if table not in ("documents", "words")}
    found["documents"] = [tuple(row) for row in store.rows("SELECT id, title, path, sha256, text FROM documents")]
    found["words"] = [tuple(row) for row in store.rows("SELECT word, docs FROM words ORDER BY word")]
    found["fts"] = [tuple(row) for row in store.rows("SELECT rowid FROM passages_fts WHERE passages_fts MATCH 'arctic'")]
    return found


def test_a_failure_in_a_batch_leaves_none_of_it(fresh_store: Store, wire_text: str, wire_extract: Extract,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    before = dump(fresh_store)
    texts = [wire_text, wire_text.replace("Arctic Shipping", "Arctic Fishing")]
    monkeypatch.setattr(ingest_module, "index_words", lambda *_: (_ for _ in ()).throw(RuntimeError("disk on fire")))
    with pytest.raises(RuntimeError, match="disk on fire"):
        ingest_batch(fresh_store, batch_of(texts, wire_extract))
    assert dump(fresh_store) == before

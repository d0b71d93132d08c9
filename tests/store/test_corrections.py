"""Corrections: each applies at once, holds after a re-ingest, is stale when its target is gone, and undoes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import WIRE, wire_article
from store import corrections
from store.db import Store, StoreError
from store.ingest import ingest_text
from store.model import Article


def _id(store: Store, sql: str, *params: object) -> int:
    """The one id a query finds."""
    return int(store.value(sql, params))


def _actor(store: Store, name: str) -> int:
    return _id(store, "SELECT id FROM actors WHERE name = ?", name)


def _quote(store: Store, text: str) -> int:
    return _id(store, "SELECT id FROM quotes WHERE text = ?", text)


def _speaker(store: Store, text: str) -> str | None:
    return store.value("SELECT a.name FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_id WHERE q.text = ?",
                       (text,))


def _reingest(store: Store, extract=wire_article) -> None:
    """Extract the wire story again (as ``ingest --force`` does), with this extractor."""
    assert ingest_text(store, WIRE, "wire.txt", extract=extract, force=True).status == "replaced"


def _no_speakers(text: str) -> Article:
    """An extractor 'setting' that attributes nothing."""
    article = wire_article(text)
    return replace(article, quotes=tuple(replace(q, speaker=None) for q in article.quotes))


def test_a_corrected_speaker_holds_after_a_reingest_with_another_extractor(wire_store: Store) -> None:
    quote = _quote(wire_store, "We stand together on the Arctic.")
    corrections.set_speaker(wire_store, quote, _actor(wire_store, "Ola Nordmann"))
    assert _speaker(wire_store, "We stand together on the Arctic.") == "Ola Nordmann"
    _reingest(wire_store, _no_speakers)
    assert _speaker(wire_store, "We stand together on the Arctic.") == "Ola Nordmann"
    assert wire_store.value("SELECT quotes FROM actors WHERE name = 'Ola Nordmann'") == 1
    assert not corrections.corrections(wire_store)[0].stale


def test_a_phrase_given_a_speaker_becomes_speech_and_undo_restores_it(wire_store: Store) -> None:
    quote = _quote(wire_store, "useful")
    corrections.set_speaker(wire_store, quote, _actor(wire_store, "Ola Nordmann"))
    assert wire_store.value("SELECT kind FROM quotes WHERE id = ?", (quote,)) == "speech"
    corrections.undo(wire_store)
    assert wire_store.value("SELECT kind FROM quotes WHERE id = ?", (quote,)) == "phrase"
    assert _speaker(wire_store, "useful") is None
    assert corrections.corrections(wire_store) == ()


def test_a_cleared_speaker_stays_cleared_after_a_reingest_and_undo_gives_it_back(wire_store: Store) -> None:
    said = "We stand together on the Arctic."
    corrections.set_speaker(wire_store, _quote(wire_store, said), None)
    _reingest(wire_store)
    assert _speaker(wire_store, said) is None
    assert wire_store.value("SELECT kind FROM quotes WHERE text = ?", (said,)) == "speech"
    corrections.undo(wire_store)
    assert _speaker(wire_store, said) == "Jane Doe"


def test_quote_kind_drops_the_speaker_unless_speech(wire_store: Store) -> None:
    corrections.set_quote_kind(wire_store, _quote(wire_store, "We stand together on the Arctic."), "title")
    assert _speaker(wire_store, "We stand together on the Arctic.") is None
    assert wire_store.value("SELECT quotes FROM actors WHERE name = 'Jane Doe'") == 0


def test_a_correction_whose_quote_is_gone_is_stale_not_dropped(wire_store: Store) -> None:
    corrections.set_speaker(wire_store, _quote(wire_store, "useful"), _actor(wire_store, "Jane Doe"))
    _reingest(wire_store, lambda text: replace(wire_article(text), quotes=()))
    [correction] = corrections.corrections(wire_store)
    assert correction.stale
    _reingest(wire_store)
    assert not corrections.corrections(wire_store)[0].stale
    assert _speaker(wire_store, "useful") == "Jane Doe"


def test_merge_folds_names_and_rows_and_undo_splits_them_again(wire_store: Store) -> None:
    doe, nordmann = _actor(wire_store, "Jane Doe"), _actor(wire_store, "Ola Nordmann")
    corrections.merge_actors(wire_store, nordmann, doe)
    assert wire_store.value("SELECT mentions FROM actors WHERE id = ?", (doe,)) == 4
    assert wire_store.value("SELECT count(*) FROM actors WHERE name = 'Ola Nordmann'") == 0
    assert "Ola Nordmann" in {r[0] for r in wire_store.rows("SELECT alias FROM aliases WHERE actor_id = ?", (doe,))}
    corrections.undo(wire_store)
    back = _actor(wire_store, "Ola Nordmann")
    assert wire_store.value("SELECT mentions FROM actors WHERE id = ?", (back,)) == 2
    assert wire_store.value("SELECT mentions FROM actors WHERE id = ?", (doe,)) == 2
    assert wire_store.value("SELECT count(*) FROM aliases WHERE actor_id = ? AND alias = 'Ola Nordmann'", (doe,)) == 0
    assert wire_store.value("SELECT count(*) FROM event_actors WHERE actor_id = ?", (back,)) == 1


def test_a_merge_holds_after_a_reingest(wire_store: Store) -> None:
    corrections.merge_actors(wire_store, _actor(wire_store, "Ola Nordmann"), _actor(wire_store, "Jane Doe"))
    _reingest(wire_store)
    assert wire_store.value("SELECT count(*) FROM actors WHERE name = 'Ola Nordmann'") == 0
    assert wire_store.value("SELECT mentions FROM actors WHERE name = 'Jane Doe'") == 4


def test_rename_kind_and_not_an_actor_hold_and_undo(wire_store: Store) -> None:
    corrections.rename_actor(wire_store, _actor(wire_store, "Jane Doe"), "Jane Q. Doe")
    corrections.set_actor_kind(wire_store, _actor(wire_store, "Reuters"), "organization")
    corrections.not_an_actor(wire_store, _actor(wire_store, "Oslo"))
    _reingest(wire_store)
    names = {(r[0], r[1]) for r in wire_store.rows("SELECT name, kind FROM actors")}
    assert {("Jane Q. Doe", "person"), ("Reuters", "organization")} <= names
    assert not any(name == "Oslo" for name, _ in names)
    for _ in range(3):
        corrections.undo(wire_store)
    names = {(r[0], r[1]) for r in wire_store.rows("SELECT name, kind FROM actors")}
    assert {("Jane Doe", "person"), ("Reuters", "outlet"), ("Oslo", "place")} <= names
    assert wire_store.value("SELECT mentions FROM actors WHERE name = 'Oslo'") == 2


def test_detach_takes_one_mention_and_holds(wire_store: Store) -> None:
    mention = _id(wire_store, "SELECT id FROM mentions WHERE text = 'Doe'")
    corrections.detach_mention(wire_store, mention)
    _reingest(wire_store)
    assert wire_store.value("SELECT mentions FROM actors WHERE name = 'Jane Doe'") == 1
    corrections.undo(wire_store)
    assert wire_store.value("SELECT mentions FROM actors WHERE name = 'Jane Doe'") == 2


def test_undo_of_any_correction_by_id(wire_store: Store) -> None:
    first = corrections.rename_actor(wire_store, _actor(wire_store, "Oslo"), "Oslo city")
    corrections.set_actor_kind(wire_store, _actor(wire_store, "Norway"), "place")
    corrections.undo(wire_store, first.id)
    assert [c.action for c in corrections.corrections(wire_store)] == ["actor_kind"]
    assert wire_store.value("SELECT count(*) FROM actors WHERE name = 'Oslo'") == 1


def test_a_read_only_store_says_corrections_cannot_be_saved(tmp_path) -> None:
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        ingest_text(store, WIRE, "wire.txt", extract=wire_article)
    with Store.open(path, readonly=True) as store, pytest.raises(StoreError, match="can't be saved"):
        corrections.rename_actor(store, 1, "x")


def test_after_a_merge_search_finds_both_names_under_one_actor(wire_store: Store) -> None:
    from store.search import search

    doe = _actor(wire_store, "Jane Doe")
    corrections.merge_actors(wire_store, _actor(wire_store, "Ola Nordmann"), doe)
    for name in ("nordmann", "jane doe"):
        assert [hit.id for hit in search(wire_store, name).actors] == [doe], name


def test_why_reads_the_candidates_the_sieve_passed_over(fresh_store: Store) -> None:
    from store import queries

    text = ("Harbour Talks Resume in Valdora\n\n"
            "After a call with Germany's envoy, Minister Clara Oduya said: “The ships can come back.”")
    ingest_text(fresh_store, text, "harbour.txt")
    why = queries.attribution(fresh_store, _quote(fresh_store, "The ships can come back."))
    assert why is not None and why.speaker == "Clara Oduya"
    assert [(c.actor, c.reason.split(":")[0]) for c in why.candidates] == [("Germany", "owner")]
    assert not why.corrected


def test_a_forced_ingest_keeps_the_document_id_and_leaves_the_store_as_a_fresh_ingest_would(wire_store: Store
                                                                                          ) -> None:
    tables = ("documents", "passages", "mentions", "quotes", "events", "event_actors", "citations", "footnotes",
              "actors", "aliases", "words", "passages_fts", "quotes_fts")
    before = {table: wire_store.value(f"SELECT count(*) FROM {table}") for table in tables}
    counts = wire_store.rows("SELECT name, mentions, quotes, documents FROM actors ORDER BY name")
    document = wire_store.value("SELECT id FROM documents")
    _reingest(wire_store)
    assert wire_store.value("SELECT id FROM documents") == document
    assert {table: wire_store.value(f"SELECT count(*) FROM {table}") for table in tables} == before
    assert wire_store.rows("SELECT name, mentions, quotes, documents FROM actors ORDER BY name") == counts
    assert wire_store.value("SELECT sum(docs) FROM words") == before["words"]
    # The passages' index (fed by ingest and forget, not triggers) holds exactly their texts.
    wire_store.conn.execute("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)")


def test_an_actor_target_carries_its_aliases_to_choose_a_canonical_name_from(wire_store: Store) -> None:
    from store.correction_targets import targets

    doe = wire_store.value("SELECT id FROM actors WHERE name = 'Jane Doe'")
    found = targets(wire_store, doe, None).actor
    assert found is not None and found.aliases == ("Doe",)
    corrections.rename_actor(wire_store, doe, "Doe")
    assert targets(wire_store, doe, None).actor == replace(found, name="Doe", aliases=("Jane Doe",))

"""Search hits ranked across kinds by how well they match the words typed."""

from __future__ import annotations

from store.db import Store
from store.ranking import match_quality
from store.search import search


def test_match_quality_forgives_typos_and_unfinished_words() -> None:
    assert match_quality("lighthouse never", "a lighthouse that never switches off") == 100
    assert match_quality("ligthouse", "a lighthouse") > 80
    assert match_quality("light", "a lighthouse") == 100
    assert match_quality("lighthouse never", "Keiko Aramaki person Defense Minister") < 50
    assert match_quality("", "anything") == 0


def test_a_quote_holding_the_words_outranks_weak_actor_hits(corpus_store: Store) -> None:
    results = search(corpus_store, "walking dangerus road")
    assert results.ranked[0] == "quotes"
    assert results.quotes[0].label.startswith("walking down a dangerous road")
    assert all(hit.match < results.quotes[0].match for hit in results.actors)


def test_a_name_keeps_its_actor_first(corpus_store: Store) -> None:
    results = search(corpus_store, "aramaki")
    assert results.ranked[0] == "actors" and results.actors[0].label == "Keiko Aramaki"

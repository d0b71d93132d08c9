"""Search: typo-tolerant actors, ranked full text with highlights, and any string searched safely."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.db import Store
from store.search import search


def test_typo_finds_the_actor(wire_store: Store) -> None:
    results = search(wire_store, "nordman")
    assert results.actors[0].label == "Ola Nordmann"
    assert results.actors[0].highlights == ((4, 12),)


def test_actor_hit_opens_at_first_mention(wire_store: Store) -> None:
    hit = search(wire_store, "jane doe").actors[0]
    text = wire_store.value("SELECT text FROM documents")
    assert text[hit.start:hit.end] == "Jane Doe"
    assert hit.document_id == 1 and hit.passage_id is not None


def test_alias_match_says_so(wire_store: Store) -> None:
    hit = search(wire_store, "nordmann").actors[0]
    assert hit.label == "Ola Nordmann"
    assert "person" in hit.detail and "Prime Minister" in hit.detail


def test_compound_written_together_finds_hyphenated_text(wire_store: Store) -> None:
    results = search(wire_store, "shangrila")
    assert results.events and results.passages
    hit = results.events[0]
    start, end = hit.highlights[0]
    assert hit.label[start:end] == "Shangri-La"


def test_typo_in_a_word_still_finds_passages(wire_store: Store) -> None:
    results = search(wire_store, "arctc")
    assert {hit.type for hit in results.all} >= {"quote", "passage"}


def test_last_word_is_a_prefix(wire_store: Store) -> None:
    hit = search(wire_store, "stand toge").quotes[0]
    assert [hit.label[a:b] for a, b in hit.highlights] == ["stand", "together"]


def test_passage_hit_points_at_the_match(wire_store: Store) -> None:
    hit = search(wire_store, "useful").passages[0]
    text = wire_store.value("SELECT text FROM documents")
    assert text[hit.start:hit.end] == "useful"
    assert "¶3" in hit.detail


def test_quote_detail_is_the_speaker(wire_store: Store) -> None:
    assert search(wire_store, "together").quotes[0].detail == "Jane Doe"


def test_event_detail_is_the_date(wire_store: Store) -> None:
    assert search(wire_store, "joined").events[0].detail == "2019"


def test_limit_applies_per_type(wire_store: Store) -> None:
    results = search(wire_store, "the", limit=1)
    assert all(len(group) <= 1 for group in (results.actors, results.quotes, results.passages, results.events))


def test_nothing_found_is_falsy(wire_store: Store) -> None:
    assert not search(wire_store, "zzzzqqq")


def test_long_passages_are_windowed_round_the_match(fresh_store: Store, make_article) -> None:  # noqa: ANN001
    text = "Long\n\n" + "filler words here. " * 40 + "The needle is here. " + "more filler. " * 40
    article = make_article(text)
    from store.ingest import ingest_text

    ingest_text(fresh_store, text, "a.txt", extract=lambda _: article)
    hit = search(fresh_store, "needle").passages[0]
    assert len(hit.label) < 170 and hit.label.startswith("…")
    assert [hit.label[a:b] for a, b in hit.highlights] == ["needle"]


@pytest.mark.parametrize("query", [
    '"', '""', "'", "*", "NEAR(a b)", "a AND", "OR", "NOT x", "col:value", "^start", "(", ")",
    "'; DROP TABLE actors; --", "x' OR '1'='1", "😀🚀", "\x00\x1b[31m", "a" * 10_000, "", "   ",
    "-", "+", "{a b}", "[1]", "\\", "%", "_",
])
def test_hostile_strings_are_searched_as_text(wire_store: Store, query: str) -> None:
    results = search(wire_store, query)
    assert results.query == query
    assert wire_store.value("SELECT count(*) FROM actors") == 5


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_string_never_raises(wire_store: Store, query: str) -> None:
    results = search(wire_store, query)
    for hit in results.all:
        assert all(0 <= a < b <= len(hit.label) for a, b in hit.highlights)


def test_seed_typos_find_their_people(seed_store: Store) -> None:
    assert search(seed_store, "rasmusen").actors[0].label == "Anders Fogh Rasmussen"
    assert search(seed_store, "kery").actors[0].label == "John Kerry"
    found = search(seed_store, "shangrila")
    assert any("Shangri-La" in hit.label for hit in found.passages + found.events)


def test_diacritics_are_marked_without_folding_the_text(fresh_store: Store, make_article) -> None:  # noqa: ANN001
    from store.ingest import ingest_text

    text = "Visit\n\nThe mayor of Carbóstad and CARBOSTAD's council met."
    ingest_text(fresh_store, text, "a.txt", extract=lambda _: make_article(text))
    hit = search(fresh_store, "carbostad").passages[0]
    assert [hit.label[a:b] for a, b in hit.highlights] == ["Carbóstad", "CARBOSTAD"]


def test_common_words_get_a_first_page_at_once(wire_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("store.fulltext.RANK_DOCUMENTS", 0)
    hits = search(wire_store, "the").passages
    assert hits and {hit.score for hit in hits} == {50.0}


def test_a_common_name_word_lists_the_most_mentioned_actors(wire_store: Store,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("store.actor_match._link_budget", lambda total: 0)
    assert search(wire_store, "jane").actors[0].label == "Jane Doe"


@pytest.mark.parametrize("prefix", ["a", "m", "s", "ch"])
def test_a_prefix_walked_by_mentions_finds_what_reading_every_actor_finds(corpus_store: Store, prefix: str,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    found = []
    for budget in (10**9, 0):  # every actor read; walked by mentions
        monkeypatch.setattr("store.actor_match._link_budget", lambda total, budget=budget: budget)
        with Store.open(corpus_store.path, readonly=True) as store:  # its own memos: the actors found are kept
            found.append(search(store, prefix).actors)
    assert found[0] and found[0] == found[1]


def test_words_of_a_later_ingest_are_found_with_typos(wire_store: Store, make_article) -> None:  # noqa: ANN001
    from store.ingest import ingest_text
    from store.model import Actor

    assert not search(wire_store, "Kowalczyk")
    text = "Later\n\nMinister Anna Kowalczyk spoke about icebreakers."
    article = make_article(text, [Actor("Anna Kowalczyk", "person")])
    ingest_text(wire_store, text, "b.txt", extract=lambda _: article)
    assert search(wire_store, "kowalcyk").actors[0].label == "Anna Kowalczyk"
    assert search(wire_store, "icebreakrs").passages


def _marked_trying_every_position(words: frozenset[str], text: str) -> list[tuple[int, int]]:
    """What marking means: each word, whole, in any case and with any diacritic, asked at every position."""
    from store.fulltext import _letter

    ordered = sorted(words, key=lambda word: (-len(word), word))
    alternatives = "|".join("".join(map(_letter, word)) for word in ordered)
    return [match.span() for match in re.finditer(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", text, re.IGNORECASE)]


@given(words=st.frozensets(st.text(alphabet="aeiknos0", min_size=1, max_size=4), min_size=1, max_size=3),
       text=st.text(alphabet="aeiknosAEIKNOSàéïñöÅÉİıſKẞß0_-’\n ", max_size=40))
def test_marks_are_whole_words_in_any_case_and_with_any_diacritic(words: frozenset[str], text: str) -> None:
    """The marking regex skips characters no word can start with, and finds what asking everywhere finds."""
    from store.fulltext import _pattern

    assert [match.span() for match in _pattern(words).finditer(text)] == _marked_trying_every_position(words, text)


def test_the_words_typed_are_looked_up_together(wire_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compounds and document counts of all the words typed come in one statement each, not one a word."""
    from store.fulltext import build_query

    asked: list[str] = []
    read = wire_store.rows
    monkeypatch.setattr(wire_store, "rows", lambda sql, params=(): asked.append(sql) or read(sql, params))
    assert build_query(wire_store, "Jane Doe stand together in the Arctic")
    assert sum("FROM compounds" in sql for sql in asked) == 1
    assert sum("FROM words WHERE word IN" in sql for sql in asked) == 2  # the words typed; then their phrases


@pytest.mark.parametrize(("query", "budget"), [("jane doe", 10**9), ("jane doe", 0), ("ja", 10**9), ("ja", 0)])
def test_searching_again_reads_no_word_links(wire_store: Store, monkeypatch: pytest.MonkeyPatch,
                                             query: str, budget: int) -> None:
    """The actors a name word links to are read once per store state (as links, walked by mentions, or
    for a prefix): each key typed searches again for the words already typed."""
    monkeypatch.setattr("store.actor_match._link_budget", lambda total: budget)
    asked: list[str] = []
    read = wire_store.rows
    monkeypatch.setattr(wire_store, "rows", lambda sql, params=(): asked.append(sql) or read(sql, params))
    first = search(wire_store, query)
    links_read = sum("actor_words" in sql for sql in asked)
    asked.clear()
    assert search(wire_store, query) == first and first.actors[0].label == "Jane Doe"
    assert links_read and not any("actor_words" in sql for sql in asked)

"""The corpus lists (quotes, documents, sorted actors and sources) and who speaks for an actor, on the
fixture corpus."""

from __future__ import annotations

import threading

import pytest

from store import queries
from store.affiliation import affiliated, names_of
from store.db import Store
from store.texts import DocumentText


def actor_id(store: Store, name: str) -> int:
    """The id of the actor with this name."""
    return next(actor.id for actor in queries.actors(store) if actor.name == name)


def test_actors_sort_by_each_order(corpus_store: Store) -> None:
    by_quotes = queries.actors(corpus_store, order="quotes")
    assert by_quotes[0].name == "Keiko Aramaki" and by_quotes[0].quotes >= by_quotes[1].quotes
    names = [actor.name for actor in queries.actors(corpus_store, order="name")]
    assert names == sorted(names, key=str.casefold)
    documents = [actor.documents for actor in queries.actors(corpus_store, order="documents")]
    assert documents == sorted(documents, reverse=True)
    assert [a.id for a in queries.actors(corpus_store, order="first seen")] == sorted(
        a.id for a in queries.actors(corpus_store))


def test_quotes_filter_by_kind_speaker_and_words(corpus_store: Store) -> None:
    assert queries.count_quotes(corpus_store) == sum(c.count for c in queries.quote_kind_counts(corpus_store))
    assert {q.kind for q in queries.quote_rows(corpus_store, "phrase")} == {"phrase"}
    by_speaker = queries.quote_rows(corpus_store, text="ARAMAKI")
    assert by_speaker and {q.speaker for q in by_speaker} == {"Keiko Aramaki"}
    (lighthouse,) = queries.quote_rows(corpus_store, text="lighthouse")
    assert lighthouse.paragraph == 2 and lighthouse.document_title.startswith("Japan approves")
    assert queries.quote_rows(corpus_store, text="100%_") == ()


def test_quotes_page_and_sort(corpus_store: Store) -> None:
    first, second = (queries.quote_rows(corpus_store, order="most quoted", limit=3, offset=at) for at in (0, 3))
    assert {q.speaker for q in first} == {"Keiko Aramaki"} and not set(first) & set(second)
    speakers = [q.speaker for q in queries.quote_rows(corpus_store, order="speaker") if q.speaker]
    assert speakers == sorted(speakers, key=str.casefold)


def test_documents_with_counts_sorted_and_filtered(corpus_store: Store) -> None:
    rows = queries.document_rows(corpus_store)
    assert len(rows) == 10 and all(row.path.startswith("tests/fixtures/corpus/") for row in rows)
    assert sum(row.quotes for row in rows) == queries.count_quotes(corpus_store)
    by_quotes = queries.document_rows(corpus_store, "quotes")
    assert by_quotes[0].quotes == max(row.quotes for row in rows)
    assert [row.title for row in queries.document_rows(corpus_store, text="budget")] == [
        "Japan approves record defense budget with eye on southwestern islands"]


def test_sources_sorted_by_citations_or_name_and_filtered(corpus_store: Store) -> None:
    totals = [outlet.total for outlet in queries.sources(corpus_store).outlets]
    assert totals == sorted(totals, reverse=True)
    names = [outlet.outlet for outlet in queries.sources(corpus_store, order="name").outlets]
    assert names == sorted(names, key=str.casefold)
    filtered = queries.sources(corpus_store, name_filter="xinh")
    assert [o.outlet for o in filtered.outlets] == ["Xinhua"] and filtered.unattributed == ()


def test_a_country_gathers_the_quotes_of_those_who_speak_for_it(corpus_store: Store) -> None:
    china = queries.dossier(corpus_store, actor_id(corpus_store, "China"))
    via = {spoken.via for spoken in china.affiliated}
    assert "Lin Qiao (Chinese Foreign Ministry spokesperson)" in via
    assert "A Chinese Foreign Ministry spokesperson" in via
    # "Lin Qiao has called every allied patrol “a dangerous provocation,”" is one of them.
    assert china.affiliated_total == len(china.affiliated) == 5
    assert not {spoken.quote.id for spoken in china.affiliated} & {quote.id for quote in china.quotes}


def test_a_clause_before_the_speaker_does_not_make_them_speak_for_it(corpus_store: Store) -> None:
    taiwan = queries.dossier(corpus_store, actor_id(corpus_store, "Taiwan"))
    speakers = {spoken.quote.speaker for spoken in taiwan.affiliated}
    assert "Keiko Aramaki" not in speakers  # "Asked about ... Taiwan, Aramaki replied"
    assert {"Lai Ching-te", "Koo"} <= speakers


def test_who_speaks_for_an_actor_reads_only_documents_that_name_it(corpus_store: Store,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    monkeypatch.setattr(DocumentText, "_read", lambda self, document_id: read.append(
        corpus_store.value("SELECT text FROM documents WHERE id = ?", (document_id,))) or read[-1])
    taiwan = actor_id(corpus_store, "Taiwan")
    assert affiliated(corpus_store, taiwan, "Taiwan")
    documents = corpus_store.value("SELECT count(DISTINCT p.document_id) FROM quotes q "
                                   "JOIN passages p ON p.id = q.passage_id")
    words = names_of(corpus_store, taiwan, "Taiwan")
    assert read and len(read) < documents and all(any(word in text for word in words) for text in read)


def test_finding_who_speaks_for_an_actor_stops_when_cancelled(corpus_store: Store,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    monkeypatch.setattr(DocumentText, "_read", lambda self, document_id: read.append(document_id) or "")
    taiwan = actor_id(corpus_store, "Taiwan")
    assert affiliated(corpus_store, taiwan, "Taiwan", cancelled=lambda: True) == {} and read == []


def test_a_long_read_comes_in_chunks_and_leaves_the_store_free_between_them(corpus_store: Store) -> None:
    chunks = corpus_store.chunks("SELECT id FROM passages ORDER BY id", size=3)
    first = next(chunks)
    counted: list[int] = []  # another thread's query runs between two chunks (the lock is not held)
    other = threading.Thread(target=lambda: counted.append(corpus_store.value("SELECT count(*) FROM passages")))
    other.start()
    other.join(timeout=60)
    assert len(first) == 3 and counted == [len(first) + sum(map(len, chunks))]


def test_a_person_speaks_for_no_one_else(corpus_store: Store) -> None:
    dossier = queries.dossier(corpus_store, actor_id(corpus_store, "Keiko Aramaki"))
    assert dossier.affiliated == () and dossier.affiliated_total == 0


def test_a_filter_line_reads_dates_ranges_actor_and_words() -> None:
    assert queries.event_filter("2024..2025 @Taiwan") == queries.EventFilter((), "Taiwan", "2024", "2025")
    assert queries.event_filter("drills 2024-2025") == queries.EventFilter(("drills",), None, "2024", "2025")
    assert queries.event_filter("2024-05") == queries.EventFilter((), None, "2024-05", "2024-05")
    assert queries.event_filter("..2013 cable") == queries.EventFilter(("cable",), None, None, "2013")
    assert queries.event_filter("@ Lin Qiao ") == queries.EventFilter((), "Lin Qiao", None, None)
    assert queries.event_filter("@China 2024..2025") == queries.EventFilter((), "China", "2024", "2025")


def test_the_timeline_narrowed_by_years_actor_and_words(corpus_store: Store) -> None:
    narrowed = queries.event_filter("2024..2025 @Taiwan")
    events = queries.timeline(corpus_store, narrowed=narrowed)
    assert len(events) == queries.count_events(corpus_store, narrowed) > 0
    assert all("2024" <= e.date[:4] <= "2025" and "Taiwan" in e.actors for e in events)
    worded = queries.timeline(corpus_store, narrowed=queries.event_filter("cable 2025"))
    assert worded and all("cable" in e.description.lower() and e.date.startswith("2025") for e in worded)
    assert queries.timeline(corpus_store, narrowed=queries.event_filter("100%")) == ()


def test_events_before_a_date_is_where_a_jump_lands(corpus_store: Store) -> None:
    everything = queries.timeline(corpus_store)
    before = queries.events_before(corpus_store, "2025")
    assert all(e.date < "2025" for e in everything[:before]) and everything[before].date >= "2025"
    assert queries.events_before(corpus_store, "9999") == len(everything)

"""Actors across documents are the same whatever order the documents are ingested in."""

from __future__ import annotations

from collections.abc import Callable
from itertools import permutations

from store.db import Store
from store.ingest import ingest_text
from store.model import Actor, Article

Build = Callable[..., Article]


def _documents(make_article: Build) -> list[Article]:
    """Two people of one surname in their own documents, and two documents naming only the surname."""
    return [
        make_article("Port talks\n\nMarta Lind opened the port.", [Actor("Marta Lind", "person")]),
        make_article("Rail talks\n\nJonas Lind closed the line. Lind said so.",
                     [Actor("Jonas Lind", "person", None, ("Lind",))]),
        make_article("Lind again\n\nLind spoke on Monday.", [Actor("Lind", "person")]),
        make_article("Quiet day\n\nNothing happened. Lind was away.", [Actor("Lind", "person")]),
    ]


def _actors(store: Store) -> list[tuple[str, int, int]]:
    """Each actor's name, mention count and document count, sorted."""
    return sorted(tuple(row) for row in store.rows("SELECT name, mentions, documents FROM actors"))


def _ingest(articles: list[Article]) -> Store:
    """A memory store holding the articles, in the order given."""
    store = Store.memory()
    for number, article in enumerate(articles):
        ingest_text(store, article.text, f"{number}.txt", extract=lambda _, a=article: a)
    return store


def test_a_bare_surname_of_two_people_is_one_actor_in_every_order(make_article: Build) -> None:
    documents = _documents(make_article)
    expected = [("Jonas Lind", 2, 1), ("Lind", 3, 2), ("Marta Lind", 1, 1)]
    for order in permutations(documents):
        assert _actors(_ingest(list(order))) == expected


def test_a_bare_surname_of_one_person_joins_them_in_either_order(make_article: Build) -> None:
    lone, bare = _documents(make_article)[0], _documents(make_article)[2]
    assert _actors(_ingest([lone, bare])) == _actors(_ingest([bare, lone])) == [("Marta Lind", 3, 2)]


def test_a_title_written_with_a_shared_surname_is_no_longer_name(make_article: Build) -> None:
    # "Chair" is longer than "Lind" but no name: the first article named "Lind" alone.
    documents = [make_article("Harbour\n\nChair Lind opened it. The Chair said so. Lind left.",
                              [Actor("Lind", "person", "Chair", ("Chair",))]),
                 make_article("Port talks\n\nMarta Lind opened the port.", [Actor("Marta Lind", "person")]),
                 make_article("Rail talks\n\nJonas Lind closed the line.", [Actor("Jonas Lind", "person")])]
    for order in permutations(documents):
        assert _actors(_ingest(list(order))) == [("Jonas Lind", 1, 1), ("Lind", 4, 1), ("Marta Lind", 1, 1)]


def test_a_name_with_and_without_its_initial_is_one_person_in_either_order(make_article: Build) -> None:
    documents = [make_article("Budget\n\nPer O. Dahl spoke.", [Actor("Per O. Dahl", "person")]),
                 make_article("Rates\n\nPer Dahl spoke.", [Actor("Per Dahl", "person")])]
    assert _actors(_ingest(documents)) == _actors(_ingest(documents[::-1])) == [("Per O. Dahl", 2, 2)]


def test_people_with_different_initials_stay_apart(make_article: Build) -> None:
    documents = [make_article("A\n\nAnn B. Kerr spoke.", [Actor("Ann B. Kerr", "person")]),
                 make_article("B\n\nAnn C. Kerr spoke.", [Actor("Ann C. Kerr", "person")])]
    assert [name for name, _, _ in _actors(_ingest(documents))] == ["Ann B. Kerr", "Ann C. Kerr"]


def test_a_short_form_known_alone_joins_the_one_name_that_takes_it_later(make_article: Build) -> None:
    full = "Nordic Fisheries Board"
    documents = [make_article("Quotas\n\nThe NFB set quotas.", [Actor("NFB", "organization")]),
                 make_article("Boats\n\nThe Nordic Fisheries Board met.", [Actor(full, "organization")]),
                 make_article("Nets\n\nThe Nordic Fisheries Board (NFB) met. NFB agreed.",
                              [Actor(full, "organization", None, ("NFB",))])]
    for order in permutations(documents):
        store = _ingest(list(order))
        assert _actors(store) == [(full, 5, 3)]
        assert store.value("SELECT count(*) FROM mentions WHERE actor_id NOT IN (SELECT id FROM actors)") == 0

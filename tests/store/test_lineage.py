"""Quote lineage: one statement quoted in three articles is linked, oldest article first; short phrases are not."""

from __future__ import annotations

from collections.abc import Callable

from store.db import Store
from store.ingest import ingest_text
from store.lineage import echo_counts, lineage
from store.model import Actor, Article

STORIES = (
    (2021, "Port Talks Resume\n\nThe admiral said “We will keep the sea lanes open for every nation that trades "
           "in peace.” Others called it “useful”."),
    (2019, "Admiral Speaks\n\nIn a speech the admiral said: “We will keep the sea-lanes open for every nation "
           "that trades in peace!” It was “useful”."),
    (2020, "A Year On\n\nRecalling his words — “we will keep the sea lanes open for every nation that trades in "
           "peace” — analysts were “useful”."),
)
"""Three made-up articles quoting one statement with small differences of case, hyphen and mark."""


def three_stories(store: Store, make_article: Callable[..., Article]) -> None:
    """Ingest the three stories, each with its quotes (the statement and a short phrase)."""
    for year, text in STORIES:
        said = text[text.index("“") + 1:text.index("”")]
        article = make_article(text, (Actor("Admiral Roe", "person"),), quotes=[(said, "Admiral Roe", "speech"),
                                                                                 ("useful", None, "phrase")],
                               year=year)
        ingest_text(store, text, f"story-{year}.txt", extract=lambda _, article=article: article)


def test_one_statement_in_three_documents_is_linked_oldest_first(
        fresh_store: Store, make_article: Callable[..., Article]) -> None:
    three_stories(fresh_store, make_article)
    statements = fresh_store.rows("SELECT id FROM quotes WHERE length(text) > 30 ORDER BY id")
    first = statements[0][0]
    assert echo_counts(fresh_store, [row[0] for row in statements]) == {row[0]: 2 for row in statements}
    assert [echo.year for echo in lineage(fresh_store, first)] == [2019, 2020, 2021]
    phrase = fresh_store.value("SELECT id FROM quotes WHERE text = 'useful' LIMIT 1")
    assert echo_counts(fresh_store, [phrase]) == {} and lineage(fresh_store, phrase) == ()

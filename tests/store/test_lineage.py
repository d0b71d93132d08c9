"""Quote lineage: one statement quoted in three articles is linked, oldest article first; short phrases are not."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from store.db import Store
from store.ingest import ingest_text
from store.lineage import echo_counts, lineage
from store.model import Actor, Article

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "lineage"
"""Three made-up articles (of 2020, 2019 and 2021, read in that order) quoting one statement with small
differences of case, hyphen and mark; the screenshots' Lineage screen reads them too."""


def three_stories(store: Store, make_article: Callable[..., Article]) -> None:
    """Ingest the three stories, each with its quotes (the statement and a short phrase) and its year."""
    for path in sorted(STORIES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        said = text[text.index("“") + 1:text.index("”")]
        year = int(re.search(r"Publication: .*(\d{4})", text).group(1))  # type: ignore[union-attr]
        article = make_article(text, (Actor("Dana Roe", "person"),), quotes=[(said, "Dana Roe", "speech"),
                                                                              ("useful", None, "phrase")],
                               year=year)
        ingest_text(store, text, path.name, extract=lambda _, article=article: article)


def test_one_statement_in_three_documents_is_linked_oldest_first(
        fresh_store: Store, make_article: Callable[..., Article]) -> None:
    three_stories(fresh_store, make_article)
    statements = fresh_store.rows("SELECT id FROM quotes WHERE length(text) > 30 ORDER BY id")
    first = statements[0][0]
    assert echo_counts(fresh_store, [row[0] for row in statements]) == {row[0]: 2 for row in statements}
    assert [echo.year for echo in lineage(fresh_store, first)] == [2019, 2020, 2021]
    phrase = fresh_store.value("SELECT id FROM quotes WHERE text = 'useful' LIMIT 1")
    assert echo_counts(fresh_store, [phrase]) == {} and lineage(fresh_store, phrase) == ()


def test_the_three_stories_are_linked_as_extracted(fresh_store: Store) -> None:
    """The stories as the pipeline reads them (dates from their publication lines) give the same lineage."""
    for path in sorted(STORIES.glob("*.txt")):
        ingest_text(fresh_store, path.read_text(encoding="utf-8"), path.name)
    first = fresh_store.value("SELECT id FROM quotes WHERE length(text) > 30 ORDER BY id LIMIT 1")
    assert [echo.year for echo in lineage(fresh_store, first)] == [2019, 2020, 2021]


def test_documents_of_one_year_are_ordered_by_the_day_their_publication_line_gives(fresh_store: Store) -> None:
    """A June story ingested before a March one of the same year still comes second."""
    said = "“The harbour will stay open to every ship that sails in peace,” Admiral Dana Roe said."
    for day in ("June 9", "March 2"):
        text = f"Harbour Story\n\nPublication: Example Wire, {day}, 2019\n\n{said}\n"
        ingest_text(fresh_store, text, f"{day}.txt")
    first = fresh_store.value("SELECT id FROM quotes ORDER BY id LIMIT 1")
    assert [echo.date for echo in lineage(fresh_store, first)] == ["2019-03-02", "2019-06-09"]

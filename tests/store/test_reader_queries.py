"""The reader's queries: marks a stretch at a time, cursor steps, rows that never carry a whole paragraph."""

from __future__ import annotations

from collections.abc import Callable

from store import queries
from store.db import Store
from store.ingest import ingest_text
from store.model import Actor, Article
from store.rows import AROUND


def test_reader_marks_are_the_mentions_and_attributed_quotes_of_a_stretch(wire_store: Store) -> None:
    """Marks starting in [start, end), in text order; the phrase with no speaker is not one."""
    every = queries.reader_marks(wire_store, 1, 0, 10**9)
    assert [m.start for m in every] == sorted(m.start for m in every)
    assert {m.kind for m in every} == {"mention", "quote"}
    assert all(m.actor_id is not None for m in every)
    some = queries.reader_marks(wire_store, 1, every[2].start, every[4].start)
    assert some == every[2:4]


def test_step_mark_walks_one_actors_mentions_and_wraps_round(wire_store: Store) -> None:
    """Step 1/-1 go to the next/previous mention (round the ends); 0 is the nearest; ordinals count."""
    doe = next(a.id for a in queries.actors(wire_store) if a.name == "Jane Doe")
    first = queries.step_mark(wire_store, 1, -1, 1, doe)
    assert first is not None and (first.ordinal, first.total) == (1, 2)
    second = queries.step_mark(wire_store, 1, first.mark.start, 1, doe)
    assert second is not None and second.ordinal == 2 and second.mark.start > first.mark.start
    assert queries.step_mark(wire_store, 1, second.mark.start, 1, doe) == first
    assert queries.step_mark(wire_store, 1, first.mark.start, -1, doe) == second
    assert queries.step_mark(wire_store, 1, second.mark.start + 1, 0, doe) == second
    anyone = queries.step_mark(wire_store, 1, first.mark.start, 1, None)
    assert anyone is not None and anyone.mark.start > first.mark.start
    assert queries.step_mark(wire_store, 1, 0, 1, 10**6) is None


def test_a_mention_row_carries_its_context_not_its_whole_paragraph(
    fresh_store: Store, make_article: Callable[..., Article]
) -> None:
    """In a paragraph of 64,000 characters a mention's context is still right, read from a window."""
    text = "Title\n\n" + "Jane Doe spoke. " * 4_000 + "\n"
    ingest_text(fresh_store, text, "long.txt", extract=lambda _: make_article(text, [Actor("Jane Doe", "person")]))
    windows = [queries.sql.passage_window(row, text)[0] for row in fresh_store.rows(queries.sql.MENTIONS)]
    assert max(map(len, windows)) <= 2 * AROUND + len("Jane Doe")
    dossier = queries.dossier(fresh_store, 1, limit=1001)
    assert dossier is not None
    mention = dossier.mentions[1000]
    assert mention.left == text[mention.start - 60:mention.start]
    assert mention.right == text[mention.end:mention.end + 60]

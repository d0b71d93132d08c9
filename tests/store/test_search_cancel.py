"""A search that its caller gives up on stops between stages, leaving the later groups empty."""

from __future__ import annotations

from store.db import Store
from store.search import search


def test_cancelled_search_skips_the_remaining_stages(wire_store: Store) -> None:
    """Asked before each stage, a cancel after the actors stage leaves quotes, passages, events empty."""
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1

    full = search(wire_store, "said")
    partial = search(wire_store, "said", cancelled=cancelled)
    assert full.quotes or full.passages
    assert partial.actors == full.actors
    assert (partial.quotes, partial.passages, partial.events) == ((), (), ())
    assert len(asked) == 2


def test_a_search_never_cancelled_is_the_plain_search(wire_store: Store) -> None:
    """Passing a cancel check that never fires changes nothing."""
    assert search(wire_store, "said", cancelled=lambda: False) == search(wire_store, "said")

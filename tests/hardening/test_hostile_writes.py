"""Per-record overheads of extraction and store writes that hostile sizes multiply (issue 9): each test counts
work, never time."""

from __future__ import annotations

import gc
from collections.abc import Iterable

import pytest

from store.extract import pipeline


def test_extraction_starts_no_garbage_collection() -> None:
    """Extracting 3,000 one-word paragraphs starts no cyclic collection (each full one walked every record made so
    far: 15-20% of extracting a MB), and the collector runs again afterwards."""
    started: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        started.extend([info["generation"]] * (phase == "start"))

    gc.callbacks.append(count)
    try:
        article = pipeline.extract_article("Talks\n\n" + "Word.\n\n" * 3000)
    finally:
        gc.callbacks.remove(count)
    assert len(article.passages) == 3001 and started == [] and gc.isenabled()


def test_mentions_without_citations_or_descriptions_are_sorted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """2,000 acronyms and no citation: their mentions are put in order once (they were twice) and none is tested
    against the outlets' spans (each was, twice: 250,000 mentions a MB)."""
    sorted_items: list[int] = []
    tests: list[int] = []

    def counting_sorted(items: Iterable[object], **order: object) -> list[object]:
        items = list(items)
        sorted_items.append(len(items))
        return sorted(items, **order)  # type: ignore[call-overload]

    def counting_within(spans: Iterable[tuple[int, int]]):  # type: ignore[no-untyped-def]
        return lambda start, end: tests.append(start) or False

    monkeypatch.setattr(pipeline, "sorted", counting_sorted, raising=False)
    monkeypatch.setattr(pipeline, "within", counting_within)
    article = pipeline.extract_article("Talks\n\n" + "XQZ WVB " * 1000)
    assert len(article.mentions) == 2000 and sorted_items == [2000] and tests == []
    assert [m.start for m in article.mentions] == sorted(m.start for m in article.mentions)

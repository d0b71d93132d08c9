"""The snapshot store: the seed article with its extraction frozen in seed_article.json.

Snapshots test how the explorer looks, so they must not change whenever extraction improves. The
frozen records are what the pipeline found in the seed; refresh them (then review and update the
snapshots) with `python tests/snapshots/conftest.py`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from store.db import Store
from store.files import read_article
from store.ingest import ingest_text
from store.model import (Actor, Article, Attribution, Candidate, Citation, Considered, Event, Footnote, Mention,
                         Passage, Quote)

HERE = Path(__file__).resolve().parent
SEED = next((HERE.parent.parent / "seeds").glob("*.txt"))
FROZEN = HERE / "seed_article.json"
RECORDS: dict[str, type[Any]] = {
    "passages": Passage,
    "actors": Actor,
    "mentions": Mention,
    "quotes": Quote,
    "events": Event,
    "citations": Citation,
    "footnotes": Footnote,
}
"""Article fields holding records, and each record's class."""


def record(kind: type[Any], row: dict[str, Any]) -> Any:
    """One record from its JSON form (lists back to tuples, a quote's attribution record back to one)."""
    return kind(**{key: field(key, value) for key, value in row.items()})


def field(key: str, value: Any) -> Any:
    """One field of a record from its JSON form."""
    if key == "attribution" and value is not None:
        return Attribution(**{**value, "considered": weighed(value.get("considered"))})
    return tuple(value) if isinstance(value, list) else value


def weighed(value: dict[str, Any] | None) -> Considered | None:
    """What the sieve weighed, from its JSON form (a refreshed freeze keeps it)."""
    if value is None:
        return None
    return Considered(tuple(Candidate(**c) for c in value["candidates"]), tuple(value["passed"]))


def thaw(text: str, frozen: dict[str, Any]) -> Article:
    """The Article saved in frozen, over the seed's text."""
    records = {field: tuple(record(kind, row) for row in frozen[field]) for field, kind in RECORDS.items()}
    head = {key: frozen[key] for key in ("title", "published", "year")}
    return Article(text=text, **head, **records)


@pytest.fixture(scope="session")
def frozen_seed_store() -> Iterator[Store]:
    """A store of the seed article with the frozen extraction; use it read-only."""
    text = read_article(SEED)
    article = thaw(text, json.loads(FROZEN.read_text(encoding="utf-8")))
    with Store.memory() as store:
        ingest_text(store, text, str(SEED), extract=lambda _: article)
        yield store


def refresh() -> None:
    """Freeze what the pipeline finds in the seed now."""
    from store.extract.pipeline import extract_article

    article = asdict(extract_article(read_article(SEED)))
    head = {key: article[key] for key in ("title", "published", "year")}
    parts = [json.dumps(head, ensure_ascii=False)[:-1]]
    for field in RECORDS:
        rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in article[field])
        parts.append(f'"{field}": [\n{rows}\n]')
    # One record a line, so a refresh shows in a diff as the records that changed.
    FROZEN.write_text(",\n".join(parts) + "}\n", encoding="utf-8")


if __name__ == "__main__":
    refresh()

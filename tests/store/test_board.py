"""Evidence and its citation, the evidence board's pins, the brief, and the schema 5 migration."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from conftest import WIRE, as_schema_7, build_article, wire_article
from store import board, schema
from store.brief import brief
from store.db import Store, StoreError
from store.evidence import Evidence, citation, evidence_at, quoted
from store.ingest import ingest_text

SAID = "We stand together on the Arctic."
EVENT = "In 2019, Norway joined the Shangri-La initiative [1]."


def span(part: str) -> tuple[int, int]:
    """Where a part of the WIRE story is."""
    start = WIRE.index(part)
    return start, start + len(part)


def at(store: Store, part: str) -> Evidence:
    """The evidence at a part of the WIRE story (document 1)."""
    found = evidence_at(store, 1, *span(part))
    assert found is not None
    return found


def test_a_quote_is_cited_with_its_speaker_title_year_paragraph_and_file(wire_store: Store) -> None:
    found = at(wire_store, SAID)
    assert (found.kind, found.text, found.speaker, found.paragraph) == ("quote", SAID, "Jane Doe", 2)
    assert citation(found) == ("Jane Doe, quoted in “Ministers Meet in Oslo on Arctic Shipping” (2020), ¶2, "
                               "file wire.txt")
    assert quoted(found).startswith(f"“{SAID}”\n— Jane Doe")


def test_a_page_fetched_from_the_web_is_cited_by_its_url(fresh_store: Store) -> None:
    ingest_text(fresh_store, WIRE, "https://example.org/wire", extract=wire_article)
    found = evidence_at(fresh_store, 1, *span(SAID))
    assert found is not None and citation(found).endswith("¶2, URL https://example.org/wire")


def test_events_citations_words_in_a_quote_and_plain_words(wire_store: Store) -> None:
    assert (at(wire_store, EVENT).kind, at(wire_store, EVENT).date) == ("event", "2019")
    assert at(wire_store, "Reuters, March 2").kind == "citation"
    inside = at(wire_store, "together")
    assert (inside.kind, inside.text) == ("quote", SAID)
    plain = at(wire_store, "replied")
    assert plain.kind == "passage" and plain.text.startswith("Nordmann replied") and plain.paragraph == 3
    assert evidence_at(wire_store, 99, 0, 1) is None


def test_pins_keep_their_order_move_take_notes_and_go(wire_store: Store) -> None:
    for part in (SAID, EVENT, "replied"):
        assert board.pin(wire_store, at(wire_store, part))
    assert not board.pin(wire_store, at(wire_store, SAID)), "pinned twice"
    first, second, third = board.pins(wire_store)
    assert board.move(wire_store, third.id, -1) and not board.move(wire_store, first.id, -1)
    board.annotate(wire_store, second.id, "the year\nmatters")
    board.unpin(wire_store, first.id)
    kinds = [(p.kind, p.note) for p in board.pins(wire_store)]
    assert kinds == [("passage", ""), ("event", "the year matters")]


def test_pins_are_keyed_by_checksum_and_offsets_so_they_outlive_row_ids(wire_store: Store) -> None:
    board.pin(wire_store, at(wire_store, SAID))
    with Store.memory() as other:
        ingest_text(other, "Another Story\n\nNothing here.", "other.txt", extract=build_article)
        ingest_text(other, WIRE, "wire-again.txt", extract=wire_article)
        board.pin(other, at(wire_store, SAID))
        (pinned,) = board.pins(other)
        assert pinned.evidence is not None and pinned.evidence.document_id == 2
        assert (pinned.evidence.text, pinned.evidence.path) == (SAID, "wire-again.txt")


def test_the_brief_quotes_every_pin_exactly_and_cites_it_as_the_store_says(wire_store: Store) -> None:
    parts = [SAID, EVENT, "Reuters, March 2"]
    for part in parts:
        board.pin(wire_store, at(wire_store, part))
    board.annotate(wire_store, board.pins(wire_store)[0].id, "opening line")
    text = brief(wire_store)
    blocks = re.findall(r"^## \d+\. \w+\n\n(?:\*Note:\* .*\n\n)?((?:>.*\n)+)\n— (.*)$", text, re.MULTILINE)
    assert len(blocks) == 3 and "*Note:* opening line" in text
    for (quoted_lines, cited), part in zip(blocks, parts, strict=True):
        expected = at(wire_store, part)
        assert "\n".join(line[2:] for line in quoted_lines.splitlines()) == WIRE[expected.start:expected.end]
        assert cited == citation(expected)


def test_pinning_in_a_read_only_store_says_so(tmp_path: Path) -> None:
    path = tmp_path / "wire.db"
    with Store.open(path) as store:
        ingest_text(store, WIRE, "wire.txt", extract=wire_article)
    with Store.open(path, readonly=True) as store, pytest.raises(StoreError, match="read-only"):
        board.pin(store, at(store, SAID))


def test_a_schema_6_store_gets_an_empty_board_in_place(tmp_path: Path) -> None:
    """A store from before the board (no pins table, version 6) is migrated when opened writable."""
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        ingest_text(store, WIRE, "wire.txt", extract=wire_article)
    as_schema_7(path)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE pins")
        conn.execute("PRAGMA user_version = 6")
    with Store.open(path) as store:
        assert store.value("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert board.pins(store) == () and board.pin(store, at(store, SAID))

"""Exports: the JSON contract key for key, CSV tables, and the Markdown report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from store import export
from store.db import Store

CONTRACT = {
    "documents": ["id", "title", "path", "sha256", "published", "source", "format", "version_of"],
    "actors": ["id", "name", "kind", "aliases", "title", "mentions", "corrected"],
    "passages": ["id", "document_id", "ordinal", "kind", "section", "text", "start", "end", "page"],
    "mentions": ["actor_id", "passage_id", "start", "end", "text"],
    "quotes": ["id", "passage_id", "speaker_id", "speaker", "kind", "text", "start", "end", "document_id",
               "attribution", "corrected"],
    "events": ["id", "date", "end_date", "precision", "description", "passage_id", "actor_ids"],
    "citations": ["id", "passage_id", "outlet", "date", "raw", "start", "end", "footnote"],
    "footnotes": ["document_id", "number", "text"],
}
"""DESIGN.md's JSON export, plus its documented additions ("footnote" on citations, "document_id" and
"attribution" and "corrected" on quotes, "corrected" on actors, "source", "format" and "version_of" on
documents, "page" on passages; "corrections" follows the tables)."""


def test_json_keys_are_exactly_the_contract(wire_store: Store) -> None:
    exported = json.loads(export.to_json(wire_store))
    assert exported["schema"] == 1
    assert list(exported) == ["schema", *CONTRACT, "corrections"]
    for table, keys in CONTRACT.items():
        assert exported[table], table
        assert all(list(row) == keys for row in exported[table]), table


def test_json_values(wire_store: Store) -> None:
    exported = json.loads(export.to_json(wire_store))
    doe = exported["actors"][0]
    assert (doe["name"], doe["aliases"], doe["mentions"]) == ("Jane Doe", ["Doe"], 2)
    speech = next(q for q in exported["quotes"] if q["kind"] == "speech")
    assert (speech["speaker_id"], speech["speaker"]) == (1, "Jane Doe")
    assert exported["events"][0]["actor_ids"] == [1, 2, 4]
    lost = next(c for c in exported["citations"] if c["raw"] == ", March 1")
    assert lost["outlet"] is None and lost["date"] == "2020-03-01"
    assert next(c for c in exported["citations"] if c["raw"] == "[1]")["footnote"] == 1


def test_json_offsets_cut_the_document_text(wire_store: Store, wire_text: str) -> None:
    exported = json.loads(export.to_json(wire_store))
    for table, column in [("passages", "text"), ("mentions", "text"), ("quotes", "text"), ("citations", "raw")]:
        assert all(wire_text[row["start"]:row["end"]] == row[column] for row in exported[table])


def test_empty_store_exports_empty_lists(fresh_store: Store) -> None:
    exported = json.loads(export.to_json(fresh_store))
    assert all(exported[table] == [] for table in CONTRACT)


def test_csv_folder_has_one_file_per_table(wire_store: Store, tmp_path: Path) -> None:
    written = export.write_csv_folder(wire_store, tmp_path / "out")
    assert sorted(path.name for path in written) == sorted(f"{table}.csv" for table in CONTRACT)
    actors = list(csv.DictReader(io.StringIO((tmp_path / "out" / "actors.csv").read_text())))
    assert actors[0]["name"] == "Jane Doe" and actors[0]["aliases"] == "Doe"


def test_csv_of_an_empty_table_still_has_its_header(fresh_store: Store, tmp_path: Path) -> None:
    export.write_csv_folder(fresh_store, tmp_path)
    assert (tmp_path / "quotes.csv").read_text() == ",".join(CONTRACT["quotes"]) + "\n"


def test_markdown_report_sections(wire_store: Store) -> None:
    report = export.to_markdown(wire_store)
    for heading in ["# natoasia-tui report", "## Documents", "### People", "## Quotes", "### Jane Doe",
                    "## Timeline", "## Sources", "### Footnotes"]:
        assert heading in report
    assert report.index("**2019**") < report.index("**2020-03-02**")
    assert "- **Jane Doe**, Foreign Minister (2 mentions)" in report
    assert "*(outlet lost)*" in report
    assert "(`wire.txt`, text)" in report  # each document's source and format


def test_json_marks_corrected_records_and_lists_corrections(wire_store: Store) -> None:
    from store import corrections

    quote = wire_store.value("SELECT id FROM quotes WHERE text = 'useful'")
    corrections.set_speaker(wire_store, quote, wire_store.value("SELECT id FROM actors WHERE name = 'Ola Nordmann'"))
    corrections.rename_actor(wire_store, wire_store.value("SELECT id FROM actors WHERE name = 'Oslo'"), "Oslo city")
    exported = json.loads(export.to_json(wire_store))
    assert [q["text"] for q in exported["quotes"] if q["corrected"]] == ["useful"]
    assert [a["name"] for a in exported["actors"] if a["corrected"]] == ["Oslo city"]
    assert [(c["action"], c["stale"]) for c in exported["corrections"]] == [("speaker", False), ("rename", False)]

"""A Datasette metadata file for a store: what its tables and columns hold, where full-text search is,
and canned queries, so ``datasette store.db -m metadata.json`` shares a store read-only with a team."""

from __future__ import annotations

import json
from typing import Any

from store.schema import FTS_TABLES, TABLES

TABLE_DESCRIPTIONS = {
    "documents": "One article each: its title, where it came from (source: a file's path or a URL), its "
                 "format (text, markdown, html, pdf), and version_of, the first stored version of a revised one.",
    "passages": "The blocks of each document (title, publication line, heading, paragraph, table, footnote) "
                "with their offsets into the document's text and, for PDFs, the page each starts on.",
    "actors": "People, organizations, countries, places, outlets and unnamed groups, across all documents.",
    "aliases": "Other names of an actor (surnames, acronyms, possessives).",
    "mentions": "Where each actor is named: character offsets into the document's text, and the words as "
                "written (empty where they are the actor's name).",
    "quotes": "Spans in quotation marks: speech with its speaker and the rule that chose it, phrases, titles.",
    "events": "Dated statements with ISO dates at their precision (year, month, day, decade).",
    "event_actors": "The actors each event involves.",
    "citations": "Parenthetical sources ('(Reuters, March 2)') and note markers ('[1]').",
    "footnotes": "Numbered notes at the end of a document.",
    "passage_texts": "The passages with their text (a view: the text is stored once, in documents).",
}
COLUMN_DESCRIPTIONS = {
    "start": "Character offset into the document's text where the span begins.",
    "end": "Character offset where the span ends: text[start:end] is exactly the span.",
    "source": "The file's path or the URL the document was read from.",
    "format": "text, markdown, html or pdf.",
    "version_of": "The id of the first stored version of this document, if this is a later one.",
    "page": "The PDF page the passage starts on (empty for other formats).",
    "kind": "What sort of record this is (see the table's description).",
    "speaker_id": "The actor the quote is attributed to (empty when no rule was confident).",
    "rule": "The attribution rule that chose the speaker.",
    "precision": "day, month, year or decade.",
}
HIDDEN = ("compounds", "words", "name_words", "actor_words")
"""Search bookkeeping: no one needs to browse it."""
FTS_COLUMNS = {**FTS_TABLES, "actors": ["name", "title"]}
"""Tables with a full-text index (``<table>_fts``, made as sqlite-utils makes them)."""
QUERIES = {
    "quotes_by_speaker": {
        "title": "Quotes by speaker",
        "description": "Every attributed quote of the speakers whose name contains the text given.",
        "sql": "SELECT a.name AS speaker, q.text AS quote, d.title AS document, q.document_id, q.start, "
               'q."end" FROM quotes q JOIN actors a ON a.id = q.speaker_id JOIN documents d ON d.id = '
               "q.document_id WHERE a.name LIKE '%' || :speaker || '%' ORDER BY a.name, q.document_id, q.start",
    },
    "events_by_year": {
        "title": "Events by year",
        "description": "Dated events of one year (all years when empty), in date order.",
        "sql": "SELECT substr(e.date, 1, 4) AS year, e.date, e.end_date, e.precision, e.description, "
               "d.title AS document FROM events e JOIN documents d ON d.id = e.document_id "
               "WHERE :year = '' OR substr(e.date, 1, 4) = :year ORDER BY e.date, e.id",
    },
}


def metadata(database: str) -> dict[str, Any]:
    """Datasette's metadata for a store served under the name ``database`` (the file's stem)."""
    tables: dict[str, Any] = {name: {"hidden": True} for name in HIDDEN}
    for name, spec in TABLES.items():
        if name in HIDDEN:
            continue
        columns = {column: COLUMN_DESCRIPTIONS[column] for column in spec["columns"] if column in COLUMN_DESCRIPTIONS}
        tables[name] = {"description": TABLE_DESCRIPTIONS.get(name, ""), "columns": columns}
        if name in FTS_COLUMNS:
            tables[name] |= {"fts_table": f"{name}_fts", "fts_pk": "id"}
    tables["passage_texts"] = {"description": TABLE_DESCRIPTIONS["passage_texts"], "fts_table": "passages_fts",
                               "fts_pk": "id"}
    return {"title": "natoasia-tui store", "description": "Actors, quotes, events and sources extracted from "
            "policy-analysis articles by natoasia-tui.",
            "databases": {database: {"tables": tables, "queries": QUERIES}}}


def metadata_json(database: str) -> str:
    """The metadata as the JSON file Datasette reads with ``-m``."""
    return json.dumps(metadata(database), indent=2)

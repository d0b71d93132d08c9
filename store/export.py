"""Exports of a whole store: JSON (the documented contract), CSV tables and a Markdown report."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

from store import queries
from store.corrections import corrections
from store.db import Store
from store.kinds import ACTOR_KINDS
from store.schema import mention_text
from store.texts import DocumentText

SCHEMA = 1
"""The JSON export's schema number (DESIGN.md); bump it when a key changes meaning or goes away."""
_ACTOR_CORRECTED = (
    "EXISTS (SELECT 1 FROM corrections c WHERE c.stale = 0 AND c.action IN ('merge', 'rename', 'actor_kind') "
    "AND (json_extract(c.target, '$.name') = a.name OR json_extract(c.target, '$.name') IN "
    "(SELECT alias FROM aliases WHERE actor_id = a.id) OR (c.action = 'merge' AND json_extract(c.value, '$.name') "
    "= a.name)))")
"""An actor a merge, rename or kind correction still shapes (found by its name or an alias)."""
_QUOTE_CORRECTED = (
    "EXISTS (SELECT 1 FROM corrections c WHERE c.stale = 0 AND c.action IN ('speaker', 'quote_kind') "
    "AND json_extract(c.target, '$.sha256') = d.sha256 AND json_extract(c.target, '$.start') = q.start "
    "AND json_extract(c.target, '$.end') = q.\"end\")")
"""A quote whose speaker or kind a person set (a correction that still applies)."""
_SELECTS = {
    "documents": "SELECT id, title, path, sha256, published, coalesce(source, path) AS source, "
                 "coalesce(format, 'text') AS format, version_of FROM documents ORDER BY id",
    "actors": "SELECT a.id, a.name, a.kind, (SELECT json_group_array(alias) FROM (SELECT alias FROM "
              "aliases WHERE actor_id = a.id ORDER BY alias)) AS aliases, a.title, (SELECT count(*) "
              "FROM mentions WHERE actor_id = a.id) AS mentions, " + _ACTOR_CORRECTED + " AS corrected "
              "FROM actors a ORDER BY a.id",
    "passages": 'SELECT id, document_id, ordinal, kind, section, NULL AS text, start, "end", page FROM passages '
                "ORDER BY document_id, ordinal",
    "mentions": f'SELECT m.actor_id, m.passage_id, m.start, m."end", {mention_text()} AS text FROM mentions m '
                "JOIN actors a ON a.id = m.actor_id ORDER BY m.document_id, m.start, m.id",
    "quotes": 'SELECT q.id, q.passage_id, q.speaker_id, a.name AS speaker, q.kind, q.text, q.start, q."end", '
              "q.document_id, CASE WHEN q.rule IS NULL THEN NULL ELSE json_object('rule', q.rule, 'cue_start', "
              "q.cue_start, 'cue_end', q.cue_end) END AS attribution, " + _QUOTE_CORRECTED + " AS corrected "
              "FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN actors a ON a.id = q.speaker_id "
              "ORDER BY q.document_id, q.start",
    "events": "SELECT e.id, e.date, e.end_date, e.precision, e.description, e.passage_id, (SELECT "
              "json_group_array(actor_id) FROM (SELECT actor_id FROM event_actors WHERE event_id = e.id "
              "ORDER BY actor_id)) AS actor_ids FROM events e ORDER BY e.document_id, e.start",
    "citations": "SELECT c.id, c.passage_id, coalesce(a.name, c.outlet) AS outlet, c.date, c.raw, c.start, "
                 'c."end", c.footnote FROM citations c LEFT JOIN actors a ON a.id = c.outlet_actor_id '
                 "ORDER BY c.document_id, c.start",
    "footnotes": "SELECT document_id, number, text FROM footnotes ORDER BY document_id, number, start",
}
"""One query per exported table; its columns are exactly the contract's keys, in order (a passage's
text is filled in from its document's by ``_records``)."""
_JSON_COLUMNS = {"aliases", "actor_ids", "attribution"}
_KIND_HEADINGS = {"person": "People", "organization": "Organizations", "country": "Countries",
                  "place": "Places", "outlet": "Outlets", "group": "Groups and unnamed sources"}


def records(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every table of the export as lists of plain dicts (list columns decoded), read in one snapshot."""
    tables = {}
    with store.snapshot():  # an ingest meanwhile must not add passages whose document is missing
        for table, select in _SELECTS.items():
            tables[table] = _records(store, table, store.rows(select))
    return tables


FILTER_COLUMNS = frozenset({"id", "actor_id", "document_id", "passage_id"})
"""Columns a part of the export can be chosen by (``part``)."""
Scope = dict[str, tuple[str, list[int]]]
"""Part of the export: for each table, a column and the values it may take ("quotes": ("id", [3, 5]))."""


def part(store: Store, scope: Scope) -> str:
    """The JSON export of only the rows in ``scope`` (what one explorer screen shows), same keys and
    order as the whole export; the tables not in ``scope`` are left out."""
    tables: dict[str, list[dict[str, Any]]] = {}
    with store.snapshot():
        for table, (column, values) in scope.items():
            if column not in FILTER_COLUMNS:
                raise ValueError(f"cannot choose {table} by {column}")
            chosen = "SELECT * FROM (" + _SELECTS[table] + ") WHERE " + column + " IN (SELECT value FROM json_each(?))"
            tables[table] = _records(store, table, store.rows(chosen, (json.dumps(values),)))
    return json.dumps({"schema": SCHEMA, **tables}, ensure_ascii=False, indent=2)


def _records(store: Store, table: str, rows: list[Any]) -> list[dict[str, Any]]:
    """Exported rows as plain dicts; passages (in document order) with their text, each document read once."""
    found = [_record(row) for row in rows]
    if table == "passages":
        text = DocumentText(store)
        for row in found:
            row["text"] = text(row["document_id"])[row["start"]:row["end"]]
    return found


def _record(row: Any) -> dict[str, Any]:
    """One exported row as a plain dict, its list and object columns decoded."""
    return {key: _decoded(row[key]) if key in _JSON_COLUMNS else row[key] for key in row.keys()}


def _decoded(value: str | None) -> Any:
    """A JSON column's value as Python (NULL stays None)."""
    return None if value is None else json.loads(value)


def to_json(store: Store) -> str:
    """The JSON export: one object, ``{"schema": 1, "documents": [...], ..., "corrections": [...]}``; actors and
    quotes a correction shapes carry ``"corrected": true``."""
    tables = records(store)
    for table in ("actors", "quotes"):
        for row in tables[table]:
            row["corrected"] = bool(row["corrected"])
    listed = [{"id": c.id, "made_at": c.made_at, "action": c.action, "summary": c.summary, "target": c.target,
               "value": c.value, "stale": c.stale} for c in reversed(corrections(store))]
    return json.dumps({"schema": SCHEMA, **tables, "corrections": listed}, ensure_ascii=False, indent=2)


def to_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """One table as CSV text with a header row; lists are joined with '; ', objects written as JSON."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def _cell(value: Any) -> Any:
    """A CSV cell: a list joined with '; ', an object as compact JSON, anything else as it is."""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value


def csv_paths(folder: Path) -> list[Path]:
    """The files ``write_csv_folder`` writes into ``folder``."""
    return [folder / f"{table}.csv" for table in _SELECTS]


def write_csv_folder(store: Store, folder: Path) -> list[Path]:
    """Write one CSV file per table into ``folder`` (created if needed); returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = records(store)
    for path, (table, rows) in zip(csv_paths(folder), tables.items(), strict=True):
        write_file(path, to_csv(rows, _columns(store, table)))
    return csv_paths(folder)


def write_file(path: Path, text: str) -> None:
    """Write ``text`` to a new file beside ``path``, then move it into place: a full disk or a failed
    write leaves ``path`` as it was, never empty or cut short."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with part.open("x", encoding="utf-8") as handle:  # created with the usual mode (umask applies)
            handle.write(text)
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def actors_csv(store: Store) -> str:
    """The actors table alone as CSV (what ``export --format csv`` prints without ``-o``)."""
    return to_csv(records(store)["actors"], _columns(store, "actors"))


def _columns(store: Store, table: str) -> list[str]:
    """The column names of one export table, known even when it has no rows."""
    with store.lock:
        return [column[0] for column in store.conn.execute(_SELECTS[table] + " LIMIT 0").description]


def to_markdown(store: Store) -> str:
    """A readable report: documents, actors by kind, quotes by speaker, timeline and sources."""
    with store.snapshot():
        sections = [["# natoasia-tui report"], _documents_md(store), _actors_md(store), _quotes_md(store),
                    _timeline_md(store), _sources_md(store)]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def _documents_md(store: Store) -> list[str]:
    """The documents section."""
    return ["## Documents", ""] + [f"- **{_inline(d.title)}**" + (f" — {d.published}" if d.published else "")
                                   + f" (`{_inline(d.source)}`, {d.format})" for d in queries.documents(store)]


def _inline(text: str) -> str:
    """Text for one Markdown line: a newline in a file name must not start a line of the report."""
    return " ".join(text.splitlines())


def _actors_md(store: Store) -> list[str]:
    """Actors grouped by kind, most mentioned first, with titles."""
    lines = ["## Actors"]
    listed = queries.actors(store)
    for kind in ACTOR_KINDS:
        of_kind = [a for a in listed if a.kind == kind]
        if of_kind:
            lines += ["", f"### {_KIND_HEADINGS[kind]}", ""]
            lines += [f"- **{a.name}**" + (f", {a.title}" if a.title else "") + f" ({_times(a.mentions)})"
                      for a in of_kind]
    return lines


def _times(mentions: int) -> str:
    """'1 mention', '3 mentions'."""
    return f"{mentions} mention" + ("" if mentions == 1 else "s")


def _quotes_md(store: Store) -> list[str]:
    """Speech by speaker (unattributed last)."""
    speech = sorted((q for q in queries.quotes(store, kind="speech")),
                    key=lambda q: (q.speaker is None, q.speaker or ""))
    lines = ["## Quotes"]
    for speaker in dict.fromkeys(q.speaker for q in speech):
        lines += ["", f"### {speaker or 'Unattributed'}", ""]
        lines += [f"> “{q.text}”\n" for q in speech if q.speaker == speaker]
    return lines


def _timeline_md(store: Store) -> list[str]:
    """Events in date order."""
    return ["## Timeline", ""] + [f"- **{e.date}" + (f" to {e.end_date}" if e.end_date else "")
                                  + f"** — {e.description}" for e in queries.timeline(store)]


def _sources_md(store: Store) -> list[str]:
    """Outlets with their citations, then citations whose outlet was lost, then footnotes."""
    sources = queries.sources(store)
    lines = ["## Sources", ""]
    lines += [f"- **{o.outlet}**: " + "; ".join(c.date or c.raw for c in o.citations) for o in sources.outlets]
    lines += [f"- *(outlet lost)* `({c.raw})` — {c.excerpt}" for c in sources.unattributed]
    if sources.footnotes:
        lines += ["", "### Footnotes", ""] + [f"{f.number}. {f.text}" for f in sources.footnotes]
    return lines

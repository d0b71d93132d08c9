"""Evidence: a quote, event, citation or passage of a document with everything needed to cite it."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, replace

from store.db import Store

EVIDENCE_KINDS = ("quote", "event", "citation", "passage")
"""What a span of text can be cited as, in the order a span is tried against them."""
_DOCUMENT = "SELECT id, sha256, title, path, published, year FROM documents"
_BY_ID = _DOCUMENT + " WHERE id = ?"
_BY_SHA = _DOCUMENT + " WHERE sha256 = ?"
_EXACT = {
    "quote": 'SELECT q.start, q."end", a.name, NULL FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_id '
             'WHERE q.document_id = ? AND q.start = ? AND q."end" = ?',
    "event": 'SELECT start, "end", NULL, date || coalesce(\' to \' || end_date, \'\') FROM events '
             'WHERE document_id = ? AND start = ? AND "end" = ?',
    "citation": 'SELECT c.start, c."end", NULL, c.date FROM citations c '
                'WHERE c.document_id = ? AND c.start = ? AND c."end" = ?',
}
"""A record of each kind at exactly a span: its span, its speaker and its date (if it has them)."""
_QUOTE_HOLDING = ('SELECT q.start, q."end", a.name, NULL FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_id '
                  'WHERE q.document_id = ? AND q.start <= ? AND q."end" >= ? ORDER BY q."end" - q.start LIMIT 1')
_PASSAGE = 'SELECT id, kind, section, number, start, "end" FROM passages'
_PASSAGE_BY_ID = _PASSAGE + " WHERE id = ? AND document_id = ?"
_PASSAGE_HOLDING = _PASSAGE + ' WHERE document_id = ? AND start <= ? AND "end" >= ? ORDER BY "end" - start LIMIT 1'
_LABEL = re.compile(r"^\s*(?:publication|published|date)\s*:\s*", re.IGNORECASE)
"""The label of a publication line ("Publication: China Brief…"), left out of a citation."""
Found = tuple[int, int, str | None, str | None]
"""A record at a span: its start, end, speaker and date."""
_TEXT = "SELECT substr(text, ? + 1, ? - ?) FROM documents WHERE id = ?"


@dataclass(frozen=True)
class Evidence:
    """A span of a document to quote and cite: what it is, who said it, where it is."""

    kind: str
    """'quote', 'event', 'citation' or 'passage'."""
    document_id: int
    sha256: str
    title: str
    path: str
    published: str | None
    year: int | None
    passage_id: int
    section: str
    paragraph: int | None
    """The paragraph number (¶), None for a title, heading or footnote."""
    start: int
    end: int
    text: str
    """The document's text from start to end, exactly as stored."""
    speaker: str | None = None
    date: str | None = None
    """An event's date (or range) or a citation's date."""


def evidence_at(store: Store, document_id: int, start: int, end: int, passage_id: int | None = None
                ) -> Evidence | None:
    """What the span [start, end] of a document is best cited as: the quote, event or citation exactly
    there, else the innermost quote holding it, else the passage holding it (None if none does). With
    ``passage_id``, a span outside that passage (a footnote's place) stands for the whole passage."""
    with store.snapshot():
        document = store.rows(_BY_ID, (document_id,))
        passage = store.rows(_PASSAGE_BY_ID, (passage_id, document_id))
        if not document or (passage and not passage[0]["start"] <= start <= end <= passage[0]["end"]):
            return _passage_evidence(store, document, passage)
        kind, found = _record_at(store, document_id, start, end)
        spot = (found[0], found[1]) if found else (start, end)
        passage = store.rows(_PASSAGE_HOLDING, (document_id, *spot))
        if not passage:
            return None
        if found is None:
            return _passage_evidence(store, document, passage)
        text = store.value(_TEXT, (spot[0], spot[1], spot[0], document_id))
        return _evidence(document[0], passage[0], kind, spot, text, found)


def _passage_evidence(store: Store, document: list[sqlite3.Row], passage: list[sqlite3.Row]) -> Evidence | None:
    """A whole passage as evidence (None without a document and a passage)."""
    if not document or not passage:
        return None
    spot = (passage[0]["start"], passage[0]["end"])
    text = store.value(_TEXT, (spot[0], spot[1], spot[0], document[0]["id"]))
    return _evidence(document[0], passage[0], "passage", spot, text, None)


def evidence_in(store: Store, sha256: str, kind: str, start: int, end: int) -> Evidence | None:
    """The evidence a pin (document checksum, kind, offsets) points at now, or None if that document
    is gone; the kind is kept as pinned even when the record no longer stands there."""
    document = store.rows(_BY_SHA, (sha256,))
    if not document:
        return None
    found = evidence_at(store, document[0]["id"], start, end)
    return None if found is None else _as_pinned(found, kind, start, end, store)


def _as_pinned(found: Evidence, kind: str, start: int, end: int, store: Store) -> Evidence:
    """Evidence over exactly the pinned offsets (a passage pin whose passage was cut differently)."""
    if (found.kind, found.start, found.end) == (kind, start, end):
        return found
    text = store.value(_TEXT, (start, end, start, found.document_id)) or ""
    return replace(found, kind=kind, start=start, end=end, text=text)


def _record_at(store: Store, document_id: int, start: int, end: int) -> tuple[str, Found | None]:
    """The kind and (start, end, speaker, date) of the record exactly at a span, else of the innermost
    quote holding it; ("passage", None) when there is neither."""
    for kind, select in _EXACT.items():
        row = store.rows(select, (document_id, start, end))
        if row:
            return kind, (row[0][0], row[0][1], row[0][2], row[0][3])
    row = store.rows(_QUOTE_HOLDING, (document_id, start, end))
    return ("quote", (row[0][0], row[0][1], row[0][2], None)) if row else ("passage", None)


def _evidence(document: sqlite3.Row, passage: sqlite3.Row, kind: str, spot: tuple[int, int], text: str,
              found: Found | None) -> Evidence:
    """Evidence from a document row, a passage row and the record found (if any)."""
    paragraph = passage["number"] if passage["kind"] == "paragraph" else None
    return Evidence(
        kind=kind, document_id=document["id"], sha256=document["sha256"], title=document["title"],
        path=document["path"], published=document["published"], year=document["year"],
        passage_id=passage["id"], section=passage["section"] or "", paragraph=paragraph, start=spot[0], end=spot[1], text=text or "",
        speaker=found[2] if found else None, date=found[3] if found else None,
    )


def citation(evidence: Evidence) -> str:
    """The full citation of a piece of evidence, on one line: who, what document, when, where, which file.

    "Anders Fogh Rasmussen, quoted in “NATO and Its Limits” (China Brief, 2013), section “Partners”, ¶7,
    file seeds/nato.txt" (or "URL https://…" for a page fetched from the web)."""
    who = {"quote": f"{evidence.speaker or 'unattributed'}, quoted in "}.get(evidence.kind, "")
    when = _when(evidence)
    parts = [f"{who}“{_line(evidence.title)}”" + (f" ({_line(when)})" if when else "")]
    if evidence.date:
        parts.append(f"dated {evidence.date}")
    if evidence.section:
        parts.append(f"section “{_line(evidence.section)}”")
    if evidence.paragraph is not None:
        parts.append(f"¶{evidence.paragraph}")
    parts.append(f"{_place_word(evidence.path)} {_line(evidence.path)}")
    return ", ".join(parts)


def _place_word(path: str) -> str:
    """What a document's stored path is: the URL it was fetched from (ingest stores a page under it), or a file."""
    # Imported here: the web reader brings urllib.request, which the explorer does not need to start.
    from store.read.web import is_url

    return "URL" if is_url(path) else "file"


def quoted(evidence: Evidence) -> str:
    """The evidence's text in quotation marks, then its citation: what `y` copies."""
    return f"“{evidence.text}”\n— {citation(evidence)}"


def _when(evidence: Evidence) -> str:
    """The document's publication line, with its year when the line does not already say it."""
    published = _LABEL.sub("", evidence.published or "")
    parts = [published] if published else []
    if evidence.year and str(evidence.year) not in published:
        parts.append(str(evidence.year))
    return ", ".join(parts)


def _line(text: str) -> str:
    """Text for one line of a citation: line breaks in a title or file name become spaces."""
    return " ".join(text.split())

"""SQL for the query views and the row-to-dataclass builders (keyword in context, reporting sentences)."""

from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache

from store.views import (ActorSummary, CitationView, DocumentInfo, EventView, MentionView,
                         PassageView, QuoteView)

CONTEXT_CHARS = 60
EXCERPT_CHARS = 100
_SPACE = re.compile(r"\s+")

ACTORS = "SELECT a.id, a.name, a.kind, a.title, a.mentions, a.quotes, a.documents FROM actors a"
"""Counts are kept on the actor by ingest, so listing a page of actors reads only that page."""
ACTOR_ORDER = " ORDER BY mentions DESC, a.name, a.id"
DOCUMENTS = "SELECT d.id, d.title, d.path, d.sha256, d.published, d.passages FROM documents d"
PASSAGES = """
SELECT p.id, p.document_id, d.title AS document_title, p.ordinal, p.kind, p.section, p.number,
  p.text, p.start, p."end"
FROM passages p JOIN documents d ON d.id = p.document_id"""
AROUND = 2000
"""Characters of its passage read either side of a mention, quote or citation: enough for its context
and reporting sentence, and a row never carries a whole (possibly megabyte) paragraph."""
_IN_PASSAGE = """substr(p.text, max(1, {alias}.start - p.start + 1 - %(around)d),
    {alias}."end" - {alias}.start + 2 * %(around)d) AS p_text,
  p.start + max(0, {alias}.start - p.start - %(around)d) AS p_start,
  p.section, p.kind AS p_kind, p.number AS p_number
FROM {table} JOIN passages p ON p.id = {alias}.passage_id""" % {"around": AROUND}
MENTIONS = """
SELECT m.actor_id, a.name AS actor_name, a.kind AS actor_kind, m.passage_id, m.document_id,
  m.start, m."end", m.text, """ + _IN_PASSAGE.format(table="mentions m", alias="m") + """
JOIN actors a ON a.id = m.actor_id"""
QUOTES = """
SELECT q.id, q.passage_id, q.document_id, q.speaker_id, a.name AS speaker, q.kind, q.text,
  q.start, q."end", """ + _IN_PASSAGE.format(table="quotes q", alias="q") + """
LEFT JOIN actors a ON a.id = q.speaker_id"""
CITATIONS = """
SELECT c.id, c.passage_id, c.document_id, coalesce(a.name, c.outlet) AS outlet, c.outlet_actor_id,
  c.date, c.raw, c.start, c."end", c.footnote, """ + _IN_PASSAGE.format(table="citations c", alias="c") + """
LEFT JOIN actors a ON a.id = c.outlet_actor_id"""
EVENTS = """
SELECT e.id, e.date, e.end_date, e.precision, e.date_text, e.description, e.passage_id,
  e.document_id, e.start, e."end",
  (SELECT json_group_array(name) FROM (SELECT a.name FROM event_actors ea
     JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = e.id ORDER BY a.name)) AS actors
FROM events e"""
TIMELINE_ORDER = " ORDER BY e.date, coalesce(e.end_date, e.date), e.document_id, e.start"


def fold_space(text: str) -> str:
    """Runs of whitespace (newlines included) as single spaces."""
    return _SPACE.sub(" ", text)


def _paragraph(row: sqlite3.Row) -> int | None:
    """The paragraph number of the row's passage, if it is a paragraph."""
    return row["p_number"] if row["p_kind"] == "paragraph" else None


def actor_summary(row: sqlite3.Row) -> ActorSummary:
    """An ActorSummary from an ACTORS row."""
    return ActorSummary(*row)


def document_info(row: sqlite3.Row) -> DocumentInfo:
    """A DocumentInfo from a DOCUMENTS row."""
    return DocumentInfo(*row)


def passage_view(row: sqlite3.Row) -> PassageView:
    """A PassageView from a PASSAGES row."""
    return PassageView(*row)


def mention_view(row: sqlite3.Row) -> MentionView:
    """A MentionView from a MENTIONS row, with ~60 characters of folded context either side."""
    local = row["start"] - row["p_start"]
    text = row["p_text"]
    left = fold_space(text[max(0, local - 2 * CONTEXT_CHARS):local])[-CONTEXT_CHARS:]
    right_from = local + row["end"] - row["start"]
    right = fold_space(text[right_from:right_from + 2 * CONTEXT_CHARS])[:CONTEXT_CHARS]
    return MentionView(*row[:8], left=left, right=right, section=row["section"],
                       paragraph=_paragraph(row))


def quote_view(row: sqlite3.Row) -> QuoteView:
    """A QuoteView from a QUOTES row, with the sentence(s) that report the quote."""
    local = row["start"] - row["p_start"]
    context = _sentences_around(row["p_text"], local, local + row["end"] - row["start"])
    return QuoteView(*row[:9], context=fold_space(context), section=row["section"],
                     paragraph=_paragraph(row))


def citation_view(row: sqlite3.Row) -> CitationView:
    """A CitationView from a CITATIONS row; the excerpt is what the citation backs, shortened."""
    local = row["start"] - row["p_start"]
    lead = _cited_text(row["p_text"], local)
    excerpt = lead if len(lead) <= EXCERPT_CHARS else "…" + lead[-EXCERPT_CHARS:].lstrip()
    return CitationView(*row[:10], excerpt=excerpt)


def _cited_text(text: str, offset: int) -> str:
    """The sentence before a citation up to its bracket (a bracket can stand alone as a 'sentence')."""
    bracket = text.rfind("(", 0, offset)
    end = bracket if bracket >= 0 and ")" not in text[bracket:offset] else offset
    starts = [start for start, _ in _sentence_spans(text) if start < end - 1]
    start = starts[-1] if starts else 0
    return fold_space(text[start:end]).strip(" ;,")


def event_view(row: sqlite3.Row) -> EventView:
    """An EventView from an EVENTS row."""
    return EventView(*row[:10], actors=tuple(json.loads(row["actors"])))


def _sentences_around(text: str, start: int, end: int) -> str:
    """The sentences of ``text`` that overlap [start-1, end+1] (the quotation marks included)."""
    spans = [span for span in _sentence_spans(text) if span[0] <= end + 1 and span[1] >= start - 1]
    if not spans:
        return text
    return text[spans[0][0]:spans[-1][1]]


@lru_cache(maxsize=512)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of one passage, cached: a dossier asks for the same passage many times."""
    from store.extract.sentences import split_sentences  # its rules load data files: not at start-up

    return tuple(split_sentences(text))

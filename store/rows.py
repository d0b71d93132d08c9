"""SQL for the query views and the row-to-dataclass builders (keyword in context, reporting sentences)."""

from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache

from store.considered_record import decoded
from store.schema import mention_text
from store.views import (ActorSummary, CitationView, DocumentInfo, EventView, MentionView,
                         PassageView, QuoteAttribution, QuoteView)

CONTEXT_CHARS = 60
EXCERPT_CHARS = 100
_SPACE = re.compile(r"\s+")

ACTORS = "SELECT a.id, a.name, a.kind, a.title, a.mentions, a.quotes, a.documents FROM actors a"
"""Counts are kept on the actor by ingest, so listing a page of actors reads only that page."""
DOCUMENTS = ("SELECT d.id, d.title, d.path, d.sha256, d.published, d.passages, coalesce(d.source, d.path), "
             "coalesce(d.format, 'text'), d.version_of, d.ingested_at FROM documents d")
PASSAGES = """
SELECT p.id, p.document_id, d.title AS document_title, p.ordinal, p.kind, p.section, p.number,
  p.start, p."end", p.page
FROM passages p JOIN documents d ON d.id = p.document_id"""
"""A passage's text is its document's text[start:end] (``passage_view`` is given the document's text)."""
AROUND = 2000
"""Characters of its passage read either side of a mention, quote or citation: enough for its context
and reporting sentence, and a row never carries a whole (possibly megabyte) paragraph."""
_IN_PASSAGE = """p.start AS p_start, p."end" AS p_end, p.section, p.kind AS p_kind, p.number AS p_number
FROM {table} JOIN passages p ON p.id = {alias}.passage_id"""
"""The passage of a mention, quote or citation: its bounds (``passage_window`` reads the text) and place."""
MENTIONS = """
SELECT m.actor_id, a.name AS actor_name, a.kind AS actor_kind, m.passage_id, m.document_id,
  m.start, m."end", """ + mention_text() + """ AS text, """ + _IN_PASSAGE.format(table="mentions m", alias="m") + """
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
ATTRIBUTION = """
SELECT q.id, q.document_id, q.kind, q.text, q.speaker_id, a.name AS speaker, q."rule",
  q.cue_start, q.cue_end, q.start, q."end",
  substr(d.text, max(1, q.start + 1 - %(around)d), q."end" - q.start + 2 * %(around)d) AS q_text,
  max(0, q.start - %(around)d) AS q_from,
  substr(d.text, max(1, coalesce(q.cue_start, 0) + 1 - %(around)d),
    coalesce(q.cue_end - q.cue_start, 0) + 2 * %(around)d) AS c_text,
  max(0, coalesce(q.cue_start, 0) - %(around)d) AS c_from, q.considered,
  EXISTS (SELECT 1 FROM corrections c WHERE c.action IN ('speaker', 'quote_kind') AND c.stale = 0
    AND json_extract(c.target, '$.sha256') = d.sha256 AND json_extract(c.target, '$.start') = q.start
    AND json_extract(c.target, '$.end') = q."end") AS corrected
FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN actors a ON a.id = q.speaker_id
WHERE q.id = ?""" % {"around": AROUND}
"""A quote, its speaker and record, and the document's text around the quote and around its cue (read
apart: the cue of a split quote can be a long quote away)."""
QUOTE_AT = """SELECT id FROM quotes WHERE document_id = ? AND start <= ? AND "end" >= ?
ORDER BY "end" - start LIMIT 1"""
"""The innermost quote of a document holding a span."""
ELIDE_CHARS = 300
"""Longer stretches of a reporting sentence keep their ends around a "…"."""
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


def passage_view(row: sqlite3.Row, text: str) -> PassageView:
    """A PassageView from a PASSAGES row and its document's text."""
    return PassageView(*row[:7], text=text[row["start"]:row["end"]], start=row["start"], end=row["end"],
                       page=row["page"])


Window = tuple[str, int]
"""A stretch of a document's text and the offset it starts at."""


def passage_window(row: sqlite3.Row, text: str) -> Window:
    """The stretch of a record's passage read around it (AROUND characters either side, within the
    passage) out of its document's ``text``: enough for its context and reporting sentence."""
    start = row["p_start"] + max(0, row["start"] - row["p_start"] - AROUND)
    return text[start:min(row["p_end"], start + row["end"] - row["start"] + 2 * AROUND)], start


def mention_view(row: sqlite3.Row, window: Window) -> MentionView:
    """A MentionView from a MENTIONS row, with ~60 characters of folded context either side."""
    text, base = window
    local = row["start"] - base
    left = fold_space(text[max(0, local - 2 * CONTEXT_CHARS):local])[-CONTEXT_CHARS:]
    right_from = local + row["end"] - row["start"]
    right = fold_space(text[right_from:right_from + 2 * CONTEXT_CHARS])[:CONTEXT_CHARS]
    return MentionView(*row[:8], left=left, right=right, section=row["section"],
                       paragraph=_paragraph(row))


def quote_view(row: sqlite3.Row, window: Window) -> QuoteView:
    """A QuoteView from a QUOTES row, with the sentence(s) that report the quote."""
    text, base = window
    local = row["start"] - base
    context = _sentences_around(text, local, local + row["end"] - row["start"])
    return QuoteView(*row[:9], context=fold_space(context), section=row["section"],
                     paragraph=_paragraph(row))


def citation_view(row: sqlite3.Row, window: Window) -> CitationView:
    """A CitationView from a CITATIONS row; the excerpt is what the citation backs, shortened."""
    text, base = window
    lead = _cited_text(text, row["start"] - base)
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
    first, last = _sentence_bounds(text, start - 1, end + 1)
    return text[first:last]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentences of ``text`` that touch [start, end] begin and end (all of it if none)."""
    spans = [span for span in _sentence_spans(text) if span[0] <= end and span[1] >= start]
    return (spans[0][0], spans[-1][1]) if spans else (0, len(text))


Marks = dict[str, tuple[int, int]]
"""Named spans of a text: "quote", "cue"."""


def quote_attribution(row: sqlite3.Row) -> QuoteAttribution:
    """A QuoteAttribution from an ATTRIBUTION row: the sentence(s) from cue to quote, both located."""
    quote = (row["start"], row["end"])
    cue = (row["cue_start"], row["cue_end"]) if row["rule"] and row["cue_start"] is not None else None
    q_window = (row["q_text"], row["q_from"])
    if cue is None:
        sentence, marks = _marked_sentence(*q_window, {"quote": quote})
    elif _touch(c_window := (row["c_text"], row["c_from"]), q_window):
        sentence, marks = _marked_sentence(*_merged(c_window, q_window), {"quote": quote, "cue": cue})
    else:
        sentence, marks = _joined(_marked_sentence(*c_window, {"cue": cue}),
                                  _marked_sentence(*q_window, {"quote": quote}))
    cue_text = row["c_text"][cue[0] - row["c_from"]:cue[1] - row["c_from"]] if cue else None
    return QuoteAttribution(*row[:7], cue=cue_text, cue_start=row["cue_start"] if cue else None,
                            cue_end=row["cue_end"] if cue else None, sentence=sentence,
                            cue_span=marks.get("cue"), quote_span=marks["quote"], corrected=bool(row["corrected"]),
                            **({} if row["considered"] is None else decoded(row["considered"])))


def _touch(first: tuple[str, int], second: tuple[str, int]) -> bool:
    """Whether two windows of one text, (text, offset) each, overlap or meet."""
    return first[1] + len(first[0]) >= second[1] and second[1] + len(second[0]) >= first[1]


def _merged(first: tuple[str, int], second: tuple[str, int]) -> tuple[str, int]:
    """Two overlapping or touching windows of one text, (text, offset) each, as one."""
    (a, a_from), (b, b_from) = sorted((first, second), key=lambda window: window[1])
    return a + b[a_from + len(a) - b_from:], a_from


def _marked_sentence(text: str, base: int, marks: Marks) -> tuple[str, Marks]:
    """The sentence(s) of a window (at document offset ``base``) holding the marks, whitespace folded
    and long stretches elided, with where each mark landed in it."""
    local = {name: (start - base, end - base) for name, (start, end) in marks.items()}
    # Inside the quotation marks: the quote's own sentence, not the one ending right before its mark.
    first, last = _sentence_bounds(text, min(s for s, _ in local.values()) + 1,
                                   max(e for _, e in local.values()))
    cuts = sorted({first, last} | {min(max(at, first), last) for span in local.values() for at in span})
    folded, landed = "", dict[int, int]()
    for start, end in zip(cuts, cuts[1:]):
        landed[start] = len(folded)
        folded += _elided(fold_space(text[start:end]))
    landed[cuts[-1]] = len(folded)
    return folded, {name: (landed[max(s, first)], landed[min(e, last)]) for name, (s, e) in local.items()}


def _elided(text: str) -> str:
    """A stretch kept whole up to ELIDE_CHARS, else its two ends around "…"."""
    if len(text) <= ELIDE_CHARS:
        return text
    half = ELIDE_CHARS // 2
    return text[:half].rstrip() + " … " + text[-half:].lstrip()


def _joined(first: tuple[str, Marks], second: tuple[str, Marks]) -> tuple[str, Marks]:
    """Two marked sentences far apart in the text, as one with "…" between them."""
    shift = len(first[0]) + len(" … ")
    moved = {name: (start + shift, end + shift) for name, (start, end) in second[1].items()}
    return first[0] + " … " + second[0], first[1] | moved


@lru_cache(maxsize=512)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of one passage, cached: a dossier asks for the same passage many times."""
    from store.extract.sentences import split_sentences  # its rules load data files: not at start-up

    return tuple(split_sentences(text))

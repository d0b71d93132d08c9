"""Many short paragraphs (issue 9): what each one costs beside its passage, counted in calls, lines and bytes."""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from store import ingest
from store.db import Store
from store.extract import passages as passages_module
from store.extract import citations, pipeline, quotemarks, sentences
from store.extract.passages import split_passages
from store.extract.pipeline import extract_article
from store.extract.scan import Spans, passage_kinds, passages_holding
from store.extract.sentences import split_sentences

_PARAGRAPHS = 20000
_ONE_WORD_PARAGRAPHS = "Talks\n\n" + "Word.\n\n" * _PARAGRAPHS
"""A word a paragraph: 20,001 passages (the title and the paragraphs)."""
_NOTED = ("Talks\n\nBy Kari Lunde\n\nSome Heading\n\nLunde said it went well.[1] Then she left. More came.\n\n"
          "Word.\n\n  > A quoted line\n\nNotes\n\n1. First note.\n\n[2] Second note.\n\nLast words")
"""Every kind of passage, and a paragraph of three sentences."""


def _lines_run(function: str, work: Callable[[], object]) -> int:
    """Lines of Python run in the passages module while ``work`` runs, from a call of ``function`` on."""
    counted = [0]
    inside = [False]

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename != passages_module.__file__:
            return None
        inside[0] = inside[0] or frame.f_code.co_name == function

        def local(frame: FrameType, event: str, arg: Any) -> Any:
            counted[0] += event == "line" and inside[0]
            return local

        return local

    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(None)
    return counted[0]


def test_the_notes_heading_is_looked_for_with_no_line_of_python_a_unit() -> None:
    """Looking for a notes heading from the last unit back ran a loop of Python over every unit of an article
    without one (a fifth of splitting one-word paragraphs); now the pattern is tried by ``map``. A notes
    heading is found as before."""
    text = "Talks\n\n" + "Word.\n\n" * 2000
    units = passages_module.Spans(passages_module._units(text))
    assert _lines_run("_notes_start", lambda: passages_module._notes_start(text, units)) < 20
    found = split_passages(_NOTED)
    assert [p.kind for p in found[-4:]] == ["heading", "footnote", "footnote", "footnote"]
    assert [(p.number, p.text) for p in found[-3:]] == [(1, "First note."), (2, "Second note."), (3, "Last words")]
    assert [p.kind for p in split_passages("Notes\n\nOne.\n\nTwo.")] == ["title", "paragraph", "paragraph"]


def test_a_footnote_passage_is_made_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A footnote was made as a passage, then made again without its marker in a second pass over every
    passage; now each passage is made once, with its number and without its marker."""
    made: list[int] = []
    passage = passages_module.Passage
    monkeypatch.setattr(passages_module, "Passage", lambda *fields: made.append(1) or passage(*fields))
    found = split_passages(_NOTED)
    assert len(made) == len(found) == 10 and found[-2].start == _NOTED.index("Second note.")


def test_the_kind_at_an_offset_keeps_no_copy_of_the_paragraphs() -> None:
    """The look-up of a passage's kind held a sorted copy of every passage and a list of their starts (22 MB
    beside 9 MB of one-word paragraphs); it keeps only the passages that are no paragraph, and answers as
    before: the holder's kind, 'paragraph' between passages."""
    found = split_passages(_ONE_WORD_PARAGRAPHS)
    tracemalloc.start()
    try:
        kind_at = passage_kinds(found)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert held < 2000 and kind_at(0) == "title" and kind_at(5) == "paragraph" and kind_at(8) == "paragraph"
    noted = split_passages(_NOTED)
    kind_at = passage_kinds(noted)
    for offset in range(len(_NOTED)):
        holder = next((p.kind for p in noted if p.start <= offset < p.end), "paragraph")
        assert kind_at(offset) == holder, offset


def test_a_passage_of_one_sentence_is_its_sentence_without_a_split(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each passage was split into sentences by a call of its own (a search, a trim and a list each); a
    passage with no break in it and no blank at either end is now its one sentence as it stands, and the
    sentences are those the splitting of each passage gives."""
    calls: list[int] = []
    split = sentences.split_sentences

    def counted(*args: Any) -> list[tuple[int, int]]:
        calls.append(1)
        return split(*args)

    monkeypatch.setattr(sentences, "split_sentences", counted)
    monkeypatch.setattr(pipeline, "split_sentences", counted, raising=False)
    article = extract_article("Talks\n\n" + "Word.\n\n" * 2000 + "He left. She stayed.")
    assert len(article.passages) == 2002 and len(calls) == 1
    monkeypatch.undo()
    for text in (_NOTED, _ONE_WORD_PARAGRAPHS[:500], "Talks\n\n  Indented.  \n\nA. B. Smith said so. Then left."):
        found = split_passages(text)
        expected = [span for p in found for span in split_sentences(text, p.start, p.end)]
        assert list(sentences.passage_sentences(text, found)) == expected


def test_passages_in_text_order_are_written_without_a_sorted_copy(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    """The writer sorted an article's passages by start (a copy of them and of their keys: 1.3 million at
    9 MB) though extraction gives them in text order; only passages out of order are sorted now."""
    sorted_lengths: list[int] = []

    def counted(items: Any, **order: Any) -> list[Any]:
        listed = sorted(items, **order)
        sorted_lengths.append(len(listed))
        return listed

    monkeypatch.setattr(ingest, "sorted", counted, raising=False)
    with Store.open(tmp_path / "s.db") as store:
        ingest.ingest_text(store, "Talks\n\n" + "Word.\n\n" * 2000, "a.txt")
        stored = store.rows("SELECT ordinal, start FROM passages ORDER BY id")
    assert max(sorted_lengths, default=0) < 2000
    assert [tuple(row) for row in stored[:3]] == [(0, 0), (1, 7), (2, 14)] and len(stored) == 2001


def test_passages_are_listed_for_locating_records_only_when_there_are_records() -> None:
    """The writer listed the start of every passage to locate records in them, also where there is none to
    locate (10 MB beside 9 MB of one-word paragraphs); now when the first record is located, as before."""
    found = split_passages(_ONE_WORD_PARAGRAPHS)
    tracemalloc.start()
    try:
        locate = ingest._Locator(found, range(100, 100 + len(found)))
        nothing = [list(locate(())) for _ in range(6)]
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert held < 5000 and nothing == [[]] * 6
    records = [found[0], found[1], found[-1]]
    assert list(locate(records)) == [100, 101, 100 + _PARAGRAPHS]


class _CountedSearches:
    """A pattern whose searches are counted."""

    def __init__(self, pattern: Any) -> None:
        self.pattern, self.searches = pattern, 0

    def search(self, *args: Any) -> Any:
        self.searches += 1
        return self.pattern.search(*args)


_MARKED = ("Talks\n\n" + "Word.\n\n" * 1000 + "Lunde said: “It went well” (Nordlys, May 4, 2021).\n\n"
           + "Word.\n\n" * 1000 + "It was “useful” [3].")
"""Two paragraphs with a quotation and a citation among 2,000 without."""


def test_quotes_and_citations_are_looked_for_only_in_the_passages_with_a_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each of 2,000 one-word paragraphs was searched for a quotation mark and asked whether it was prose that
    could hold a citation; now the text is searched from one marked passage to the next, and the quotes and
    citations are those found before."""
    marks = _CountedSearches(quotemarks._ANY_MARK)
    monkeypatch.setattr(quotemarks, "_ANY_MARK", marks)
    asked: list[str] = []

    class Prose(frozenset[str]):
        def __contains__(self, kind: object) -> bool:
            asked.append(str(kind))
            return super().__contains__(kind)

    monkeypatch.setattr(citations, "PROSE_KINDS", Prose(citations.PROSE_KINDS))
    article = extract_article(_MARKED)
    assert marks.searches < 10 and len(asked) < 10
    assert [q.text for q in article.quotes] == ["It went well", "useful"]
    assert [(c.outlet, c.raw) for c in article.citations] == [("Nordlys", "Nordlys, May 4, 2021"), (None, "[3]")]
    found = split_passages(_MARKED)
    assert list(passages_holding(quotemarks._ANY_MARK.pattern, _MARKED, found)) == [found[1001], found[2002]]


def test_spans_of_a_text_under_two_gigabytes_keep_four_bytes_an_offset() -> None:
    """An article's sentences were kept in 8-byte offsets, 16 bytes a span (22 MB beside 9 MB of one-word
    paragraphs); offsets that fit in 4 bytes are kept so, and larger ones as before."""
    pairs = [(start, start + 5) for start in range(7, 7 * 20001, 7)]
    tracemalloc.start()
    try:
        spans = Spans(iter(pairs))
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert held / len(pairs) < 10 and list(spans) == pairs
    huge = [(5, 2**31 + 5), (2**40, 2**40 + 1)]
    assert list(Spans(huge)) == huge and Spans(huge)[1] == huge[1]

"""PDF reports: reading order, hyphenation, running heads and page numbers, footnotes, and pages kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from pdf_reports import HEADER, Page, write_report, write_table_report
from store import queries
from store.db import Store
from store.extract.passages import split_passages
from store.files import ArticleError, read_document
from store.ingest import ingest_article
from store.read.pdf import join_lines


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """The three-page test report."""
    return write_report(tmp_path / "report.pdf")


def test_running_heads_and_page_numbers_are_dropped(report: Path) -> None:
    text = read_document(report).text
    assert HEADER not in text and "Harbour Studies Institute" not in text
    assert "Page 1" not in text and "of 3" not in text


def test_words_hyphenated_at_line_ends_are_whole(report: Path) -> None:
    text = read_document(report).text
    assert "the commitment of individual ministries" in text and "fuel shortages" in text
    assert "com-" not in text and "short-" not in text


def test_columns_are_read_one_after_the_other(report: Path) -> None:
    text = read_document(report).text
    assert "The left column ends here with a sentence that carries on.\n\nThe right column starts" in text


def test_a_paragraph_cut_by_a_page_break_is_whole(report: Path) -> None:
    assert "a telephone line between the duty officers of the six coast guards" in read_document(report).text


def test_footnotes_are_numbered_notes_at_the_end_and_markers_cite_them(report: Path) -> None:
    text = read_document(report).text
    passages = split_passages(text)
    assert passages[0].kind == "title" and passages[0].text == "Fisheries Patrols in the Coral Triangle"
    notes = [(p.number, p.text) for p in passages if p.kind == "footnote"]
    assert notes == [(1, "Regional fisheries statistics, annual volume, 2023."),
                     (2, "Interview with a harbour master, Davao, 14 March 2024."),
                     (3, "Fuel budgets were cut in two of the six states in 2022.")]
    assert "individual ministries.[1]" in text and "shortages.[3]" in text


def test_passages_keep_their_page(fresh_store: Store, report: Path) -> None:
    read = read_document(report)
    assert read.format == "pdf"
    result = ingest_article(fresh_store, read)
    pages = {p.text[:20]: p.page for p in queries.document_passages(fresh_store, result.document_id)}
    assert pages["Fisheries Patrols in"] == 1 and pages["Findings"] == 2 and pages["Recommendations"] == 3
    assert pages["The agreement also s"] == 1  # starts on page 1, ends on page 2
    assert pages["Fuel budgets were cu"] == 2  # a note keeps the page it stood on


def test_hyphens_that_belong_to_the_word_stay() -> None:
    assert join_lines(["the Asia-", "Pacific region", "a well-", "known case"], frozenset({"well-known"})) == \
        "the Asia-Pacific region a well-known case"
    assert join_lines(["fuel short-", "ages ran out", "a well-", "known case"]) == \
        "fuel shortages ran out a wellknown case"


def test_a_one_page_pdf_keeps_its_text(tmp_path: Path) -> None:
    page = Page((("title", ("Short Note",)), ("text", ("One paragraph of text on a single page.",))))
    text = read_document(write_report(tmp_path / "one.pdf", (page,))).text
    assert text == "Short Note\n\nOne paragraph of text on a single page.\n"


@pytest.mark.parametrize(("data", "message"), [
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
     "not a readable PDF|no text"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 40, "not a readable PDF|no text"),
    (b"\x00\x01\x02 not a pdf at all", "binary|not a readable PDF|no text"),
], ids=["no-pages", "garbage", "not-pdf"])
def test_a_corrupt_pdf_is_refused_with_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message) as error:
        read_document(path)
    assert "\n" not in str(error.value) and str(path) in str(error.value)


def test_a_truncated_pdf_is_refused_or_read(tmp_path: Path, report: Path) -> None:
    """Half a file (a download cut short): whatever pdfminer can still read, or one line."""
    path = tmp_path / "half.pdf"
    path.write_bytes(report.read_bytes()[: report.stat().st_size // 2])
    try:
        assert read_document(path).text
    except ArticleError as error:
        assert "\n" not in str(error)


def test_contents_lines_are_left_out(tmp_path: Path) -> None:
    page = Page((("title", ("Annual Review",)),
                 ("text", ("Summary . . . . . . . . . . . . 1", "Findings . . . . . . . . . . . 2")),
                 ("text", ("The review covers the year.",))))
    text = read_document(write_report(tmp_path / "toc.pdf", (page,))).text
    assert text == "Annual Review\n\nThe review covers the year.\n"


def test_a_tables_cells_are_one_table_passage_with_no_actor_or_event(fresh_store: Store, tmp_path: Path) -> None:
    """pdfminer reads each column of a table as a box; side by side, of short lines, they are one table."""
    read = read_document(write_table_report(tmp_path / "table.pdf"))
    assert "| Country | Year | Boats |\n| Indonesia | 2019 | 41 |\n| Malaysia | 2020 | 18 |\n" in read.text
    kinds = [p.kind for p in split_passages(read.text)]
    assert kinds == ["title", "paragraph", "table", "paragraph"]
    ingest_article(fresh_store, read)
    assert not {"Indonesia", "Malaysia", "Philippines"} & {a.name for a in queries.actors(fresh_store)}
    assert [e.date for e in queries.timeline(fresh_store)] == ["2019-03"]

"""Saved web pages: the article's text, title, byline, date, structure and links, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MENTIONS_AS_WRITTEN
from store.db import Store
from store.extract.passages import split_passages
from store.files import ArticleError, read_document
from store.ingest import ingest_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def _kinds(text: str) -> list[tuple[str, str]]:
    """(kind, first words) of each passage."""
    return [(p.kind, p.text[:30]) for p in split_passages(text)]


def test_a_news_page_keeps_the_article_and_drops_the_site() -> None:
    read = read_document(PAGES / "news-site.html")
    assert read.format == "html" and read.source.endswith("news-site.html")
    text = read.text
    for furniture in ("Subscribe today", "ADVERTISEMENT", "Sponsored", "sailor_88", "Most read", "dataLayer",
                      "Cookie settings", "All rights reserved"):
        assert furniture not in text
    passages = _kinds(text)
    assert passages[0] == ("title", "Coast guards agree joint drill")
    assert ("publication", "Published: 2024-03-11\n\nBy Mart") in passages or "By Marta Oyelaran" in text
    assert ("heading", "Piracy and kidnapping") in passages
    # The block quote is a passage of its own kind, and the links' URLs are listed at the end.
    assert "\n\n> Joint patrols alone will not end the problem" in text
    assert ("blockquote", "Joint patrols alone will not e") in passages
    assert text.rstrip().endswith("- report by the Maritime Policy Institute <https://example.org/report-2016>")


def test_a_think_tank_article_keeps_its_endnotes_as_footnotes_with_markers() -> None:
    text = read_document(PAGES / "thinktank-endnotes.html").text
    passages = split_passages(text)
    notes = [(p.number, p.text[:12]) for p in passages if p.kind == "footnote"]
    assert notes == [(1, "Kaarel Mets,"), (2, "Summit decla"), (3, "Interview wi")]
    assert "forces in place.[1] That promise" in text
    assert [p.text for p in passages if p.kind == "heading"] == [
        "Introduction", "From tripwire to denial", "Conclusion", "Notes"]
    assert "cookies" not in text and "newsletter" not in text.lower() and "Donate" not in text


def test_a_blog_post_keeps_its_list_and_drops_sidebar_and_comments() -> None:
    text = read_document(PAGES / "blog-post.html").text
    assert "- Whether the leaders agree on a regional policing plan." in text
    for furniture in ("About me", "Archives", "islandgirl", "submarine cables", "kayak", "Older post"):
        assert furniture not in text
    assert text.startswith("Why the Pacific Islands Forum matters more than you think\n\nPublished: 2024-05-20")


@pytest.mark.parametrize("name", ["news-site.html", "thinktank-endnotes.html", "blog-post.html"])
def test_stored_offsets_index_the_stored_text(fresh_store: Store, name: str) -> None:
    result = ingest_article(fresh_store, read_document(PAGES / name))
    text = fresh_store.value("SELECT text FROM documents WHERE id = ?", (result.document_id,))
    for table, column in (("passage_texts", "text"), ("quotes", "text"), MENTIONS_AS_WRITTEN,
                          ("citations", "raw")):
        for row in fresh_store.rows(f'SELECT start, "end", {column} FROM {table} WHERE document_id = ?',
                                    (result.document_id,)):
            assert text[row["start"]:row["end"]] == row[column], table
    assert fresh_store.value("SELECT format FROM documents WHERE id = ?", (result.document_id,)) == "html"


def test_endnote_markers_become_citations_of_their_notes(fresh_store: Store) -> None:
    result = ingest_article(fresh_store, read_document(PAGES / "thinktank-endnotes.html"))
    notes = [row[0] for row in fresh_store.conn.execute(
        "SELECT footnote FROM citations WHERE document_id = ? AND footnote IS NOT NULL ORDER BY start",
        (result.document_id,))]
    assert notes == [1, 2, 3]


@pytest.mark.parametrize(("data", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    (bytes(range(1, 32)) * 50, "binary"),
    (b"<!doctype html><html><head><script>run()</script><style>p{}</style></head><body></body></html>",
     "no article text"),
    (b"", "empty"),
], ids=["png", "controls", "scripts-only", "empty"])
def test_a_bad_page_is_refused_with_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message) as error:
        read_document(path)
    assert "\n" not in str(error.value) and str(path) in str(error.value)


def test_deeply_nested_markup_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Ten thousand nested elements (a parser's recursion) around a paragraph."""
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 10_000 + "<p>Jane Doe met Ola Nordmann in Oslo on Monday "
                    "to discuss the talks.</p>" + "</div>" * 10_000 + "</body></html>")
    try:
        text = read_document(path).text
    except ArticleError as error:
        assert "\n" not in str(error)
    else:
        assert "<div>" not in text


def test_a_page_without_a_date_in_its_markup_gets_none_from_its_text(tmp_path: Path) -> None:
    """Years in the text (events) are no publication date: only meta tags, <time> or the URL give one."""
    paragraphs = "".join(f"<p>In {1990 + n % 30} the fleet number {1995 + n} sailed to the islands again.</p>"
                         for n in range(2_000))
    path = tmp_path / "undated.html"
    path.write_text(f"<html><head><title>Fleet</title></head><body><article><h1>Fleet</h1>{paragraphs}"
                    "</article></body></html>")
    assert "Published:" not in read_document(path).text


def test_a_page_in_the_encoding_its_meta_tag_names_is_decoded(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="shift_jis"><title>東京会議</title></head><body><article><h1>東京会議</h1>'
            "<p>外務大臣は東京で会談した。両国は協力を強化することで合意した。会談は二時間続いた。</p>"
            "<p>次の会合は来年ソウルで開かれる予定である。</p></article></body></html>")
    path = tmp_path / "tokyo.html"
    path.write_bytes(page.encode("shift_jis"))
    assert "外務大臣は東京で会談した" in read_document(path).text


def test_a_link_to_one_of_the_page_controls_is_no_reference(tmp_path: Path) -> None:
    body = " ".join(["Harbour pilots now guide every tanker into the bay at night, the port authority said."] * 4)
    (tmp_path / "page.html").write_text(
        f"<html><head><title>Pilots at night</title></head><body><article><h1>Pilots at night</h1><p>{body} "
        "<a href='https://port.example.org/files/pilots.pdf'>Download PDF (120KB)</a> "
        "<a href='https://port.example.org/share?p=4'>Share</a> "
        "<a href='https://port.example.org/rules'>the pilot rules</a></p></article></body></html>",
        encoding="utf-8")
    text = read_document(tmp_path / "page.html").text
    assert text.rstrip().endswith("- the pilot rules <https://port.example.org/rules>")
    assert "<https://port.example.org/files/pilots.pdf>" not in text and "share?p=4" not in text

"""Markdown articles read through markdown-it-py into the plain-text form, then extracted as any article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.pipeline import extract_article
from store.files import read_article
from store.model import Article
from store.read.markdown import article_text

REPORT = """\
---
title: Harbour Talks in Tallinn
date: 2024-05-14
author: Mari Tamm
---
# Harbour Talks in Tallinn

[Home](https://news.example.org/) > [Europe](https://news.example.org/europe) > Tallinn

Defence Minister **Aivar Kask** met [Liisa Rebane](https://example.org/rebane) in Tallinn on *May 2, 2024*.
Kask said: “The harbour stays open.”[^2] ![A ship](ship.png) <!-- photo held back -->

## Costs

| Item | Country | Date |
|------|---------|------|
| Tugboats | Finland | March 3, 2024 |
| Radar | Sweden Lars Berg | April 9, 2024 |

- [Version 2 (May 14, 2024)](https://example.org/v2.pdf)
- [Contents](#costs)

# Footnotes

| 1. | Harbour authority, annual report, 2023, https://example.org/report.
| 3. | A second note.

[^2]: Interview with the minister, [transcript](https://example.org/t).
"""


def read(markdown: str) -> Article:
    """The extraction of a Markdown article, every record checked for exact offsets."""
    found = extract_article(article_text(markdown))
    text = found.text
    records = (*found.passages, *found.mentions, *found.quotes, *found.footnotes)
    assert all(text[r.start : r.end] == r.text for r in records)
    assert all(text[e.start : e.end] == e.description for e in found.events)
    assert all(text[c.start : c.end] == c.raw for c in found.citations)
    return found


def test_the_stored_text_is_plain_with_link_text_and_without_markup() -> None:
    text = article_text(REPORT)
    assert text.startswith("Harbour Talks in Tallinn\n\nPublished: 2024-05-14\n\nBy Mari Tamm\n\n")
    assert "Defence Minister Aivar Kask met Liisa Rebane in Tallinn on May 2, 2024.\n" in text
    for markup in ("**", "](", "![", "<!--", "ship.png", "https://example.org/rebane", "# "):
        assert markup not in text


@pytest.mark.parametrize("name", ["**Jane Doe**", "*Jane Doe*", "_Jane Doe_", "[Jane Doe](https://example.org/doe)"])
def test_a_name_in_emphasis_or_a_link_is_a_speaking_person(name: str) -> None:
    found = read(f"# Talks\n\nForeign Minister {name} said: “We stand together.”\n")
    assert [(actor.name, actor.kind) for actor in found.actors] == [("Jane Doe", "person")]
    assert [quote.speaker for quote in found.quotes] == ["Jane Doe"]


def test_a_table_is_one_table_passage_with_no_event_and_no_actor() -> None:
    found = read(REPORT)
    tables = [p for p in found.passages if p.kind == "table"]
    assert [p.text for p in tables] == [
        "| Item | Country | Date |\n| Tugboats | Finland | March 3, 2024 |\n| Radar | Sweden Lars Berg | April 9, 2024 |"]
    assert tables[0].section == "Costs"
    inside = [m.text for m in found.mentions if tables[0].start <= m.start < tables[0].end]
    assert inside == [] and not {"Finland", "Sweden", "Lars Berg"} & {a.name for a in found.actors}
    assert [e.date for e in found.events] == ["2024-05-02"]


def test_source_and_lettered_notes_under_a_table_are_its_last_rows() -> None:
    found = read("# Ports\n\n| Port | Ships |\n|---|---|\n| Tallinn | 4 |\n\nSource: Harbour survey, May 3, 2024.\n\n"
                 "a. Counted in May 2024.\n\nShips sail on June 1, 2024.\n")
    assert [(p.kind, p.text) for p in found.passages[1:]] == [
        ("table", "| Port | Ships |\n| Tallinn | 4 |\n| Source: Harbour survey, May 3, 2024. |\n| a. Counted in May 2024. |"),
        ("paragraph", "Ships sail on June 1, 2024.")]
    assert [e.date for e in found.events] == ["2024-06-01"]


def test_note_rows_and_footnotes_are_numbered_notes_under_the_notes_heading() -> None:
    found = read(REPORT)
    assert [(f.number, f.text) for f in found.footnotes] == [
        (1, "Harbour authority, annual report, 2023, https://example.org/report."),
        (2, "Interview with the minister, transcript <https://example.org/t>."),
        (3, "A second note."),
        (4, "Version 2 (May 14, 2024) <https://example.org/v2.pdf>"),
    ]
    assert [p.text for p in found.passages if p.kind == "heading"] == ["Costs", "Footnotes"]
    assert [(c.raw, c.footnote) for c in found.citations if c.footnote] == [("[2]", 2)]


def test_link_lines_are_references_and_navigation_is_dropped() -> None:
    text = article_text(REPORT)
    assert "Version 2 (May 14, 2024) <https://example.org/v2.pdf>" in text.split("Footnotes")[1]
    for navigation in ("Home", "Contents", "Europe"):  # a site's front page, a link within the page, a breadcrumb
        assert navigation not in text
    assert not any("Version 2" in p.text for p in read(REPORT).passages if p.kind != "footnote")


PAGE = """\
# Ferry Links Across the Gulf

[Subscribe](https://think.example.org/alerts)[Share](https://think.example.org/share?id=7)

[Download PDF (210KB)](https://think.example.org/files/ferry.2.pdf) | [Version History](https://think.example.org/v)

- [March 2, 2025 (Version 2)](https://think.example.org/files/ferry.2.pdf)
- [June 9, 2024 (Version 1)](https://think.example.org/files/ferry.1.pdf)
[Listen](https://speech.example.net/read?u=ferry)Ferry Links Across the Gulf Updated March 2, 2025

Two ferry operators opened a shared route between the two ports in May 2024 after a long wait for a permit.

[SB 12](https://laws.example.org/sb12)/[HB 40](https://laws.example.org/hb40)would fund a third ferry.

Further reading: [The port plan](https://ports.example.org/plan)

[Print](https://think.example.org/print) | [Email](https://think.example.org/mail)
"""


def test_a_saved_page_header_and_its_controls_are_no_passages_footnotes_or_events() -> None:
    found = read(PAGE)
    assert [(f.number, f.text) for f in found.footnotes] == [(1, "The port plan <https://ports.example.org/plan>")]
    for furniture in ("Subscribe", "Share", "Download", "Version", "Listen", "speech.example", "Print", "Email"):
        assert furniture not in found.text
    assert [(p.kind, p.text) for p in found.passages[:2]] == [
        ("title", "Ferry Links Across the Gulf"), ("publication", "Updated March 2, 2025")]
    assert [e.date for e in found.events] == ["2024-05"]


def test_a_link_glued_to_a_lower_case_word_stays_in_its_sentence() -> None:
    assert "SB 12/HB 40would fund a third ferry." in article_text(PAGE)
    assert "\n\nFerry operators say" in article_text("# Ferries\n\n[Ferry](https://e.org/f)Ferry operators say so.\n")


def test_a_sentence_opening_with_the_title_and_a_page_of_links_only_are_kept() -> None:
    prose = "The port said on May 3, 2024 that two more pilots would join the night shift in the bay."
    text = article_text(f"# Harbour Pilots\n\nHarbour pilots guide ships in fog.\n\n{prose}\n")
    assert text == f"Harbour Pilots\n\nHarbour pilots guide ships in fog.\n\n{prose}\n"
    links = article_text("# Reading List\n\n- [Port plan](https://e.org/plan)\n- [Pilot rules](https://e.org/rules)\n")
    assert links == ("Reading List\n\nReferences\n\n- Port plan <https://e.org/plan>\n\n"
                     "- Pilot rules <https://e.org/rules>\n")


def test_author_information_is_reference_matter_at_the_end() -> None:
    text = article_text("# Ports\n\nShips sail.\n\n## Author Information\n\nMari Tamm\nAnalyst in Maritime Policy\n\n"
                        "## Outlook\n\nMore ships.\n")
    assert text == ("Ports\n\nShips sail.\n\nOutlook\n\nMore ships.\n\nReferences\n\n"
                    "- Mari Tamm\n- Analyst in Maritime Policy\n")


def test_headings_are_sections_of_what_follows() -> None:
    found = read("# A Plan for the Strait\n\nIntro text here.\n\n## First Steps\n\nShips sail.\n\n### Later\n\nMore ships.\n")
    assert [(p.kind, p.section, p.text) for p in found.passages] == [
        ("title", "", "A Plan for the Strait"), ("paragraph", "", "Intro text here."),
        ("heading", "First Steps", "First Steps"), ("paragraph", "First Steps", "Ships sail."),
        ("heading", "Later", "Later"), ("paragraph", "Later", "More ships."),
    ]


def test_list_items_are_paragraphs_an_item_never_a_heading_and_a_block_quote_its_own_kind() -> None:
    found = read("# Aid\n\n- Japan\n- Korea and the Philippines\n\n> Officials met in Manila\n> on May 3, 2024 "
                 "(Harbour Daily, May 4).\n>\n> Talks went on.\n\n> - a listed line\n")
    assert [(p.kind, p.text) for p in found.passages[1:]] == [
        ("paragraph", "- Japan"), ("paragraph", "- Korea and the Philippines"),
        ("blockquote", "Officials met in Manila on May 3, 2024 (Harbour Daily, May 4)."),
        ("blockquote", "Talks went on."), ("paragraph", "- a listed line"),
    ]
    assert [e.date for e in found.events] == ["2024-05-03"]
    assert [c.outlet for c in found.citations] == ["Harbour Daily"]


def test_header_fields_and_a_field_table_are_publication_lines() -> None:
    found = read("# Port Report\n\n**Report No.:** R1\n**Version:** 2\n\n| **Author:** | Tamm, Mari\n"
                 "| **Publication Date:** | May 3, 2024\n\nBody text begins here.\n")
    assert [(p.kind, p.text) for p in found.passages] == [
        ("title", "Port Report"), ("publication", "Report No.: R1\nVersion: 2"),
        ("publication", "Author: Tamm, Mari\nPublication Date: May 3, 2024"), ("paragraph", "Body text begins here."),
    ]
    assert (found.published, found.year) == ("Publication Date: May 3, 2024", 2024)


def test_a_markdown_file_is_read_through_the_parser_and_a_text_file_is_not(tmp_path: Path) -> None:
    plain = "Talks\n\nForeign Minister **Jane Doe** met [Ola](https://example.org) in Oslo.\n"
    (tmp_path / "a.txt").write_text(plain, encoding="utf-8")
    (tmp_path / "a.md").write_text(plain, encoding="utf-8")
    assert read_article(tmp_path / "a.txt") == plain
    assert read_article(tmp_path / "a.md") == "Talks\n\nForeign Minister Jane Doe met Ola in Oslo.\n"
    assert extract_article(read_article(tmp_path / "a.txt")) == extract_article(plain)


def test_markdown_with_nothing_but_markup_is_refused(tmp_path: Path) -> None:
    from store.files import ArticleError

    (tmp_path / "empty.md").write_text("![only a picture](a.png)\n\n<!-- and a comment -->\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="empty"):
        read_article(tmp_path / "empty.md")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*"ab \n|#*_[]()!<>-:1.^`~\\", "](http://x.org)", "---\n", "Jo Lee"]), max_size=60)
       .map("".join))
def test_any_markdown_reads_to_plain_text_that_extracts_with_exact_offsets(source: str) -> None:
    """Whatever the markup, reading never fails and every record indexes the text it produced."""
    text = article_text(source)
    assert text == "" or text.endswith("\n")
    read(source)

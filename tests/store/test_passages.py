"""Passages: title, publication line, headings, paragraphs and footnotes with exact offsets."""

from pathlib import Path

from store.extract.dating import article_date, article_year
from store.extract.passages import article_title, published_line, split_passages
from store.model import Passage

SEED = Path(__file__).resolve().parents[2] / "seeds" / "china-brief-2013-nato-asia-pacific.txt"


def kinds(text: str) -> list[tuple[str, str, int | None, str]]:
    """(kind, section, number, text) of each passage, after checking its offsets."""
    passages = split_passages(text)
    assert [p.ordinal for p in passages] == list(range(len(passages)))
    assert all(text[p.start:p.end] == p.text for p in passages)
    return [(p.kind, p.section, p.number, p.text) for p in passages]


def test_title_publication_headings_paragraphs_and_sections() -> None:
    text = ("My Title\n\nPublication: Brief Volume: 1 Issue: 2\n\nFirst para. Ends.\n\n"
            "Allies and Rivals \u00a0\n\nSecond para.\n\nWhy Now?\n\nThird para.\n")
    assert kinds(text) == [
        ("title", "", None, "My Title"),
        ("publication", "", None, "Publication: Brief Volume: 1 Issue: 2"),
        ("paragraph", "", 1, "First para. Ends."),
        ("heading", "Allies and Rivals", None, "Allies and Rivals"),
        ("paragraph", "Allies and Rivals", 2, "Second para."),
        ("heading", "Why Now?", None, "Why Now?"),
        ("paragraph", "Why Now?", 3, "Third para."),
    ]


def test_a_short_line_ending_like_a_sentence_is_a_paragraph() -> None:
    text = "T\n\nIt was a long day.\n\nHe said “no,”\n\nAs it sank, Lee said, ''I saw it go.''\n\nNATO and Japan"
    assert [k[0] for k in kinds(text)] == ["title", "paragraph", "paragraph", "paragraph", "heading"]


def test_byline_and_date_lines_in_the_header_are_publication_lines() -> None:
    text = "Talks Resume\nBy Jane Doe\n\nMarch 3, 2014 10:45 AM\n\nWASHINGTON, March 3 (Reuters) - Talks."
    assert [k[0] for k in kinds(text)] == ["title", "publication", "publication", "paragraph"]


def test_credits_emphasised_bylines_and_mastheads_are_publication_lines() -> None:
    text = ("T\n\n**By Jane Doe**\n\nCenter for Sea Power | Policy Report No. 12 | March 2025\n\n"
            "Body text here.\n\nReporting by Jane Doe in Tokyo; Editing by Omar Haddad")
    assert [k[0] for k in kinds(text)] == ["title", "publication", "publication", "paragraph", "publication"]
    assert published_line(split_passages(text)) == "Center for Sea Power | Policy Report No. 12 | March 2025"


def test_the_published_line_is_the_dated_one_without_emphasis() -> None:
    text = "T\n\nBy Jane Doe\n\n*Published: 14 August 2024*\n\nBody."
    assert published_line(split_passages(text)) == "Published: 14 August 2024"


def test_markdown_headings_lose_their_marks_and_split_from_following_lines() -> None:
    text = "# Big Title\n\n## Part One\nBody line one\nbody line two.\n"
    assert kinds(text) == [
        ("title", "", None, "Big Title"),
        ("heading", "Part One", None, "Part One"),
        ("paragraph", "Part One", 1, "Body line one\nbody line two."),
    ]


def test_trailing_numbered_notes_are_footnotes_without_their_markers() -> None:
    text = "T\n\nBody [1] and [2].\n\n1.\u00a0\u00a0 First note.\n\n2) Second note\ncontinued.\n[3] Third."
    assert kinds(text)[2:] == [
        ("footnote", "", 1, "First note."),
        ("footnote", "", 2, "Second note\ncontinued."),
        ("footnote", "", 3, "Third."),
    ]


def test_a_notes_heading_turns_a_link_list_into_footnotes() -> None:
    text = "T\n\nBody.\n\nNotes\n\n- https://example.org/a\n- https://example.org/b\nhttps://example.org/c\n"
    assert kinds(text)[2:] == [
        ("heading", "Notes", None, "Notes"),
        ("footnote", "Notes", 1, "https://example.org/a"),
        ("footnote", "Notes", 2, "https://example.org/b"),
        ("footnote", "Notes", 3, "https://example.org/c"),
    ]


def test_a_numbered_list_inside_the_body_stays_paragraphs() -> None:
    text = "T\n\nSteps:\n1. Do this.\n2. Do that.\n\nThen we rest."
    assert [k[0] for k in kinds(text)] == ["title", "paragraph", "paragraph", "paragraph", "paragraph"]


def test_a_subtitle_right_under_the_title_is_not_part_of_it() -> None:
    assert kinds("Title line\nA longer subtitle that explains things.\n\nBody.")[:2] == [
        ("title", "", None, "Title line"),
        ("paragraph", "", 1, "A longer subtitle that explains things."),
    ]


def test_empty_and_blank_texts_have_no_passages() -> None:
    assert split_passages("") == ()
    assert split_passages(" \n\n\t\n") == ()
    assert article_title(()) == "" and published_line(()) is None


def test_article_year_prefers_the_header_then_the_latest_year_mentioned() -> None:
    dated = "Talks\n\nMarch 3, 2014\n\nIn 2016 and 2016 again."
    assert article_year(dated, split_passages(dated)) == 2014
    undated = "Talks\n\nIn 2012, 2012 and 2012 it grew; in May 2013 it stopped; by 2020 it ends."
    assert article_year(undated, split_passages(undated)) == 2013
    assert article_year("No years", split_passages("No years")) is None


def test_article_year_skips_the_future_and_reads_a_dateline() -> None:
    future = "Talks\n\nIt began in 2022 and grew in 2023. Denmark will chair it between 2025 and 2027."
    assert article_year(future, split_passages(future)) == 2023
    since = "Talks\n\nIt has negotiated since 2002."
    assert article_year(since, split_passages(since)) is None
    wire = "Talks\n\nBERLIN, March 3, 2014 (Reuters) - Talks resumed after 2016 plans were dropped."
    assert article_year(wire, split_passages(wire)) == 2014


def test_article_date_from_the_header_or_the_dateline() -> None:
    dated = "Talks\n\nJanuary 5, 2025 7:30 AM GMT\n\nMANILA, Jan 5 (Reuters) - Talks."
    assert article_date(dated, split_passages(dated), 2025) == "2025-01-05"
    wire = "Talks\n\nBERLIN, March 3 (Reuters) - Talks."
    assert article_date(wire, split_passages(wire), 2023) == "2023-03-03"
    assert article_date("Talks\n\nNo date.", split_passages("Talks\n\nNo date."), 2023) is None


def test_the_seed_has_its_structure() -> None:
    text = SEED.read_text(encoding="utf-8")
    passages = split_passages(text)
    by_kind = [p.kind for p in passages]
    assert by_kind.count("paragraph") == 13 and by_kind.count("footnote") == 4
    assert [p.text for p in passages if p.kind == "heading"] == [
        "NATO and Japan", "NATO and China", "Values-Based Diplomacy?", "The Limits of Global NATO 2013"]
    assert article_title(passages) == "NATO and Its Limits in the Asia-Pacific"
    assert published_line(passages) == "Publication: China Brief Volume: 13 Issue: 14"
    assert article_year(text, passages) == 2013
    assert [p.number for p in passages if p.kind == "footnote"] == [1, 2, 3, 4]
    assert isinstance(passages[0], Passage)


def test_interview_questions_are_paragraphs_and_unpunctuated_numbered_notes_split() -> None:
    text = ("T\n\nQ: Has membership changed how you plan?\n\nA: Completely.\n\nFigure 1: Trade, 2015-2023\n\n"
            "Notes\n\n1 First source, 2024.\n2 Second.")
    assert [k[0] for k in kinds(text)] == [
        "title", "paragraph", "paragraph", "paragraph", "heading", "footnote", "footnote"]
    assert [(k[2], k[3]) for k in kinds(text)[-2:]] == [(1, "First source, 2024."), (2, "Second.")]


def test_a_line_in_bold_alone_is_a_heading_without_its_stars() -> None:
    text = "T\n\n**The big picture**\n\nGermany approved the reform."
    assert kinds(text)[1:] == [("heading", "The big picture", None, "The big picture"),
                               ("paragraph", "The big picture", 1, "Germany approved the reform.")]


def test_a_label_above_the_title_is_not_the_title() -> None:
    text = "ANALYSIS\n\nSecuring Undersea Cables\n\nBody text here."
    assert [k[0] for k in kinds(text)] == ["publication", "title", "paragraph"]
    assert article_title(split_passages(text)) == "Securing Undersea Cables"


def test_lines_opening_with_a_quote_marker_are_a_block_quote_without_it() -> None:
    text = "Talks\n\nThe envoy wrote:\n\n> We will sail together.\n> Every week.\n\nA line > not a quote.\n\n>\n"
    kinds = [(p.kind, p.text) for p in split_passages(text)]
    assert kinds == [("title", "Talks"), ("paragraph", "The envoy wrote:"),
                     ("blockquote", "We will sail together.\n> Every week."), ("paragraph", "A line > not a quote."),
                     ("paragraph", ">")]

"""Citations: parenthetical sources, lost outlets, wire credits and footnote markers."""

from store.extract.citations import find_citations, outlet_span
from store.extract.passages import split_passages


def cites(body: str, year: int | None = 2013) -> list[tuple[str, str | None, str | None, int | None]]:
    """(raw, outlet, date, footnote) of each citation in an article whose only paragraph is ``body``."""
    text = "Title\n\n" + body
    citations, _ = find_citations(text, split_passages(text), year)
    assert all(text[c.start:c.end] == c.raw for c in citations)
    return [(c.raw, c.outlet, c.date, c.footnote) for c in citations]


def test_one_source_with_outlet_and_month_day() -> None:
    assert cites("Xinhua reported it (Xinhua, April 15).") == [
        ("Xinhua, April 15", "Xinhua", "2013-04-15", None)]


def test_several_sources_split_at_semicolons_and_at_commas_after_a_date() -> None:
    assert cites("It was news (BBC, April 15; Guardian, April 15, New York Times, April 16).") == [
        ("BBC, April 15", "BBC", "2013-04-15", None),
        ("Guardian, April 15", "Guardian", "2013-04-15", None),
        ("New York Times, April 16", "New York Times", "2013-04-16", None),
    ]


def test_a_lost_outlet_keeps_its_date_and_no_outlet() -> None:
    assert cites("Talks began (, June 2; China Daily, June 3). Old (, March 19, 2012).") == [
        (", June 2", None, "2013-06-02", None),
        ("China Daily, June 3", "China Daily", "2013-06-03", None),
        (", March 19, 2012", None, "2012-03-19", None),
    ]


def test_government_sources_and_a_quoted_article_title() -> None:
    body = ("He met them (Japan Ministry of Foreign Affairs, April 9) and (U.S. Department of State, April 13). "
            "Slow (“Shifts in Policy: A View, from the Ground,” China Brief, November 5, 2012).")
    assert [(o, d) for _, o, d, _ in cites(body)] == [
        ("Japan Ministry of Foreign Affairs", "2013-04-09"),
        ("U.S. Department of State", "2013-04-13"),
        ("China Brief", "2012-11-05"),
    ]


def test_wire_style_citations_and_dateline_credits() -> None:
    assert cites("Deal signed (Reuters, Jan. 3, 2014).") == [
        ("Reuters, Jan. 3, 2014", "Reuters", "2014-01-03", None)]
    assert cites("WASHINGTON, March 3 (Reuters) - Talks resumed.", 2014) == [
        ("Reuters", "Reuters", "2014-03-03", None)]
    assert cites("LONDON (AP) — It rained.") == [("AP", "AP", None, None)]
    assert cites("Markets fell, officials said (Reuters).") == [("Reuters", "Reuters", None, None)]


def test_a_bracket_before_a_dash_later_or_in_a_list_item_is_no_dateline() -> None:
    """Only the words a paragraph opens with can be a dateline; a list item or a later clause cannot."""
    assert cites("- 2 Signal Battalion (BN)–4 River Group, Fort Smith, AR—FY2030.") == []
    assert cites("The harbour board met at noon on the quay, and then the Coast Battalion (BN) – a small crew – left.") == []


def test_parentheses_that_are_not_citations() -> None:
    body = ("The force (ISAF) and the army (PLA) met (see below, 2012) in Rome (1999) "
            "with (mostly) friends (Smith et al. 2010) (which was odd, April 3).")
    assert cites(body) == []


def test_a_month_day_without_a_year_is_cited_without_a_date() -> None:
    assert cites("Said so (Xinhua, April 15).", None) == [("Xinhua, April 15", "Xinhua", None, None)]


def test_footnote_markers_and_footnotes() -> None:
    text = "Title\n\nOne claim [1]. Another [2].\n\n1. First source.\n\n2. Second source, 2007."
    citations, footnotes = find_citations(text, split_passages(text), 2013)
    assert [(c.raw, c.outlet, c.footnote) for c in citations] == [("[1]", None, 1), ("[2]", None, 2)]
    assert [(f.number, f.text) for f in footnotes] == [(1, "First source."), (2, "Second source, 2007.")]
    assert all(text[f.start:f.end] == f.text for f in footnotes)


def test_outlet_span_points_at_the_name_inside_the_citation() -> None:
    text = "Title\n\nAs “BBC, says” noted (“BBC, the story,” BBC, April 15; , April 16)."
    citations, _ = find_citations(text, split_passages(text), 2013)
    spans = [outlet_span(text, c) for c in citations]
    assert spans[1] is None
    assert spans[0] is not None and text[spans[0][0]:spans[0][1]] == "BBC"
    assert spans[0][0] == text.index("BBC, April")


def test_several_outlets_before_one_date_and_markdown_footnote_markers() -> None:
    text = "T\n\nTalks resumed (Reuters, AP, November 6).[^1]\n\n[^1]: A fact sheet."
    citations, footnotes = find_citations(text, split_passages(text), 2024)
    assert [(c.raw, c.outlet, c.date, c.footnote) for c in citations] == [
        ("Reuters", "Reuters", "2024-11-06", None), ("AP, November 6", "AP", "2024-11-06", None),
        ("[^1]", None, None, 1)]
    assert [(f.number, f.text) for f in footnotes] == [(1, "A fact sheet.")]


def test_superscript_note_markers() -> None:
    text = "T\n\nThree cables were damaged in the Baltic Sea.¹ Investigators suspect anchors.²\n\nNotes\n\n1 A.\n2 B."
    citations, _ = find_citations(text, split_passages(text), 2024)
    assert [(c.raw, c.footnote) for c in citations] == [("¹", 1), ("²", 2)]

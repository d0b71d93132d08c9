"""Extraction on made-up articles of other shapes, checked against hand labels (not against its own output).

Each fixture under tests/fixtures/articles/ was labelled by reading it: the people it names (full names,
titles), who says each quote, its dated events, its cited sources. No rule may know these names.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from store.extract.pipeline import extract_article
from store.files import read_article
from store.model import Article

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


@cache
def article(name: str) -> Article:
    """The extraction of one fixture article, read as ingest reads it (Markdown through its parser),
    checked for exact offsets once."""
    found = extract_article(read_article(ARTICLES / name))
    text = found.text
    records = (*found.passages, *found.mentions, *found.quotes, *found.footnotes)
    assert all(text[r.start : r.end] == r.text for r in records)
    assert all(text[c.start : c.end] == c.raw for c in found.citations)
    return found


def people(found: Article) -> set[str]:
    """Canonical names of the person actors."""
    return {a.name for a in found.actors if a.kind == "person"}


def title_of(found: Article, name: str) -> str:
    """The title string of one actor ('' if none)."""
    return next(a.title or "" for a in found.actors if a.name == name)


def speakers(found: Article) -> list[tuple[str, str | None]]:
    """(first words, speaker) of every speech quote, in text order."""
    return [(" ".join(q.text.split()[:3]), q.speaker) for q in found.quotes if q.kind == "speech"]


def dates(found: Article) -> list[tuple[str, str | None]]:
    """(date, end date) of every event, in text order."""
    return [(e.date, e.end_date) for e in found.events]


def sources(found: Article) -> list[tuple[str | None, str | None]]:
    """(outlet, date) of the parenthetical and wire citations (not footnote markers)."""
    return [(c.outlet, c.date) for c in found.citations if c.footnote is None]


def test_wire_with_two_bylines_a_dateline_and_credits() -> None:
    found = article("wire-manila-patrol.txt")
    assert people(found) == {"Kenji Moriyama", "Ana Reyes", "Haruto Kimura", "Roy Vincent Delgado",
                             "Mark Delaney", "Daniel Okafor"}
    assert {"author", "reporter"} <= set(title_of(found, "Kenji Moriyama").split("; "))
    assert title_of(found, "Daniel Okafor") == "editor"
    assert "Defense Minister" in title_of(found, "Haruto Kimura")
    assert "Rear Adm." in title_of(found, "Roy Vincent Delgado")
    assert "Sen." in title_of(found, "Mark Delaney")
    assert not {"AM", "GMT"} & {a.name for a in found.actors}  # the clock of the date line
    assert ("Chinese military source", "group") in {(a.name, a.kind) for a in found.actors}
    assert speakers(found) == [("Freedom of navigation", "Haruto Kimura"), ("We will keep", "Roy Vincent Delgado")]
    # "December 28" in a story dated January 5, 2025 is the December before.
    assert dates(found) == [("2025-01-05", None), ("2024-12-28", None), ("2024-07", None)]
    assert sources(found) == [("Reuters", "2025-01-05"), ("Nikkei Asia", "2024-07-09"), ("Kyodo", "2024-07-10")]
    assert (found.published, found.year) == ("January 5, 2025 7:30 AM GMT", 2025)
    assert found.passages[-1].kind == "publication"  # the credits line, not a heading


def test_report_with_a_masthead_numbered_notes_and_multi_source_citations() -> None:
    found = article("report-strait-exercises.txt")
    assert people(found) == {"Chiu Wen-hsiang", "Hsiao Mei-ling", "Samuel Whitaker"}
    assert "Minister of National Defense" in title_of(found, "Chiu Wen-hsiang")
    assert {"Dr.", "research fellow"} <= {part[:15] for part in title_of(found, "Hsiao Mei-ling").split("; ")}
    assert "commander of U.S. Indo-Pacific Command" in title_of(found, "Samuel Whitaker")
    assert speakers(found) == [("provocative and irresponsible.", "Chiu Wen-hsiang"),
                               ("rehearsals, not signals.", "Hsiao Mei-ling"),
                               ("the leading edge", "Samuel Whitaker")]
    assert [q.kind for q in found.quotes if q.text.startswith("Defense minister condemns")] == ["title"]
    assert {"U.S. officials", "analysts"} <= {a.name for a in found.actors if a.kind == "group"}
    # "October 14" in a report of March 2025 is the October before.
    assert dates(found) == [("2024-05", None), ("2024-10-14", None), ("2016", "2024"), ("2025", None)]
    assert sources(found) == [("Focus Taiwan", "2024-10-15"), ("Taipei Times", "2024-10-16")]
    assert [c.footnote for c in found.citations if c.footnote] == [1, 2, 3, 4]
    assert [f.number for f in found.footnotes] == [1, 2, 3, 4]
    assert found.published is not None and found.published.endswith("March 2025") and found.year == 2025


def test_op_ed_with_straight_quotes_and_a_two_author_byline() -> None:
    found = article("oped-europe-defence.txt")
    assert people(found) == {"Jane Mercer", "Omar Haddad", "Claire Dumont", "Friedrich Adler", "Peter Hollis",
                             "Laura Whitfield"}
    assert [title_of(found, n) for n in ("Claire Dumont", "Friedrich Adler", "Peter Hollis", "Laura Whitfield")] == [
        "President", "Chancellor", "Gen.", "Sen."]
    assert "author" in title_of(found, "Omar Haddad")
    assert speakers(found) == [("We spent the", "Claire Dumont"), ("in the coming", "Friedrich Adler"),
                               ("Stockpiles that took", "Peter Hollis"), ("a queue with", "official"),
                               ("Our allies have", "Laura Whitfield")]
    assert ("European diplomat", "group") in {(a.name, a.kind) for a in found.actors}
    assert ("2022-02-24", None) in dates(found)
    assert (found.published, found.year) == ("June 3, 2024", 2024)


def test_interview_with_pronouns_and_quotes_that_run_on() -> None:
    found = article("interview-maritime-security.txt")
    assert people(found) == {"Lena Fischer", "Ruth Okonkwo", "Samuel Eze"}
    assert title_of(found, "Lena Fischer") == "interviewer" and "Capt." in title_of(found, "Samuel Eze")
    assert ("São Tomé", "place") in {(a.name, a.kind) for a in found.actors}
    assert [q.kind for q in found.quotes][0] == "title"  # the headline's quote
    assert [speaker for _, speaker in speakers(found)] == [
        "Ruth Okonkwo", "Ruth Okonkwo", "Ruth Okonkwo", "Samuel Eze", "Samuel Eze", "Ruth Okonkwo", "Samuel Eze"]
    assert dates(found) == [("2021", None), ("2025-02-12", None), ("2013", None)]
    assert (found.published, found.year) == ("Published: 18 February 2025", 2025)
    assert [p.kind for p in found.passages[:3]] == ["title", "publication", "publication"]


def test_markdown_analysis_with_a_bold_byline_and_a_link_list() -> None:
    found = article("analysis-quad-summit.md")
    assert people(found) == {"Priya Raman", "Helen Carter", "Arvind Rao", "Wang Lei"}
    assert title_of(found, "Priya Raman") == "author"
    assert title_of(found, "Wang Lei") == "Chinese foreign ministry spokesman"
    assert speakers(found) == [("eyes on their", "Helen Carter"), ("a practical step,", "Arvind Rao"),
                               ("a small circle", "Wang Lei")]
    assert dates(found) == [("2024-09-21", None), ("2022-05", None), ("2025", None)]
    # Read as Markdown, a link list keeps each link's text and URL, without the brackets.
    assert [f.text[:7] for f in found.footnotes] == ["Joint S", "Quad le", "What th"]
    assert found.footnotes[0].text.endswith("<https://www.whitehouse.gov/briefing-room/2024/09/21/quad-joint-statement/>")
    assert not [a for a in found.actors if a.kind == "group"]  # "Further reading" labels a list
    assert (found.published, found.year) == ("Published: 23 September 2024", 2024)


def test_an_essay_with_no_actors_at_all() -> None:
    found = article("essay-deterrence-measure.txt")
    assert found.actors == () and found.mentions == ()
    assert {q.kind for q in found.quotes} == {"phrase"}
    assert dates(found) == [("1960", "1969")]
    assert (found.published, found.year) == (None, None)


def test_markdown_analysis_with_a_sources_list() -> None:
    found = article("analysis-pacific-islands.md")
    assert {"Anthony Albanese", "Sitiveni Rabuka"} <= people(found)
    waqa = next(name for name in people(found) if name.endswith("Waqa"))  # "Baron" may be a title or a name
    assert speakers(found) == [("partners, not patrons.", waqa), ("The Pacific is", "Sitiveni Rabuka"),
                               ("the most significant", "analysts")]
    assert "sources" not in {a.name.lower() for a in found.actors}  # the "Sources:" heading
    # "arrived on Monday" in a piece published on Wednesday 14 August: the Monday before.
    assert dates(found) == [("2024-08-12", None), ("2019", None), ("2022-04", None), ("2024-08-26", None)]
    assert (found.published, found.year) == ("Published: 14 August 2024", 2024)


def test_report_without_a_dated_header_takes_the_latest_past_year() -> None:
    found = article("report-arctic-council.txt")
    assert people(found) == {"Anniken Huitfeldt", "Sergey Lavrov", "Elana Wilson Rowe"}
    assert found.year == 2023  # "will chair ... between 2025 and 2027" looks ahead
    assert ("Kommersant", "2023-05-12") in sources(found)
    # "described the handover as “...”": a partial quote in reported speech is its subject's words.
    assert speakers(found) == [("a delicate moment", "Anniken Huitfeldt"), ("The Arctic must", "Anniken Huitfeldt"),
                               ("wait and see", "Sergey Lavrov"),
                               ("the permanent participants", "senior Norwegian diplomat"),
                               ("exposed how much", "Elana Wilson Rowe"), ("near-Arctic state,", "Chinese officials")]
    assert dates(found) == [("2023-05-11", None), ("1996", None), ("2022-03", None), ("2023-08", None),
                            ("1990", "1993"), ("2025", "2027")]


def test_wire_with_a_credits_line_and_plans_ahead() -> None:
    found = article("wire-baltic-exercise.txt")
    assert people(found) == {"Maria Lindqvist", "Boris Pistorius", "Hanno Pevkur", "Dmitry Peskov", "Tom Hayes"}
    assert "reporter" in title_of(found, "Maria Lindqvist") and title_of(found, "Tom Hayes") == "editor"
    # "Russian officials have dismissed the patrols as “provocations”": their word, reported.
    assert [s for _, s in speakers(found)] == ["Boris Pistorius", "Hanno Pevkur", "Russian officials", "Dmitry Peskov"]
    assert {"senior NATO official", "Russian officials"} <= {a.name for a in found.actors if a.kind == "group"}
    # Jets "would be based" there from April: a plan, so not pushed back a year.
    assert ("2023-04-01", "2023-07-31") in dates(found)
    assert sources(found) == [("Reuters", "2023-03-03"), ("TASS", "2023-02-25")]


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.iterdir()))
def test_no_person_is_a_heading_or_a_clock(name: str) -> None:
    found = article(name)
    headings = {p.text.strip("#*: ") for p in found.passages if p.kind in ("heading", "publication")}
    assert not people(found) & headings
    assert not {"AM", "PM", "GMT", "UTC"} & {a.name for a in found.actors}


def test_ap_wire_with_capitals_in_the_byline_and_family_names_first() -> None:
    found = article("wire-seoul-missiles.txt")
    assert people(found) == {"HANNAH PARK", "JAMES OLIVER", "Ana M. Ruiz", "Lee Jae-sung", "Mari Yamaguchi"}
    assert title_of(found, "JAMES OLIVER") == "author"  # the outlet after the name is not part of it
    assert "Lt. Gen." in title_of(found, "Ana M. Ruiz")
    assert speakers(found) == [("We strongly condemn", "Ana M. Ruiz"), ("are defensive in", "Ana M. Ruiz"),
                               ("respond firmly.", "Lee Jae-sung")]  # "Mr. Lee" is Lee Jae-sung
    assert dates(found) == [("2017", None)]
    assert sources(found) == [("AP", None)]


def test_british_piece_with_single_quotes_and_honorifics() -> None:
    found = article("analysis-carrier-group.txt")
    dannatt = next(name for name in people(found) if name.endswith("Dannatt"))  # "Lord" may be a title or a name
    assert people(found) == {"Malcolm Ashdown", "John Healey", dannatt, "Ben Key"}  # "MPs" is no one
    assert title_of(found, "Malcolm Ashdown") == "Sir; author"
    assert speakers(found) == [("a statement of", "John Healey"), ("We are a", "John Healey"),
                               ("That does not", "John Healey"), ("stretched to breaking", dannatt),
                               ("Our partners asked", "Ben Key")]
    assert dates(found) == [("2025-04", None)]


def test_markdown_footnotes_several_outlets_and_arabic_and_korean_names() -> None:
    found = article("analysis-gulf-coalition.md")
    assert people(found) == {"Mohammed bin Salman", "Mohammed Shia al-Sudani", "Recep Tayyip Erdoğan", "Mao Ning",
                             "Kim Jong Un"}
    assert title_of(found, "Mohammed Shia al-Sudani") == "Iraqi Prime Minister"
    assert "spokesperson" in title_of(found, "Mao Ning")
    assert {"Western official", "people familiar with", "diplomats"} <= {
        a.name for a in found.actors if a.kind == "group"}
    # "“...,” the official said" after "A Western official said ...": the description names that source.
    assert speakers(found) == [("Nobody wants another", "Western official"), ("supports regional countries", "Mao Ning")]
    assert sources(found) == [("Reuters", "2024-11-06"), ("AP", "2024-11-06")]
    assert [(c.raw, c.footnote) for c in found.citations if c.footnote] == [("[1]", 1)]
    assert [f.text[:15] for f in found.footnotes] == ["U.S. Department"]
    # "met ... on Wednesday" in a post of Friday 8 November; "would resume in mid-December": a plan, this year.
    assert dates(found) == [("2024-11-06", None), ("2024-12", None)]
    assert (found.published, found.year) == ("Posted: 2024-11-08", 2024)


def test_question_and_answer_interview_with_action_beats() -> None:
    found = article("interview-finland-defence.txt")
    assert people(found) == {"Elina Koskinen", "Janne Lindberg", "Timo Kivinen"}
    assert title_of(found, "Elina Koskinen") == "author" and "General" in title_of(found, "Janne Lindberg")
    assert not [p for p in found.passages if p.kind == "heading"]  # "Q: ..." lines are questions
    # "He paused. “Complacency. ...”": the quote is his.
    assert [s for _, s in speakers(found)] == ["Janne Lindberg", "Janne Lindberg", "Timo Kivinen", "Janne Lindberg"]
    assert dates(found) == [("2021", None), ("2024-03-08", None), ("2019", None), ("2024-03-03", "2024-03-14")]
    assert (found.published, found.year) == ("12 March 2024", 2024)


def test_working_paper_with_superscript_markers_and_unpunctuated_note_numbers() -> None:
    found = article("report-undersea-cables.txt")
    assert found.title == "Securing Undersea Cables in Northern Europe"  # under the "Executive Summary" label
    assert people(found) == {"Sauli Niinistö", "Kaja Kallas"}
    assert speakers(found) == [("worrying", "Sauli Niinistö"), ("to defend every", "Kaja Kallas")]
    assert ("spokesperson", "group") in {(a.name, a.kind) for a in found.actors}
    assert [(c.raw, c.outlet, c.date, c.footnote) for c in found.citations] == [
        ("¹", None, None, 1), ("Yle, 10 October 2023", "Yle", "2023-10-10", None)]
    assert [(f.number, f.text) for f in found.footnotes] == [
        (1, "Baltic Security Institute database, 2024."), (2, "Finnish police, press release, October 24, 2023.")]
    assert dates(found) == [("2023-10", "2024-01"), ("2023-10-08", None)]  # "Between October 2023 and January 2024"
    assert found.year == 2024 and found.published is not None and found.published.endswith("30 April 2024")


def test_wire_with_no_year_but_since_and_split_attribution() -> None:
    found = article("wire-asean-code.txt")
    assert people(found) == {"Nguyen Thi Lan", "Enrique Manalo", "Retno Marsudi"}
    assert ("Association of Southeast Asian Nations", ("ASEAN",)) in {(a.name, a.aliases) for a in found.actors}
    assert speakers(found) == [("We are ready", "Enrique Manalo"), ("but we will", "Enrique Manalo"),
                               ("stands with its", "State Department"), ("provocations.", "China"),
                               ("Unity is our", "Retno Marsudi")]
    assert {"diplomats", "Malaysian officials"} <= {a.name for a in found.actors if a.kind == "group"}
    # "since 2002" dates a beginning, not the article: its year stays unknown, so "July 10" gets no year.
    assert found.year is None and dates(found) == [("2002", None)]
    assert sources(found) == [("Reuters", None)]


def test_markdown_explainer_with_bold_headings_a_photo_and_bullets() -> None:
    found = article("explainer-german-budget.md")
    assert people(found) == {"Jörg Kukies", "Friedrich Merz", "Franziska Brantner"}
    assert title_of(found, "Friedrich Merz") == "leader of the Christian Democratic Union"
    # The "Read more:" link goes to the end, under a "References" heading of its own.
    assert [p.text for p in found.passages if p.kind == "heading"] == [
        "The big picture", "What they're saying", "The bottom line", "References"]
    assert [f.text for f in found.footnotes] == ["Germany's debt brake, explained <https://example.com/debt-brake>"]
    assert speakers(found) == [("a historic decision.", "Jörg Kukies"), ("Europe must be", "Friedrich Merz")]
    assert dates(found) == [("2025-03-18", None), ("2025", None)]
    assert (found.published, found.year) == ("Updated: March 18, 2025 at 10:45 a.m. ET", 2025)


def test_policy_brief_with_numbered_sections_and_a_figure_caption() -> None:
    found = article("report-vietnam-hedging.txt")
    assert people(found) == {"Xi Jinping", "Nguyen Phu Trong", "Le Hong Hiep"}
    assert "General Secretary" in title_of(found, "Nguyen Phu Trong")
    assert title_of(found, "Le Hong Hiep") == "senior fellow at the ISEAS-Yusof Ishak Institute"
    assert [p.text for p in found.passages if p.kind == "heading"] == ["1. Introduction", "2. Findings"]
    assert speakers(found) == [("bamboo diplomacy,", "Vietnamese officials"), ("will never choose", "Le Hong Hiep")]
    assert sources(found) == [("VnExpress", "2024-01-12")]
    assert {("2023-09", None), ("2016", None)} <= set(dates(found))
    assert found.year == 2024 and found.published is not None and found.published.endswith("14 May 2024")

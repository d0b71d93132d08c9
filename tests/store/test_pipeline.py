"""The whole extraction on the seed, on made-up articles of other shapes, and on arbitrary text."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.citations import find_citations
from store.extract.passages import split_passages
from store.extract.pipeline import extract_article, with_outlets
from store.model import Actor, Article, Mention, Mentions

SEED = Path(__file__).resolve().parents[2] / "seeds" / "china-brief-2013-nato-asia-pacific.txt"

WIRE = """U.S., China agree to resume military talks after two-year pause

By Jane Doe and Omar Haddad

March 3, 2014 10:45 AM

WASHINGTON, March 3 (Reuters) - The United States and China agreed on Monday to resume \
high-level military talks suspended since late 2012, Defense Secretary Mark Ellison said.

"We have a lot to talk about," Ellison told reporters at the Pentagon. "Neither side wants a miscalculation."

The talks, first held between 2008 and 2010, broke down after a naval standoff (AP, Feb. 27, 2014). \
Chinese officials said the next round would take place in Beijing on April 15-17.

Some 2000 troops took part in last year's drills, which cost $5 billion over the last 20 years.

(Reporting by Jane Doe; Editing by Omar Haddad)
"""

REPORT = """# Arctic Security After 2014: A Briefing

Published: 12 June 2015

## Summary

Norway hosted the first Arctic security roundtable in Tromsø on 15–17 April 2015 [1]. Ministers \
from seven states attended, and the chair said the region must remain "a zone of low tension" [2].

## Background

In the mid-2000s, melting sea ice opened new routes. Russia planted a flag on the seabed in \
August 2007, an act Canada called "theatrical" (Globe and Mail, Aug. 3, 2007). Exercises \
followed in 2009–2011 and again in late 2014.

## Notes

1. Ministry of Foreign Affairs of Norway, press release, April 17, 2015.
2. https://example.org/arctic/roundtable-2015
"""


def assert_offsets_exact(article: Article) -> None:
    """Every record's offsets cut exactly its text out of the article."""
    text = article.text
    for record in (*article.passages, *article.mentions, *article.quotes, *article.footnotes):
        assert text[record.start:record.end] == record.text
    assert all(text[e.start:e.end] == e.description for e in article.events)
    assert all(text[c.start:c.end] == c.raw for c in article.citations)
    names = {a.name for a in article.actors}
    assert all(m.actor in names for m in article.mentions)


def test_the_seed_article() -> None:
    article = extract_article(SEED.read_text(encoding="utf-8"))
    assert_offsets_exact(article)
    assert (article.title, article.published, article.year) == (
        "NATO and Its Limits in the Asia-Pacific", "Publication: China Brief Volume: 13 Issue: 14", 2013)
    assert len(article.passages) == 23 and len(article.footnotes) == 4
    dated = [(c.outlet, c.date) for c in article.citations if c.footnote is None]
    assert len(dated) == 18 and all(date for _, date in dated)
    assert (None, "2013-06-02") in dated and ("China Brief", "2012-11-05") in dated
    assert [c.footnote for c in article.citations if c.footnote] == [1, 2, 3, 4]
    assert {"1999", "2001-09-11", "2013-04-15", "2013-05-31"} <= {e.date for e in article.events}
    outlets = {a.name for a in article.actors if a.kind == "outlet"}
    assert {"Xinhua", "BBC", "Guardian", "New York Times", "China Daily"} <= outlets


def test_a_wire_story_with_byline_dateline_and_straight_quotes() -> None:
    article = extract_article(WIRE)
    assert_offsets_exact(article)
    assert (article.published, article.year) == ("March 3, 2014 10:45 AM", 2014)  # the dated header line
    assert [(c.outlet, c.date) for c in article.citations] == [("Reuters", "2014-03-03"), ("AP", "2014-02-27")]
    assert [(e.date, e.end_date) for e in article.events] == [
        ("2014-03-03", None), ("2012-09", "2012-12"), ("2008", "2010"), ("2014-04-15", "2014-04-17")]
    assert [p.kind for p in article.passages].count("paragraph") == 4
    assert article.passages[-1].kind == "publication"  # the wire's credits line


def test_a_report_with_markdown_headings_footnote_markers_and_a_notes_list() -> None:
    article = extract_article(REPORT)
    assert_offsets_exact(article)
    assert (article.title, article.year) == ("Arctic Security After 2014: A Briefing", 2015)
    assert [p.text for p in article.passages if p.kind == "heading"] == ["Summary", "Background", "Notes"]
    assert [(f.number, f.text[:8]) for f in article.footnotes] == [(1, "Ministry"), (2, "https://")]
    assert [(c.raw, c.footnote) for c in article.citations if c.footnote] == [("[1]", 1), ("[2]", 2)]
    assert ("Globe and Mail", "2007-08-03") in [(c.outlet, c.date) for c in article.citations]
    assert [e.date for e in article.events] == ["2015-04-15", "2004", "2007-08", "2009", "2014-09"]


def test_extraction_is_deterministic() -> None:
    assert extract_article(WIRE) == extract_article(WIRE)


# Pieces of article text that reach every rule, shuffled into arbitrary order.
_PIECES = st.sampled_from([*"Aa Bb19 20()[],;.:\"“”’'-–\n\u00a0#$", "April ", "May ", "the 1990s",
                           "(, June 2)", "(Xinhua, April 15)", "[1]", "\n\n1. ", "Notes\n", "By ", "## ", "Mr. ", "U.S. ",
                           "said, “", "NATO", "(Reuters) - ", " 2013", "late 2008", "-17"])
_PROSE = st.lists(_PIECES, max_size=80).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), _PROSE))
def test_extraction_never_raises_and_offsets_are_exact(text: str) -> None:
    assert_offsets_exact(extract_article(text))


def test_cited_outlets_join_known_actors_or_become_outlet_actors() -> None:
    text = "T\n\nNews (People’s Daily, April 17; China Daily, May 2)."
    citations, _ = find_citations(text, split_passages(text), 2013)
    china = text.index("China")
    actors = (Actor("People's Daily", "outlet", aliases=("People’s Daily",)), Actor("China", "country"))
    mentions = Mentions([Mention("China", china, china + 5, "China")])
    merged_actors, merged_mentions = with_outlets(text, citations, actors, mentions)
    assert [(a.name, a.kind) for a in merged_actors] == [("People's Daily", "outlet"), ("China Daily", "outlet")]
    assert [(m.actor, m.text) for m in merged_mentions] == [
        ("People's Daily", "People’s Daily"), ("China Daily", "China Daily")]

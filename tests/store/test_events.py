"""Events: dated paragraph sentences with their ISO dates and the actors they name."""

from pathlib import Path

from store.extract.citations import find_citations
from store.extract.events import find_events
from store.extract.passages import split_passages
from store.extract.sentences import split_sentences
from store.model import Event, Mention, Mentions

SEED = Path(__file__).resolve().parents[2] / "seeds" / "china-brief-2013-nato-asia-pacific.txt"


def events(text: str, year: int | None = 2013, mentions: tuple[Mention, ...] = ()) -> tuple[Event, ...]:
    """The events of text, after checking each one's offsets."""
    passages = split_passages(text)
    sentences = [s for p in passages for s in split_sentences(text, p.start, p.end)]
    citations, _ = find_citations(text, passages, year)
    found = find_events(text, passages, sentences, Mentions(mentions), year, citations)
    assert all(text[e.start:e.end] == e.description for e in found)
    return found


def test_one_event_per_dated_sentence_with_its_actors() -> None:
    text = "T\n\nIn 1999, Rome protested. Nothing happened. Paris and Rome met in May 2011."
    mentions = tuple(Mention(w, text.index(w, text.index(s)), text.index(w, text.index(s)) + len(w), w)
                     for w, s in (("Rome", "In 1999"), ("Paris", "Paris"), ("Rome", "Paris and")))
    found = events(text, mentions=mentions)
    assert [(e.date, e.precision, e.date_text, e.actors) for e in found] == [
        ("1999", "year", "1999", ("Rome",)),
        ("2011-05", "month", "May 2011", ("Paris", "Rome")),
    ]
    assert found[0].description == "In 1999, Rome protested."


def test_two_dates_in_one_sentence_are_two_events_but_a_coarser_repeat_is_dropped() -> None:
    found = events("T\n\nHe came in April 2005 and in December 2007.\n\nIn mid-April, on April 15, they signed.")
    assert [e.date for e in found] == ["2005-04", "2007-12", "2013-04-15"]


def test_ranges_and_decades_keep_their_end_dates() -> None:
    found = events("T\n\nThey met from May 31 to June 2. Already in the early 1990s, talks began.")
    assert [(e.date, e.end_date, e.precision) for e in found] == [
        ("2013-05-31", "2013-06-02", "day"), ("1990", "1993", "year")]


def test_citation_dates_headings_footnotes_and_the_header_make_no_events() -> None:
    text = ("T 2012\n\nPublished: March 3, 2013\n\nA Look at 2011\n\nXinhua said so (Xinhua, April 15). "
            "Earlier [1].\n\n1. Interview, Brussels, May 2013.")
    assert events(text) == ()


def test_without_a_year_month_day_dates_are_not_events() -> None:
    assert [e.date for e in events("T\n\nOn April 15 they met. In 2002 they did.", None)] == ["2002"]


def test_the_seed_gives_its_dated_events() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = {(e.date, e.end_date) for e in events(text)}
    expected = {("1999", None), ("2001-09-11", None), ("2002", None), ("2005-04", None), ("2007-12", None),
                ("2007-01", None), ("2011-05", None), ("2012-07", None), ("2009-11", None),
                ("2007-11", None), ("2012-12", None), ("2010", None), ("2013-04-15", None),
                ("2013-05-31", "2013-06-02"), ("1990", "1993"), ("1990", "1999")}
    assert found == expected

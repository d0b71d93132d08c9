"""Dates in prose: the forms people write, their ISO values and precisions, and numbers that are not dates."""

import pytest

from store.extract.dates import find_dates, month_number


def one(text: str, year: int | None = 2013) -> tuple[str, str | None, str | None, str]:
    """The single date found in text, as (as written, date, end_date, precision)."""
    (found,) = find_dates(text, year)
    assert text[found.start:found.end] == found.text
    return found.text, found.date, found.end_date, found.precision


@pytest.mark.parametrize(("text", "expected"), [
    ("on April 15.", ("April 15", "2013-04-15", None, "day")),
    ("on 15 April 2012,", ("15 April 2012", "2012-04-15", None, "day")),
    ("April 15, 2012 was", ("April 15, 2012", "2012-04-15", None, "day")),
    ("After the September 11, 2001 attacks", ("September 11, 2001", "2001-09-11", None, "day")),
    ("(Reuters, Jan. 3, 2014)", ("Jan. 3, 2014", "2014-01-03", None, "day")),
    ("on 3rd March 2012", ("3rd March 2012", "2012-03-03", None, "day")),
    ("in May 2011", ("May 2011", "2011-05", None, "month")),
    ("In July 2012, Japan", ("July 2012", "2012-07", None, "month")),
    ("In mid-April, he", ("mid-April", "2013-04", None, "month")),
    ("in 1999 the", ("1999", "1999", None, "year")),
    ("The 2010 Strategic Concept", ("2010", "2010", None, "year")),
    ("dated 2013-04-15.", ("2013-04-15", "2013-04-15", None, "day")),
    ("the 1990s", ("the 1990s", "1990", "1999", "decade")),
    ("Already in the early 1990s, the", ("the early 1990s", "1990", "1993", "year")),
    ("the mid-1990s", ("the mid-1990s", "1994", "1996", "year")),
    ("in late 2008", ("late 2008", "2008-09", "2008-12", "month")),
    ("the summer of 2012", ("summer of 2012", "2012-06", "2012-08", "month")),
])
def test_single_dates_normalise_to_iso_at_their_precision(text: str, expected: tuple) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("from May 31 to June 2.", ("May 31 to June 2", "2013-05-31", "2013-06-02", "day")),
    ("on April 15-17", ("April 15-17", "2013-04-15", "2013-04-17", "day")),
    ("on 15–17 April 2012", ("15–17 April 2012", "2012-04-15", "2012-04-17", "day")),
    ("in 2010–2012", ("2010–2012", "2010", "2012", "year")),
    ("between 2008 and 2010", ("between 2008 and 2010", "2008", "2010", "year")),
    ("from 2008 to 2010", ("2008 to 2010", "2008", "2010", "year")),
])
def test_ranges_keep_their_end(text: str, expected: tuple) -> None:
    assert one(text) == expected


@pytest.mark.parametrize("text", [
    "pledged $5 billion of its own money",
    "Over the last 20 years, Japan",
    "in paragraph 10, however",
    "with four out of the five permanent members",
    "for 20 years",
    "China Brief Volume: 13 Issue: 14",
    "some 2000 troops",
    "it may 15 times",
    "February 30",
    "a $2013 bill",
])
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates(text, 2013) == ()


def test_month_day_without_a_known_year_keeps_its_span_but_no_date() -> None:
    (found,) = find_dates("(, June 2)")
    assert (found.text, found.date, found.precision) == ("June 2", None, "day")


def test_february_29_only_in_leap_years() -> None:
    assert one("February 29, 2012")[1] == "2012-02-29"
    assert one("Feb 29, 2013") == ("2013", "2013", None, "year")


def test_several_dates_come_in_text_order_with_exact_offsets() -> None:
    text = "(Guardian, April 15, New York Times, April 16) and in December 2007 and 2002."
    found = find_dates(text, 2013)
    assert [d.date for d in found] == ["2013-04-15", "2013-04-16", "2007-12", "2002"]
    assert all(text[d.start:d.end] == d.text for d in found)


def test_a_window_gives_document_offsets() -> None:
    text = "In 1999 it began. In 2002 it went on."
    (found,) = find_dates(text, None, text.index("In 2002"))
    assert (found.start, found.date) == (text.index("2002"), "2002")


def test_month_numbers_from_names_and_abbreviations() -> None:
    assert [month_number(m) for m in ("January", "Sept.", "Dec", "June", "Monday")] == [1, 9, 12, 6, 0]


def test_a_month_day_well_after_the_article_date_is_last_year() -> None:
    text = "A boat was shadowed on December 28 and again on January 3."
    assert [d.date for d in find_dates(text, 2025, dated="2025-01-05")] == ["2024-12-28", "2025-01-03"]
    assert [d.date for d in find_dates("Talks opened on October 14.", 2025, dated="2025-03")] == ["2024-10-14"]


def test_a_plan_keeps_the_article_year() -> None:
    text = "Jets would be based there from April 1 to July 31."
    (found,) = find_dates(text, 2023, dated="2023-03-03")
    assert (found.date, found.end_date) == ("2023-04-01", "2023-07-31")


def test_day_ranges_written_with_to() -> None:
    assert [(d.date, d.end_date) for d in find_dates("from 3 to 14 March and May 5 to 9", 2024)] == [
        ("2024-03-03", "2024-03-14"), ("2024-05-05", "2024-05-09")]


def test_month_ranges_between_two_years() -> None:
    text = "Between October 2023 and January 2024 cables broke; from May 2011 to June 2012 it ran."
    assert [(d.date, d.end_date, d.precision) for d in find_dates(text)] == [
        ("2023-10", "2024-01", "month"), ("2011-05", "2012-06", "month")]


def test_letters_that_only_look_like_ascii_never_break_a_date() -> None:
    assert [d.date for d in find_dates("ſummer 2012 and the mİd-1990s", 2013)] == ["2012", "1990"]


def test_a_bill_or_section_number_is_no_year() -> None:
    """Numbers after a bill's or section's label are numbers in a series; the year beside them stays."""
    text = "The draft of 2019 (H.R. 1512), its Section 1630 and §1165, like S. 1547, came in the U.S. 2024 debate."
    assert [mention.date for mention in find_dates(text)] == ["2019", "2024"]


def test_weekdays_are_dated_from_the_article_day() -> None:
    """Wednesday 5 March 2025: a past weekday is the latest on or before it, a future one the next."""
    text = ("Officials said on Tuesday that talks would resume. She will fly out on Friday. "
            "Crowds gathered last Wednesday and again on Wednesday; a vote is due Monday, next Monday at the latest.")
    assert [(d.text, d.date) for d in find_dates(text, 2025, dated="2025-03-05")] == [
        ("Tuesday", "2025-03-04"), ("Friday", "2025-03-07"), ("last Wednesday", "2025-02-26"),
        ("Wednesday", "2025-03-05"), ("Monday", "2025-03-10"), ("next Monday", "2025-03-10")]


def test_a_weekday_needs_the_article_day_and_is_never_part_of_a_name() -> None:
    text = "On Super Tuesday the Sunday Times wrote of Good Friday; polls closed Tuesday, March 4, 2025."
    assert [(d.text, d.date) for d in find_dates(text, 2025, dated="2025-03-05")] == [("March 4, 2025", "2025-03-04")]
    assert find_dates("Talks ended on Tuesday.", 2025, dated="2025-03") == ()
    assert find_dates("Talks ended on Tuesday.", 2025) == ()

"""Dates as written in English prose ("April 15", "May 2011", "the early 1990s"), normalised to ISO."""

from __future__ import annotations

import calendar
from bisect import bisect_left, insort
import re
from collections.abc import Callable
from dataclasses import dataclass

from store.extract.scan import matches_at, occurs_within
from store.extract.weekdays import WEEKDAY, is_dated_weekday, is_future, weekday_date

_FRAGMENTS = {
    "month": r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
             r"|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?",
    "day": r"[0-3]?\d",
    "year": r"(?:1[5-9]|20)\d\d",
    # ASCII-only case folding: "ſummer" or "mİd" would match plain (?i) and then name no known part.
    "part": r"(?ai:early|mid|late)",
    "season": r"(?ai:spring|summer|autumn|fall)",
}
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|until|through)\s+)"
# Why lookarounds: a date never continues a longer number ("$2013", "12013", "3.2013") or a word.
_B, _E = r"(?<![\w$€£.,])", r"(?![\w%]|[.,]\d)"


def _compile(source: str) -> re.Pattern[str]:
    """Compile a pattern whose ``<kind:group>`` slots name a fragment kind and its group name."""
    def slot(match: re.Match[str]) -> str:
        kind, group = match.group(1), match.group(2)
        ordinal = r"(?:st|nd|rd|th)?" if kind == "day" else ""
        return f"(?P<{group}>{_FRAGMENTS[kind]}){ordinal}"
    return re.compile(_B + re.sub(r"<(\w+):(\w+)>", slot, source) + _E)


# Tried in this order; a later pattern never takes text an earlier one matched. Each pattern also
# says how a match can begin ("d" a digit, "m" a month name, "w" a word such as "between" or "the"),
# so it is tried only where such a start was found instead of at every character of the text.
_PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (name, starts, _compile(source)) for name, starts, source in (
        ("iso", "d", r"<year:y1>-(?P<mo>[01]\d)-(?P<d1>[0-3]\d)"),
        ("mdmd", "m", r"<month:m1>\s+<day:d1>" + _TO + r"<month:m2>\s+<day:d2>(?:,?\s+<year:y1>)?"),
        ("dmdm", "d", r"<day:d1>\s+<month:m1>" + _TO + r"<day:d2>\s+<month:m2>(?:,?\s+<year:y1>)?"),
        ("mdd", "m", r"<month:m1>\s+<day:d1>" + _TO + r"<day:d2>(?:,?\s+<year:y1>)?"),
        ("ddm", "d", r"<day:d1>" + _TO + r"<day:d2>\s+<month:m1>(?:,?\s+<year:y1>)?"),
        ("mymy", "w", r"(?i:between|from)\s+<month:m1>,?\s+<year:y1>\s+(?:and|to|until|through)\s+"
                      r"<month:m2>,?\s+<year:y2>"),
        ("yy", "w", r"(?i:between)\s+<year:y1>\s+and\s+<year:y2>"),
        ("yy", "d", r"(?<=from )<year:y1>\s+(?:to|until|through)\s+<year:y2>"),
        ("yy", "d", r"<year:y1>\s*[-–]\s*<year:y2>"),
        ("mdy", "m", r"<month:m1>\s+<day:d1>(?:,\s*|\s+)<year:y1>"),
        ("dmy", "d", r"<day:d1>\s+<month:m1>,?\s+<year:y1>"),
        ("my", "m", r"<month:m1>,?\s+(?:of\s+)?<year:y1>"),
        ("md", "m", r"<month:m1>\s+<day:d1>"),
        ("dm", "d", r"<day:d1>\s+<month:m1>"),
        ("decade", "dw", r"(?:(?i:the)\s+)?(?:<part:part>[- ])?(?P<dec>(?:1[5-9]|20)\d0)'?s"),
        ("pm", "w", r"<part:part>[- ]<month:m1>(?:,?\s+<year:y1>)?"),
        ("py", "w", r"<part:part>[- ]<year:y1>"),
        ("sy", "w", r"<season:season>(?:\s+of)?\s+<year:y1>"),
        ("y", "d", r"<year:y1>"),
    )
)
# Where matches can begin. Every pattern holds a digit or a month name; those opening with a word
# ("between", "the", "early", "summer") have it at most three words before that digit or month.
_DIGITS = re.compile(r"\d+")
_MONTH_START = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_START_WORD = re.compile(r"(?i:between|from|the|early|mid|late|spring|summer|autumn|fall)")
_WORDS_BACK = 3
_DAYS_AHEAD = 62
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_FUTURE = re.compile(r"\b(?:will|would|shall)\b|['’]ll\b", re.I)
_CLAUSE_END = re.compile(r"[.!?;]\s|\n")
_CLAUSE_REACH = 300
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# Words that make a bare four-digit number a quantity, not a year ("some 2000 troops").
_QUANTITY_BEFORE = re.compile(
    r"(?:\b(?:about|some|over|nearly|than|around|approximately|least|additional)|[$€£#])\s*$", re.I)
# Labels that make a bare four-digit number a number in a series: a bill ("H.R. 1512", "S. 1547"), a
# section ("Section 1523", "§1165"), an item ("No. 1790"). "S." alone only where no letter or dot precedes
# it, so "the U.S. 2024 budget" keeps its year.
_NUMBERED_BEFORE = re.compile(
    r"(?:\b(?:H\.\s?R\.?|H\.\s?Res\.?|S\.\s?Res\.?|Nos?\.|Sec\.|Section|Art\.|Article)|(?<![\w.])S\.|§)\s*$")
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|percent|per\b|people|troops|soldiers|men\b|km|miles|dollars|euros|tons|tonnes|units"
    r"|killed|dead)", re.I)
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_PART_YEARS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


# Not frozen, though never changed (see store/model.py): one for each date of every sentence.
@dataclass(slots=True, unsafe_hash=True)
class DateMention:
    """A date found in text, with its offsets and ISO form at its precision."""

    start: int
    end: int
    text: str
    """Exactly ``text[start:end]`` of the searched document."""
    date: str | None
    """ISO date ('1999', '2012-07', '2013-04-15'); None for a month and day whose year is unknown."""
    end_date: str | None
    """Last date of a range, else None."""
    precision: str
    """'day', 'month', 'year' or 'decade' (of ``date``)."""


def month_number(name: str) -> int:
    """Return 1..12 for a month name or abbreviation ("Sept.", "June"), 0 if it is not one."""
    key = name.rstrip(".").lower()[:3]
    return _MONTHS.index(key) + 1 if key in _MONTHS else 0


def find_dates(
    text: str, year: int | None = None, start: int = 0, end: int | None = None, dated: str | None = None
) -> tuple[DateMention, ...]:
    """Return the dates in text[start:end], in text order; month-day dates take ``year``.

    With ``dated``, the article's own ISO date (day or month), a month-day takes its year instead, or
    the year before where the day would fall well after the article ("December 28" in a January story);
    with a day's ``dated``, weekdays ("on Tuesday") are dated too.
    """
    end = len(text) if end is None else end
    starts = _starts(text, start, end)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for name, kinds, pattern in _PATTERNS if starts else ():
        if not starts[kinds]:
            continue  # nothing in the span can begin this pattern
        for match in matches_at(pattern, text, starts[kinds], end):
            if _overlaps(taken, match.start(), match.end()):
                continue
            mention = _normalise(name, match, year, text, dated)
            if mention is not None:
                insort(taken, (match.start(), match.end()))
                found.append(mention)
    if dated and len(dated) == len("2000-01-01"):
        found.extend(_weekdays(text, start, end, dated, taken))
    return tuple(sorted(found, key=lambda d: d.start))


def _weekdays(text: str, start: int, end: int, dated: str, taken: list[tuple[int, int]]) -> list[DateMention]:
    """The weekdays in text[start:end] that tell a day no fuller date took, dated from the article's day."""
    found: list[DateMention] = []
    for match in WEEKDAY.finditer(text, start, end):
        if _overlaps(taken, match.start(), match.end()) or not is_dated_weekday(text, match):
            continue
        day = weekday_date(match, dated, is_future(text, match))
        if day is not None:
            found.append(DateMention(match.start(), match.end(), match.group(0), day, None, "day"))
    return found


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """True where [start, end) overlaps one of the sorted, disjoint spans already taken.

    Of the spans starting before ``end``, the last reaches furthest, so it alone decides.
    """
    index = bisect_left(taken, (end,))
    return index > 0 and taken[index - 1][1] > start


_HINT = re.compile(r"(?=[\dADFJMNOSTW])(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
                   r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)")
"""Where a date may stand: a digit, a month's name or a weekday's (every date holds one of them). Each match
starts where one of them does, as a lookahead's empty match would (a name's other letters start none), and
the first letter is tested once at each character passed, not each name in turn: half the scan's time."""


def may_hold_dates(text: str) -> Callable[[int, int], bool]:
    """A test for whether text[start:end] may hold a date (most sentences hold none)."""
    return occurs_within(_HINT, text)


def _starts(text: str, start: int, end: int) -> dict[str, list[int]]:
    """Offsets in text[start:end] where a date may begin, by kind of start; {} when none can.

    Digit runs, month names and the words before them; most sentences have none, so most calls end here.
    """
    digits = [m.start() for m in _DIGITS.finditer(text, start, end)]
    months = [m.start() for m in _MONTH_START.finditer(text, start, end)]
    if not digits and not months:
        return {}
    before = {at for anchor in digits + months for at in _words_before(text, anchor, start)}
    words = sorted(at for at in before if _START_WORD.match(text, at, end))
    return {"d": digits, "m": months, "w": words, "dw": sorted(digits + words)}


def _words_before(text: str, at: int, floor: int) -> list[int]:
    """Start offsets of up to three words before ``at``, across spaces and hyphens, not before ``floor``."""
    found: list[int] = []
    for _ in range(_WORDS_BACK):
        while at > floor and (text[at - 1].isspace() or text[at - 1] == "-"):
            at -= 1
        word_end = at
        while at > floor and (text[at - 1].isalnum() or text[at - 1] == "_"):
            at -= 1
        if at == word_end:
            break
        found.append(at)
    return found


def _normalise(
    name: str, match: re.Match[str], year: int | None, text: str, dated: str | None = None
) -> DateMention | None:
    """Turn one regex match into a DateMention, or None where it is not a real date."""
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    if name == "y" and _is_quantity(text, match.start(), match.end()):
        return None
    if name == "decade":
        dates = _decade(groups)
    elif name in ("pm", "py", "sy"):
        dates = _part_of(groups, year)
    else:
        if "y1" not in groups and dated and not future_statement(text, match.start(), match.end()):
            year = _year_for(groups, year, dated)
        dates = _calendar(name, groups, year)
    if dates is None:
        return None
    first, last, precision = dates
    return DateMention(match.start(), match.end(), match.group(0), first, last, precision)


def _is_quantity(text: str, start: int, end: int) -> bool:
    """True where a bare four-digit number counts or numbers things rather than naming a year."""
    return bool(_QUANTITY_BEFORE.search(text, max(0, start - 16), start)
                or _NUMBERED_BEFORE.search(text, max(0, start - 16), start)
                or _QUANTITY_AFTER.match(text, end))


def _decade(groups: dict[str, str]) -> tuple[str, str | None, str]:
    """"the 1990s" is the decade 1990..1999; "the early 1990s" the years 1990..1993."""
    first = int(groups["dec"])
    if "part" not in groups:
        return str(first), str(first + 9), "decade"
    low, high = _PART_YEARS[groups["part"].lower()]
    return str(first + low), str(first + high), "year"


def _part_of(groups: dict[str, str], year: int | None) -> tuple[str, str, str] | None:
    """"late 2008", "mid-April" and "summer 2012" as month ranges."""
    y = int(groups.get("y1") or year or 0)
    if not y:
        return None
    if "m1" in groups:
        month = month_number(groups["m1"])
        return f"{y:04d}-{month:02d}", None, "month"
    key = groups.get("season", groups.get("part", "")).lower()
    low, high = _SEASON_MONTHS.get(key) or _PART_MONTHS[key]
    return f"{y:04d}-{low:02d}", f"{y:04d}-{high:02d}", "month"


def _calendar(name: str, groups: dict[str, str], year: int | None) -> tuple[str | None, str | None, str] | None:
    """Day, month and year dates and ranges; None where a day does not exist or a range runs backwards."""
    y1 = int(groups["y1"]) if "y1" in groups else year
    if name == "yy":
        y2 = int(groups["y2"])
        return (str(y1), str(y2), "year") if y1 is not None and y1 < y2 else None
    if name == "mymy":  # "between October 2023 and January 2024"
        first, last = (y1 or 0, month_number(groups["m1"])), (int(groups["y2"]), month_number(groups["m2"]))
        return (f"{first[0]:04d}-{first[1]:02d}", f"{last[0]:04d}-{last[1]:02d}", "month") if first < last else None
    if name == "y":
        return str(y1), None, "year"
    m1 = int(groups["mo"]) if name == "iso" else month_number(groups["m1"])
    if name == "my":
        return f"{y1:04d}-{m1:02d}", None, "month"
    m2 = month_number(groups["m2"]) if "m2" in groups else m1
    d1, d2 = int(groups["d1"]), int(groups.get("d2", groups["d1"]))
    if not (_valid(y1, m1, d1) and _valid(y1, m2, d2)) or (m2, d2) < (m1, d1):
        return None
    last = _iso(y1, m2, d2) if "d2" in groups else None
    return _iso(y1, m1, d1), last, "day"


def _year_for(groups: dict[str, str], year: int | None, dated: str) -> int | None:
    """The year of a month-day written without one in a past-tense statement, judged against the article's date.

    Why the year before: a report looks back, so a day it tells of more than about two months after
    the article's date is last year's ("December 28" in a story of January 5).
    """
    if len(dated) < len("2000-01") or "m1" not in groups or "d1" not in groups:
        return year
    article_year, article_month = int(dated[:4]), int(dated[5:7])
    article_day = int(dated[8:10]) if len(dated) >= len("2000-01-01") else 31
    ahead = (month_number(groups["m1"]) - article_month) * 31 + int(groups["d1"]) - article_day
    return article_year - 1 if ahead > _DAYS_AHEAD else article_year


def future_statement(text: str, start: int, end: int) -> bool:
    """True where the sentence or clause around text[start:end] speaks of the future ("will chair", "would be")."""
    floor = max(0, start - _CLAUSE_REACH)
    before = max((m.end() for m in _CLAUSE_END.finditer(text, floor, start)), default=floor)
    after = _CLAUSE_END.search(text, end, end + _CLAUSE_REACH)
    return _FUTURE.search(text, before, after.start() if after else min(len(text), end + _CLAUSE_REACH)) is not None


def _valid(year: int | None, month: int, day: int) -> bool:
    """True where the day exists in that month; February 29 needs a leap year (2000 stands in if unknown)."""
    return 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1] + (month == 2 and calendar.isleap(year or 2000))


def _iso(year: int | None, month: int, day: int) -> str | None:
    """ISO day, or None when the year is unknown."""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else None

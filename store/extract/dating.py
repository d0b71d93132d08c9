"""The article's own date and year: what its partial dates ("April 15", "mid-May") are resolved against."""

from __future__ import annotations

import re
from collections.abc import Sequence

from store.extract.dates import DateMention, find_dates, future_statement
from store.model import Passage

# Bounds rather than happenings: "by 2020", "until 2030", and "since 2002" (which says the article is later).
_TARGET_BEFORE = re.compile(r"\b(?:by|until|till|before|beyond|since)\s+$", re.I)
# A wire dateline opens the first paragraph: "MANILA, Jan 5 (Reuters) -", "WASHINGTON, March 3, 2014 -".
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{1,40},\s+")
_DATELINE_REACH = 40


def article_year(text: str, passages: Sequence[Passage]) -> int | None:
    """The year partial dates are resolved against.

    The first year of the publication lines; else that of a dateline; else the latest year the
    article mentions, skipping bounds ("by 2020", "since 2002") and statements about the future ("will
    chair in 2025"). Why the latest and not the most frequent: an article is written no earlier than the newest
    thing it reports, while the year it mentions most is often the past year it analyses. The title is
    not trusted ("Arctic Security After 2014" names its subject).
    """
    for passage in (p for p in passages if p.kind == "publication"):
        first = next((_year(d) for d in find_dates(text, None, passage.start, passage.end) if _tells_when(text, d)),
                     None)
        if first is not None:
            return first
    dateline = _dateline(text, passages, None)
    if dateline is not None and dateline.date:
        return int(dateline.date[:4])
    return _latest_year(text)


def article_date(text: str, passages: Sequence[Passage], year: int | None) -> str | None:
    """The article's own ISO date (day or month) from its publication lines or its dateline, if it says."""
    for passage in (p for p in passages if p.kind == "publication"):
        for date in find_dates(text, None, passage.start, passage.end):
            if date.date and date.precision in ("day", "month"):
                return date.date
    dateline = _dateline(text, passages, year)
    return dateline.date if dateline is not None and dateline.precision == "day" else None


def _dateline(text: str, passages: Sequence[Passage], year: int | None) -> DateMention | None:
    """The date right after the place that opens the first paragraph ("MANILA, Jan 5 (Reuters)")."""
    first = next((p for p in passages if p.kind == "paragraph"), None)
    place = _DATELINE.match(text, first.start, first.end) if first is not None else None
    if first is None or place is None:
        return None
    dates = find_dates(text, year, place.end(), min(first.end, place.end() + _DATELINE_REACH))
    return dates[0] if dates and dates[0].start == place.end() else None


def _latest_year(text: str) -> int | None:
    """The latest year of the text's dated mentions that tells when it was written (see _tells_when).

    Why latest first: each mention's test searches its clause, and the first to pass settles it; testing all
    of them (some 150 an article on the bench) took a sixth of the year's time."""
    dated = sorted((d for d in find_dates(text) if d.date), key=_year, reverse=True)
    return next((_year(d) for d in dated if _tells_when(text, d)), None)


def _year(date: DateMention) -> int:
    """The year a dated mention starts in (one with a date)."""
    return int(date.date[:4])  # type: ignore[index]


def _tells_when(text: str, date: DateMention) -> bool:
    """True for a dated mention whose year the article was written in or after: not a decade, a bound ("by
    2020") or a statement about the future ("will chair in 2025")."""
    return bool(date.date) and date.precision != "decade" \
        and not _TARGET_BEFORE.search(text, max(0, date.start - 8), date.start) \
        and not future_statement(text, date.start, date.end)

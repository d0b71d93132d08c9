"""Events: the sentences of an article's paragraphs that a date anchors, with the actors they name."""

from __future__ import annotations

import calendar
from bisect import bisect_left
from collections.abc import Callable, Sequence

from store.extract.dates import DateMention, find_dates, may_hold_dates
from store.extract.scan import within
from store.kinds import PROSE_KINDS
from store.model import Citation, Event, Mention, Mentions, Passage

Span = tuple[int, int]
Day = tuple[int, int, int]


def find_events(
    text: str,
    passages: Sequence[Passage],
    sentences: Sequence[Span],
    mentions: Mentions,
    year: int | None,
    citations: Sequence[Citation] = (),
    dated: str | None = None,
) -> tuple[Event, ...]:
    """One Event per distinct date in each paragraph sentence, skipping the dates of cited sources (``mentions``
    in text order)."""
    if not any(p.kind in PROSE_KINDS for p in passages):  # a title alone (one long line): no search of the
        return ()                                          # whole text for dates
    dateable = may_hold_dates(text)
    # Nothing is indexed where no sentence may hold a date (142,857 paragraphs and 250,000 mentions a MB of
    # hostile text, 40 MB at 4 MB).
    spans = [(start, end) for start, end in sentences if dateable(start, end)]
    if not spans:
        return ()
    skip = within((c.start, c.end) for c in citations)
    in_paragraph = within((p.start, p.end) for p in passages if p.kind in PROSE_KINDS)
    starts = mentions.starts
    events: list[Event] = []
    for start, end in spans:
        if not in_paragraph(start, end):
            continue
        dates = [d for d in find_dates(text, year, start, end, dated) if d.date and not skip(d.start, d.end)]
        if not dates:
            continue
        actors = _actors(mentions[bisect_left(starts, start):bisect_left(starts, end)], end, skip)
        events.extend(Event(d.date or "", d.end_date, d.precision, text[start:end], start, end, d.text, actors)
                      for d in _finest(dates))
    return tuple(events)


def _actors(mentions: Sequence[Mention], end: int, skip: Callable[[int, int], bool]) -> tuple[str, ...]:
    """Canonical names of the mentions (those starting in the sentence) ending by ``end``, outside citations."""
    names = (m.actor for m in mentions if m.end <= end and not skip(m.start, m.end))
    return tuple(dict.fromkeys(names))


def _finest(dates: list[DateMention]) -> list[DateMention]:
    """Drop repeats and any date that only coarsens another in the same sentence ("mid-April" vs "April 15")."""
    unique = list({(d.date, d.end_date): d for d in reversed(dates)}.values())[::-1]
    spans = {id(d): _interval(d) for d in unique}
    return [d for d in unique
            if not any(o is not d and _contains(spans[id(d)], spans[id(o)]) for o in unique)]


def _contains(outer: tuple[Day, Day], inner: tuple[Day, Day]) -> bool:
    """True where ``outer`` covers ``inner`` and is strictly larger."""
    return outer != inner and outer[0] <= inner[0] and inner[1] <= outer[1]


def _interval(date: DateMention) -> tuple[Day, Day]:
    """First and last day a date mention covers."""
    return _day(date.date or "", first=True), _day(date.end_date or date.date or "", first=False)


def _day(iso: str, first: bool) -> Day:
    """Expand a partial ISO date ('2012', '2012-07') to its first or last day."""
    parts = [int(p) for p in iso.split("-") if p.isdigit()] or [0]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (1 if first else 12)
    if len(parts) > 2:
        return year, month, parts[2]
    return year, month, 1 if first or not 1 <= month <= 12 else calendar.monthrange(max(year, 1), month)[1]

"""Weekdays as news writes them ("on Tuesday", "last Friday", "will meet Monday"), dated from the
article's own day: wire copy names the day of the week for anything within a week of its dateline."""

from __future__ import annotations

import re
from datetime import date, timedelta

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A weekday, with the word that shifts it ("last", "next", "this"). Not one that opens a full date
# ("Tuesday, March 4" is dated by the month and day) or a name ("Sunday Times"); "Tuesday morning" is a day.
WEEKDAY = re.compile(
    r"\b(?:(?P<shift>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
    r"(?!,?\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))"
    r"(?!\s+(?!(?:[Mm]orning|[Aa]fternoon|[Ee]vening|[Nn]ight)\b)[A-Z])"
)
# Capitalised words that may stand before a dated weekday; any other makes it part of a name
# ("Super Tuesday", "Good Friday", "Black Monday").
_LEAD_WORDS = frozenset({"On", "By", "Since", "Until", "Till", "From", "Late", "Early", "Before", "After", "And"})
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
# What makes a weekday one to come, said before it in its own clause ("will meet on Friday", "is due to
# vote Monday"); "said on Tuesday it would" stays past, the future being after the day.
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|due|set to|scheduled|expected to|plans? to|going to)\b|['’]ll\b", re.I)
_CLAUSE_START = re.compile(r"[.!?;,\n][^.!?;,\n]*$")
_CLAUSE_REACH = 160


def is_dated_weekday(text: str, match: re.Match[str]) -> bool:
    """True where a WEEKDAY match tells a day rather than forming part of a capitalised name."""
    if match.group("shift"):
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
    return before is None or before.group(1) in _LEAD_WORDS


def is_future(text: str, match: re.Match[str]) -> bool:
    """True where the weekday's own clause, up to it, speaks of what is to come."""
    floor = max(0, match.start() - _CLAUSE_REACH)
    clause = _CLAUSE_START.search(text, floor, match.start())
    return _FUTURE_BEFORE.search(text, clause.start() if clause else floor, match.start()) is not None


def weekday_date(match: re.Match[str], dated: str, future: bool) -> str | None:
    """The ISO day a WEEKDAY match names, counted from the article's ISO day ``dated``.

    A past statement means the latest such day on or before the article's ("last" never the same day);
    a future one, or "next", the first on or after it ("next" never the same day).
    """
    try:
        today = date.fromisoformat(dated)
    except ValueError:
        return None
    shift = (match.group("shift") or "").lower()
    wanted = _DAYS.index(match.group("day").lower())
    if future or shift == "next":
        ahead = (wanted - today.weekday()) % 7 or (7 if shift == "next" else 0)
        return (today + timedelta(days=ahead)).isoformat()
    back = (today.weekday() - wanted) % 7 or (7 if shift == "last" else 0)
    return (today - timedelta(days=back)).isoformat()

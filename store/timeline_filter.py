"""What the timeline is narrowed to: words, an actor and a date range, read from one line a person types."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from store.listings import like_pattern

_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_RANGE = re.compile(rf"^({_DATE})?(?:\.\.|–|—|~)({_DATE})?$|^(\d{{4}})-(\d{{4}})$|^({_DATE})$")
"""A date ("2024", "2024-05", "2024-05-23"), a range ("2024..2025", "2024-2025", "..2013", "2024–")."""
WHERE = """ WHERE (? IS NULL OR e.date >= ?) AND (? IS NULL OR e.date <= ? || '~')
  AND NOT EXISTS (SELECT 1 FROM json_each(?) w WHERE e.description NOT LIKE w.value ESCAPE '\\')
  AND (? IS NULL OR EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
    WHERE ea.event_id = e.id AND a.name LIKE ? ESCAPE '\\'))"""
"""Events from a date, up to a date (every day of its month or year: '~' sorts after any ISO date
that starts with it), with every word in the sentence, naming an actor."""


@dataclass(frozen=True)
class EventFilter:
    """Events on or after ``since``, on or before ``until``, with all ``words``, involving ``actor``."""

    words: tuple[str, ...] = ()
    actor: str | None = None
    since: str | None = None
    until: str | None = None

    def params(self) -> tuple[object, ...]:
        """The parameters of WHERE."""
        actor = like_pattern(self.actor) if self.actor else None
        words = json.dumps([like_pattern(word) for word in self.words])
        return self.since, self.since, self.until, self.until, words, actor, actor


def event_filter(text: str) -> EventFilter:
    """Read a filter line: dates and ranges ("2024..2025", "2024-2025", "2024-05"), "@name" for an actor
    involved (the rest of the line after @ is the name, but for a date range typed after it), and words
    the sentence must hold."""
    head, _, after = text.partition("@")
    name = [token for token in after.split() if not _RANGE.match(token)]
    actor = " ".join(name)
    words, since, until = [], None, None
    for token in head.split() + [token for token in after.split() if _RANGE.match(token)]:
        found = _RANGE.match(token)
        if found is None:
            words.append(token)
            continue
        start, end, year_from, year_to, single = found.groups()
        since, until = (single, single) if single else (start or year_from, end or year_to)
    return EventFilter(tuple(words), actor or None, since, until)

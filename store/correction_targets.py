"""What the explorer can correct at a spot: the actor, quote and mention there, read in one go."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from store.db import Store
from store.schema import mention_text


@dataclass(frozen=True)
class ActorTarget:
    """An actor a correction can merge, rename, re-kind or remove."""

    id: int
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    """Its other names, any of which can become its canonical one."""


@dataclass(frozen=True)
class QuoteTarget:
    """A quote whose speaker or kind a correction can set."""

    id: int
    text: str
    kind: str
    speaker: str | None


@dataclass(frozen=True)
class MentionTarget:
    """One mention a correction can take from its actor."""

    id: int
    text: str
    actor: str


@dataclass(frozen=True)
class Targets:
    """Everything correctable where the user is: any of the three may be missing."""

    actor: ActorTarget | None = None
    quote: QuoteTarget | None = None
    mention: MentionTarget | None = None


Spot = tuple[int, int, int]
"""A document id and a span of its text."""
_QUOTE = "SELECT q.id, q.text, q.kind, a.name FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_id WHERE "
_QUOTE_BY_ID = _QUOTE + "q.id = ?"
_QUOTE_AT = _QUOTE + 'q.document_id = ? AND q.start <= ? AND q."end" >= ? ORDER BY q."end" - q.start LIMIT 1'
"""The innermost quote holding a span."""
_ALIASES = "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY alias"
_MENTION = (f"SELECT m.id, {mention_text()}, a.name FROM mentions m JOIN actors a ON a.id = m.actor_id "
            'WHERE m.passage_id IN (SELECT id FROM passages WHERE document_id = ?) AND m.start <= ? AND m."end" >= ? '
            'ORDER BY m."end" - m.start, m.start, m.id LIMIT 1')


def targets(store: Store, actor_id: int | None, quote_id: int | None, spots: Sequence[Spot] = ()) -> Targets:
    """The actor given, the quote given or holding the first spot in one, and the mention at a spot."""
    with store.snapshot():
        actor = store.rows("SELECT id, name, kind FROM actors WHERE id = ?", (actor_id,))
        aliases = tuple(row[0] for row in store.rows(_ALIASES, (actor_id,)))
        quote = store.rows(_QUOTE_BY_ID, (quote_id,)) if quote_id is not None else []
        mention = []
        for document_id, start, end in spots:
            quote = quote or store.rows(_QUOTE_AT, (document_id, start, end))
            mention = mention or store.rows(_MENTION, (document_id, start, end))
    return Targets(ActorTarget(*actor[0], aliases) if actor else None, QuoteTarget(*quote[0]) if quote else None,
                   MentionTarget(*mention[0]) if mention else None)

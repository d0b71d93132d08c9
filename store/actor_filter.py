"""The actors list's filter: names containing the typed text, then actors `/` would find by alias, title
or a typo ("PRC" finds China, "trmup" finds Trump)."""

from __future__ import annotations

from store import queries
from store.actor_match import match_actors
from store.db import Store
from store.views import ActorSummary

FUZZY = 50
"""Actors the typo-tolerant matcher adds at most (it ranks them best first)."""


def filtered_actors(store: Store, kind: str | None, text: str, limit: int | None, order: str | None = None
                    ) -> tuple[tuple[ActorSummary, ...], int]:
    """The first ``limit`` actors of a kind (None: any) matching ``text``, and how many match in all:
    those whose name holds it (most mentioned first), then aliases, titles and near spellings."""
    name = text.strip() or None
    listed = queries.actors(store, kind, limit, 0, name, order)
    total = queries.count_actors(store, kind, name)
    if name is None:
        return listed, total
    seen = {actor.id for actor in listed}
    near = [match.actor.id for match in match_actors(store, name, FUZZY)
            if kind in (None, match.actor.kind) and match.actor.id not in seen]
    extra = tuple(found for found in (queries.actor(store, actor_id) for actor_id in near) if found)
    return (listed + extra)[:limit], total + len(extra)

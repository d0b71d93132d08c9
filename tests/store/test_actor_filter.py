"""The actors list's filter finds what search finds: aliases, titles and typos, after names holding the text."""

from __future__ import annotations

from collections.abc import Callable

from store.actor_filter import filtered_actors
from store.db import Store
from store.ingest import ingest_text
from store.model import Actor, Article

TEXT = ("Leaders Talk Trade\n\nThe PRC and Donald Trump met. China said the talks went well.\n\n"
        "Trump said “fine”. Mr. Trumbull watched.")
ACTORS = (Actor("China", "country", None, ("PRC",)), Actor("Donald Trump", "person", "President", ("Trump",)),
          Actor("Trumbull", "person"))


def names(store: Store, text: str, kind: str | None = None) -> list[str]:
    """The names the filter lists for ``text``."""
    return [actor.name for actor in filtered_actors(store, kind, text, 10)[0]]


def test_aliases_typos_and_kinds(fresh_store: Store, make_article: Callable[..., Article]) -> None:
    ingest_text(fresh_store, TEXT, "talks.txt", extract=lambda text: make_article(text, ACTORS))
    assert names(fresh_store, "PRC") == ["China"]
    assert names(fresh_store, "trmup")[0] == "Donald Trump"
    assert names(fresh_store, "trum")[:2] == ["Donald Trump", "Trumbull"], "names holding the text first"
    assert names(fresh_store, "trmup", kind="country") == []
    assert names(fresh_store, "zzqx") == [] and filtered_actors(fresh_store, None, "zzqx", 10)[1] == 0
    assert filtered_actors(fresh_store, None, "", 2)[1] == 3

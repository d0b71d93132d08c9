"""Snapshots of the Corrections screen and the fuzzy picker on the seed article (frozen extraction)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from store import corrections
from store.db import Store
from store.files import read_article
from store.ingest import ingest_text
from tests.snapshots.conftest import FROZEN, SEED, thaw
from tests.snapshots.test_screens import RASMUSSEN, SIZES, snap

MADE_AT = "2026-12-02T02:30:00+00:00"
"""One fixed time for every correction, so the snapshot does not change with the clock."""


def _id(store: Store, sql: str, *params: object) -> int:
    return int(store.value(sql, params))


@pytest.fixture
def corrected_seed_store() -> Iterator[Store]:
    """The frozen seed store with a rename, a kind, a speaker and a stale correction."""
    text = read_article(SEED)
    article = thaw(text, json.loads(FROZEN.read_text(encoding="utf-8")))
    with Store.memory() as store:
        ingest_text(store, text, str(SEED), extract=lambda _: article)
        first = _id(store, "SELECT id FROM quotes ORDER BY start LIMIT 1")
        corrections.set_quote_kind(store, first, "title")
        top = _id(store, "SELECT id FROM actors ORDER BY mentions DESC, name LIMIT 1")
        corrections.set_actor_kind(store, top, "group")
        corrections.rename_actor(store, top, "The Alliance")
        ingest_text(store, text, str(SEED), force=True,
                    extract=lambda _: replace(article, quotes=article.quotes[1:]))
        with store.transaction():
            store.conn.execute("UPDATE corrections SET made_at = ?", (MADE_AT,))
        yield store


@SIZES
def test_corrections(snap_compare: Any, corrected_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see three corrections newest first: a rename and a kind that apply, a quote kind marked stale."""
    assert snap(snap_compare, corrected_seed_store, size, "C")


@SIZES
def test_merge_picker(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see a box over the actors: "Merge into which actor?", "chin" typed, China first, matches marked."""
    assert snap(snap_compare, frozen_seed_store, size, "m", *"chin")


@SIZES
def test_correct_picker(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see a box over Rasmussen's dossier offering to set or clear his quote's speaker, make it a
    phrase or a title, and to merge, rename, call him by another of his names, re-kind or remove him."""
    assert snap(snap_compare, frozen_seed_store, size, *RASMUSSEN, "c")

"""Snapshots of the why box weighing candidates that lost, and of the Lineage screen (one statement quoted in
three made-up stories)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from store.db import Store
from store.files import read_article
from store.ingest import ingest_text
from store.model import Article, Candidate, Considered
from tests.conftest import build_article
from tests.snapshots.conftest import FROZEN, SEED, thaw
from tests.snapshots.test_screens import RASMUSSEN, SIZES, snap
from tests.store.test_lineage import three_stories

WEIGHED = "I would very much like to see a strengthened dialogue"
"""The start of Rasmussen's fourth quote, whose sentence also names Tokyo and China."""


def with_losers(article: Article) -> Article:
    """The frozen seed with the losing candidates the sieve records for WEIGHED (the frozen records predate
    them): Tokyo, a place, and China, farther from the cue than Rasmussen."""
    text = article.text
    start = text.index(WEIGHED)
    passage = text.rindex("\n", 0, start)
    losers = Considered((Candidate("Tokyo", text.index("Tokyo", passage), "a place does not speak"),
                         Candidate("China", text.index("China", passage),
                                   "not the subject the rule found (after the cue, farther from it)")))
    quotes = tuple(replace(q, attribution=replace(q.attribution, considered=losers))
                   if q.start == start and q.attribution else q for q in article.quotes)
    return replace(article, quotes=quotes)


@pytest.fixture(scope="module")
def weighed_seed_store() -> Iterator[Store]:
    """The frozen seed store, WEIGHED's attribution recording the candidates that lost."""
    text = read_article(SEED)
    article = with_losers(thaw(text, json.loads(FROZEN.read_text(encoding="utf-8"))))
    with Store.memory() as store:
        ingest_text(store, text, str(SEED), extract=lambda _: article)
        yield store


@pytest.fixture(scope="module")
def lineage_store() -> Iterator[Store]:
    """Three made-up stories of 2021, 2019 and 2020 quoting one statement (ingested in that order)."""
    with Store.memory() as store:
        three_stories(store, build_article)
        yield store


@SIZES
def test_why_with_candidates_that_lost(snap_compare: Any, weighed_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see the why box over Rasmussen's dossier for his fourth quote: the rule in words, "continued"
    marked, then "Also named, and why not them:" with Tokyo (a place) and China (farther from the cue)."""
    assert snap(snap_compare, weighed_seed_store, size, *RASMUSSEN, "j", "j", "j", "w")


@SIZES
def test_lineage(snap_compare: Any, lineage_store: Store, size: tuple[int, int]) -> None:
    """You should see "the same words in 3 documents" and the three stories oldest first (2019, 2020, 2021),
    each with its version of the statement, its speaker and ¶."""
    assert snap(snap_compare, lineage_store, size, "Q", "L")

"""Search hits ranked across kinds by how well they match the words typed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.db import Store
from store.ranking import match_quality, words
from store.search import search

_WORD = re.compile(r"\w+")


def test_match_quality_forgives_typos_and_unfinished_words() -> None:
    assert match_quality("lighthouse never", "a lighthouse that never switches off") == 100
    assert match_quality("ligthouse", "a lighthouse") > 80
    assert match_quality("light", "a lighthouse") == 100
    assert match_quality("lighthouse never", "Keiko Aramaki person Defense Minister") < 50
    assert match_quality("", "anything") == 0


def test_a_quote_holding_the_words_outranks_weak_actor_hits(corpus_store: Store) -> None:
    results = search(corpus_store, "walking dangerus road")
    assert results.ranked[0] == "quotes"
    assert results.quotes[0].label.startswith("walking down a dangerous road")
    assert all(hit.match < results.quotes[0].match for hit in results.actors)


def test_a_name_keeps_its_actor_first(corpus_store: Store) -> None:
    results = search(corpus_store, "aramaki")
    assert results.ranked[0] == "actors" and results.actors[0].label == "Keiko Aramaki"


def test_a_word_said_twice_or_in_another_case_matches_as_once() -> None:
    assert match_quality("minister", "Minister; Deputy MINISTER; minister") == 100
    twice = match_quality("ministr fo", "Foreign Minister; Foreign Minister")
    assert twice == match_quality("ministr fo", "Foreign Minister")
    assert match_quality("zz", "—; …") == 0


def test_each_hit_carries_how_well_its_shown_text_matches(corpus_store: Store) -> None:
    for query in ("aramaki", "walking dangerus road"):
        hits = search(corpus_store, query).all
        assert hits
        for hit in hits:
            shown = f"{hit.label} {hit.detail}" if hit.type == "actor" else hit.label
            assert hit.match == match_quality(query, shown)


def test_plain_ascii_text_is_scored_without_the_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folding the words of an ASCII text (most hits) does not run the word regex; other text does."""
    calls: list[str] = []

    class Counted:
        def findall(self, text: str) -> list[str]:
            calls.append(text)
            return _WORD.findall(text)

    monkeypatch.setattr("store.ranking._WORD", Counted())
    assert match_quality("minister", "Foreign Minister; Deputy MINISTER_2") == 100
    assert calls == []
    assert match_quality("carbostad", "Mayor of Carbóstad") < 100
    assert calls == ["Mayor of Carbóstad"]


@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
def test_words_are_the_word_regex_runs_folded(text: str) -> None:
    """However a text is folded, its words are the runs of word characters, case-folded."""
    folded = " ".join(_WORD.findall(text)).casefold()
    assert words(text) == (folded.split(" ") if folded else [])


def test_a_short_word_found_whole_is_not_compared_with_every_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """A typed word too short to count as a prefix still matches fully when it is a word of the text,
    without a fuzzy comparison against each word; one that is not is compared as before."""
    from store import ranking

    compared: list[str] = []
    closest = ranking._closest
    monkeypatch.setattr(ranking, "_closest", lambda typed, found: compared.append(typed) or closest(typed, found))
    assert match_quality("council on peace", "Northern Council on Peace Research") == 100
    assert compared == []
    assert match_quality("of ab", "Council on Peace Research") < 100
    assert compared == ["of", "ab"]

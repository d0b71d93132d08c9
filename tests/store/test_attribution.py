"""queries.attribution: the sieve's record of a quote, with its cue found in the reporting sentence."""

from __future__ import annotations

import pytest

from store import queries
from store.db import Store
from store.ingest import ingest_text
from store.queries import QuoteAttribution

HARBOR = (
    "Harbor Talks Resume\n\n"
    "Port officials met on Tuesday. “The ships will sail,” Mayor Lena Brook said. "
    "“Nobody will stop them.”\n\n"
    "Brook then went further:\n\n"
    "“We will rebuild every pier in this town.”\n\n"
    "According to Tom Reyes, “the budget is ready.” Critics call the plan a “harbor of dreams”."
)
"""A made-up story: a reporting verb after a quote, a split quote, a lead-in, "according to", a phrase."""


@pytest.fixture
def harbor(fresh_store: Store) -> Store:
    """A store holding the harbor story, extracted by the real pipeline."""
    ingest_text(fresh_store, HARBOR, "harbor.txt")
    return fresh_store


def explained(store: Store, words: str) -> QuoteAttribution:
    """The attribution of the quote holding the given words."""
    quote = next(q for q in queries.quotes(store) if words in q.text)
    found = queries.attribution(store, quote.id)
    assert found is not None
    return found


def cue_in_sentence(why: QuoteAttribution) -> str:
    """The words the cue span picks out of the reporting sentence."""
    assert why.cue_span is not None
    return why.sentence[slice(*why.cue_span)]


@pytest.mark.parametrize(("words", "rule", "cue", "speaker"), [
    ("ships will sail", "cue_after", "said", "Lena Brook"),
    ("Nobody will stop", "split_quote", "“", "Lena Brook"),
    ("rebuild every pier", "lead_in", ":", "Lena Brook"),
    ("budget is ready", "according_to", "According to", "Tom Reyes"),
])
def test_rule_and_cue_located_in_the_sentence(
        harbor: Store, words: str, rule: str, cue: str, speaker: str) -> None:
    why = explained(harbor, words)
    assert (why.rule, why.cue, why.speaker) == (rule, cue, speaker)
    assert cue_in_sentence(why) == cue
    assert HARBOR[why.cue_start:why.cue_end] == cue
    assert why.sentence[slice(*why.quote_span)] == why.text


def test_a_cue_in_the_paragraph_before_is_in_the_sentence_shown(harbor: Store) -> None:
    why = explained(harbor, "rebuild every pier")
    assert why.sentence == "Brook then went further: “We will rebuild every pier in this town.”"


def test_a_split_quote_shows_the_sentence_it_goes_on_from(harbor: Store) -> None:
    why = explained(harbor, "Nobody will stop")
    assert why.sentence == "“The ships will sail,” Mayor Lena Brook said. “Nobody will stop them.”"


def test_a_phrase_has_no_speaker_and_no_cue(harbor: Store) -> None:
    why = explained(harbor, "harbor of dreams")
    assert (why.kind, why.speaker, why.rule, why.cue, why.cue_span) == ("phrase", None, None, None, None)
    assert why.sentence[slice(*why.quote_span)] == "harbor of dreams"


def test_attribution_at_finds_the_quote_holding_a_spot(harbor: Store) -> None:
    start = HARBOR.index("budget")
    why = queries.attribution_at(harbor, 1, start, start + len("budget"))
    assert why is not None and why.rule == "according_to"
    assert queries.attribution_at(harbor, 1, 0, 5) is None
    assert queries.attribution(harbor, 10_000) is None


def test_a_cue_far_from_its_quote_is_shown_apart(fresh_store: Store) -> None:
    long_speech = " ".join(["The harbor needs more cranes and deeper berths."] * 100)
    text = f"Dock Plans\n\n“{long_speech},” Mayor Lena Brook said. “We start in May.”"
    ingest_text(fresh_store, text, "dock.txt")
    why = explained(fresh_store, "We start in May")
    assert why.rule == "split_quote" and cue_in_sentence(why) == "“"
    assert " … " in why.sentence and len(why.sentence) < 1000
    assert why.sentence[slice(*why.quote_span)] == "We start in May."

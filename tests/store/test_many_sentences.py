"""Articles of many sentences or tiny paragraphs (issue 9): work done once where it may be, what is found unchanged."""

from __future__ import annotations

import pytest

from store.extract import actors
from store.extract.pipeline import extract_article
from store.extract.scan import overlapping
from store.extract.sentences import split_sentences

_UNITS = (
    "Jonas Berg Halvorsen said. ",
    "Foreign Minister Kari Lunde, a spokesman for the Nordic Council, said the talks went well. ",
    "OSLO (Reuters) - Halvorsen said the Harbour Fund (HF) would pay.\n\n",
    "“Values Diplomacy Can Never Work” ran in the paper, officials said. ",
    "Word.\n\n",
    "Lunde told P.L. 117-58 readers and Berg, who said nothing. ",
)


def _repeated() -> str:
    """Each unit some 3 KB in a row, then all of them again in turn: alike and unlike contexts."""
    return "Talks in Bergen\n\n" + "".join(unit * (3000 // len(unit)) for unit in _UNITS) + "".join(_UNITS) * 3


def test_spans_that_share_a_character_overlap() -> None:
    test = overlapping([(2, 5), (10, 20), (30, 100), (40, 42)])
    assert [test(0, 2), test(0, 3), test(5, 10), test(4, 6), test(12, 13), test(20, 30), test(50, 60)] == \
        [False, True, False, True, True, False, True]
    assert not overlapping([])(0, 10)


def test_remembered_sentences_name_what_fresh_ones_do(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _repeated()
    worked_out = []
    sentence = actors._sentence
    monkeypatch.setattr(actors, "_sentence", lambda *args: worked_out.append(args) or sentence(*args))
    remembered = extract_article(text)
    sentences = [span for p in remembered.passages for span in split_sentences(text, p.start, p.end)]
    assert len(worked_out) < len(sentences) / 2  # most were remembered
    # Every sentence "near a title" is worked out afresh, never remembered.
    monkeypatch.setattr(actors, "overlapping", lambda spans: lambda start, end: True)
    fresh = extract_article(text)
    assert remembered.mentions == fresh.mentions and remembered.actors == fresh.actors
    assert remembered.quotes == fresh.quotes and remembered.events == fresh.events


def test_a_repeated_sentence_names_its_speaker_where_it_stands() -> None:
    text = "Talks in Bergen\n\n" + "Jonas Berg Halvorsen said. " * 40
    mentions = extract_article(text).mentions
    assert len(mentions) == 40
    assert all(text[m.start : m.end] == "Jonas Berg Halvorsen" == m.text for m in mentions)


@pytest.mark.parametrize("quoted", ["“useful”", '"useful"', "‘useful’", "''useful''", "``useful''"])
def test_paragraphs_without_marks_are_passed_over_and_the_others_still_quote(quoted: str) -> None:
    """Quotation marks are paired only in paragraphs that hold one: thousands of tiny paragraphs go fast."""
    from store.extract.quotemarks import quote_spans

    text = "Word.\n\n" * 3 + f"Lunde called it {quoted} today.\n\n" + "Word.\n\n" * 3
    spans = quote_spans(text)
    assert [text[m.start : m.end] for m in spans] == ["useful"]


def test_a_word_said_again_shares_its_strings() -> None:
    """A line of the same few words keeps one copy of each word (and of each mention's text), not one each."""
    from store.extract.tokens import tokenize

    first, _, again = tokenize("Halvorsen met Halvorsen")
    assert (first.text, first.lower, first.capitalised) == (again.text, again.lower, again.capitalised)
    assert first.text is again.text and first.lower is again.lower
    text = "Talks\n\n" + "XQZ WVB " * 20
    mentions = [m for m in extract_article(text).mentions if m.text == "XQZ"]
    assert len(mentions) == 20 and all(m.text is mentions[0].text for m in mentions)

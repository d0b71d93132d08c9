"""Sentence boundaries on short texts with the usual traps."""

from store.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    """The sentences of text, as strings."""
    return [text[start:end] for start, end in split_sentences(text)]


def test_plain_sentences_split_at_full_stops() -> None:
    assert sentences("One two. Three four! Five six? Seven") == [
        "One two.", "Three four!", "Five six?", "Seven"]


def test_us_inside_a_sentence_does_not_split() -> None:
    text = "China is wary of U.S. power in Asia. It says so."
    assert sentences(text) == ["China is wary of U.S. power in Asia.", "It says so."]


def test_us_before_a_name_does_not_split_but_before_a_new_sentence_does() -> None:
    assert sentences("He met U.S. Secretary Kerry.") == ["He met U.S. Secretary Kerry."]
    assert sentences("He flew to the U.S. The trip was short.") == [
        "He flew to the U.S.", "The trip was short."]


def test_titles_and_initials_never_end_a_sentence() -> None:
    text = "Gen. Smith met Dr. Jones and John F. Kennedy Jr. in Rome. They talked."
    assert sentences(text) == [
        "Gen. Smith met Dr. Jones and John F. Kennedy Jr. in Rome.", "They talked."]


def test_decimals_and_lowercase_continuations_stay_whole() -> None:
    assert sentences("A $3.7 billion deal, i.e. a big one. Next.") == [
        "A $3.7 billion deal, i.e. a big one.", "Next."]


def test_closing_quotes_and_footnote_markers_stay_with_their_sentence() -> None:
    text = "He said “We share values.” Then he left. See this [4]. And “Yes!” she said."
    assert sentences(text) == [
        "He said “We share values.”", "Then he left.", "See this [4].", "And “Yes!” she said."]


def test_blank_lines_always_end_a_sentence_and_offsets_are_exact() -> None:
    text = "  Heading without stop\n\nFirst para here.  \n\n Second"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Heading without stop", "First para here.", "Second"]


def test_a_window_of_the_text_yields_document_offsets() -> None:
    text = "Skip me. Take this. And this."
    start = text.index("Take")
    assert [text[s:e] for s, e in split_sentences(text, start)] == ["Take this.", "And this."]


def test_empty_and_whitespace_give_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n  ") == []

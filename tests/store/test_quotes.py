"""Quotes: marks paired, kinds decided, speakers found through verbs, subjects and pronouns."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.actors import find_actors
from store.extract.passages import split_passages
from store.extract.quotemarks import quote_spans
from store.extract.quotes import find_quotes
from store.extract.sentences import split_sentences
from store.model import Quote

SEED = next((Path(__file__).parents[2] / "seeds").glob("*.txt")).read_text(encoding="utf-8")

WIRE = """Ministry sends ships to the Gulf of Aden

LONDON, June 4 (Reuters) - Britain will send two more patrol ships, Defence Secretary Helen
Marchbank said on Tuesday.

"The shipping lanes are busier than ever," said Jane Doe, a spokeswoman for the Ministry of Defence.
"We will not leave them unguarded," Marchbank told reporters. She added: "Nobody should doubt it."

A senior Egyptian official said the talks were "constructive." Analysts called it "a symbolic step."
"""

REPORT = """Rethinking Deterrence in the High North

Professor Ingrid Solvang of the Arctic Strategy Institute argues that deterrence is changing. Her
study, “Ice, Steel and Patience,” found that Norway and Finland worked closely. Solvang wrote:
“Deterrence in the North rests on patience. It rests on steel. It rests on trust.” She continued,
“No one wants a crisis on the ice.”

According to a Finnish diplomat, “the talks were frank but friendly.” Some call this “managed tension.”
"""


def quotes_of(text: str, passages: bool = True) -> tuple[Quote, ...]:
    """Run the actor and quote extraction on text."""
    found = split_passages(text) if passages else ()
    sentences = [s for p in found for s in split_sentences(text, p.start, p.end)] or split_sentences(text)
    actors, mentions = find_actors(text, found, sentences)
    return find_quotes(text, found, sentences, actors, mentions)


def by_start(quotes: tuple[Quote, ...], prefix: str) -> Quote:
    """The one quote whose text starts with prefix."""
    (match,) = [q for q in quotes if q.text.startswith(prefix)]
    return match


def test_every_quote_cuts_its_text() -> None:
    for text in (SEED, WIRE, REPORT):
        assert all(text[q.start : q.end] == q.text for q in quotes_of(text))


def test_seed_rasmussen_quotes_are_all_his() -> None:
    quotes = quotes_of(SEED)
    prefixes = [
        "NATO and Japan are like-minded", "But let me make one thing clear", "We do not consider China",
        "I would very much like to see", "see a more structured China-NATO dialogue",
        "I think actually that Asia needs",
    ]
    for prefix in prefixes:
        quote = by_start(quotes, prefix)
        assert (quote.kind, quote.speaker) == ("speech", "Anders Fogh Rasmussen"), prefix
    intention = [q for q in quotes if q.text.startswith("NATO has no intention")]
    assert len(intention) == 2 and {q.speaker for q in intention} == {"Anders Fogh Rasmussen"}


def test_seed_group_speaker_titles_and_phrases() -> None:
    quotes = quotes_of(SEED)
    official = by_start(quotes, "We don’t expect NATO")
    assert (official.kind, official.speaker) == ("speech", "Japanese official")
    assert by_start(quotes, "Values Diplomacy Can Never").kind == "title"
    assert by_start(quotes, "Japan, NATO agree").kind == "title"  # a headline an outlet ran
    # "Kerry's announcement ... that the United States was “open to negotiation”": his words, reported.
    kerry = by_start(quotes, "open to negotiation")
    assert (kerry.kind, kerry.speaker, kerry.attribution.rule) == ("speech", "John Kerry", "speech_noun")
    # "Japanese scholars also have called for NATO to communicate “strategic ambiguity”": their term;
    # "dispelled any sign of a possible NATO “strategic ambiguity”" reports no one's words.
    ambiguity = [(q.kind, q.speaker) for q in quotes if q.text == "strategic ambiguity"]
    assert ambiguity == [("speech", "Japanese scholars"), ("phrase", None)]
    # "Japanese scholars also have called for NATO to communicate “strategic ambiguity”": their term;
    # "dispelled any sign of a possible NATO “strategic ambiguity”" reports no one's words.
    ambiguity = [(q.kind, q.speaker) for q in quotes if q.text == "strategic ambiguity"]
    assert ambiguity == [("speech", "Japanese scholars"), ("phrase", None)]
    assert by_start(quotes, "NATO and Japan: Strengthening").kind == "title"  # in a footnote


def test_seed_speech_across_sentences_is_one_quote() -> None:
    quote = by_start(quotes_of(SEED), "NATO and Japan are like-minded")
    assert quote.text.endswith("both in our own regions, and beyond")


def test_wire_said_after_the_quote_and_colon() -> None:
    quotes = quotes_of(WIRE)
    assert by_start(quotes, "The shipping lanes").speaker == "Jane Doe"
    assert by_start(quotes, "We will not leave").speaker == "Helen Marchbank"
    assert by_start(quotes, "Nobody should doubt").speaker == "Helen Marchbank"  # "She added:"
    assert by_start(quotes, "a symbolic step").speaker == "analysts"


def test_report_pronoun_carried_over_and_according_to() -> None:
    quotes = quotes_of(REPORT)
    assert by_start(quotes, "Ice, Steel and Patience").kind == "title"
    assert by_start(quotes, "Deterrence in the North").speaker == "Ingrid Solvang"
    assert by_start(quotes, "No one wants a crisis").speaker == "Ingrid Solvang"
    assert by_start(quotes, "the talks were frank").speaker == "Finnish diplomat"
    assert by_start(quotes, "managed tension").kind == "phrase"


def test_straight_and_curly_marks_pair() -> None:
    text = 'He said "yes" and “no” and ‘maybe’ but didn’t say the donors’ names.'
    assert [text[m.start : m.end] for m in quote_spans(text)] == ["yes", "no", "maybe"]


def test_unbalanced_quote_is_capped_at_its_paragraph() -> None:
    text = "The “open quote runs on. It never closes.\n\nNext paragraph says “hello” plainly."
    spans = quote_spans(text)
    assert [text[m.start : m.end] for m in spans] == ["open quote runs on. It never closes.", "hello"]
    assert [m.closed for m in spans] == [False, True]


def test_nested_single_quotes_inside_double() -> None:
    text = "“He called it ‘a farce’ yesterday,” said Tom Okafor."
    quotes = quotes_of(text, passages=False)
    outer = by_start(quotes, "He called it")
    assert (outer.kind, outer.speaker) == ("speech", "Tom Okafor")
    assert by_start(quotes, "a farce").kind == "phrase"


def test_unclosed_straight_quote_does_not_swallow_the_next_paragraph() -> None:
    text = 'Mr. Lee said "we will see.\n\nLater, "fine" was all he said.'
    spans = quote_spans(text)
    assert [text[m.start : m.end] for m in spans] == ["we will see.", "fine"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab Cd.,;:'’\"“”‘()\n-sXY ofthe")), max_size=120))
def test_never_raises_and_offsets_cut_exactly(text: str) -> None:
    sentences = split_sentences(text)
    actors, mentions = find_actors(text, (), sentences)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert {m.actor for m in mentions} <= {a.name for a in actors}
    quotes = find_quotes(text, (), sentences, actors, mentions)
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_paraphrase_before_a_quote_gives_it_to_the_subject() -> None:
    text = 'Chancellor Friedrich Adler said Germany would meet the target "in the coming years" but gave no date.'
    (quote,) = quotes_of(text, passages=False)
    assert (quote.kind, quote.speaker) == ("speech", "Friedrich Adler")


def test_pronoun_after_the_quote_and_a_quote_that_runs_on() -> None:
    text = ("Capt. Samuel Eze joined us. \"Navies patrol. Pirates adapt,\" he said. \"We are always behind.\" "
            "Analysts call this \"managed tension.\"")
    quotes = quotes_of(text, passages=False)
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("speech", "Samuel Eze"), ("speech", "Samuel Eze"), ("phrase", None)]


def test_straight_single_quotes_pair_around_words_not_apostrophes() -> None:
    text = "'We are a European power,' Healey told MPs, who didn't agree that Britain's 'reach' had grown."
    assert [text[m.start : m.end] for m in quote_spans(text)] == ["We are a European power,", "reach"]


def test_a_quote_after_a_short_action_sentence_is_its_subjects() -> None:
    text = 'General Janne Lindberg met us. He paused. "Complacency is the risk."'
    (quote,) = quotes_of(text, passages=False)
    assert (quote.kind, quote.speaker) == ("speech", "Janne Lindberg")


def test_a_curly_opening_closed_by_a_straight_mark_is_one_quote() -> None:
    text = "Port Talks\n\n“The berths are free,\" Tomas Brandt said, adding that ships come \"every day.\""
    spans = {q.text for q in quotes_of(text)}
    assert spans == {"The berths are free,", "every day."}


def test_an_outlets_quoted_sentence_is_speech_and_its_headline_a_title() -> None:
    text = ("Port Talks\n\nThe Valdora Courier reported “Harbour talks resume after long pause” on Monday.\n\n"
            "“The port has been quiet all month,” the Valdora Courier reported.")
    quotes = {q.text: q for q in quotes_of(text)}
    assert quotes["Harbour talks resume after long pause"].kind == "title"
    said = quotes["The port has been quiet all month,"]
    assert (said.kind, said.speaker) == ("speech", "Valdora Courier")


def test_what_an_outlet_calls_someone_is_its_words_not_a_headline() -> None:
    text = "Anchors\n\nThe hosts were, as the Valdora Courier called them last week, “harbour loyalists”."
    (quote,) = quotes_of(text)
    assert (quote.kind, quote.speaker) == ("speech", "Valdora Courier")

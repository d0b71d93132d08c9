"""Extraction of hostile sizes (issue 9) by runs and pieces, not a pass or an object more per word: work and
memory counted (calls, traced bytes), never timed, and the answer unchanged."""

from __future__ import annotations

import pickle
import re
import tracemalloc
from collections.abc import Callable

import pytest

from store.extract import actors, aliases, candidates
from store.extract.candidate_table import CandidateTable
from store.extract.candidates import Candidate
from store.extract.passages import split_passages
from store.extract.pipeline import extract_article
from store.extract.quotemarks import quote_spans
from store.extract.scan import Spans
from store.model import Article, Mention, Mentions, Passage

_ACRONYMS = "Talks\n\n" + "XQZ WVB " * 20000
"""A line of acronyms: one sentence of 160 KB and 40,000 words."""


def _peak(work: Callable[[], object]) -> int:
    """The most bytes of Python objects alive at once while ``work`` runs, beyond those alive before."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _held(work: Callable[[], object]) -> int:
    """The bytes of Python objects alive just after ``work`` returns, what it returned among them."""
    tracemalloc.start()
    try:
        kept = work()
        held = tracemalloc.get_traced_memory()[0]
        del kept  # alive until counted
        return held
    finally:
        tracemalloc.stop()


def test_a_sentence_of_a_line_of_acronyms_is_read_in_pieces_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence of 160 KB was tokenized and read as one run of 40,000 words (all its tokens and candidates
    alive at once); now in pieces of at most 4,096 characters, the pieces that repeat worked out once, and
    every acronym is still an organisation."""
    spans: list[int] = []
    tokenize = actors.tokenize
    monkeypatch.setattr(actors, "tokenize", lambda text, start, end: spans.append(end - start)
                        or tokenize(text, start, end))
    article = extract_article(_ACRONYMS)
    assert len(article.mentions) == 40000 and max(spans) <= 4096 and len(spans) < 10, spans
    assert {(a.name, a.kind) for a in article.actors} == {("XQZ", "organization"), ("WVB", "organization")}


def test_a_piece_is_cut_at_a_space_and_a_long_word_is_not_cut() -> None:
    """Pieces end at a space and cover every word; a word longer than a piece stays whole."""
    text = "Talks\n\n" + "Halvorsen " * 1000 + "x" * 9000 + " said Lunde."
    pieces = list(actors._pieces(text, [(7, len(text))]))
    assert all(text[end : end + 1] in (" ", "") for _, end in pieces) and pieces[-1][1] == len(text)
    assert " ".join(text[start:end] for start, end in pieces).split() == text[7:].split()
    assert "x" * 9000 in [text[start:end] for start, end in pieces]


def test_actor_finding_holds_a_candidate_as_offsets_and_a_shape() -> None:
    """Each candidate of a line of acronyms was an object, some 165 traced bytes with its offsets, all of them
    alive before their mentions were made: 187 bytes at the peak for each mention found; as a row of 20 bytes,
    with the mentions made column-wise from the rows, 43."""
    extract_article("Talks\n\nXQZ WVB met.")  # word lists and patterns loaded before the count
    passages = split_passages(_ACRONYMS)
    found = _peak(lambda: actors.find_actors(_ACRONYMS, passages, Spans([(7, len(_ACRONYMS))])))
    assert found / 40000 < 60
    table = CandidateTable(Candidate(i * 4, i * 4 + 3, "organization", "XQZ") for i in range(20000))
    assert _held(lambda: table.selected(lambda shape: shape)) / 20000 < 24
    assert list(table.selected(lambda shape: shape)) == list(table) and table[5] == Candidate(20, 23, "organization", "XQZ")


def test_candidates_in_order_are_kept_as_they_are() -> None:
    """Candidates one a span and in text order come back as they are, with no table of spans nor sorted copy
    (3 MB for these 20,000, 170 MB for 4 MB of acronyms); others are still put in order, the strongest kept."""
    found = CandidateTable(Candidate(i * 4, i * 4 + 3, "organization", "XQZ") for i in range(20000))
    assert aliases.deduplicate(found) is found and _peak(lambda: aliases.deduplicate(found)) < 10_000
    weak, strong = Candidate(9, 12, "person", "Lunde", "surname"), Candidate(9, 12, "person", "Lunde")
    first = Candidate(0, 4, "organization", "XQZ")
    assert aliases.deduplicate(CandidateTable([weak, first, strong])) == [first, strong]


def test_organisations_with_no_acronym_after_them_make_no_table() -> None:
    """Folding acronyms introduced in brackets built a table of every candidate by its start (885 KB for these
    20,000, 60 MB for 4 MB of acronyms); only an article where one stands after an organisation needs it."""
    text = "XQZ " * 20000
    found = CandidateTable(Candidate(i * 4, i * 4 + 3, "organization", "XQZ") for i in range(20000))
    assert _peak(lambda: aliases.resolve_organizations(text, found)) < 50_000
    defined = "The Nordic Trade Council (NTC) met. NTC said so."
    council = Candidate(4, 24, "organization", "Nordic Trade Council")
    short = [Candidate(at, at + 3, "organization", "NTC") for at in (26, defined.rindex("NTC"))]
    folded = aliases.resolve_organizations(defined, CandidateTable([council, *short]))
    assert [c.name for c in folded] == ["Nordic Trade Council"] * 3


def test_extracting_a_line_of_acronyms_holds_little_beside_its_mentions() -> None:
    """Tokens, candidates, mentions and sorting keys of a line of acronyms were alive at once: 353 traced bytes
    at the peak for each of its mentions (the mentions themselves keep some 140); now under 260."""
    extract_article("Talks\n\nXQZ WVB met.")  # word lists and patterns loaded before the count
    text = "Talks\n\n" + "XQZ WVB " * 12500
    assert _peak(lambda: extract_article(text)) / 25000 < 260


class _CountingPattern:
    """A compiled pattern whose ``match`` calls are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(text, pos)


def test_an_acronym_written_often_is_looked_for_before_a_law_word_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether an acronym names a programme ("the XQZ program") was a look after each place it is written
    (125,000 a MB of acronyms); one written more than 64 times is first searched for once, and one written
    before a law word is still no organisation."""
    after = _CountingPattern(candidates._NEXT_WORD)
    monkeypatch.setattr(candidates, "_NEXT_WORD", after)
    article = extract_article("Talks\n\nThe XQZ program ended. " + "XQZ WVB " * 500)
    assert after.calls <= 2 and {(a.name, a.kind) for a in article.actors} == {("WVB", "organization")}


_WORDS = "Talks\n\n" + "Word.\n\n" * 2000
"""Many tiny paragraphs: 2,000 of one word."""


def test_repeated_paragraphs_are_classified_once_and_share_their_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each of 2,000 paragraphs "Word." was classified (nine patterns tried) and held its own copy of the word;
    now one classification and one string serve all but the first (read in the header's context), and every
    one is still a numbered paragraph."""
    from store.extract import passages

    classified: list[int] = []
    classify = passages._classify
    monkeypatch.setattr(passages, "_classify", lambda text, start, *rest: classified.append(start)
                        or classify(text, start, *rest))
    found = passages.split_passages(_WORDS)
    assert len(found) == 2001 and len(classified) < 5 and len({id(p.text) for p in found[2:]}) == 1
    assert [(p.kind, p.number, p.text) for p in found[1:3]] == [("paragraph", 1, "Word."), ("paragraph", 2, "Word.")]


def test_quoted_spans_are_remembered_without_hashing_the_passages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quoted spans of an article, asked for by two stages, were remembered under its passages: each of
    2,000 passages was hashed by value twice an article; now none is."""
    from store.model import Passage

    hashed: list[int] = []
    hash_passage = Passage.__hash__
    monkeypatch.setattr(Passage, "__hash__", lambda passage: hashed.append(1) or hash_passage(passage))
    article = extract_article(_WORDS + "Lunde said “it went well.”")
    assert hashed == [] and [q.text for q in article.quotes] == ["it went well."]


def test_unsure_people_of_repeated_sentences_are_made_only_when_confirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A word a paragraph made a one-word "person" at each of 2,000 paragraphs, all dropped by alias resolution:
    now none is made; where a full name confirms one ("Jonas Halvorsen said"), every one is still made, and
    all are that person's mentions."""
    moved: list[int] = []
    move = actors._moved
    monkeypatch.setattr(actors, "_moved", lambda candidate, by: moved.append(by) or move(candidate, by))
    assert extract_article(_WORDS).mentions == () and moved == []
    surnames = "Halvorsen.\n\n" * 300
    text = "Talks\n\n" + surnames + "Jonas Halvorsen said so.\n\n" + surnames + "Word.\n\n" * 300
    article = extract_article(text)
    assert len(article.mentions) == 601
    assert {m.actor for m in article.mentions} == {"Jonas Halvorsen"}


def test_alias_resolution_holds_no_copy_of_the_people_it_drops() -> None:
    """Resolving 20,000 one-word people that no full name confirms held a list of them and a set of their ids
    (1.8 MB here, 120 MB for 4 MB of one-word paragraphs) beside the candidates."""
    found = CandidateTable(Candidate(i * 6, i * 6 + 4, "person", "Word", "common") for i in range(20000))
    assert _peak(lambda: aliases.resolve_people(found)) < 50_000 and aliases.resolve_people(found) == []


def test_an_article_with_no_quotation_mark_indexes_nothing_for_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no quoted span, quote finding built its index of 2,000 sentences and passages and sorted the
    mentions all the same (30 MB for 4 MB of one-word paragraphs); one quote still finds its speaker."""
    from store.extract import quotes

    built: list[int] = []
    locator = quotes._Locator
    monkeypatch.setattr(quotes, "_Locator", lambda *args: built.append(1) or locator(*args))
    assert extract_article(_WORDS).quotes == () and built == []
    quoted = extract_article("Talks\n\nLunde said: “It went well.”")
    assert [(q.kind, q.speaker) for q in quoted.quotes] == [("speech", "Lunde")] and built == [1]


def test_an_article_with_no_date_indexes_nothing_for_events(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no sentence that may hold a date, event finding still indexed 2,000 paragraphs and sorted the
    mentions (40 MB for 4 MB of hostile text); a dated sentence still makes its event."""
    from store.extract import events

    indexed: list[int] = []
    within = events.within
    monkeypatch.setattr(events, "within", lambda spans: indexed.append(1) or within(spans))
    assert extract_article(_WORDS).events == () and indexed == []
    dated = extract_article("Talks\n\nMinister Kari Lunde met Berg in Oslo on May 3, 2021.")
    assert [(e.date, e.actors) for e in dated.events] == [("2021-05-03", ("Kari Lunde", "Oslo"))]


def test_an_article_with_no_description_indexes_no_mention_for_descriptions(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no "the official said" anywhere, the 40,000 mentions of a line of acronyms were still sorted and
    indexed by name for descriptions (30 MB for 4 MB); a description still finds the one it describes."""
    from store.extract import descriptions

    indexed: list[int] = []
    named_at = descriptions._named_at
    monkeypatch.setattr(descriptions, "_named_at", lambda ordered: indexed.append(len(ordered)) or named_at(ordered))
    assert len(extract_article(_ACRONYMS).mentions) == 40000 and indexed == []
    article = extract_article("Talks\n\nMinister Kari Lunde met Berg. The minister said it went well.")
    assert [(m.actor, m.text) for m in article.mentions][-1] == ("Kari Lunde", "The minister") and len(indexed) == 1


_PARAGRAPHS = 20000
_ONE_WORD_PARAGRAPHS = "Talks\n\n" + "Word.\n\n" * _PARAGRAPHS
"""A word a paragraph: 20,001 passages (the title and the paragraphs)."""


def test_splitting_one_word_paragraphs_holds_little_beside_the_passages() -> None:
    """The units between blank lines were a list of tuples, each with offsets of its own beside the passage's,
    and a paragraph's number was an int apart from its equal ordinal: 351 traced bytes at the peak a passage
    (the passages themselves keep some 180); now under 240."""
    split_passages("Talks\n\nWord.")  # word lists and patterns loaded before the count
    assert _peak(lambda: split_passages(_ONE_WORD_PARAGRAPHS)) / (_PARAGRAPHS + 1) < 240
    passages = split_passages(_ONE_WORD_PARAGRAPHS)
    assert len(passages) == _PARAGRAPHS + 1 and passages[0].kind == "title"
    assert {(p.kind, p.text) for p in passages[1:]} == {("paragraph", "Word.")}
    assert [(p.ordinal, p.number) for p in passages[:3]] == [(0, None), (1, 1), (2, 2)]


def test_extracting_one_word_paragraphs_holds_little_beside_the_passages() -> None:
    """Units, sentences and quote finding's blocks were lists of tuples alive beside the passages: 351 traced
    bytes a passage at the peak of extraction; now under 260."""
    extract_article("Talks\n\nWord.\n\nWord.")
    assert _peak(lambda: extract_article(_ONE_WORD_PARAGRAPHS)) / (_PARAGRAPHS + 1) < 260


def test_quotes_are_looked_for_passage_by_passage_without_a_list_of_them() -> None:
    """With no quotation mark, quote finding listed every passage's span (1.2 MB here) before reading any."""
    passages = split_passages(_ONE_WORD_PARAGRAPHS)
    assert _peak(lambda: quote_spans(_ONE_WORD_PARAGRAPHS, passages)) < 20_000
    text = "Talks\n\nLunde said: “It went well.”"
    assert [text[m.start : m.end] for m in quote_spans(text, split_passages(text))] == ["It went well."]


def test_spans_read_as_the_list_of_pairs_they_keep() -> None:
    """Spans give back the pairs they were given: by index, by slice, in order and counted."""
    pairs = [(0, 5), (7, 12), (14, 30)]
    spans = Spans(iter(pairs))
    assert list(spans) == pairs and len(spans) == 3 and spans[1] == (7, 12) and spans[-1] == (14, 30)
    assert spans[1:] == pairs[1:] and list(reversed(spans)) == pairs[::-1] and list(Spans()) == []


def test_passages_and_mentions_keep_no_end_apart_from_their_text() -> None:
    """A passage's or a mention's end is its start plus the length of its text (exactly the article's text
    between them), not an int of its own: one-word paragraphs were held in some 188 traced bytes a passage,
    now 148; a line of acronyms in some 140 a mention, now 101. The ends are as before."""
    extract_article("Talks\n\nXQZ WVB met.")  # word lists and patterns loaded before the count
    assert _held(lambda: split_passages(_ONE_WORD_PARAGRAPHS)) / (_PARAGRAPHS + 1) < 165
    text = "Talks\n\n" + "XQZ WVB " * 12500
    assert _held(lambda: extract_article(text)) / 25000 < 115
    mentions = extract_article(text).mentions
    assert [(m.start, m.end) for m in mentions[:2]] == [(7, 10), (11, 14)] and all(
        text[m.start : m.end] == m.text for m in mentions)


def test_a_passage_and_a_mention_print_compare_and_pickle_with_their_end() -> None:
    """Their repr (which the identity check of extraction compares), equality and pickling (to and from
    ingest's workers) are as when the end was a field."""
    passage, mention = Passage(1, "paragraph", "", 1, 7, 12, "Word."), Mention("NATO", 20, 24, "NATO")
    assert repr(passage) == "Passage(ordinal=1, kind='paragraph', section='', number=1, start=7, end=12, text='Word.')"
    assert repr(mention) == "Mention(actor='NATO', start=20, end=24, text='NATO')"
    assert pickle.loads(pickle.dumps((passage, mention))) == (passage, mention)
    assert hash(mention) == hash(Mention("NATO", 20, 24, "NATO")) and mention != Mention("NATO", 21, 25, "NATO")


def test_an_article_holds_its_mentions_column_wise() -> None:
    """A line of acronyms' article held its mentions as a tuple of Mention records, some 101 traced bytes each
    beside the tuple's slot (250 MB at 9 MB); kept as an array of starts and one of places in the article's
    two (actor, text) pairs, the whole article is held in under 30 a mention, its text counted."""
    extract_article("Talks\n\nXQZ WVB met.")  # word lists and patterns loaded before the count
    text = "Talks\n\n" + "XQZ WVB " * 12500
    assert _held(lambda: extract_article(text)) / 25000 < 30
    mentions = extract_article(text).mentions
    assert mentions.forms == (("XQZ", "XQZ"), ("WVB", "WVB")) and list(mentions.which[:3]) == [0, 1, 0]


def test_mentions_read_compare_print_and_pickle_as_the_tuple_they_keep() -> None:
    """Mentions give back the records they were given (by index, by slice, in order and reversed), and
    compare, hash, print (what the identity check of extraction compares) and pickle as their tuple."""
    text = "Kari Lunde met NATO. NATO said so."
    records = (Mention("NATO", 15, 19, "NATO"), Mention("Kari Lunde", 0, 10, "Kari Lunde"),
               Mention("NATO", 21, 25, "NATO"))
    mentions = Mentions(iter(records))
    assert tuple(mentions) == records and mentions == records == mentions and len(mentions) == 3
    assert mentions[1] == records[1] and mentions[-1] == records[-1] and mentions[1:] == records[1:]
    assert list(reversed(mentions)) == list(reversed(records)) and repr(mentions) == repr(records)
    assert hash(mentions) == hash(records) and pickle.loads(pickle.dumps(mentions)) == mentions != records[:2]
    assert Mentions.cut(text, ((m.actor, m.start, m.end) for m in records)) == mentions and len(mentions.forms) == 2
    assert Article(text, "", None, None, mentions=records).mentions == Mentions(records)


def test_mentions_give_their_ends_counts_order_and_chosen_places_from_their_columns() -> None:
    """What extraction and ingest read instead of a Mention a mention: ends, mentions per actor, text order
    (by start, then end, ties kept; themselves when already in it), the mentions at chosen places, and these
    mentions and then others."""
    records = (Mention("NATO", 15, 19, "NATO"), Mention("Kari Lunde", 0, 10, "Kari Lunde"),
               Mention("NATO", 15, 17, "NA"))
    mentions = Mentions(records)
    assert list(mentions.ends()) == [19, 10, 17] and mentions.per_actor() == {"NATO": 2, "Kari Lunde": 1}
    assert mentions.take([2, 0]) == (records[2], records[0]) and mentions.take([]) == ()
    assert mentions.where(lambda start, end: end - start > 2) == records[:2]
    assert mentions.ordered() == (records[1], records[2], records[0])
    in_order = mentions.ordered()
    assert in_order.ordered() is in_order and (mentions + [records[0]]).ordered()[-2:] == (records[0],) * 2
    assert mentions + [records[1]] == (*records, records[1]) and mentions == records  # a new one, these unchanged

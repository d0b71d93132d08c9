"""Quotes: every quotation-mark span, as speech (with its speaker), a scare-quoted phrase or a title.

Decisions: a headline an outlet is said to have run ("Xinhua reported “...”") is a title, not speech;
a short quote that no nearby reporting verb introduces ("was “open to negotiation”") is a phrase.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from store.extract.scan import passage_kinds, within
from store.extract.quotemarks import Marks, is_title_cased, quote_spans
from store.extract.speakers import Context, speaker_after, speaker_before, speaker_of_beat
from store.model import Actor, Mention, Passage, Quote

_TITLE_PASSAGES = frozenset({"footnote", "title", "heading", "publication"})
_CLOSING = " \t.,;:!?\"”’'"
_LABEL = " \t\nA:"  # an interview's answer label may open the sentence ("A: “Completely.”")


def find_quotes(
    text: str,
    passages: tuple[Passage, ...] | list[Passage],
    sentences: list[tuple[int, int]],
    actors: tuple[Actor, ...] | list[Actor],
    mentions: tuple[Mention, ...] | list[Mention],
) -> tuple[Quote, ...]:
    """Every quoted span with its kind and, for speech, the canonical name of its speaker."""
    spans = quote_spans(text, passages)
    # A quote names people, it is not said by them: mentions inside quotation marks never speak.
    inside = within((marks.start, marks.end) for marks in spans)
    outside = [m for m in sorted(mentions, key=lambda m: m.start) if not inside(m.start, m.end)]
    kinds = {actor.name: actor.kind for actor in actors}
    ctx = Context(text, outside, kinds, [m.start for m in outside], [m.end for m in outside])
    starts = [start for start, _ in sentences]
    kind_at = passage_kinds(passages)
    quotes: list[Quote] = []
    for marks in spans:
        # Strictly inside another quote: ‘a farce’ inside “He called it ‘a farce’”.
        nested = inside(marks.start - 1, marks.end + 1)
        quote = _nested(ctx.text, marks) if nested else _quote(ctx, marks, kind_at, sentences, starts)
        quotes.append(_continued(ctx, quote, quotes[-1] if quotes else None, sentences, starts))
    return tuple(quotes)


def _continued(
    ctx: Context, quote: Quote, previous: Quote | None, sentences: list[tuple[int, int]], starts: list[int]
) -> Quote:
    """A quoted sentence standing alone goes on with the speech right before it in the paragraph
    ("“Piracy never went away,” she said. “It moved.”"), or is said by the person a short sentence
    before it is about ("He paused. “Complacency.”", "Eze smiled: ..." is the colon rule's)."""
    text = ctx.text
    if quote.kind != "phrase":
        return quote
    index = bisect_right(starts, quote.start - 1) - 1
    sentence_start, sentence_end = sentences[index] if index >= 0 else (0, len(text))
    if text[sentence_start : quote.start - 1].strip(_LABEL) or text[quote.end + 1 : sentence_end].strip(_CLOSING):
        return quote
    before = sentences[index - 1] if index > 0 else None
    if before is None or "\n\n" in text[before[1] : sentence_start]:
        return quote
    if previous is not None and previous.kind == "speech" and before[0] <= previous.end <= sentence_start:
        return Quote("speech", previous.speaker, quote.start, quote.end, quote.text)
    speaker = speaker_of_beat(ctx, *before)
    return Quote("speech", speaker, quote.start, quote.end, quote.text) if speaker else quote


def _nested(text: str, marks: Marks) -> Quote:
    """A quote within a quote is the quoted speaker's phrase, not speech of its own."""
    return Quote("phrase", None, marks.start, marks.end, text[marks.start : marks.end])


def _quote(
    ctx: Context, marks: Marks, kind_at: Callable[[int], str],
    sentences: list[tuple[int, int]], starts: list[int],
) -> Quote:
    """Classify one quoted span and find its speaker."""
    body = ctx.text[marks.start : marks.end]
    if kind_at(marks.start) in _TITLE_PASSAGES or is_title_cased(ctx.text, marks):
        return Quote("title", None, marks.start, marks.end, body)
    sentence_start, _ = _sentence_of(sentences, starts, marks.start - 1, len(ctx.text))
    speaker = speaker_before(ctx, sentence_start, marks.start - 1)
    if speaker is None and marks.closed and _comma_closes(ctx.text, marks):
        _, sentence_end = _sentence_of(sentences, starts, marks.end, len(ctx.text))
        speaker = speaker_after(ctx, marks.start - 1, marks.end, max(sentence_end, marks.end + 1))
    if speaker is not None and ctx.kinds.get(speaker) == "outlet":
        return Quote("title", None, marks.start, marks.end, body)
    return Quote("speech" if speaker else "phrase", speaker, marks.start, marks.end, body)


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], offset: int, size: int) -> tuple[int, int]:
    """The sentence holding ``offset`` (the whole text when sentences are unknown)."""
    index = bisect_right(starts, offset) - 1
    return sentences[index] if index >= 0 else (0, size)


def _comma_closes(text: str, marks: Marks) -> bool:
    """True for “...,” or “...” followed by a comma: the sentence goes on to name the speaker."""
    body = text[marks.start : marks.end].rstrip()
    after = text[marks.end + 1 : marks.end + 3].lstrip()
    return body.endswith((",", "?", "!")) or after.startswith(",") or (bool(after) and after[0].islower())

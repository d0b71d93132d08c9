"""Quotes: every quotation-mark span, as speech (with its speaker), a scare-quoted phrase or a title.

Decisions: a headline an outlet is said to have run ("Xinhua reported “...”") is a title, not speech;
a title-cased quote is a title unless someone is said to have said it ("“Make It Happen,” she said") and
no noun for a work names it ("her book “Make It Happen”");
a quote no step of the sieve (store/extract/sieve.py) attributes is a phrase.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from store.extract.lexicon import word_set
from store.extract.quotemarks import Marks, is_title_cased, quote_spans
from store.extract.scan import passage_kinds, within
from store.extract.sieve import Site, Verdict, attribute
from store.extract.speakers import Context, genders
from store.model import Actor, Mentions, Passage, Quote

_TITLE_PASSAGES = frozenset({"footnote", "title", "heading", "publication"})


def find_quotes(
    text: str,
    passages: Sequence[Passage],
    sentences: Sequence[tuple[int, int]],
    actors: Sequence[Actor],
    mentions: Mentions,
) -> tuple[Quote, ...]:
    """Every quoted span with its kind and, for speech, the canonical name of its speaker (``mentions`` in
    text order)."""
    spans = quote_spans(text, passages)
    if not spans:  # no index of mentions, sentences and passages for no quote (142,857 passages a MB: 30 MB)
        return ()
    # A quote names people, it is not said by them: mentions inside quotation marks never speak.
    inside = within((marks.start, marks.end) for marks in spans)
    outside = mentions.where(lambda start, end: not inside(start, end))
    kinds = {actor.name: actor.kind for actor in actors}
    starts = [start for start, _ in sentences]
    ctx = Context(text, outside, kinds, outside.starts, outside.ends(), starts, genders(actors))
    locate = _Locator(text, passages, sentences)
    quotes: list[Quote] = []
    last_speech: Quote | None = None
    for marks in spans:
        # Strictly inside another quote: ‘a farce’ inside “He called it ‘a farce’”.
        if inside(marks.start - 1, marks.end + 1):
            quotes.append(Quote("phrase", None, marks.start, marks.end, text[marks.start : marks.end]))
            continue
        quote = _quote(ctx, locate.site(marks, last_speech))
        quotes.append(quote)
        last_speech = quote if quote.kind == "speech" else last_speech
    return tuple(quotes)


def _quote(ctx: Context, site: Site) -> Quote:
    """Classify one quoted span and find its speaker."""
    body = ctx.text[site.start : site.end]
    if site.kind in _TITLE_PASSAGES:
        return Quote("title", None, site.start, site.end, body)
    verdict = attribute(ctx, site)
    if _is_title(ctx, site, verdict):
        return Quote("title", None, site.start, site.end, body)
    if verdict is None:
        return Quote("phrase", None, site.start, site.end, body)
    speaker, how = verdict
    return Quote("speech", speaker, site.start, site.end, body, how)


def _is_title(ctx: Context, site: Site, verdict: Verdict | None) -> bool:
    """A headline an outlet ran, a title-cased span no one is said to have said, or one that a noun for a
    work names ("his book “The Art of the Deal,”", "his radio show, “Generations,” the site reported");
    "cited ... as “Miss Piggy”" is speech, and so is an outlet's quoted sentence ("“... all month,"
    reported Reuters"): a headline ends in no stop or comma."""
    title_cased = is_title_cased(ctx.text, Marks(site.start, site.end, site.closed))
    if title_cased and _named_work(ctx, site):
        return True
    if verdict is not None and ctx.kinds.get(verdict[0]) == "outlet":
        cue = ctx.text[verdict[1].cue_start : verdict[1].cue_end].lower()
        # "as the site called them, “Manchurian anchors”": a naming verb gives the outlet's words, no headline,
        # and so do a few words ("claimed “Trump exaggerates”").
        body = ctx.text[site.start : site.end].rstrip()
        return cue not in _NAMING_VERBS and not body.endswith(_STOPS) and len(body.split()) >= _HEADLINE_MIN_WORDS
    return title_cased and verdict is None


def _named_work(ctx: Context, site: Site) -> bool:
    """True when a noun for a work ("book", "show") stands in the two words before the quote."""
    before = _LAST_WORDS.search(ctx.text, max(0, site.opening - _WORK_REACH), site.opening)
    return before is not None and any(w.lower().rstrip(",") in word_set("work_nouns.txt") for w in before.group().split())


_STOPS = (".", ",", "?", "!", "…")
_HEADLINE_MIN_WORDS = 4
_NAMING_VERBS = frozenset({"called", "calls", "dubbed", "termed", "labeled", "labelled", "branded", "described",
                           "rated", "rates", "ruled"})  # a fact-checker's verdict: "rated it “false”"
_LAST_WORDS = re.compile(r"(?:[\w’'-]+[\s,]+){1,2}$")
_WORK_REACH = 40
_SENTENCE_REACH = 1000
"""Characters of a sentence looked at on either side of a quote; real sentences are shorter."""


class _Locator:
    """Finds the sentence and paragraph around a quote by bisection."""

    def __init__(self, text: str, passages: Sequence[Passage], sentences: Sequence[tuple[int, int]]) -> None:
        """Index the sentences and passages once per article."""
        self.text = text
        self.sentences = sentences
        self.starts = [start for start, _ in sentences]
        ordered = sorted(passages, key=lambda p: p.start)
        self.passages = [(p.start, p.end) for p in ordered]
        self.passage_starts = [p.start for p in ordered]
        self.kind_at: Callable[[int], str] = passage_kinds(passages)

    def site(self, marks: Marks, last_speech: Quote | None) -> Site:
        """The quote's surroundings, with the speech before it."""
        previous = None
        if last_speech is not None:
            closed = last_speech.end < len(self.text) and self.text[last_speech.end] in "”\"'"
            previous = (last_speech.start, last_speech.end, closed)
        after = marks.end + (2 if self.text.startswith("''", marks.end) else 1) if marks.closed else marks.end
        opening = marks.start - (2 if self.text[marks.start - 2 : marks.start] in ("''", "``") else 1)
        return Site(
            opening, marks.start, marks.end, marks.closed, after, self._sentence(opening),
            self._sentence(marks.end)[1], self._paragraph(marks.start), previous,
            last_speech.speaker if last_speech is not None else None, self.kind_at(marks.start),
        )

    def _sentence(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (the whole text when sentences are unknown), cut to the stretch
        a speaker's words can reach: a run-on "sentence" of a whole page would have every step read it
        again for each of its quotes."""
        index = bisect_right(self.starts, offset) - 1
        start, end = self.sentences[index] if index >= 0 else (0, len(self.text))
        return max(start, offset - _SENTENCE_REACH), min(end, offset + _SENTENCE_REACH)

    def _paragraph(self, offset: int) -> tuple[int, int]:
        """The passage holding ``offset`` (the whole text when passages are unknown)."""
        index = bisect_right(self.passage_starts, offset) - 1
        return self.passages[index] if index >= 0 else (0, len(self.text))

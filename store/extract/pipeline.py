"""The whole extraction: one article's text in, an Article with every record and its offsets out."""

from __future__ import annotations

import gc
from collections.abc import Sequence

from store.extract.actors import find_actors
from store.extract.citations import find_citations, outlet_span
from store.extract.events import find_events
from store.extract.descriptions import describe
from store.extract.dating import article_date, article_year
from store.extract.passages import article_title, published_line, split_passages
from store.extract.quotes import find_quotes
from store.extract.scan import within
from store.extract.sentences import passage_sentences
from store.model import Actor, Article, Citation, Mention, Mentions


def extract_article(text: str) -> Article:
    """Extract passages, actors, quotes, events, citations and footnotes from an article's text.

    No cyclic garbage collection runs meanwhile. The records (hundreds of thousands from a hostile MB) form
    no cycles, yet every few thousand of them made started a collection, and each full one walked every
    record made so far: 15-20% of extracting a MB of one-word paragraphs or of acronyms. The collector runs
    again afterwards, as it was (nothing is allocated before it stops, so no collection can start late)."""
    running = gc.isenabled()
    gc.disable()
    try:
        return _extracted(text)
    finally:
        if running:
            gc.enable()


def _extracted(text: str) -> Article:
    """The records of an article's text (``extract_article``)."""
    passages = split_passages(text)
    year = article_year(text, passages)
    dated = article_date(text, passages, year)
    sentences = passage_sentences(text, passages)
    citations, footnotes = find_citations(text, passages, year, dated)
    actors, mentions = with_outlets(text, citations, *find_actors(text, passages, sentences))
    unnamed, described = describe(text, actors, mentions)
    actors = (*actors, *unnamed)
    mentions = (mentions + described).ordered() if described else mentions
    quotes = find_quotes(text, passages, sentences, actors, mentions)
    events = find_events(text, passages, sentences, mentions, year, citations, dated)
    return Article(
        text=text, title=article_title(passages), published=published_line(passages), year=year,
        passages=passages, actors=actors, mentions=mentions, quotes=quotes, events=events,
        citations=citations, footnotes=footnotes,
    )


def with_outlets(
    text: str, citations: Sequence[Citation], actors: Sequence[Actor], mentions: Mentions
) -> tuple[tuple[Actor, ...], Mentions]:
    """Make each cited outlet an actor with a mention at its name inside the citation.

    A name already known (as an actor's name or alias) joins that actor; otherwise a new `outlet`
    actor is made. The citation says where the outlet's name is, so shorter mentions found inside it
    ("China" in "China Daily") give way, and an actor left with no mention goes too.
    """
    spans = [span for span in (outlet_span(text, c) for c in citations) if span is not None]
    if not spans:  # no outlet to add and no mention to drop: each was tested (250,000 a MB of acronyms)
        return tuple(actors), mentions.ordered()
    known = {form: actor.name for actor in actors for form in (actor.name, *actor.aliases)}
    inside = within(spans)
    # Inside another span: one starting earlier and reaching as far, or starting as early and reaching further.
    kept = mentions.where(lambda start, end: not (inside(start - 1, end) or inside(start, end + 1)))
    taken = set(zip(kept.starts, kept.ends()))
    added = [Mention(known.get(text[s:e], text[s:e]), s, e, text[s:e]) for s, e in dict.fromkeys(spans)
             if (s, e) not in taken]
    new_names = dict.fromkeys(m.actor for m in added if m.actor not in known.values())
    merged = (kept + added).ordered()
    lost = mentions.per_actor().keys() - merged.per_actor().keys()
    return (*(a for a in actors if a.name not in lost), *(Actor(n, "outlet") for n in new_names)), merged

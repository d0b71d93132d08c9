"""The whole extraction: one article's text in, an Article with every record and its offsets out."""

from __future__ import annotations

from collections.abc import Sequence

from store.extract.actors import find_actors
from store.extract.citations import find_citations, outlet_span
from store.extract.events import find_events
from store.extract.descriptions import describe
from store.extract.dating import article_date, article_year
from store.extract.passages import article_title, published_line, split_passages
from store.extract.quotes import find_quotes
from store.extract.scan import within
from store.extract.sentences import split_sentences
from store.model import Actor, Article, Citation, Mention


def extract_article(text: str) -> Article:
    """Extract passages, actors, quotes, events, citations and footnotes from an article's text."""
    passages = split_passages(text)
    year = article_year(text, passages)
    dated = article_date(text, passages, year)
    sentences = [span for p in passages for span in split_sentences(text, p.start, p.end)]
    citations, footnotes = find_citations(text, passages, year, dated)
    actors, mentions = with_outlets(text, citations, *find_actors(text, passages, sentences))
    unnamed, described = describe(text, actors, mentions)
    actors = (*actors, *unnamed)
    mentions = tuple(sorted((*mentions, *described), key=lambda m: (m.start, m.end)))
    quotes = find_quotes(text, passages, sentences, actors, mentions)
    events = find_events(text, passages, sentences, mentions, year, citations, dated)
    return Article(
        text=text, title=article_title(passages), published=published_line(passages), year=year,
        passages=passages, actors=actors, mentions=mentions, quotes=quotes, events=events,
        citations=citations, footnotes=footnotes,
    )


def with_outlets(
    text: str, citations: Sequence[Citation], actors: Sequence[Actor], mentions: Sequence[Mention]
) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Make each cited outlet an actor with a mention at its name inside the citation.

    A name already known (as an actor's name or alias) joins that actor; otherwise a new `outlet`
    actor is made. The citation says where the outlet's name is, so shorter mentions found inside it
    ("China" in "China Daily") give way, and an actor left with no mention goes too.
    """
    known = {form: actor.name for actor in actors for form in (actor.name, *actor.aliases)}
    spans = [span for span in (outlet_span(text, c) for c in citations) if span is not None]
    inside = within(spans)
    # Inside another span: one starting earlier and reaching as far, or starting as early and reaching further.
    kept = [m for m in mentions if not (inside(m.start - 1, m.end) or inside(m.start, m.end + 1))]
    taken = {(m.start, m.end) for m in kept}
    added = [Mention(known.get(text[s:e], text[s:e]), s, e, text[s:e]) for s, e in dict.fromkeys(spans)
             if (s, e) not in taken]
    new_names = dict.fromkeys(m.actor for m in added if m.actor not in known.values())
    merged = tuple(sorted((*kept, *added), key=lambda m: (m.start, m.end)))
    lost = {m.actor for m in mentions} - {m.actor for m in merged}
    return (*(a for a in actors if a.name not in lost), *(Actor(n, "outlet") for n in new_names)), merged

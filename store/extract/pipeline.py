"""The whole extraction: one article's text in, an Article with every record and its offsets out."""

from __future__ import annotations

from collections.abc import Sequence

from store.extract.citations import find_citations, outlet_span
from store.extract.events import find_events
from store.extract.passages import article_title, article_year, published_line, split_passages
from store.extract.sentences import split_sentences
from store.model import Actor, Article, Citation, Mention


def extract_article(text: str) -> Article:
    """Extract passages, actors, quotes, events, citations and footnotes from an article's text."""
    passages = split_passages(text)
    year = article_year(text, passages)
    sentences = tuple(span for p in passages for span in split_sentences(text, p.start, p.end))
    citations, footnotes = find_citations(text, passages, year)
    actors, mentions = with_outlets(text, citations, (), ())
    events = find_events(text, passages, sentences, mentions, year, citations)
    return Article(
        text=text, title=article_title(passages), published=published_line(passages), year=year,
        passages=passages, actors=actors, mentions=mentions, events=events,
        citations=citations, footnotes=footnotes,
    )


def with_outlets(
    text: str, citations: Sequence[Citation], actors: Sequence[Actor], mentions: Sequence[Mention]
) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Add each cited outlet as an `outlet` actor (or to the actor already known by that name), with a
    mention at the outlet's name inside the citation, unless that span is already a mention."""
    known = {form: actor.name for actor in actors for form in (actor.name, *actor.aliases)}
    taken = {(m.start, m.end) for m in mentions}
    new_actors: dict[str, Actor] = {}
    new_mentions: list[Mention] = []
    for citation in citations:
        span = outlet_span(text, citation)
        if span is None or span in taken:
            continue
        name = known.get(text[span[0]:span[1]], text[span[0]:span[1]])
        if name not in known.values():
            new_actors.setdefault(name, Actor(name, "outlet"))
        new_mentions.append(Mention(name, span[0], span[1], text[span[0]:span[1]]))
        taken.add(span)
    merged = sorted((*mentions, *new_mentions), key=lambda m: (m.start, m.end))
    return (*actors, *new_actors.values()), tuple(merged)

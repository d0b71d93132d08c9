"""Find the actors an article names, with every mention: people, organisations, places, sources."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from store.extract.aliases import deduplicate, resolve_organizations, resolve_people
from store.extract.bylines import byline_people
from store.extract.candidates import Candidate, classify_run, names_no_person
from store.extract.citeforms import cited_within
from store.extract.evidence import with_evidence
from store.extract.groups import find_groups
from store.extract.lone_names import settle_lone_names
from store.extract.names import capitalised_runs
from store.extract.persons import attach_roles, titled_people
from store.extract.quotemarks import is_title_cased, quote_spans
from store.extract.references import alliance_references, title_references
from store.extract.scan import passage_kinds, within
from store.extract.tokens import tokenize
from store.model import Actor, Mention, Passage

_NO_PEOPLE = frozenset({"title", "heading", "publication"})
_NO_ACTORS = frozenset({"table"})
"""Table cells are figures and labels, not prose that names anyone."""
# "Topics: Congressional Administration & Elections": a catalogue's index terms, not names the article uses.
_INDEX_LINE = re.compile(r"^[ \t*_]*(?:topics|subjects?|keywords|tags|categories|filed under)[ \t*_]*:.*$",
                         re.MULTILINE | re.IGNORECASE)


def find_actors(
    text: str, passages: tuple[Passage, ...] | list[Passage], sentences: list[tuple[int, int]]
) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Return the article's actors (aliases folded) and their mentions, in text order."""
    # Names inside a quoted title ("Values Diplomacy Can Never Have Good Results") are no people.
    in_title = within((m.start, m.end) for m in quote_spans(text, passages) if is_title_cased(text, m))
    found: list[Candidate] = byline_people(text, passages)
    # A credited name is one person, not words to classify again ("HANNAH" as an acronym); index terms none.
    settled = within([(c.start, c.end) for c in found] + [m.span() for m in _INDEX_LINE.finditer(text)])
    kind_at = passage_kinds(passages)
    for start, end in (span for span in sentences if kind_at(span[0]) not in _NO_ACTORS):
        people = kind_at(start) not in _NO_PEOPLE
        found.extend(c for c in _sentence(text, start, end, people, in_title) if not settled(c.start, c.end))
        # A heading such as "Sources:" or "What officials say" labels text; it quotes no one.
        found.extend(find_groups(text, start, end) if people else ())
    found = settle_lone_names(text, resolve_organizations(text, resolve_people(deduplicate(found))))
    found = deduplicate(found + title_references(text, found) + alliance_references(text, found))
    return _actors(text, found), tuple(Mention(c.name, c.start, c.end, text[c.start : c.end]) for c in found)


def _sentence(
    text: str, start: int, end: int, people: bool, in_title: Callable[[int, int], bool]
) -> list[Candidate]:
    """Candidates of one sentence: titled people, classified runs, roles attached, evidence weighed."""
    tokens = tokenize(text, start, end)
    titled, roles, used = titled_people(text, tokens) if people else ([], [], set())
    found = list(titled)
    for run in capitalised_runs(text, tokens, frozenset(used)):
        found.extend(classify_run(text, run, people and not in_title(run.start, run.start + 1)))
    found = attach_roles(text, tokens, roles, found)
    # "the President's FY2026 budget": a title before a citation names no one (most sentences cite nothing).
    in_citation = cited_within(text, start, end)
    return [with_evidence(text, c) for c in found
            if not (in_citation and in_citation(c.start, c.start + 1)) and not names_no_person(c)]


def _actors(text: str, found: list[Candidate]) -> tuple[Actor, ...]:
    """One actor per canonical name: its commonest kind, its titles and the other forms used."""
    by_name: dict[str, list[Candidate]] = {}
    for candidate in found:
        by_name.setdefault(candidate.name, []).append(candidate)
    return tuple(_actor(text, name, group) for name, group in by_name.items())


def _actor(text: str, name: str, found: list[Candidate]) -> Actor:
    """Merge the candidates of one canonical name into an Actor; full-name titles come first."""
    kind = Counter(c.kind for c in found).most_common(1)[0][0]
    full = [c for c in found if text[c.start : c.end] == name] or found
    titles = dict.fromkeys(title for c in full for title in c.titles) or dict.fromkeys(
        title for c in found for title in c.titles
    )
    forms = dict.fromkeys(text[c.start : c.end] for c in found)
    aliases = tuple(form for form in forms if form != name)
    return Actor(name, kind, "; ".join(titles) or None, aliases)

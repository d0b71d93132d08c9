"""Who speaks for an actor: speakers whose title, name or description names it ("a Chinese Foreign
Ministry spokesperson" for China), derived at read time from what extraction stored."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from store.db import Store
from store.listings import like_pattern
from store.terms import tokens
from store.texts import DocumentText

AFFILIATED_KINDS = ("country", "organization", "place")
"""Kinds of actor others speak for (a person's quotes are their own)."""
BEFORE_CHARS = 60
"""Characters before a speaker's mention read for a description that names the actor."""
_CLAUSE_END = re.compile(r"[.,;:!?\"“”()\n]")
"""Where the description of a speaker before its mention stops."""
_BY_TITLE = """
SELECT q.id, a.name, a.title FROM actors a CROSS JOIN quotes q ON q.speaker_id = a.id
WHERE q.speaker_id != ? AND EXISTS (SELECT 1 FROM json_each(?) w
  WHERE a.title LIKE w.value ESCAPE '\\' OR a.name LIKE w.value ESCAPE '\\')"""
"""Quotes of other speakers whose title or name may name the actor (confirmed word by word after); the
actors are read first (CROSS JOIN keeps that order), then the quotes of those that may: half the time of
testing the speaker of every quote at 10,000 articles."""
_BY_DESCRIPTION = """
SELECT n.id, a.name, p.document_id, p.start, n.at
FROM (SELECT q.id, q.speaker_id, q.passage_id, coalesce(
        (SELECT max(m.start) FROM mentions m WHERE m.actor_id = q.speaker_id
         AND m.passage_id = q.passage_id AND m.start < q.start),
        (SELECT min(m.start) FROM mentions m WHERE m.actor_id = q.speaker_id
         AND m.passage_id = q.passage_id AND m.start > q.start)) AS at
      FROM quotes q WHERE q.speaker_id != ?
        AND q.passage_id IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?)) n
JOIN passages p ON p.id = n.passage_id JOIN actors a ON a.id = n.speaker_id
WHERE n.at IS NOT NULL"""
"""Quotes of other speakers with where their speaker's mention is (the last before the quote in its
passage, else the first after it) and where the passage starts, document by document (quotes and passages
are numbered as their documents are written; sorting would hold back the first row until the last, 1.3 s
for a country at 10,000 articles, and a document read twice costs only time): the words before
the mention are sliced from each document's text read once (SQLite copies a whole text at every read of
the column: a slice per quote in SQL read a document per quote, 1.5 s for NATO at 1,000 articles). Only
passages holding one of the words that name the actor are read: every quote of a 10,000-article store,
and each document's text, took 2.3 CPU-s and 70 MB for a place named in a handful."""


def names_of(store: Store, actor_id: int, name: str) -> tuple[str, ...]:
    """The words that name an actor in a title or a description: its name, aliases and, for a country,
    its adjectives of nationality ("Chinese" for China)."""
    from store.extract.lexicon import name_table  # data files load on first use, not at start-up

    aliases = [row[0] for row in store.rows("SELECT alias FROM aliases WHERE actor_id = ?", (actor_id,))]
    adjectives = [form for form, country in name_table("demonym_countries.txt").items() if country == name]
    return tuple(dict.fromkeys([name, *aliases, *(form.title() for form in adjectives)]))


def naming(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of the words whole, in their written case (an acronym is not a word)."""
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, words)))


def _any_of(words: tuple[str, ...]) -> str:
    """An FTS5 query matching a passage that holds any of the words (as phrases of their tokens, which
    hold only letters and digits, so they need no escaping); a word without a token matches nothing."""
    split = ([token for _, _, token in tokens(word)] for word in words)
    phrases = ('"' + " ".join(parts) + '"' for parts in split if parts)
    return " OR ".join(phrases) or '""'


def affiliated(store: Store, actor_id: int, name: str, cancelled: Callable[[], bool] = lambda: False) -> dict[int, str]:
    """The quotes of speakers who speak for an actor (by quote id), each with who said it and why they
    count: "Lin Qiao (Chinese Foreign Ministry spokesperson)", "A Chinese Foreign Ministry spokesperson".
    Rows are read a chunk at a time; once ``cancelled()`` says so, what was found so far is returned (a
    country of a 10,000-article store has 280,000 rows to read, seconds that a search typed meanwhile
    would otherwise wait for)."""
    words = names_of(store, actor_id, name)
    found, patterns = naming(words), json.dumps([like_pattern(word) for word in words])
    via: dict[int, str] = {}
    for chunk in store.chunks(_BY_TITLE, (actor_id, patterns)):
        if cancelled():
            return via
        for quote_id, speaker, title in chunk:
            # A person's titles are joined with "; ": the one naming the actor says why.
            naming_title = next((part for part in (title or "").split("; ") if found.search(part)), None)
            if naming_title:
                via[quote_id] = f"{speaker} ({naming_title})"
            elif found.search(speaker):
                via[quote_id] = speaker
    text = DocumentText(store)
    for chunk in store.chunks(_BY_DESCRIPTION, (actor_id, _any_of(words))):
        if cancelled():
            return via
        for quote_id, speaker, document_id, passage_start, at in chunk:
            before = text(document_id)[max(passage_start, at - BEFORE_CHARS):at]
            description = _CLAUSE_END.split(before)[-1].strip()
            if quote_id not in via and found.search(description):
                via[quote_id] = f"{description} {speaker}"
    return via

"""Versions of one document: a new document with a stored one's title and nearly all its passages (a
revised report, a page fetched again after a correction) is stored as a later version of it."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from store import rows as sql
from store.db import Store
from store.model import Passage
from store.texts import passage_texts
from store.views import DocumentInfo

ALIKE = 90.0
"""rapidfuzz ratio (0-100) at which two passages are the same passage, edited."""
SHARE = 0.9
"""Share of passages (of the longer document) that must be alike for a version."""


def version_root(conn: sqlite3.Connection, title: str, passages: Sequence[Passage]) -> int | None:
    """The first stored version of the document these passages are a version of (same title, ≥ 90% of
    passages alike), or None; the newest stored versions are compared first."""
    texts = [passage.text for passage in passages]
    found = conn.execute("SELECT id, coalesce(version_of, id) FROM documents WHERE title = ? COLLATE NOCASE "
                         "ORDER BY id DESC", (" ".join(title.split()),)).fetchall()
    for document_id, root in found:
        if passages_alike(texts, passage_texts(conn, document_id)):
            return int(root)
    return None


def passages_alike(new: Sequence[str], old: Sequence[str]) -> bool:
    """True if at least SHARE of the longer list's passages have an alike passage in the other (each used
    once): equal ones first, then by rapidfuzz's ratio, stopping as soon as too few can be."""
    needed = -(-round(SHARE * max(len(new), len(old)) * 1000) // 1000)  # ceil, without float noise
    if not new or not old or min(len(new), len(old)) < needed:
        return False
    pool = Counter(old)
    unmatched = [text for text in new if not _take(pool, text)]
    rest, possible = list(pool.elements()), len(new)
    for text in unmatched:
        best = process.extractOne(text, rest, scorer=fuzz.ratio, score_cutoff=ALIKE)
        if best is not None:
            rest.pop(best[2])
            continue
        possible -= 1
        if possible < needed:
            return False
    return True


def _take(pool: Counter[str], text: str) -> bool:
    """Take one ``text`` out of the pool, if it is there."""
    if pool[text] <= 0:
        return False
    pool[text] -= 1
    return True


def document_versions(store: Store, document_id: int) -> tuple[DocumentInfo, ...]:
    """Every stored version of a document (itself included), newest first; () for an unknown id."""
    return tuple(map(sql.document_info, store.rows(
        sql.DOCUMENTS + " WHERE coalesce(d.version_of, d.id) = (SELECT coalesce(version_of, id) FROM documents "
        "WHERE id = ?) ORDER BY d.id DESC", (document_id,))))

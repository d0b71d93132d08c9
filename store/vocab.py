"""A vocabulary table held in memory by word length and letter, loaded incrementally, for typo lookups."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from store.db import Store

MEMO_SIZE = 4096
"""Typo look-ups remembered: typing a phrase searches again at every key, each time for every word typed."""
_NEW_WORDS = {table: f"SELECT id, word FROM {table} WHERE id > ? ORDER BY id" for table in ("words", "name_words")}
"""The query for each vocabulary table: words added after a given id."""


class Vocabulary:
    """The words of one vocabulary table, grouped by length and by first and second letter, so a typo
    is compared with few words."""

    def __init__(self, table: str) -> None:
        """An empty vocabulary of ``table`` (filled by ``refresh``)."""
        self.sql = _NEW_WORDS[table]
        self.last_id = 0
        self.by_first: dict[tuple[int, str], list[str]] = {}
        self.by_second: dict[tuple[int, str], list[str]] = {}
        self._memo: dict[tuple[str, float, int], list[tuple[str, float]]] = {}

    def refresh(self, store: Store) -> Vocabulary:
        """Load the words added since the last call (ids only grow; words are never removed)."""
        with store.lock:
            found = store.rows(self.sql, (self.last_id,))
            if found:
                self._memo.clear()  # a new word may be closer than those remembered
            for word_id, word in found:
                self.by_first.setdefault((len(word), word[0]), []).append(word)
                if len(word) > 1:
                    self.by_second.setdefault((len(word), word[1]), []).append(word)
                self.last_id = word_id
        return self

    def close_words(self, word: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """Up to ``limit`` words whose fuzz.ratio with ``word`` is at least ``cutoff``, best first, among
        words sharing its first or its second letter (a typo rarely changes both)."""
        key = (word, cutoff, limit)
        found = self._memo.get(key)
        if found is None:
            found = self._close_words(word, cutoff, limit)
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = found
        return found

    def _close_words(self, word: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """``close_words`` without the memo."""
        found: dict[str, float] = {}
        for length in _lengths(len(word), cutoff):
            for group in (self.by_first.get((length, word[0]), ()),
                          self.by_second.get((length, word[1:2]), ())):
                found.update((choice, score) for choice, score, _ in process.extract(
                    word, group, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=limit))
        return sorted(found.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]


def _lengths(length: int, cutoff: float) -> range:
    """Word lengths that can reach ``cutoff``: ratio is at most 200 * shorter / (sum of lengths)."""
    share = cutoff / 100
    shortest = int(length * share / (2 - share) + 0.999)
    longest = int(length * (2 - share) / share)
    return range(max(1, shortest), longest + 1)


def vocabulary(store: Store, table: str) -> Vocabulary:
    """The store's vocabulary of ``table``, brought up to date."""
    return store.kept(f"vocabulary:{table}", lambda: Vocabulary(table)).refresh(store)

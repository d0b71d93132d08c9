"""The kinds of records extraction makes, apart from the records themselves: the explorer's first screen
names kinds without paying for the record classes (store/model.py's dataclasses) at start-up."""

ACTOR_KINDS = ("person", "organization", "country", "place", "outlet", "group")
PASSAGE_KINDS = ("title", "publication", "heading", "paragraph", "blockquote", "table", "footnote")
PROSE_KINDS = frozenset({"paragraph", "blockquote"})
"""Passages of the article's running text, where events and cited sources are looked for."""
QUOTE_KINDS = ("speech", "phrase", "title")
DATE_PRECISIONS = ("day", "month", "year", "decade")

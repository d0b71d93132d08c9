"""Many short paragraphs (issue 9): what each one costs beside its passage, counted in calls, lines and bytes."""

from __future__ import annotations

import tracemalloc

from store.extract.passages import split_passages
from store.extract.scan import passage_kinds

_PARAGRAPHS = 20000
_ONE_WORD_PARAGRAPHS = "Talks\n\n" + "Word.\n\n" * _PARAGRAPHS
"""A word a paragraph: 20,001 passages (the title and the paragraphs)."""
_NOTED = ("Talks\n\nBy Kari Lunde\n\nSome Heading\n\nLunde said it went well.[1] Then she left. More came.\n\n"
          "Word.\n\n  > A quoted line\n\nNotes\n\n1. First note.\n\n[2] Second note.\n\nLast words")
"""Every kind of passage, and a paragraph of three sentences."""


def test_the_kind_at_an_offset_keeps_no_copy_of_the_paragraphs() -> None:
    """The look-up of a passage's kind held a sorted copy of every passage and a list of their starts (22 MB
    beside 9 MB of one-word paragraphs); it keeps only the passages that are no paragraph, and answers as
    before: the holder's kind, 'paragraph' between passages."""
    found = split_passages(_ONE_WORD_PARAGRAPHS)
    tracemalloc.start()
    try:
        kind_at = passage_kinds(found)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert held < 2000 and kind_at(0) == "title" and kind_at(5) == "paragraph" and kind_at(8) == "paragraph"
    noted = split_passages(_NOTED)
    kind_at = passage_kinds(noted)
    for offset in range(len(_NOTED)):
        holder = next((p.kind for p in noted if p.start <= offset < p.end), "paragraph")
        assert kind_at(offset) == holder, offset

"""A document of one huge paragraph opens in the reader at its target quickly and in little memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hardening.big_article import one_paragraph
from store.db import Store
from store.ingest import ingest_text
from store.model import Actor, Article
from store.queries import PassageView as Passage
from tui.messages import TextPlace
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.passage_preview import PREVIEW_CHARS, clipped

if TYPE_CHECKING:
    from tests.tui.conftest import Explore

PEAK_MB = 50
"""The issue's budget: opening any stored document costs at most this much more memory."""


def _status(field: str) -> float:
    """A memory figure of this process from /proc (MB)."""
    line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith(field))
    return int(line.split()[1]) / 1e3


@pytest.fixture
def long_store(fresh_store: Store, make_article: Callable[..., Article]) -> Store:
    """A store of one ~100 KB paragraph naming a few actors thousands of times."""
    text = one_paragraph(100_000)
    actors = [Actor(name, "person") for name in ("Maria Lindqvist", "Tomas Herrera", "Aiko Tanabe")]
    ingest_text(fresh_store, text, "long.txt", extract=lambda _: make_article(text, actors))
    return fresh_store


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="peak memory is read from Linux /proc")
async def test_a_huge_paragraph_opens_at_its_target_in_little_memory(long_store: Store, explore: Explore) -> None:
    """The reader draws only the lines on screen and reads marks a stretch at a time: no passage copies."""
    body = long_store.rows("SELECT id, document_id, start, \"end\" FROM passages ORDER BY \"end\" - start DESC")[0]
    middle = (body[2] + body[3]) // 2
    async with explore(long_store) as ui:
        Path("/proc/self/clear_refs").write_text("5")  # the peak from here on
        before = _status("VmRSS")
        ui.app.push_screen(ReaderScreen(TextPlace(body[1], body[0], middle, middle + 5, None)))
        await ui.settle()
        assert _status("VmHWM") - before < PEAK_MB
        article = ui.app.screen.query_one(ArticleView)
        assert article.cursor is not None and article.in_view(article.place.start)


def test_a_preview_shows_a_huge_paragraph_around_the_place_only() -> None:
    """Previews (search, timeline, dossier) cut a long passage round the place, offsets kept."""
    text = one_paragraph(50_000)
    passage = Passage(7, 1, "Long", 1, "paragraph", "", 1, text, 100, 100 + len(text))
    place = TextPlace(1, 7, 30_100, 30_110, None)
    cut = clipped(passage, place)
    assert len(cut.text) == PREVIEW_CHARS and cut.start <= place.start < place.end <= cut.end
    assert cut.text == text[cut.start - 100:cut.end - 100]
    other = clipped(passage, TextPlace(1, 8, 0, 1, None))
    assert other.start == 100 and other.text == text[:PREVIEW_CHARS]

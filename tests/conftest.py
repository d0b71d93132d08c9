"""Shared fixtures: fresh in-memory stores, hand-built articles, and the store built from the seed."""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from store.db import Store
from store.model import Actor, Article, Citation, Event, Footnote, Mention, Passage, Quote
from store.schema import mention_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MENTIONS_AS_WRITTEN = ("mentions m JOIN actors a ON a.id = m.actor_id", mention_text())
"""A FROM clause and a column of each mention's words as written (a mention's text is '' where it is its actor's name)."""

WIRE = (
    "Ministers Meet in Oslo on Arctic Shipping\n\n"
    "Publication: Example Wire, March 3, 2020\n\n"
    "Foreign Minister Jane Doe met Prime Minister Ola Nordmann in Oslo on March 2. "
    "Doe said: “We stand together on the Arctic.” (Reuters, March 2; , March 1)\n\n"
    "Nordmann replied that the talks were \"useful\". In 2019, Norway joined the Shangri-La "
    "initiative [1].\n\n"
    "[1] See the ministry's statement of 2019."
)
"""A made-up wire story: curly and straight quotes, a lost outlet, a footnote, a hyphenated name."""


def build_article(text: str, actors: Sequence[Actor] = (), quotes: Sequence[tuple[str, str | None, str]] = (),
                  events: Sequence[tuple[str, str, str, tuple[str, ...]]] = (),
                  citations: Sequence[tuple[str, str | None, str | None]] = (), year: int | None = 2020) -> Article:
    """An Article by hand: passages are blank-line blocks, mentions every whole-word form of each actor."""
    return Article(
        text=text, title=text.split("\n", 1)[0], published=None, year=year,
        passages=_passages(text), actors=tuple(actors), mentions=_mentions(text, actors),
        quotes=tuple(Quote(kind, who, *_span(text, said), said) for said, who, kind in quotes),
        events=tuple(Event(date, None, precision, said, *_span(text, said), date, who)
                     for said, date, precision, who in events),
        citations=tuple(Citation(raw, *_span(text, raw), outlet, date, _marker(raw))
                        for raw, outlet, date in citations),
        footnotes=_footnotes(text),
    )


def _span(text: str, part: str) -> tuple[int, int]:
    """Where ``part`` first occurs in ``text``."""
    start = text.index(part)
    return start, start + len(part)


def _marker(raw: str) -> int | None:
    """The footnote number of a marker like '[1]'."""
    return int(raw[1:-1]) if re.fullmatch(r"\[\d+\]", raw) else None


def _passages(text: str) -> tuple[Passage, ...]:
    """Blank-line separated blocks; the first is the title, '[n]' blocks are footnotes."""
    blocks = [match.span() for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    passages = []
    for ordinal, (start, end) in enumerate(blocks):
        note = re.match(r"\[(\d+)\]", text[start:end])
        kind = "title" if ordinal == 0 else "footnote" if note else "paragraph"
        number = int(note.group(1)) if note else ordinal
        passages.append(Passage(ordinal, kind, "", number, start, end, text[start:end]))
    return tuple(passages)


def _mentions(text: str, actors: Sequence[Actor]) -> tuple[Mention, ...]:
    """Every whole-word occurrence of each actor's name or alias, longest form first, no overlaps."""
    forms = sorted(((form, actor.name) for actor in actors for form in (actor.name, *actor.aliases)),
                   key=lambda pair: -len(pair[0]))
    taken: list[Mention] = []
    for form, name in forms:
        for match in re.finditer(rf"\b{re.escape(form)}\b", text):
            if not any(m.start < match.end() and match.start() < m.end for m in taken):
                taken.append(Mention(name, match.start(), match.end(), form))
    return tuple(sorted(taken, key=lambda mention: mention.start))


def _footnotes(text: str) -> tuple[Footnote, ...]:
    """Blocks starting with '[n]' at the start of a line."""
    return tuple(Footnote(int(m.group(1)), m.start(), m.end(), m.group())
                 for m in re.finditer(r"^\[(\d+)\][^\n]*", text, re.MULTILINE))


WIRE_ACTORS = (
    Actor("Jane Doe", "person", "Foreign Minister", ("Doe",)),
    Actor("Ola Nordmann", "person", "Prime Minister", ("Nordmann",)),
    Actor("Norway", "country"),
    Actor("Oslo", "place"),
    Actor("Reuters", "outlet"),
)


def wire_article(text: str = WIRE) -> Article:
    """The WIRE story with its actors, quotes, events and citations filled in by hand."""
    return build_article(
        text, WIRE_ACTORS,
        quotes=[("We stand together on the Arctic.", "Jane Doe", "speech"), ("useful", None, "phrase")],
        events=[("Foreign Minister Jane Doe met Prime Minister Ola Nordmann in Oslo on March 2.",
                 "2020-03-02", "day", ("Jane Doe", "Ola Nordmann", "Oslo")),
                ("In 2019, Norway joined the Shangri-La initiative [1].", "2019", "year", ("Norway",))],
        citations=[("Reuters, March 2", "Reuters", "2020-03-02"), (", March 1", None, "2020-03-01"),
                   ("[1]", None, None)],
    )


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two test workers a core for `-n auto`: a Pilot test spends much of its time waiting for the
    explorer's timers and workers, and two workers on a 2-core machine left the cores half idle (6 min
    against 4)."""
    return 2 * (os.cpu_count() or 1)


@pytest.fixture
def fresh_store() -> Iterator[Store]:
    """An empty in-memory store, closed after the test."""
    with Store.memory() as store:
        yield store


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """The hand-built Article helper (see ``build_article``)."""
    return build_article


@pytest.fixture
def wire_text() -> str:
    """The made-up WIRE story's text."""
    return WIRE


@pytest.fixture
def wire_extract() -> Callable[[str], Article]:
    """Hand-made extraction of the WIRE story (offsets found in whatever text it is given)."""
    return wire_article


@pytest.fixture
def wire_store(fresh_store: Store) -> Store:
    """A fresh store holding the made-up WIRE story."""
    from store.ingest import ingest_text

    ingest_text(fresh_store, WIRE, "wire.txt", extract=lambda text: wire_article(text))
    return fresh_store


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The store built from the bundled seed article once per session; use it read-only."""
    pytest.importorskip("store.extract.pipeline", reason="extraction pipeline not written yet")
    from store.files import read_article
    from store.ingest import ingest_text

    path = tmp_path_factory.mktemp("seed") / "seed.db"
    with Store.open(path) as store:
        for seed in sorted(SEEDS.glob("*.txt")):
            ingest_text(store, read_article(seed), str(seed))
    with Store.open(path, readonly=True) as store:
        yield store


CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
"""Ten short made-up articles of different kinds (wire news, reports with notes, an op-ed, an interview,
Markdown analyses) about one region and year: the analyst's corpus the explorer journeys run on."""


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The store of the fixture corpus, ingested once per session as `natoasia-tui ingest` does; read-only."""
    pytest.importorskip("store.extract.pipeline", reason="extraction pipeline not written yet")
    from store.files import read_document
    from store.ingest import ingest_article

    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    with Store.open(path) as store:
        for article in sorted(CORPUS.iterdir()):
            # Read as ingest reads a file (a Markdown report's links included), under the repository's path.
            read = replace(read_document(article), source=str(article.relative_to(CORPUS.parent.parent.parent)))
            ingest_article(store, read)
    with Store.open(path, readonly=True) as store:
        yield store


PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
"""Saved web pages of three kinds (news site, think tank with endnotes, blog), written for the project."""


class _Quiet(SimpleHTTPRequestHandler):
    """Serves a folder without logging each request to stderr."""

    def log_message(self, *_: object) -> None:
        """Say nothing."""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """The fixture pages and a PDF report, served from 127.0.0.1 on a free port; yields the base URL."""
    from pdf_reports import write_report

    folder = tmp_path / "site"
    shutil.copytree(PAGES, folder)
    write_report(folder / "report.pdf")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def as_schema_7(path: Path) -> None:
    """Lay a store out as schema 7 did (each passage's text stored and indexed by triggers, compounds with
    a rowid, every mention's text written out; the quotes' sieve records are left as they are), so a test can make an older store from a new one; the version is left for the test to set."""
    import sqlite3

    import sqlite_utils

    from store.schema import TOKENIZE

    conn = sqlite3.connect(path, isolation_level=None)
    for statement in ("DROP TABLE passages_fts", "DROP VIEW passage_texts", "ALTER TABLE passages ADD COLUMN text TEXT",
                      'UPDATE passages SET text = substr((SELECT text FROM documents WHERE id = document_id), '
                      'start + 1, "end" - start)',
                      "CREATE TABLE compounds_7 (folded TEXT PRIMARY KEY, words TEXT)",
                      "INSERT INTO compounds_7 SELECT folded, words FROM compounds", "DROP TABLE compounds",
                      "ALTER TABLE compounds_7 RENAME TO compounds",
                      # Mentions indexed by passage, and by document and offset (before schema 9).
                      "DROP INDEX idx_mentions_passage_id_start",
                      "CREATE INDEX idx_mentions_passage_id ON mentions (passage_id)",
                      "CREATE INDEX idx_mentions_document_id_start ON mentions (document_id, start)",
                      # Every mention's text written out (before schema 10).
                      "DROP TRIGGER actors_name_written", "DROP TRIGGER mentions_name_written",
                      "UPDATE mentions SET text = (SELECT name FROM actors WHERE id = actor_id) WHERE text = ''",
                      "PRAGMA user_version = 7"):
        conn.execute(statement)
    sqlite_utils.Database(conn)["passages"].enable_fts(["text"], fts_version="FTS5", create_triggers=True,
                                                       tokenize=TOKENIZE)
    conn.close()

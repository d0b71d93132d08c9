"""Faults: an ingest killed at any moment, and two ingests at once, never leave a partial document."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from store.db import Store

WRITER = """
import sys
from store.db import Store
from store.ingest import Document, ingest_batch, ingest_text, text_sha256
from store.read.document import ReadArticle
from store.model import Article, Passage, Mention, Actor

def article(text):
    paragraphs, start = [], 0
    for ordinal, block in enumerate(text.split("\\n\\n")):
        paragraphs.append(Passage(ordinal, "paragraph", "", ordinal + 1, start, start + len(block), block))
        start += len(block) + 2
    mentions = tuple(Mention("Jane Doe", p.start, p.start + 8, "Jane Doe") for p in paragraphs)
    return Article(text, "T", None, None, tuple(paragraphs), (Actor("Jane Doe", "person"),), mentions)

store = Store.open(sys.argv[1])
texts = ["\\n\\n".join(f"Jane Doe wrote paragraph {i} of article {number}." for i in range(400))
         for number in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3]))]
size = int(sys.argv[4])
for first in range(0, len(texts), size):
    if size == 1:
        ingest_text(store, texts[first], f"{first}.txt", extract=article)
    else:
        ingest_batch(store, [Document.of(ReadArticle.of_text(text, f"{first + n}.txt"), article(text), text_sha256(text))
                             for n, text in enumerate(texts[first:first + size])])
    print("stored", flush=True)
print("done", flush=True)
"""
PARAGRAPHS = 400


def run_writer(db: Path, first: int, count: int, batch: int = 1) -> subprocess.Popen[str]:
    """Start a process that ingests ``count`` articles of 400 paragraphs each, ``batch`` a transaction."""
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(first), str(count), str(batch)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_while_writing(writer: subprocess.Popen[str], chance: random.Random) -> None:
    """Kill -9 a writer at a random moment after its first write: waiting for that write, not for a time
    that a loaded machine may not reach, makes every round kill an ingest under way."""
    assert writer.stdout is not None
    first = writer.stdout.readline()
    assert first == "stored\n", (first, writer.stderr.read() if writer.poll() is not None else "")
    time.sleep(chance.uniform(0, 0.5))
    writer.send_signal(signal.SIGKILL)
    writer.wait()


def assert_whole(db: Path) -> int:
    """The store is intact and every document in it is complete; returns how many there are."""
    with Store.open(db, readonly=True) as store:
        assert store.value("PRAGMA integrity_check") == "ok"
        per_document = store.rows("SELECT d.id, (SELECT count(*) FROM passages WHERE document_id = d.id), "
                                  "(SELECT count(*) FROM mentions WHERE document_id = d.id) FROM documents d")
        assert all(row[1] == PARAGRAPHS and row[2] == PARAGRAPHS for row in per_document)
        indexed = store.value("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'paragraph'")
        assert indexed == PARAGRAPHS * len(per_document)
        return len(per_document)


def test_kill_9_at_random_moments_never_leaves_a_partial_document(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    chance = random.Random(5)
    for round_ in range(6):
        kill_while_writing(run_writer(db, round_ * 100, 50), chance)
        assert_whole(db)
    assert assert_whole(db) > 0


def test_kill_9_during_batches_leaves_whole_batches(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    chance = random.Random(7)
    for round_ in range(4):
        kill_while_writing(run_writer(db, round_ * 100, 40, batch=5), chance)
        assert assert_whole(db) % 5 == 0
    finished = run_writer(db, 900, 10, batch=5)
    assert finished.wait(timeout=120) == 0
    assert assert_whole(db) % 5 == 0 and assert_whole(db) >= 10


def test_two_ingests_at_once_both_land(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    writers = [run_writer(db, 0, 4), run_writer(db, 100, 4)]
    outputs = [writer.communicate(timeout=120) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], outputs
    assert assert_whole(db) == 8


def test_reader_sees_only_whole_documents_during_an_ingest(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    writer = run_writer(db, 0, 6)
    with Store.open(db, readonly=True) as reader:
        while writer.poll() is None:
            counts = reader.rows("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM passages)")[0]
            assert counts[1] == counts[0] * PARAGRAPHS
    assert writer.returncode == 0

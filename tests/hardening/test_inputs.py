"""The real `natoasia-tui ingest` over the bad files of issue 5 that tests/cli and tests/store leave out."""

from __future__ import annotations

import json
import os
import random
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CLI = str(Path(sys.executable).with_name("natoasia-tui"))
GOOD = ("Ministers Meet in Oslo\n\nForeign Minister Jane Doe met Prime Minister Ola Nordmann in Oslo "
        "on March 2, 2020. Doe said: “We stand together.” (Reuters, March 2)\n")


def cli(*args: str, timeout: float = 120, limit_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed command line, optionally capped in address space (for endless inputs)."""
    def cap() -> None:
        """Cap the child's memory so an endless read fails fast instead of eating the machine."""
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout, preexec_fn=cap)


def refused(done: subprocess.CompletedProcess[str], *messages: str) -> None:
    """Exit code 2 with one stderr line per message, each naming what was wrong, and no traceback."""
    lines = done.stderr.splitlines()
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(lines) == len(messages) and all(m in line for m, line in zip(messages, lines)), lines


def stored_texts(db: Path) -> list[str]:
    """The text of every document in a store."""
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM documents")]


def test_a_real_50_mb_article_is_refused_at_once(tmp_path: Path) -> None:
    """No limit patched: a 50 MB file is refused as too large and no store is made."""
    path = tmp_path / "big.txt"
    path.write_bytes(GOOD.encode() * (50 * 2**20 // len(GOOD.encode()) + 1))
    refused(cli("ingest", str(path), "--db", str(tmp_path / "s.db")), "too large")
    assert not (tmp_path / "s.db").exists()


def test_a_100000_character_line_is_ingested_whole(tmp_path: Path) -> None:
    """One line of 100,000 characters goes through extraction and is stored byte for byte."""
    line = ("Jane Doe met Ola Nordmann in Oslo. " * 3000)[:100_000]
    (tmp_path / "line.txt").write_text(line)
    done = cli("ingest", str(tmp_path / "line.txt"), "--db", str(tmp_path / "s.db"))
    assert done.returncode == 0 and done.stdout.startswith("added"), done.stderr
    assert stored_texts(tmp_path / "s.db") == [line]


def test_a_file_that_fails_to_read_is_refused() -> None:
    """/proc/self/mem opens but every read fails; it says its size is 0, so it is not even read."""
    refused(cli("ingest", "/proc/self/mem", "--db", "/nonexistent/never-made.db"), "unknown size")


def test_a_folder_with_symlink_loops_reports_each_and_adds_the_rest(tmp_path: Path) -> None:
    """A folder linking to itself and two links to each other: the loop is named, the good file added."""
    (tmp_path / "good.txt").write_text(GOOD)
    os.symlink(tmp_path, tmp_path / "again")
    os.symlink(tmp_path / "x.txt", tmp_path / "y.txt")
    os.symlink(tmp_path / "y.txt", tmp_path / "x.txt")
    done = cli("ingest", str(tmp_path), "--db", str(tmp_path / "s.db"))
    refused(done, "x.txt: cannot read", "y.txt: cannot read")
    assert "good.txt" in done.stdout and len(stored_texts(tmp_path / "s.db")) == 1


def test_a_fifo_in_a_folder_is_refused_not_waited_on(tmp_path: Path) -> None:
    """A named pipe called pipe.txt next to a good article: refused at once, the article added."""
    (tmp_path / "good.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    # A pipe nobody writes to blocks forever: cli's 120 s bound is the hang guard (10 s timed out at load 18).
    done = cli("ingest", str(tmp_path), "--db", str(tmp_path / "s.db"))
    refused(done, "pipe.txt")
    assert len(stored_texts(tmp_path / "s.db")) == 1


def test_an_endless_device_is_refused() -> None:
    """/dev/zero (reports size 0, never ends), under a 1 GiB cap: one line, exit 2."""
    done = cli("ingest", "/dev/zero", "--db", "/nonexistent/never-made.db", timeout=60, limit_bytes=2**30)
    refused(done, "/dev/zero")


def test_an_html_fragment_is_refused_or_stripped(tmp_path: Path) -> None:
    """Markup copied from a page without its <html> wrapper: refused clearly, or stored without tags."""
    path = tmp_path / "fragment.txt"
    path.write_text("<div><h1>Talks in Oslo</h1><p>Foreign Minister Jane Doe said: &ldquo;We stand "
                    "together.&rdquo;</p></div>\n")
    done = cli("ingest", str(path), "--db", str(tmp_path / "s.db"))
    if done.returncode == 2:
        refused(done, "HTML")
    else:
        assert not any("<p>" in text for text in stored_texts(tmp_path / "s.db"))


@pytest.mark.parametrize("name", ["**Jane Doe**", "[Jane Doe](https://example.org/doe)"])
def test_markdown_markup_round_a_name_keeps_the_person(name: str) -> None:
    """Bold or linked names in a Markdown article are still people who speak: the article is read through
    the Markdown parser (as ingest reads a .md file), which leaves the name and drops the markup."""
    from store.extract.pipeline import extract_article
    from store.read.markdown import article_text

    article = extract_article(article_text(f"# Talks\n\nForeign Minister {name} said: “We stand together.”\n"))
    assert [actor.name for actor in article.actors] == ["Jane Doe"]
    assert [quote.speaker for quote in article.quotes] == ["Jane Doe"]


@pytest.mark.parametrize("text", [
    "Talks\n\nJane Doe said: “We stand together. Ola Nordmann said \"never.\n\nA last ” stray mark.\n",
    "Talks\n\nJane Doe said: “He told me ‘we stand “together” now’ and left.”\n",
    "Talks\n\n“”‘’\"\" \"'\" ‘“’” «»\n",
], ids=["unbalanced", "nested", "marks-only"])
def test_odd_quotation_marks_keep_exact_offsets(tmp_path: Path, text: str) -> None:
    """Unbalanced and nested marks are ingested; every exported quote is exactly its passage's slice."""
    (tmp_path / "a.txt").write_text(text)
    db = str(tmp_path / "s.db")
    assert cli("ingest", str(tmp_path / "a.txt"), "--db", db).returncode == 0
    exported = json.loads(cli("export", "--db", db).stdout)
    passages = {passage["id"]: passage for passage in exported["passages"]}
    for quote in exported["quotes"]:
        passage = passages[quote["passage_id"]]
        assert passage["text"][quote["start"] - passage["start"]:quote["end"] - passage["start"]] == quote["text"]


def test_text_with_no_actors_is_ingested_and_searchable(tmp_path: Path) -> None:
    """An article naming no one is stored; search finds its words, actors says there are none."""
    (tmp_path / "quiet.txt").write_text("a quiet day\n\nnothing happened here, and nobody said anything.\n")
    db = str(tmp_path / "s.db")
    done = cli("ingest", str(tmp_path / "quiet.txt"), "--db", db)
    assert done.returncode == 0 and "(0 actors" in done.stdout
    assert cli("search", "nothing", "--db", db).returncode == 0
    assert cli("actors", "--db", db).returncode == 1


def test_names_and_titles_cannot_drive_the_terminal(tmp_path: Path) -> None:
    """File names and titles with OSC 52, screen clears and newlines: shown as symbols, one line per file."""
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["x\x1b]52;c;SGFja2Vk\x07.txt", "\x1b[2J.txt", "a\nadded      forged.txt"]
    for number, name in enumerate(names):
        (folder / name).write_text(f"Talks \x1b]0;pwned\x07 in Oslo {number}\n\n" + GOOD.split("\n\n", 1)[1])
    db = str(tmp_path / "s.db")
    done = cli("ingest", str(folder), "--db", db)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == len(names), done.stdout
    shown = [done, cli("search", "Talks", "--db", db), cli("export", "--format", "markdown", "--db", db),
             cli("actors", "--db", db), cli("export", "--db", db)]
    for output in shown:
        assert output.returncode == 0, output.stderr
        assert not set("\x1b\x07\x9b") & set(output.stdout + output.stderr), output.stdout


def test_a_file_name_that_is_not_utf8_is_ingested(tmp_path: Path) -> None:
    """A Latin-1 file name in a folder: added and shown with its odd byte as \\xe9, the rest added too."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD.replace("Oslo", "Bergen"))
    done = cli("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "caf\\xe9.txt" in done.stdout and len(stored_texts(tmp_path / "s.db")) == 2


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder of articles with a link to a file and a link to a folder outside it."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.txt").write_text(GOOD.replace("Oslo", "Bergen"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    os.symlink(tmp_path / "elsewhere" / "secret.txt", folder / "s.txt")
    os.symlink(tmp_path / "elsewhere", folder / "more")
    return folder


def test_a_folder_walk_stays_inside_the_folder(outside: Path, tmp_path: Path) -> None:
    """Links leading out of the folder are named and skipped; --follow-links adds what they lead to."""
    db = str(tmp_path / "s.db")
    refused(cli("ingest", str(outside), "--db", db), "more: a link to the folder", "s.txt: a link to")
    assert len(stored_texts(tmp_path / "s.db")) == 1
    done = cli("ingest", str(outside), "--follow-links", "--db", db)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert len(stored_texts(tmp_path / "s.db")) == 2


@pytest.mark.skipif(not os.access("/proc/kmsg", os.R_OK), reason="no readable /proc/kmsg here")
def test_a_link_to_an_endless_proc_file_is_refused_at_once(tmp_path: Path) -> None:
    """/proc/kmsg (a 'regular' file of size 0 whose read waits for the kernel) behind a link: refused."""
    os.symlink("/proc/kmsg", tmp_path / "k.txt")
    refused(cli("ingest", str(tmp_path / "k.txt"), "--db", str(tmp_path / "s.db")), "unknown size")


def test_ingest_into_a_closed_pipe_goes_on_to_the_end(tmp_path: Path) -> None:
    """`ingest … | head -1`: every article is still added, and stderr says the output was cut. The pipe's
    reader is gone before ingest starts, so the first line already meets a closed pipe (with a live
    `head` the lines could all fit in the pipe before it closed, and nothing would be cut)."""
    for number in range(4):
        (tmp_path / f"a{number}.txt").write_text(GOOD.replace("Oslo", f"Oslo {number}"))
    db = tmp_path / "s.db"
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run([str(CLI), "ingest", str(tmp_path), "--db", str(db)], stdout=writer,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(writer)
    assert "Traceback" not in done.stderr, done.stderr
    assert "output was closed" in done.stderr and len(stored_texts(db)) == 4


def test_a_full_disk_leaves_no_store_behind(tmp_path: Path) -> None:
    """Files capped at 256 KiB (as a full disk): one line, and no schema-only store left to mislead."""
    def small_files() -> None:
        """In the child: writes past 256 KiB fail (EFBIG) instead of killing it."""
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    done = subprocess.run([CLI, "ingest", str(seeds), "--db", str(tmp_path / "s.db")], capture_output=True,
                          text=True, timeout=120, preexec_fn=small_files)
    refused(done, "s.db")
    assert not list(tmp_path.glob("s.db*"))


def test_paragraph_separators_end_the_title(tmp_path: Path) -> None:
    """A text whose paragraphs are split by U+2029 (and lines by U+2028): the title is the first line."""
    path = tmp_path / "a.txt"
    path.write_text("Ministers Meet in Oslo\u2029" + "\u2029".join([GOOD.split("\n\n", 1)[1]] * 100))
    done = cli("ingest", str(path), "--db", str(tmp_path / "s.db"))
    assert done.returncode == 0 and ": Ministers Meet in Oslo (" in done.stdout, done.stdout
    assert "\u2029" not in stored_texts(tmp_path / "s.db")[0]


def test_zero_width_characters_inside_names_are_dropped(tmp_path: Path) -> None:
    """ZWSP, ZWJ, ZWNJ and soft hyphens inside words: the person keeps their whole name."""
    path = tmp_path / "a.txt"
    path.write_text(GOOD.replace("Nordmann", "Nord\u200bmann").replace("Jane", "Ja\u00adne")
                    .replace("Doe met", "D\u200do\u200ce met"))
    db = str(tmp_path / "s.db")
    assert cli("ingest", str(path), "--db", db).returncode == 0
    assert stored_texts(tmp_path / "s.db") == [GOOD]
    names = {actor["name"] for actor in json.loads(cli("actors", "--json", "--db", db).stdout)}
    assert {"Jane Doe", "Ola Nordmann"} <= names


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    """UTF-16 as some Windows tools write it, with no BOM: told by its NULs, read as text."""
    path = tmp_path / "a.txt"
    path.write_bytes(GOOD.encode(encoding))
    done = cli("ingest", str(path), "--db", str(tmp_path / "s.db"))
    assert done.returncode == 0, done.stderr
    assert stored_texts(tmp_path / "s.db") == [GOOD]


OLD_COMPOUND = r"[^\W_]+(?:[-‐‑'’](?![sS]\b)[^\W_]+)+"
"""store/terms.py's compound pattern before it was anchored, to show the new one finds the same."""


def test_a_long_word_is_indexed_in_linear_time() -> None:
    """A 1,000,000-letter word (40,000 letters took 59 s): its compounds in well under a second or two."""
    from store import terms

    started = time.perf_counter()
    assert terms.compounds("x" * 1_000_000 + "-y") == {"x" * 1_000_000 + "y": "x" * 1_000_000 + " y"}
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("unit, repeats", [
    ("Water ", 16_000),  # a line of common words in title case: 14 s (the run copied per word dropped)
    ("Ministry of ", 16_000),  # 23 s (each "of" joined the whole run to look it up as a known name's start)
    ("Lunde, a spokesman, said ", 4_000),  # 11.5 s (every role tried for every person of the sentence)
    ("Anders-", 14_000),  # 16 s (a description's possessive owner read again from each capital)
    ("Lunde said “yes” and ", 1_500),  # 2 min (each quote's steps read its whole run-on sentence again)
])
def test_a_long_repeated_shape_is_read_in_linear_time(unit: str, repeats: int) -> None:
    """About 100-200 KB of one shape that was quadratic (CPU seconds before the fix in each comment): well
    under a second now."""
    from store.extract.pipeline import extract_article

    started = time.process_time()
    extract_article("Talks\n\n" + unit * repeats)
    assert time.process_time() - started < 5


def test_deeply_nested_quotation_marks_are_paired_in_linear_time() -> None:
    """300,000 nested “‘([, a word, as many ])’” (the closer was looked for again from each opener: 4 s,
    and 12 s at 4 MB): one quote, at once."""
    from store.extract.quotemarks import quote_spans

    text = "Lunde said " + "“‘([" * 300_000 + "yes" + "])’”" * 300_000
    started = time.process_time()
    spans = quote_spans(text)
    assert time.process_time() - started < 2
    assert [(s.start, s.end, s.closed) for s in spans] == [(1_200_008, 1_200_017, True)]  # after the last “


def test_the_compound_pattern_finds_what_it_found_before() -> None:
    """Random strings of word parts, hyphens, apostrophes and possessives: the same matches as before."""
    from store import terms

    pieces = ["ab", "Shangri", "-", "‐", "'", "’", "s", "S", " ", "La", "_", "é", "1", "O", "Brien", "'s ", "\n"]
    draw = random.Random(3)
    for _ in range(2000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(1, 30)))
        assert [m.span() for m in terms._COMPOUND.finditer(text)] == [
            m.span() for m in re.finditer(OLD_COMPOUND, text)], text


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 400 KiB tmpfs (root only, where mounting is allowed): a disk that really fills up."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_really_full_disk_leaves_no_store_and_no_export(tiny_disk: Path, tmp_path: Path) -> None:
    """The seeds into a 400 KiB disk: one line, no store left; an export onto it: one line, no file left."""
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    refused(cli("ingest", str(seeds), "--db", str(tiny_disk / "s.db")), "disk is full")
    assert list(tiny_disk.iterdir()) == []
    (tiny_disk / "filler").write_bytes(b"x" * 380 * 1024)
    (tmp_path / "a.txt").write_text(GOOD * 200)
    assert cli("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.db")).returncode == 0
    refused(cli("export", "--db", str(tmp_path / "s.db"), "-o", str(tiny_disk / "out.json")), "out.json")
    assert [path.name for path in tiny_disk.iterdir()] == ["filler"]


def test_many_paragraphs_reach_the_full_text_index_in_one_statement() -> None:
    """2,000 one-word paragraphs: FTS5 writes its index a few times, not once a row (a statement a row did)."""
    from store.db import Store
    from store.ingest import ingest_text
    from store.model import Article, Passage

    text = "Talks\n\n" + "Word.\n\n" * 2000
    passages = tuple(Passage(i, "paragraph", "", i, start, start + 5, "Word.")
                     for i, start in enumerate(range(7, 7 + 7 * 2000, 7)))
    statements: list[str] = []
    with Store.memory() as store:
        store.conn.set_trace_callback(statements.append)
        ingest_text(store, text, "tiny.txt", extract=lambda t: Article(t, "Talks", None, None, passages))
        assert store.value("SELECT count(*) FROM passages") == 2000
    assert sum("'passages_fts_data'" in statement for statement in statements) < 20


def test_sentences_that_cannot_hold_a_date_are_not_searched_for_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """500 undated sentences and one dated: find_dates reads the one sentence with a digit or a month's name
    (it read every sentence, 142,857 a MB of one-word paragraphs), and its event is found as before."""
    from store.extract import events
    from store.extract.pipeline import extract_article

    searched: list[int] = []
    find_dates = events.find_dates
    monkeypatch.setattr(events, "find_dates", lambda text, *args: searched.append(args[1]) or find_dates(text, *args))
    article = extract_article("Talks\n\n" + "Lunde met Berg.\n\n" * 500 + "Berg left Oslo on May 3, 2021.\n")
    assert len(searched) == 1 and [(e.date, e.date_text) for e in article.events] == [("2021-05-03", "May 3, 2021")]
    # A text that is all title (one long line, no newline) has no paragraph to date: not even the whole-text search.
    monkeypatch.setattr(events, "may_hold_dates", lambda text: pytest.fail("searched a text without paragraphs"))
    assert extract_article("Lunde met Berg on May 3, 2021. " * 50).events == ()


def test_a_paragraph_of_one_sentence_is_not_split(monkeypatch: pytest.MonkeyPatch) -> None:
    """One-sentence paragraphs (a heading, "Word." × n) take one search each, not the splitter's loop."""
    from store.extract import sentences

    split: list[int] = []
    split_block = sentences._split_block
    monkeypatch.setattr(sentences, "_split_block",
                        lambda text, *span: split.append(span[0]) or split_block(text, *span))
    text = "Word.\n\n" * 300
    spans = [span for at in range(0, len(text), 7) for span in sentences.split_sentences(text, at, at + 5)]
    assert spans == [(at, at + 5) for at in range(0, len(text), 7)] and split == []
    assert sentences.split_sentences("He left. She stayed.") == [(0, 8), (9, 20)] and len(split) == 1


@pytest.mark.parametrize("record, fields", [
    ("store.extract.candidates:Candidate", (0, 3, "organization", "XQZ")),
    ("store.model:Mention", ("XQZ", 0, 3, "XQZ")),
    ("store.model:Passage", (1, "paragraph", "", 1, 7, 12, "Word.")),
])
def test_records_made_by_the_hundred_thousand_set_their_fields_without_a_call_each(
        record: str, fields: tuple[object, ...]) -> None:
    """A line of acronyms makes 250,000 candidates and mentions a MB, tiny paragraphs 142,857 passages: a frozen
    dataclass sets each field through a call to object.__setattr__ (2 µs a record, 0.4 µs without); the
    records still compare and hash by value."""
    import importlib

    module, name = record.split(":")
    cls = getattr(importlib.import_module(module), name)
    assert not cls.__dataclass_params__.frozen
    one, same = cls(*fields), cls(*fields)
    assert one == same and hash(one) == hash(same) and len({one, same}) == 1


def test_paragraphs_of_one_line_are_found_by_one_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks between blank lines come from one search of the whole text; a block of one line is a unit as
    it stands (each line was trimmed and each block split in Python: 142,857 one-word paragraphs a MB)."""
    from store.extract import passages

    split: list[list[tuple[int, int]]] = []
    split_block = passages._split_block
    monkeypatch.setattr(passages, "_split_block", lambda text, lines: split.append(lines) or split_block(text, lines))
    found = passages.split_passages("Talks\n\n" + "Word.\n \n" * 300 + "Two\nlines.\n\n# Heading\nText here.\n")
    assert [p.kind for p in found] == ["title", *["paragraph"] * 301, "heading", "paragraph"]
    assert [(p.start, p.end) for p in found[-4:]] == [(2399, 2404), (2407, 2417), (2421, 2428), (2429, 2439)]
    assert split == [[(2407, 2410), (2411, 2417)], [(2419, 2428), (2429, 2439)]]


def test_a_line_of_acronyms_looks_for_no_unknown_names_between_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Between two acronyms of a line of them lie no words to read as a person (each was asked, 250,000
    times a MB): the title's word and the line's empty end are looked at, and every acronym is an organisation
    as before."""
    from store.extract import candidates
    from store.extract.pipeline import extract_article

    asked: list[int] = []
    unknown = candidates._unknown
    monkeypatch.setattr(candidates, "_unknown", lambda text, stretch, people: asked.append(len(stretch))
                        or unknown(text, stretch, people))
    article = extract_article("Talks\n\n" + "XQZ WVB " * 500)
    assert asked == [1, 0] and len(article.mentions) == 1000
    assert {(a.name, a.kind) for a in article.actors} == {("XQZ", "organization"), ("WVB", "organization")}


def test_paragraphs_without_a_bracket_are_not_searched_for_citations(monkeypatch: pytest.MonkeyPatch) -> None:
    """500 paragraphs without a bracket or a superscript digit and one with a source: only that one is
    searched for citations (each was, 142,857 a MB of one-word paragraphs), and its citation is found."""
    from store.extract import citations
    from store.extract.pipeline import extract_article

    searched: list[int] = []
    in_paragraph = citations._in_paragraph
    monkeypatch.setattr(citations, "_in_paragraph", lambda text, passage, *args: searched.append(passage.start)
                        or in_paragraph(text, passage, *args))
    article = extract_article("Talks\n\n" + "Lunde met Berg.\n\n" * 500 + "Berg left Oslo (Nordlys, May 4).\n")
    assert len(searched) == 1 and [(c.outlet, c.raw) for c in article.citations] == [("Nordlys", "Nordlys, May 4")]

"""Sharing a store: Datasette serves it with full-text search and canned queries from our metadata file,
and `serve` puts the explorer on a web page; both on 127.0.0.1 only, stopped at the end of each test."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tui.cli import main

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
STARTUP = 60.0
"""Seconds a server may take to answer its first request on this shared machine."""


def _free_port() -> int:
    """A port no one listens on now, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> bytes:
    """The body at ``url`` (errors raise)."""
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 (127.0.0.1 only)
        return answer.read()


@contextmanager
def _running(command: list[str], ready_url: str) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server until ``ready_url`` answers; stop it (and only it) afterwards."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + STARTUP
        while True:
            try:
                _get(ready_url)
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
                assert time.monotonic() < deadline, f"{command[0]} did not answer in {STARTUP} s"
                time.sleep(0.3)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A store of the three fixture pages and its Datasette metadata file beside it."""
    db = tmp_path / "team.db"
    assert main(["ingest", str(PAGES), "--db", str(db)]) == 0
    assert main(["export", "--format", "datasette-metadata", "--db", str(db), "-o", str(tmp_path / "meta.json")]) == 0
    return db


def _rows(base: str, path: str) -> list[dict[str, Any]]:
    """The rows of a Datasette JSON answer, as objects."""
    return json.loads(_get(f"{base}{path}{'&' if '?' in path else '?'}_shape=array"))


def test_datasette_searches_and_runs_the_canned_queries(shared: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/team"
    command = [sys.executable, "-m", "datasette", "serve", str(shared), "-m", str(shared.parent / "meta.json"),
               "-h", "127.0.0.1", "-p", str(port)]
    with _running(command, f"http://127.0.0.1:{port}/-/versions.json"):
        assert any("neighbouring states" in row["text"] for row in _rows(base, "/passage_texts.json?_search=zamboanga"))
        assert [row["text"][:12] for row in _rows(base, "/quotes.json?_search=standing")] == ["We have wait"]
        assert [row["name"] for row in _rows(base, "/actors.json?_search=lacson")] == ["Teodoro Lacson"]
        quotes = _rows(base, "/quotes_by_speaker.json?speaker=Lacson")
        assert [(row["speaker"], row["quote"][:12]) for row in quotes] == [("Teodoro Lacson", "We have wait")]
        assert {row["year"] for row in _rows(base, "/events_by_year.json?year=2016")} == {"2016"}
        tables = json.loads(_get(f"http://127.0.0.1:{port}/-/metadata.json"))["databases"]["team"]["tables"]
        assert tables["documents"]["columns"]["source"].startswith("The file's path or the URL")


def test_serve_puts_the_explorer_on_a_web_page(shared: Path) -> None:
    """The page textual-serve puts up, and the explorer it runs behind it for a visitor."""
    port = _free_port()
    command = [sys.executable, "-m", "tui.cli", "serve", "--port", str(port), "--db", str(shared)]
    with _running(command, f"http://127.0.0.1:{port}/"):
        page = _get(f"http://127.0.0.1:{port}/").decode()
        assert "natoasia-tui" in page  # the title textual-serve is given
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
        assert "Actors" in asyncio.run(_first_screen(f"http://127.0.0.1:{port}/ws"))


async def _first_screen(url: str) -> str:
    """What the explorer behind the page sends a browser of 80x24 until its first screen names "Actors"."""
    import aiohttp  # textual-serve's own client library

    got = ""
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as socket_:
        await socket_.send_str(json.dumps(["resize", {"width": 80, "height": 24}]))
        deadline = time.monotonic() + STARTUP
        while "Actors" not in got and time.monotonic() < deadline:
            message = await asyncio.wait_for(socket_.receive(), STARTUP)
            if message.type not in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                break
            got += message.data if isinstance(message.data, str) else message.data.decode("utf-8", "replace")
    return got


def test_a_bad_port_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a port number" in err

"""`ingest` of saved pages, PDFs and URLs (served on 127.0.0.1 only), and of bad files of each kind."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tui.cli import main

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def _documents(db: Path) -> list[dict[str, object]]:
    """The exported documents of a store."""
    main(["export", "--db", str(db), "-o", str(db.with_suffix(".json"))])
    return json.loads(db.with_suffix(".json").read_text())["documents"]


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The captured stderr, asserted to be one line without a traceback."""
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def _refused_leaving_the_store(db: Path, source: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Ingesting ``source`` into a store holding one page exits 2 with one line, the store as it was."""
    assert main(["ingest", str(PAGES / "news-site.html"), "--db", str(db)]) == 0
    capsys.readouterr()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert main(["ingest", source, "--db", str(db)]) == 2
    assert message in _one_line(capsys)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before and len(_documents(db)) == 1


def test_a_url_is_fetched_and_stored_with_the_url_as_source(tmp_path: Path, site: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    url = f"{site}/news-site.html"
    assert main(["ingest", url, "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith(f"added      {url}: Coast guards agree joint drills")
    [document] = _documents(db)
    assert (document["source"], document["path"], document["format"]) == (url, url, "html")


def test_a_folders_urls_txt_is_ingested_with_its_files(tmp_path: Path, site: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "urls.txt").write_text(f"# reading list\n{site}/blog-post.html\n\n{site}/report.pdf\n")
    shutil.copy(PAGES / "thinktank-endnotes.html", folder)
    assert main(["ingest", str(folder), "--db", str(tmp_path / "s.db")]) == 0
    found = {(d["format"], str(d["source"]).rsplit("/", 1)[-1]) for d in _documents(tmp_path / "s.db")}
    assert found == {("html", "blog-post.html"), ("pdf", "report.pdf"), ("html", "thinktank-endnotes.html")}


@pytest.mark.parametrize(("target", "message"), [
    ("/missing.html", "HTTP 404"),
    ("http://127.0.0.1:9/page.html", "cannot fetch it"),
], ids=["404", "refused"])
def test_a_failed_fetch_is_one_line_and_leaves_the_store(tmp_path: Path, site: str, target: str, message: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    _refused_leaving_the_store(tmp_path / "s.db", target if target.startswith("http") else site + target, message,
                               capsys)


def test_a_failed_fetch_makes_no_store(tmp_path: Path, site: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", f"{site}/nothing-here.pdf", "--db", str(tmp_path / "s.db")]) == 2
    assert "HTTP 404" in _one_line(capsys) and not (tmp_path / "s.db").exists()


def test_a_bad_line_in_urls_txt_is_named(tmp_path: Path, site: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "urls.txt").write_text(f"{site}/blog-post.html\nftp://example.org/x\n")
    assert main(["ingest", str(tmp_path / "urls.txt"), "--db", str(tmp_path / "s.db")]) == 2
    assert "urls.txt:2: not an http(s) URL" in _one_line(capsys)
    assert len(_documents(tmp_path / "s.db")) == 1


@pytest.mark.parametrize(("name", "data", "message"), [
    ("report.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 64, "PDF"),
    ("page.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
    ("page.htm", b"<html><body>" + b"<p>word </p>" * 1_000_000 + b"</body></html>", "too large"),
], ids=["corrupt-pdf", "binary-html", "huge-page"])
def test_a_bad_file_is_one_line_exit_2_and_leaves_the_store(tmp_path: Path, name: str, data: bytes, message: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / name).write_bytes(data)
    _refused_leaving_the_store(tmp_path / "s.db", str(tmp_path / name), message, capsys)


def test_a_new_version_is_announced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    assert main(["ingest", str(PAGES / "news-site.html"), "--db", str(db)]) == 0
    revised = (PAGES / "news-site.html").read_text().replace("in June", "in early June")
    (tmp_path / "news-site-updated.html").write_text(revised)
    capsys.readouterr()
    assert main(["ingest", str(tmp_path / "news-site-updated.html"), "--db", str(db)]) == 0
    assert "a new version of document 1" in capsys.readouterr().out


def test_a_server_that_never_answers_times_out_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """A listening socket that accepts no request: the fetch gives up after TIMEOUT, one line, exit 2."""
    monkeypatch.setattr("store.read.web.TIMEOUT", 0.5)
    monkeypatch.setattr("store.read.web.RETRY_DELAYS", (0.0, 0.0))
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(3)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/slow.html"
        assert main(["ingest", url, "--db", str(tmp_path / "s.db")]) == 2
    assert "cannot fetch it (timed out; tried 3 times)" in _one_line(capsys) and not (tmp_path / "s.db").exists()


class _Flaky(BaseHTTPRequestHandler):
    """Answers ``status`` (503) to the first ``failures`` requests, then the news page; counts what it was asked."""

    failures = 0
    status = 503
    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        """One answer, failing while failures remain."""
        type(self).asked.append(self.path)
        failing = len(self.asked) <= self.failures
        body = b"busy" if failing else (PAGES / "news-site.html").read_bytes()
        self.send_response(self.status if failing else 200)
        self.send_header("Content-Type", "text/plain" if failing else "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        """Say nothing."""


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, type[_Flaky]]]:
    """A server on 127.0.0.1 that fails as told, with no wait between tries; yields its URL and handler."""
    monkeypatch.setattr("store.read.web.RETRY_DELAYS", (0.0, 0.0))
    handler = type("Handler", (_Flaky,), {"asked": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_a_busy_server_is_tried_again_and_its_page_stored(tmp_path: Path, flaky: tuple[str, type[_Flaky]]) -> None:
    url, handler = flaky
    handler.failures = 2
    assert main(["ingest", f"{url}/news.html", "--db", str(tmp_path / "s.db")]) == 0
    assert handler.asked == ["/news.html"] * 3 and len(_documents(tmp_path / "s.db")) == 1


def test_a_server_busy_on_every_try_is_one_line(tmp_path: Path, flaky: tuple[str, type[_Flaky]],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    url, handler = flaky
    handler.failures = 10
    assert main(["ingest", f"{url}/news.html", "--db", str(tmp_path / "s.db")]) == 2
    assert "cannot fetch it (HTTP 503 Service Unavailable; tried 3 times)" in _one_line(capsys)
    assert len(handler.asked) == 3


def test_a_missing_page_is_not_asked_for_again(tmp_path: Path, flaky: tuple[str, type[_Flaky]],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    url, handler = flaky
    handler.failures, handler.status = 10, 404
    assert main(["ingest", f"{url}/news.html", "--db", str(tmp_path / "s.db")]) == 2
    assert _one_line(capsys).endswith("cannot fetch it (HTTP 404 Not Found)\n") and len(handler.asked) == 1


def test_the_proxy_the_environment_names_is_used(tmp_path: Path, flaky: tuple[str, type[_Flaky]],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy is asked for the whole URL: the flaky server, as proxy, sees the page's absolute URL."""
    proxy, handler = flaky
    for name in ("no_proxy", "NO_PROXY", "HTTP_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", proxy)
    assert main(["ingest", "http://articles.example.org/news.html", "--db", str(tmp_path / "s.db")]) == 0
    assert handler.asked == ["http://articles.example.org/news.html"]
    assert _documents(tmp_path / "s.db")[0]["source"] == "http://articles.example.org/news.html"


def test_a_fetched_pages_relative_links_are_listed_whole(tmp_path: Path, site: str) -> None:
    page = ("<html><head><title>Patrols</title></head><body><article><h1>Patrols</h1><p>The coast guards agreed "
            "on joint drills, as the <a href='/reports/2016.pdf'>earlier report</a> had urged them to do for "
            "years.</p><p>The drills begin in June and will be reviewed in September by the ministers.</p>"
            "</article></body></html>")
    (tmp_path / "site" / "patrols.html").write_text(page)
    db = tmp_path / "s.db"
    assert main(["ingest", f"{site}/patrols.html", "--db", str(db)]) == 0
    main(["export", "--db", str(db), "-o", str(tmp_path / "out.json")])
    texts = [p["text"] for p in json.loads((tmp_path / "out.json").read_text())["passages"]]
    assert f"earlier report <{site}/reports/2016.pdf>" in texts  # a reference, its "- " marker aside


def test_a_pdf_pdfminer_works_around_says_only_our_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A page with no MediaBox and a font with no resources: pdfminer warns; stderr still has one line."""
    path = tmp_path / "odd.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages "
                     b"/Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> "
                     b"endobj\n4 0 obj << /Length 44 >> stream\nBT /F1 12 Tf 72 712 Td (Hello there) Tj ET\n"
                     b"endstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    assert main(["ingest", str(path), "--db", str(tmp_path / "s.db")]) == 2
    assert "odd.pdf: no text in this PDF" in _one_line(capsys)

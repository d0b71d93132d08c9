"""The natoasia-tui command line: open the explorer, ingest articles, export, search, list actors."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Callable, Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any, NoReturn

from store.db import Store, StoreError
from store.files import ArticleError, path_text, read_article
from store.kinds import ACTOR_KINDS
from tui.screens.printable import visible
from tui.terminal import (EXIT_BAD_INPUT, EXIT_NO_RESULTS, EXIT_OK, PROG, fail, safe_json, shown,
                          silence_stdout, to_json)

# Opening the explorer imports only what its first screen needs: the version (importlib.metadata),
# ingest and queries are imported by the commands that use them.

ENV_DB = "NATOASIA_DB"
WEB_DRIVER = "TEXTUAL_DRIVER"
"""Set by textual-serve for the explorer it runs behind a web page (its pipes are no terminal)."""
MAX_LIMIT = 2**63 - 1
"""The largest --limit SQLite can take; a larger one means the same: every hit."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line on stderr (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        """Print one line, not the usage block, and exit 2."""
        self.exit(EXIT_BAD_INPUT, f"{PROG}: error: {message} (see {PROG} --help)\n")


def _version() -> str:
    """The installed distribution's version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(PROG)
    except PackageNotFoundError:
        return "unknown"


class _VersionAction(argparse.Action):
    """``--version``: print the version, looked up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **_: Any) -> None:
        """A flag without a value."""
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        """Print it on stdout, as argparse's own version action does, and exit."""
        print(f"{PROG} {_version()}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    """The argument parser for the whole contract in DESIGN.md."""
    db = _Parser(add_help=False)
    db.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the store file (default: ${ENV_DB}, else store.db in the user data folder)",
    )
    parser = _Parser(
        prog=PROG,
        parents=[db],
        description="Explore who says what, where and when "
        "in policy-analysis articles. With no command, open the explorer.",
    )
    parser.add_argument("--version", action=_VersionAction)
    _add_commands(parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser), db)
    return parser


def _add_commands(commands: argparse._SubParsersAction, db: argparse.ArgumentParser) -> None:
    """The subcommands, each also taking ``--db``."""
    _add_ingest(commands, db)
    export = commands.add_parser(
        "export",
        parents=[db],
        help="export the store as JSON, CSV or Markdown, or the evidence board as a brief",
        description="JSON, Markdown and the brief (the evidence board's pins with their citations) go to "
        "stdout or FILE. CSV writes one file per table into the folder FILE; without -o it prints the "
        "actors table.",
    )
    export.add_argument("--format", choices=("json", "csv", "markdown", "brief", "datasette-metadata"),
                        default="json", help="brief: the evidence board as Markdown; datasette-metadata: a "
                        "metadata file for `datasette STORE -m FILE`")
    export.add_argument("-o", "--output", metavar="FILE", type=Path)
    export.add_argument("--force", action="store_true", help="replace FILE (or the CSV files) if it exists")
    search = commands.add_parser("search", parents=[db], help="search actors, quotes, passages, events")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=_positive, default=20, metavar="N", help="hits per kind (20)")
    search.add_argument("--json", action="store_true", help="print the hits as JSON")
    _add_corrections(commands, db)
    actors = commands.add_parser("actors", parents=[db], help="list actors, most mentioned first")
    actors.add_argument("--kind", choices=ACTOR_KINDS)
    actors.add_argument("--json", action="store_true", help="print the actors as JSON")
    serve = commands.add_parser("serve", parents=[db], help="run the explorer in web browsers (textual-serve)")
    serve.add_argument("--port", type=_port, default=8000, help="the port to listen on (8000)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (127.0.0.1: this machine only)")


def _add_ingest(commands: argparse._SubParsersAction, db: argparse.ArgumentParser) -> None:
    """``ingest PATH... [--follow-links] [--force]``."""
    ingest = commands.add_parser("ingest", parents=[db], help="add articles (.txt, .md, .html, .pdf) or URLs; a "
                                 "folder adds every article in it and the URLs of its urls.txt")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--follow-links", action="store_true",
                        help="in a folder, also add what symbolic links outside it lead to")
    ingest.add_argument("--force", action="store_true",
                        help="extract articles already stored again (your corrections apply again)")
    ingest.add_argument("--jobs", type=_positive, default=None, metavar="N",
                        help="extract in N processes (default: one per core)")
    ingest.add_argument("--verbose", action="store_true",
                        help="a line per file on a terminal too (piped output always has them)")


def _add_corrections(commands: argparse._SubParsersAction, db: argparse.ArgumentParser) -> None:
    """``corrections export FILE`` / ``corrections import FILE``."""
    corrections = commands.add_parser("corrections", parents=[db], help="share your corrections as a JSON file")
    corrections.add_argument("action", choices=("export", "import"))
    corrections.add_argument("file", metavar="FILE", type=Path)
    corrections.add_argument("--force", action="store_true", help="export: replace FILE if it exists")


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1 (beyond what SQLite counts, as many as there are)."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return min(int(text), MAX_LIMIT)


def _port(text: str) -> int:
    """An argparse type: a TCP port number."""
    if not text.strip().isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {text!r}")
    return int(text)


def default_store_path() -> Path:
    """``$NATOASIA_DB``, else store.db in the user data folder (created when first needed)."""
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    from platformdirs import user_data_path

    folder = user_data_path(PROG, appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "store.db"


def _store_path(args: argparse.Namespace) -> Path:
    """The store this command uses."""
    given = getattr(args, "db", None)
    return Path(given).expanduser() if given else default_store_path()


def _open_seeded(args: argparse.Namespace) -> Store:
    """Open the store for reading; a writable store with no documents is first built from the seeds."""
    from store.queries import has_documents

    store = Store.open(_store_path(args))
    if not store.readonly and not has_documents(store):
        from store.ingest import ingest_text
        from store.seeds import bundled_seeds

        for seed in bundled_seeds():
            ingest_text(store, read_article(seed), str(seed))
    return store


def run_ingest(args: argparse.Namespace) -> int:
    """Ingest every article named; report each file and carry on past bad ones."""
    from tui.ingest_command import ingest_paths

    return ingest_paths(args.paths, args.follow_links, _store_path(args), args.jobs, args.verbose, args.force)


def run_export(args: argparse.Namespace) -> int:
    """Export the store in the chosen format to stdout, a file or (CSV) a folder."""
    from store import export
    from store.brief import brief

    taken = _taken(args) if args.output and not args.force else None
    if taken:
        fail(f"{taken}: already exists; add --force to replace it")
        return EXIT_BAD_INPUT
    if args.format == "datasette-metadata":
        return _print_or_write(args, export_datasette(_store_path(args)))
    with _open_seeded(args) as store:
        if args.format == "csv" and args.output:
            _written(args.output, lambda: export.write_csv_folder(store, args.output))
            return EXIT_OK
        text = {"json": export.to_json, "markdown": export.to_markdown, "csv": export.actors_csv,
                "brief": brief}[args.format](store)
    # JSON escapes controls itself; the Markdown report and CSV on a terminal show them as symbols.
    return _print_or_write(args, safe_json(text) if args.format == "json" else visible(text))


def _print_or_write(args: argparse.Namespace, text: str) -> int:
    """Print an export, or write it to ``-o FILE``."""
    from store import export

    if args.output:
        _written(args.output, lambda: export.write_file(args.output, text if text.endswith("\n") else text + "\n"))
    else:
        print(text)
    return EXIT_OK


def export_datasette(store_path: Path) -> str:
    """Datasette's metadata for the store (served by Datasette under its file's stem)."""
    from store.datasette import metadata_json

    return metadata_json(store_path.stem)


def _taken(args: argparse.Namespace) -> Path | None:
    """The first existing file the export would replace."""
    from store.export import csv_paths

    targets = csv_paths(args.output) if args.format == "csv" else [args.output]
    return next((path for path in targets if path.exists()), None)


def _written(output: Path, write: Callable[[], object]) -> None:
    """Run a write to ``output``; a failure (a full disk, a missing folder) is a StoreError naming it."""
    try:
        write()
    except OSError as error:
        raise StoreError(f"{output}: cannot write the export ({error.strerror or error}); "
                         "nothing was written") from None


def run_corrections(args: argparse.Namespace) -> int:
    """Write the store's corrections to FILE, or add FILE's to the store (a bad file changes nothing)."""
    from store import corrections_file
    from store.export import write_file

    if args.action == "export":
        if args.file.exists() and not args.force:
            fail(f"{args.file}: already exists; add --force to replace it")
            return EXIT_BAD_INPUT
        with _open_existing(args) as store:
            text = corrections_file.dump(store)
        _written(args.file, lambda: write_file(args.file, text + "\n"))
        return EXIT_OK
    text = _read_text(args.file)
    with _open_existing(args) as store:
        added = corrections_file.load(store, text)
    print(f"imported {added} corrections from {shown(str(args.file))}")
    return EXIT_OK


def _open_existing(args: argparse.Namespace) -> Store:
    """The command's store, which must exist already (corrections of no store mean nothing)."""
    path = _store_path(args)
    return Store.open(path, readonly=not path.exists())


def _read_text(path: Path) -> str:
    """A file's text; StoreError (one line) if it cannot be read as UTF-8."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise StoreError(f"{path}: cannot read it ({getattr(error, 'strerror', None) or error})") from None


def run_search(args: argparse.Namespace) -> int:
    """Print the hits for a query (exit 1 when there are none)."""
    from store.search import search

    with _open_seeded(args) as store:
        results = search(store, path_text(args.query), limit=args.limit)
    if args.json:
        print(to_json({"query": results.query, "hits": [dataclasses.asdict(hit) for hit in results.all]}))
    for hit in () if args.json else results.all:
        print(f"{hit.type:8} {shown(hit.label)}  [{shown(hit.detail)}]")
    if not results:
        fail(f"no results for {args.query!r}")
    return EXIT_OK if results else EXIT_NO_RESULTS


def run_actors(args: argparse.Namespace) -> int:
    """Print the actors, most mentioned first (exit 1 when there are none)."""
    from store import queries

    with _open_seeded(args) as store:
        listed = queries.actors(store, kind=args.kind)
    if args.json:
        print(to_json([dataclasses.asdict(actor) for actor in listed]))
    for actor in () if args.json else listed:
        title = f"  {shown(actor.title)}" if actor.title else ""
        print(f"{actor.mentions:5}  {actor.kind:12} {shown(actor.name)}{title}")
    if not listed:
        fail("no actors" + (f" of kind {args.kind}" if args.kind else "") + " in the store")
    return EXIT_OK if listed else EXIT_NO_RESULTS


def run_explorer(args: argparse.Namespace) -> int:
    """Open the explorer on a terminal (or in a browser, through textual-serve's driver); otherwise (piped,
    or no explorer installed) list the actors."""
    on_screen = (sys.stdout.isatty() and sys.stdin.isatty()) or bool(os.environ.get(WEB_DRIVER))
    if not (on_screen and find_spec("tui.app")):
        return run_actors(argparse.Namespace(db=getattr(args, "db", None), kind=None, json=False))
    from tui.app import NatoAsiaApp
    from tui.settings import default_settings_path

    with _open_seeded(args) as store:
        NatoAsiaApp(store, settings=default_settings_path()).run()
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    """Serve the explorer to web browsers through textual-serve: each visitor gets an explorer of the store."""
    from tui.serve import serve

    return serve(_store_path(args), args.host, args.port)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: run_explorer, "ingest": run_ingest, "export": run_export, "search": run_search,
    "actors": run_actors, "serve": run_serve, "corrections": run_corrections,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors are one line on stderr with exit code 2, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        # A character the terminal's encoding lacks is shown escaped, never a traceback.
        getattr(stream, "reconfigure", lambda **_: None)(errors="backslashreplace")
    try:
        args = _parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT
    except (StoreError, ArticleError) as error:
        fail(error)
    except BrokenPipeError:
        # The reader (say ``| head``) stopped reading: not an error; silence the final flush.
        silence_stdout()
        return EXIT_OK
    except OSError as error:
        fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": "))
    except KeyboardInterrupt:
        return 130
    return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())

"""The store's tables, indexes and full-text indexes, built with sqlite-utils, and its version checks."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from store.considered_record import from_schema_9

if TYPE_CHECKING:
    import sqlite_utils

SCHEMA_VERSION = 10
"""Kept in ``PRAGMA user_version``; bump it (and teach ``check`` to migrate) when the tables change."""
APPLICATION_ID = 0x4E41_5441
"""``PRAGMA application_id`` ('NATA'): tells our stores from other programs' SQLite files."""
TOKENIZE = "unicode61 remove_diacritics 2"

_ID = {"id": int}
_SPAN = {"start": int, "end": int, "text": str}
_ATTRIBUTION = {"rule": str, "cue_start": int, "cue_end": int}
"""How a quote's speaker was chosen (added in schema 4; NULL where none was)."""
_ORIGIN = {"source": str, "format": str, "version_of": int}
"""Where a document came from (its file's path or its URL), its format (store/read/document.py's FORMATS),
and the first stored version of the same document, if this is a later one (added in schema 5)."""
_CONSIDERED = {"considered": str}
"""What the sieve passed over (added in schema 6), as compact JSON since schema 10: store/considered_record.py."""
TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        # Small columns before the text, so listing documents never reads through the text's pages.
        "columns": _ID | {"title": str, "path": str, "sha256": str, "published": str, "year": int,
                         "passages": int, "ingested_at": str} | _ORIGIN | {"text": str},
        "not_null": {"title", "path", "sha256", "text", "ingested_at", "passages"},
        "defaults": {"passages": 0},
        "foreign_keys": [("version_of", "documents", "id")],
    },
    "passages": {
        # No text: a passage is its document's text[start:end] (schema 8), read with ``store/texts.py``.
        "columns": _ID | {"document_id": int, "ordinal": int, "kind": str, "section": str,
                         "number": int, "page": int, "start": int, "end": int},
        "not_null": {"document_id", "ordinal", "kind", "section", "start", "end"},
        "foreign_keys": [("document_id", "documents", "id")],
    },
    "actors": {
        "columns": _ID | {"name": str, "kind": str, "title": str, "surname": str, "mentions": int,
                         "quotes": int, "documents": int},
        "not_null": {"name", "kind", "mentions", "quotes", "documents"},
        "defaults": {"mentions": 0, "quotes": 0, "documents": 0},
    },
    "aliases": {
        "columns": {"actor_id": int, "alias": str},
        "ddl": "CREATE TABLE aliases (actor_id INTEGER NOT NULL REFERENCES actors(id), alias TEXT NOT NULL, "
               "PRIMARY KEY (actor_id, alias)) WITHOUT ROWID",
    },
    "mentions": {
        # text is '' where it is the actor's name (schema 10): read it through ``mention_text``.
        "columns": _ID | {"actor_id": int, "document_id": int, "passage_id": int} | _SPAN,
        "not_null": {"actor_id", "document_id", "passage_id", "start", "end", "text"},
        "foreign_keys": [("actor_id", "actors", "id"), ("document_id", "documents", "id"),
                         ("passage_id", "passages", "id")],
    },
    "quotes": {
        "columns": _ID | {"document_id": int, "passage_id": int, "speaker_id": int, "kind": str}
        | _SPAN | _ATTRIBUTION | _CONSIDERED,
        "not_null": {"document_id", "passage_id", "kind", "start", "end", "text"},
        "foreign_keys": [("document_id", "documents", "id"), ("passage_id", "passages", "id"),
                         ("speaker_id", "actors", "id")],
    },
    "events": {
        "columns": _ID | {"document_id": int, "passage_id": int, "date": str, "end_date": str,
                         "precision": str, "date_text": str, "description": str, "start": int,
                         "end": int},
        "not_null": {"document_id", "passage_id", "date", "precision", "description", "start", "end"},
        "foreign_keys": [("document_id", "documents", "id"), ("passage_id", "passages", "id")],
    },
    "event_actors": {
        "columns": {"event_id": int, "actor_id": int},
        "ddl": "CREATE TABLE event_actors (event_id INTEGER NOT NULL REFERENCES events(id), actor_id INTEGER NOT NULL "
               "REFERENCES actors(id), PRIMARY KEY (event_id, actor_id)) WITHOUT ROWID",
    },
    "citations": {
        "columns": _ID | {"document_id": int, "passage_id": int, "outlet": str,
                         "outlet_actor_id": int, "date": str, "raw": str, "start": int, "end": int,
                         "footnote": int},
        "not_null": {"document_id", "passage_id", "raw", "start", "end"},
        "foreign_keys": [("document_id", "documents", "id"), ("passage_id", "passages", "id"),
                         ("outlet_actor_id", "actors", "id")],
    },
    "footnotes": {
        "columns": _ID | {"document_id": int, "number": int, "passage_id": int} | _SPAN,
        "not_null": {"document_id", "number", "start", "end", "text"},
        "foreign_keys": [("document_id", "documents", "id"), ("passage_id", "passages", "id")],
    },
    "corrections": {
        "columns": _ID | {"made_at": str, "action": str, "target": str, "value": str, "before": str,
                         "summary": str, "stale": int},
        "not_null": {"made_at", "action", "target", "summary", "stale"},
        "defaults": {"stale": 0},
    },
    "compounds": {
        "columns": {"folded": str, "words": str},
        "ddl": "CREATE TABLE compounds (folded TEXT PRIMARY KEY NOT NULL, words TEXT) WITHOUT ROWID",
    },
    "words": {
        "columns": _ID | {"word": str, "docs": int},
        "not_null": {"word", "docs"},
    },
    "name_words": {
        "columns": _ID | {"word": str, "actors": int},
        "not_null": {"word", "actors"},
        "defaults": {"actors": 0},
    },
}
"""Every table. ``corrections`` is user data, never extracted: each row keyed by what survives
re-extraction (store/corrections.py), with JSON ``target``, ``value`` and ``before`` (for undo).
``compounds`` maps a hyphenated word written together ("shangrila") to its FTS words;
``words`` is the full-text vocabulary with document counts and ``name_words`` the words of actors'
names, aliases and titles (both kept at ingest, so search never scans an index to learn them).
A table with ``ddl`` is made by it: a table looked up only by its key (compounds by word, aliases and
event links by both their ids) is (schema 8) a table without rowid, its key stored once rather than in
the table and again in an index (the vocabularies' ids are kept: search loads their new words by id)."""

INDEXES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("documents", ("sha256",), True),
    ("documents", ("version_of",), False),
    ("passages", ("document_id", "ordinal"), True),
    ("actors", ("name", "kind"), True),
    ("actors", ("kind", "mentions"), False),
    ("actors", ("mentions",), False),
    ("aliases", ("alias", "actor_id"), False),
    ("mentions", ("actor_id", "document_id", "start"), False),
    # A document's mentions are its passages' (schema 9): one index serves both, and the passages' foreign key.
    ("mentions", ("passage_id", "start"), False),
    ("quotes", ("speaker_id", "document_id", "start"), False),
    ("quotes", ("passage_id",), False),
    ("quotes", ("document_id", "start"), False),
    ("events", ("date", "end_date"), False),
    ("events", ("passage_id",), False),
    ("events", ("document_id", "start"), False),
    ("event_actors", ("actor_id",), False),
    ("citations", ("outlet",), False),
    ("citations", ("outlet_actor_id",), False),
    ("citations", ("passage_id",), False),
    ("citations", ("document_id", "start"), False),
    ("footnotes", ("document_id", "number"), False),
    ("words", ("word",), True),
    ("name_words", ("word",), True),
)
"""(table, columns, unique): one for every lookup the explorer makes."""

PINS_DDL = (
    'CREATE TABLE pins (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, kind TEXT NOT NULL, '
    'start INTEGER NOT NULL, "end" INTEGER NOT NULL, position INTEGER NOT NULL, '
    "note TEXT NOT NULL DEFAULT '', pinned_at TEXT NOT NULL, UNIQUE (sha256, kind, start, \"end\"))",
    "CREATE INDEX pins_position ON pins (position)",
)
"""The evidence board (schema 5): user data, not extraction, so it is keyed by what survives a re-ingest
(the document's checksum and the pinned span's offsets) rather than by row ids."""
FTS_TABLES = {"passages": ["text"], "quotes": ["text"], "events": ["description", "date_text"]}
"""Content tables indexed by FTS5 inside the writing transaction: quotes and events by triggers, passages
by ingest and forget themselves (``PASSAGES_FTS``)."""


def _update_trigger(table: str) -> tuple[str, ...]:
    """Statements that make the update trigger sqlite-utils gives a full-text index fire only when an indexed
    column changes (schema 10): moving a quote to another speaker at ingest or by a correction, or rewriting
    its sieve record, left its words as they were but deleted and added them to the index again."""
    columns = ", ".join(f'"{column}"' for column in FTS_TABLES[table])
    old = ", ".join(f'old."{column}"' for column in FTS_TABLES[table])
    new = ", ".join(f'new."{column}"' for column in FTS_TABLES[table])
    return (f'DROP TRIGGER "{table}_au"',
            f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {columns} ON "{table}" BEGIN '
            f'INSERT INTO "{table}_fts" ("{table}_fts", rowid, {columns}) VALUES (\'delete\', old.rowid, {old}); '
            f'INSERT INTO "{table}_fts" (rowid, {columns}) VALUES (new.rowid, {new}); END')


FTS_UPDATE_TRIGGERS = (*_update_trigger("quotes"), *_update_trigger("events"))
MENTION_NAME_TRIGGERS = (
    "CREATE TRIGGER actors_name_written BEFORE UPDATE OF name ON actors WHEN old.name IS NOT new.name BEGIN "
    "UPDATE mentions SET text = old.name WHERE actor_id = old.id AND text = ''; END",
    "CREATE TRIGGER mentions_name_written AFTER UPDATE OF actor_id ON mentions "
    "WHEN old.text = '' AND old.actor_id != new.actor_id BEGIN "
    "UPDATE mentions SET text = (SELECT name FROM actors WHERE id = old.actor_id) WHERE id = new.id; END",
)
"""A mention's text is '' where it is its actor's name (schema 10; 69% of them, 3 MB at 1,000 articles): before
an actor is renamed, and when a mention moves to another actor, the name it was written as is stored."""


def mention_text(mention: str = "m", actor: str = "a") -> str:
    """SQL for a mention's words as written, from the mention and its actor joined under these aliases."""
    return f"iif({mention}.text = '', {actor}.name, {mention}.text)"


PASSAGES_FTS = (
    "CREATE VIEW passage_texts AS SELECT p.id, p.document_id, p.ordinal, p.kind, p.section, p.number, p.page, "
    'p.start, p."end", substr(d.text, p.start + 1, p."end" - p.start) AS text '
    "FROM passages p JOIN documents d ON d.id = p.document_id",
    f"CREATE VIRTUAL TABLE passages_fts USING FTS5 (text, tokenize='{TOKENIZE}', content='passage_texts', "
    "content_rowid='id')",
)
"""A passage's text is its document's (schema 8): the full-text index reads it, when it must, from a view
of the passages with their text (external content; Datasette shows and searches the view), and is written by the code that writes passages, which has the text at hand (a
trigger would read the whole document once per passage)."""
ACTORS_FTS = (
    "CREATE VIRTUAL TABLE actors_fts USING FTS5 (name, title, "
    f"tokenize='{TOKENIZE}', content=\"actors\")",
    "CREATE TRIGGER actors_ai AFTER INSERT ON actors BEGIN "
    "INSERT INTO actors_fts (rowid, name, title) VALUES (new.rowid, new.name, new.title); END",
    "CREATE TRIGGER actors_ad AFTER DELETE ON actors BEGIN INSERT INTO actors_fts (actors_fts, rowid, "
    "name, title) VALUES ('delete', old.rowid, old.name, old.title); END",
    "CREATE TRIGGER actors_au AFTER UPDATE OF name, title ON actors BEGIN INSERT INTO actors_fts "
    "(actors_fts, rowid, name, title) VALUES ('delete', old.rowid, old.name, old.title); "
    "INSERT INTO actors_fts (rowid, name, title) VALUES (new.rowid, new.name, new.title); END",
)
"""Actors' names and titles indexed as sqlite-utils indexes a table (``actors_fts``, ``content="actors"``
quoted so, which is what Datasette looks for to offer search); the update trigger fires only when a name
or title changes, not on every mention count ingest adds."""
FTS_INDEXES = (*(f"{table}_fts" for table in FTS_TABLES), "actors_fts")
"""Every FTS5 index of the store."""
EXTRA_DDL = (
    "CREATE TABLE actor_words (word_id INTEGER NOT NULL, actor_id INTEGER NOT NULL, "
    "PRIMARY KEY (word_id, actor_id)) WITHOUT ROWID",
    "CREATE INDEX actors_surname ON actors (surname COLLATE NOCASE, kind)",
    "CREATE INDEX actor_words_actor ON actor_words (actor_id, word_id)",
    "CREATE INDEX documents_title ON documents (title COLLATE NOCASE)",
    "CREATE TRIGGER actor_words_count AFTER INSERT ON actor_words BEGIN "
    "UPDATE name_words SET actors = actors + 1 WHERE id = new.word_id; END",
    *PINS_DDL,
)
"""``actor_words`` links each name word to the actors it names (the candidates of a fuzzy actor
search; ``name_words.actors`` counts them, so a search knows a common word before reading it); ``surname`` (a person's last name word) is compared as LIKE did, ignoring ASCII case; a new document's
title is looked up among the stored ones (store/versions.py), ignoring case too."""


def table_names(conn: sqlite3.Connection) -> set[str]:
    """Names of the tables in the database (raises sqlite3.DatabaseError if it is not one)."""
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def is_ours(conn: sqlite3.Connection) -> bool:
    """True if the database carries our application id."""
    return conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def _without_rowid(table: str) -> tuple[str, ...]:
    """Statements that remake a table as its ``ddl`` in TABLES says (a table without rowid), rows and
    indexes kept (the indexes named as sqlite-utils names them)."""
    lean = TABLES[table]["ddl"].replace(f"CREATE TABLE {table} ", f"CREATE TABLE {table}_lean ", 1)
    columns = ", ".join(TABLES[table]["columns"])
    indexes = tuple(f"CREATE {'UNIQUE ' * unique}INDEX idx_{table}_{'_'.join(on)} ON {table} ({', '.join(on)})"
                    for name, on, unique in INDEXES if name == table)
    return (lean, f"INSERT INTO {table}_lean ({columns}) SELECT {columns} FROM {table}", f"DROP TABLE {table}",
            f"ALTER TABLE {table}_lean RENAME TO {table}", *indexes)


MIGRATIONS: dict[int, tuple[str, ...]] = {
    3: ('ALTER TABLE quotes ADD COLUMN "rule" TEXT', "ALTER TABLE quotes ADD COLUMN cue_start INTEGER",
        "ALTER TABLE quotes ADD COLUMN cue_end INTEGER"),
    4: ("ALTER TABLE documents ADD COLUMN source TEXT", "ALTER TABLE documents ADD COLUMN format TEXT",
        "ALTER TABLE documents ADD COLUMN version_of INTEGER REFERENCES documents(id)",
        "ALTER TABLE passages ADD COLUMN page INTEGER",
        "UPDATE documents SET source = path, format = CASE WHEN lower(path) LIKE '%.md' THEN 'markdown' "
        "ELSE 'text' END",
        "CREATE INDEX idx_documents_version_of ON documents (version_of)",
        "CREATE INDEX documents_title ON documents (title COLLATE NOCASE)",
        *ACTORS_FTS, "INSERT INTO actors_fts (actors_fts) VALUES ('rebuild')"),
    5: ("ALTER TABLE quotes ADD COLUMN considered TEXT",
        "CREATE TABLE corrections (id INTEGER PRIMARY KEY, made_at TEXT NOT NULL, action TEXT NOT NULL, "
        "target TEXT NOT NULL, value TEXT, before TEXT, summary TEXT NOT NULL, stale INTEGER NOT NULL DEFAULT 0)"),
    6: PINS_DDL,
    7: ("DROP TRIGGER passages_ai", "DROP TRIGGER passages_ad", "DROP TRIGGER passages_au",
        "DROP TABLE passages_fts", *PASSAGES_FTS,
        "INSERT INTO passages_fts (rowid, text) SELECT id, text FROM passages",
        "ALTER TABLE passages DROP COLUMN text",
        *_without_rowid("compounds"), *_without_rowid("aliases"), *_without_rowid("event_actors")),
    8: ("DROP INDEX idx_mentions_passage_id", "DROP INDEX idx_mentions_document_id_start",
        "CREATE INDEX idx_mentions_passage_id_start ON mentions (passage_id, start)"),
    9: (*FTS_UPDATE_TRIGGERS,
        "UPDATE quotes SET considered = considered_from_schema_9(considered) WHERE considered IS NOT NULL",
        "UPDATE mentions SET text = '' WHERE text = (SELECT name FROM actors WHERE id = mentions.actor_id)",
        *MENTION_NAME_TRIGGERS),
}
"""Statements that bring a store of the key's version to the next; quotes stored before schema 4
keep no attribution, before schema 6 no candidates (re-ingesting their articles gives them); documents
stored before schema 5 were all text or Markdown files, told apart by their path; schema 7 adds the
empty evidence board; schema 8 stores the text once (a passage is its document's text[start:end],
indexed as it was) and keeps the tables looked up by their key without rowid; schema 9 reads a document's
mentions through its passages, so one index of mentions by passage and offset replaces two (by passage, and
by document and offset); schema 10 keeps what the sieve passed over as codes rather than sentences (the
``considered_from_schema_9`` function ``migrate`` gives the connection), a mention's text as '' where it is
its actor's name, and reindexes a quote's or event's words only when they change."""


def migrate(conn: sqlite3.Connection) -> None:
    """Bring an older store of ours up to SCHEMA_VERSION in one transaction, if it can be."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not is_ours(conn) or version not in MIGRATIONS:
        return
    conn.create_function("considered_from_schema_9", 1, from_schema_9, deterministic=True)
    conn.execute("BEGIN IMMEDIATE")
    try:
        while version in MIGRATIONS:
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            version += 1
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    _reclaim(conn)


def _reclaim(conn: sqlite3.Connection) -> None:
    """Give the pages a migration freed back to the file system (schema 8's frees about a third of a
    store); a store another process is using is left as it is, later ingests reusing its free pages.

    The rewrite also turns on incremental auto_vacuum, as a new store has it (Store.release_free_pages):
    only a VACUUM can, on a store that already has tables."""
    try:
        conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        conn.execute("VACUUM")
    except sqlite3.OperationalError:
        pass


def check(conn: sqlite3.Connection) -> str | None:
    """Why this database cannot be used as a store (None when it can: ours, or brand new)."""
    tables = table_names(conn)
    if not tables and not is_ours(conn):
        return None
    if not is_ours(conn) or "documents" not in tables:
        return "not a natoasia-tui store (an SQLite database of another program)"
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        return (f"made by a newer natoasia-tui (store schema {version}, this one reads "
                f"{SCHEMA_VERSION}); upgrade natoasia-tui to open it")
    if version < SCHEMA_VERSION:
        return (f"made by an older natoasia-tui (store schema {version}) that cannot be migrated; "
                "ingest the articles into a new store")
    missing = set(TABLES) - tables
    if missing:
        return f"incomplete natoasia-tui store (missing tables: {', '.join(sorted(missing))})"
    return None


def create(db: sqlite_utils.Database) -> None:
    """Create every table, index and FTS index in one transaction, unless the store already has them."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        if not is_ours(db.conn):
            _create_all(db)
        db.conn.execute("COMMIT")
    except BaseException:
        # After a full disk or an I/O error SQLite may have rolled back already.
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def _create_all(db: sqlite_utils.Database) -> None:
    """Build the schema from TABLES, INDEXES and the FTS definitions, then stamp id and version."""
    for name, spec in TABLES.items():
        if "ddl" in spec:
            db.conn.execute(spec["ddl"])
            continue
        db[name].create(spec["columns"], pk=spec.get("pk", "id"), not_null=spec.get("not_null"),
                        defaults=spec.get("defaults"), foreign_keys=spec.get("foreign_keys"))
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique)
    for table, columns in FTS_TABLES.items():
        if table != "passages":
            db[table].enable_fts(columns, fts_version="FTS5", create_triggers=True, tokenize=TOKENIZE)
    for statement in (*EXTRA_DDL, *ACTORS_FTS, *PASSAGES_FTS, *FTS_UPDATE_TRIGGERS, *MENTION_NAME_TRIGGERS):
        db.conn.execute(statement)
    db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

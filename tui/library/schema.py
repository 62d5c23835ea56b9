"""The library's SQLite schema: connection settings, migrations, error wording.

One reason to change: the shape of the database on disk. Queries live in
tui.library.queries, writes in tui.library.merge, the public face in tui.library.

Times the library itself records (first_seen, edited_at, last_checked, ...)
are REAL Unix timestamps; times that came from a page (entry time, page
published/updated) are ISO 8601 text, kept with their offset. `sort_ts` is the
entry time, else the page's published time, else first_seen, as a timestamp,
so the cross-page views sort on one indexed number.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from tui.i18n import _

BUSY_TIMEOUT_MS = 10_000

SCHEMA_V1 = """
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- normalized URL, or derived from source + title
    url TEXT,
    source TEXT,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    lead TEXT,
    published TEXT,
    updated TEXT,
    authors TEXT NOT NULL DEFAULT '[]',  -- JSON list
    topics TEXT NOT NULL DEFAULT '[]',   -- JSON list
    image_caption TEXT,
    feed_url TEXT,
    coverage_end TEXT,
    added_at REAL NOT NULL,
    saved_at REAL NOT NULL,
    seen_up_to REAL,
    origin TEXT,                       -- where it came from: URL, file path, seed:NAME, -
    fetch_url TEXT,                    -- what `refresh` fetches (NULL: not refreshable)
    etag TEXT,
    last_modified TEXT,
    last_checked REAL,
    last_error TEXT,
    raw_file TEXT,                     -- file name of the raw page in the cache folder
    content_type TEXT
);

CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    entry_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    time TEXT,
    time_text TEXT,
    headline TEXT NOT NULL,
    body TEXT NOT NULL,
    topics TEXT NOT NULL DEFAULT '',   -- one topic per line (also indexed by FTS)
    links TEXT NOT NULL DEFAULT '[]',  -- JSON [[url, text], ...]
    media TEXT NOT NULL DEFAULT '[]',  -- JSON [[kind, caption, credit, url], ...]
    sort_ts REAL NOT NULL,
    first_seen REAL NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    edited INTEGER NOT NULL DEFAULT 0,
    edited_at REAL,
    previous_body TEXT,
    removed INTEGER NOT NULL DEFAULT 0,
    UNIQUE (page_id, entry_id)
);
CREATE INDEX entries_page_order ON entries (page_id, position);
CREATE INDEX entries_page_state ON entries (page_id, read, starred);
CREATE INDEX entries_newest ON entries (sort_ts DESC, page_id DESC, position);
CREATE INDEX entries_unread ON entries (read, sort_ts DESC, page_id DESC, position);
CREATE INDEX entries_starred ON entries (sort_ts DESC, page_id DESC, position)
    WHERE starred = 1;

CREATE TABLE entry_topics (
    topic TEXT NOT NULL,
    entry INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    page_id INTEGER NOT NULL,
    PRIMARY KEY (topic, entry)
) WITHOUT ROWID;
CREATE INDEX entry_topics_entry ON entry_topics (entry);
CREATE INDEX entry_topics_page ON entry_topics (page_id, topic);

CREATE VIRTUAL TABLE entries_fts USING fts5(
    headline, body, topics,
    content='entries', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
-- Headline hits weigh most, then topics, then body text.
INSERT INTO entries_fts (entries_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)');

CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, headline, body, topics)
    VALUES (new.id, new.headline, new.body, new.topics);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, headline, body, topics)
    VALUES ('delete', old.id, old.headline, old.body, old.topics);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF headline, body, topics ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, headline, body, topics)
    VALUES ('delete', old.id, old.headline, old.body, old.topics);
    INSERT INTO entries_fts (rowid, headline, body, topics)
    VALUES (new.id, new.headline, new.body, new.topics);
END;
"""

# Feeds the user added (RSS/Atom) and the items already imported from them.
SCHEMA_FEEDS = """
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    added_at REAL NOT NULL,
    last_checked REAL,
    last_error TEXT
);

CREATE TABLE feed_items (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    link TEXT NOT NULL,
    page_id INTEGER REFERENCES pages(id) ON DELETE SET NULL,
    added_at REAL NOT NULL,
    PRIMARY KEY (feed_id, link)
) WITHOUT ROWID;
"""

# An entry's match minute ("95'") and the zone of its clock as the page states it.
SCHEMA_ENTRY_MARKERS = """
ALTER TABLE entries ADD COLUMN minute TEXT;
ALTER TABLE entries ADD COLUMN zone TEXT;
"""

# How many entries past the parser's limit a page had when it was last saved:
# the reader says so instead of dropping them silently.
SCHEMA_PAGE_CUT = """
ALTER TABLE pages ADD COLUMN cut INTEGER NOT NULL DEFAULT 0;
"""

# Topics by spelling-free key (tui.textnorm.topic_key): "États-Unis" and
# "Etats-Unis" are one topic in the sidebar and its filter.
def _topic_keys(conn: sqlite3.Connection) -> None:
    from tui.textnorm import topic_key

    _run_script(conn, """
ALTER TABLE entry_topics ADD COLUMN key TEXT NOT NULL DEFAULT '';
CREATE INDEX entry_topics_key ON entry_topics (key, entry);
CREATE INDEX entry_topics_page_key ON entry_topics (page_id, key);
""")
    topics = [str(t) for (t,) in conn.execute("SELECT DISTINCT topic FROM entry_topics")]
    conn.executemany("UPDATE entry_topics SET key = ? WHERE topic = ?",
                     [(topic_key(t), t) for t in topics])


# Where the reader was (view, entry, scroll) when it quit: it opens there again.
SCHEMA_READER_STATE = """
CREATE TABLE reader_state (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"""

# One wire item on two live blogs (tui.textnorm.text_key) is one row in the
# river; `shared` marks the entries whose key another page has too, so the
# river looks for their copies only. And when the river was last seen, for
# its "new since your last visit" line, as pages.seen_up_to is for a page.
SCHEMA_SHARED = """
ALTER TABLE entries ADD COLUMN text_key TEXT;
ALTER TABLE entries ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
CREATE INDEX entries_text_key ON entries (text_key) WHERE text_key IS NOT NULL;
-- The river reads `shared` of every row it walks: from the index, not the table.
DROP INDEX entries_newest;
CREATE INDEX entries_newest ON entries (sort_ts DESC, page_id DESC, position, shared);
-- The river's "new since your last visit": the few entries stored since.
CREATE INDEX entries_first_seen ON entries (first_seen);
CREATE TABLE view_seen (
    view TEXT PRIMARY KEY,
    seen_up_to REAL NOT NULL
) WITHOUT ROWID;
"""


def _shared_entries(conn: sqlite3.Connection) -> None:
    _run_script(conn, SCHEMA_SHARED)
    key_wire_items(conn)


def key_wire_items(conn: sqlite3.Connection) -> None:
    """The text key of every live-blog entry and the `shared` mark of those
    another page holds too (migration 7; a recovered library)."""
    from tui.textnorm import text_key

    rows = conn.execute("SELECT e.id, e.headline, e.body FROM entries e"
                        " JOIN pages p ON p.id = e.page_id WHERE p.kind = 'liveblog'")
    conn.executemany("UPDATE entries SET text_key = ? WHERE id = ?",
                     [(key, rowid) for rowid, headline, body in rows
                      if (key := text_key(headline, body)) is not None])
    conn.execute(
        "UPDATE entries SET shared = 1 WHERE text_key IN (SELECT text_key FROM entries"
        " WHERE text_key IS NOT NULL GROUP BY text_key HAVING count(DISTINCT page_id) > 1)")


# Migration N (index N-1) takes the database from user_version N-1 to N.
# Append new steps; never edit a released one.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    lambda conn: _run_script(conn, SCHEMA_V1),
    lambda conn: _run_script(conn, SCHEMA_FEEDS),
    lambda conn: _run_script(conn, SCHEMA_ENTRY_MARKERS),
    lambda conn: _run_script(conn, SCHEMA_PAGE_CUT),
    _topic_keys,
    lambda conn: _run_script(conn, SCHEMA_READER_STATE),
    _shared_entries,
]
SCHEMA_VERSION = len(MIGRATIONS)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the open transaction; run statement by statement.
    for statement in _statements(script):
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf:
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection. A WAL database needs its `-shm` file, which
    SQLite cannot create in a read-only folder: there, nothing can write the
    library either, and it is opened as immutable."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, isolation_level=None,
                           check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        import os

        conn.close()
        if os.access(path.parent, os.W_OK):
            raise
    return sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None,
                           check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection with the library's settings. Autocommit mode: writers open
    their own `BEGIN IMMEDIATE` transactions."""
    if read_only:
        conn = _connect_read_only(path)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(
                    _("cannot use WAL journal (got {mode})").format(mode=mode))
        conn.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        conn.close()
        raise
    return conn


def migrate(conn: sqlite3.Connection, on_create: Callable[[sqlite3.Connection], None]
            | None = None) -> bool:
    """Bring the schema to SCHEMA_VERSION in one transaction. Returns True when
    the database was created by this call; `on_create` then runs inside the same
    transaction (seeding), so a new library is created whole or not at all."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return False
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            _("library schema version {version} is newer than this newsreader knows "
              "({known})").format(version=version, known=SCHEMA_VERSION))
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the lock.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        created = version == 0
        for step in MIGRATIONS[version:]:
            step(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        if created and on_create is not None:
            on_create(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return created


def describe_error(path: Path, exc: sqlite3.Error) -> str:
    """One line for people about what went wrong with the database file."""
    text = str(exc)
    low = text.lower()
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return _("library {path} is corrupted ({reason}); "
                 "`newsreader check --recover` copies what is readable").format(
            path=path, reason=text)
    if "readonly" in low or "read-only" in low:
        return _("library {path} is not writable ({reason})").format(path=path, reason=text)
    if "unable to open" in low:
        import os

        folder = path.parent
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            return _("library {path} is not writable ({reason})").format(
                path=path, reason=text)
        return _("cannot open library {path} ({reason})").format(path=path, reason=text)
    if "locked" in low or "busy" in low:
        return _("library {path} is busy: another newsreader holds it too long ({reason})"
                 ).format(path=path, reason=text)
    if "disk" in low and "full" in low:
        return _("library {path}: disk full ({reason})").format(path=path, reason=text)
    return _("library {path}: {reason}").format(path=path, reason=text)

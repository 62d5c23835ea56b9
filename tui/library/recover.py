"""A damaged library: SQLite's full integrity check, and a copy of every row
still readable into a new library file, put in place of the damaged one
(which is kept beside it).

One reason to change: what the library does when its file is damaged. It
copies stored rows as they are and never parses a page.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.i18n import _
from tui.library import schema
from tui.library.rows import LibraryError
from tui.textnorm import topic_key

# Tables copied row by row, parents first. entry_topics is rebuilt from each
# entry's topics and entries_fts by the insert trigger, so a damaged index of
# theirs loses nothing.
COPIED_TABLES = ("pages", "entries", "feeds", "feed_items", "view_seen")
MAX_SKIPS = 24  # jumps past unreadable rows before a table is given up


@dataclass(frozen=True)
class Recovery:
    pages: int  # pages in the new library
    entries: int  # entries in the new library
    unreadable: int  # places where rows could not be read and were skipped
    damaged_copy: Path  # where the damaged file was moved


def integrity_problems(path: Path, limit: int = 20) -> list[str]:
    """What SQLite's full integrity_check finds wrong with the library at
    `path` (empty when it is sound). LibraryError when it cannot be opened."""
    try:
        conn = schema.connect(path, read_only=True)
    except sqlite3.Error as exc:
        raise LibraryError(schema.describe_error(path, exc)) from None
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]  # too damaged for the check to run to its end
    finally:
        conn.close()
    lines = [line for row in rows for line in row.splitlines()
             if line and not line.startswith("*** in database")]
    return [] if lines == ["ok"] else lines


def recover(path: Path) -> Recovery:
    """Copy what is readable of the library at `path` into a new library,
    keep the damaged file as `<name>.damaged-<time>` and put the new one in
    its place. Read and starred marks travel with their entries. The new
    file is complete and checked before anything is moved; LibraryError
    (nothing moved) when nothing can be read."""
    try:
        src = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        version = src.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        raise LibraryError(_("nothing in library {path} can be read ({reason}); move it "
                             "aside and newsreader starts a new library").format(
            path=path, reason=exc)) from None
    if version > schema.SCHEMA_VERSION:
        src.close()
        raise LibraryError(_("library {path} is of a newer newsreader (schema {version})")
                           .format(path=path, version=version))
    fresh = path.with_name(path.name + ".recovering")
    for leftover in _with_journals(fresh):
        leftover.unlink(missing_ok=True)
    try:
        unreadable = _copy(src, fresh)
        dst = schema.connect(fresh)
        try:
            pages, entries = (dst.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                              for t in ("pages", "entries"))
            ok = [r[0] for r in dst.execute("PRAGMA integrity_check")] == ["ok"]
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        for leftover in _with_journals(fresh):
            leftover.unlink(missing_ok=True)
        raise LibraryError(_("recovering library {path} failed ({reason}); nothing was moved")
                           .format(path=path, reason=exc)) from None
    finally:
        src.close()
    if not ok:  # cannot happen short of a failing disk: leave everything as it was
        raise LibraryError(_("the recovered copy {path} fails integrity_check; nothing moved")
                           .format(path=fresh))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for old, new in zip(_with_journals(path), _with_journals(aside), strict=True):
        if old.exists():
            os.replace(old, new)
    os.replace(fresh, path)
    return Recovery(pages=pages, entries=entries, unreadable=unreadable, damaged_copy=aside)


def _with_journals(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _copy(src: sqlite3.Connection, fresh: Path) -> int:
    """Every readable row of COPIED_TABLES into a new library at `fresh`;
    returns how many times unreadable rows were skipped."""
    dst = schema.connect(fresh)
    unreadable = 0
    try:
        schema.migrate(dst)
        dst.execute("PRAGMA foreign_keys = OFF")  # orphans are dropped below
        dst.execute("BEGIN IMMEDIATE")
        for table in COPIED_TABLES:
            columns = _shared_columns(src, dst, table)
            if not columns:
                continue
            names = ", ".join(columns)
            marks = ", ".join("?" * len(columns))
            rows, skips = _readable_rows(src, table, names)
            dst.executemany(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})", rows)
            unreadable += skips()
        dst.execute("DELETE FROM entries WHERE page_id NOT IN (SELECT id FROM pages)")
        dst.execute("DELETE FROM feed_items WHERE feed_id NOT IN (SELECT id FROM feeds)")
        dst.execute("UPDATE feed_items SET page_id = NULL"
                    " WHERE page_id NOT IN (SELECT id FROM pages)")
        dst.executemany(
            "INSERT OR IGNORE INTO entry_topics (topic, key, entry, page_id)"
            " VALUES (?, ?, ?, ?)",
            [(topic, topic_key(topic), rowid, page_id)
             for rowid, page_id, topics in dst.execute("SELECT id, page_id, topics FROM entries")
             for topic in str(topics).split("\n") if topic])
        schema.key_wire_items(dst)  # the source may be older than the keys
        dst.execute("COMMIT")
    finally:
        dst.close()
    return unreadable


def _shared_columns(src: sqlite3.Connection, dst: sqlite3.Connection, table: str) -> list[str]:
    try:
        theirs = {r[1] for r in src.execute(f"PRAGMA table_info({table})")}
    except sqlite3.DatabaseError:
        return []
    return [r[1] for r in dst.execute(f"PRAGMA table_info({table})") if r[1] in theirs]


def _readable_rows(src: sqlite3.Connection, table: str, names: str
                   ) -> tuple[Iterator[tuple[object, ...]], Callable[[], int]]:
    """The table's rows in rowid order, jumping past unreadable ones, and a
    function that tells, once they are consumed, how many jumps it took."""
    skips = 0
    rowid_table = table in ("pages", "entries", "feeds")

    def rows() -> Iterator[tuple[object, ...]]:
        nonlocal skips
        last: int | None = None
        failures = 0
        while True:
            if rowid_table:
                sql = f"SELECT rowid, {names} FROM {table}"
                sql += " WHERE rowid > ? ORDER BY rowid" if last is not None else " ORDER BY rowid"
            else:
                sql = f"SELECT 0, {names} FROM {table}"
            try:
                for row in src.execute(sql, () if last is None else (last,)):
                    if rowid_table:
                        last = int(row[0])
                    failures = 0
                    yield tuple(row[1:])
                return
            except sqlite3.DatabaseError:
                skips += 1
                failures += 1
                if not rowid_table or failures > MAX_SKIPS:
                    return
                last = (last or 0) + 2 ** (failures - 1)  # jump past the damage

    return rows(), lambda: skips

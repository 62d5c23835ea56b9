"""The library's feeds: RSS/Atom feeds the user added, and which of their
items have been imported, so `refresh` fetches only the new ones.

One reason to change: how feeds are kept. Every function takes an open
connection; locking and transactions are tui.library's business. The tables
are created by migration 2 in tui.library.schema.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from tui.library.queries import from_ts


@dataclass(frozen=True)
class FeedRow:
    id: int
    url: str
    title: str
    etag: str | None
    last_modified: str | None
    last_checked: datetime | None
    last_error: str | None
    items: int  # items imported so far


def save_feed(conn: sqlite3.Connection, url: str, title: str, now: float,
              etag: str | None, last_modified: str | None) -> int:
    conn.execute(
        "INSERT INTO feeds (url, title, etag, last_modified, added_at, last_checked)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET title = excluded.title,"
        " etag = excluded.etag, last_modified = excluded.last_modified,"
        " last_checked = excluded.last_checked, last_error = NULL",
        (url, title, etag, last_modified, now, now))
    return int(conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()[0])


def feeds(conn: sqlite3.Connection) -> list[FeedRow]:
    rows = conn.execute(
        "SELECT f.id, f.url, f.title, f.etag, f.last_modified, f.last_checked, f.last_error,"
        " (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id)"
        " FROM feeds f ORDER BY f.id").fetchall()
    return [FeedRow(int(r[0]), r[1], r[2], r[3], r[4], from_ts(r[5]), r[6], int(r[7]))
            for r in rows]


def feed_links(conn: sqlite3.Connection, feed_id: int) -> set[str]:
    return {r[0] for r in conn.execute("SELECT link FROM feed_items WHERE feed_id = ?",
                                       (feed_id,))}


def add_feed_item(conn: sqlite3.Connection, feed_id: int, link: str, page_id: int | None,
                  now: float) -> None:
    conn.execute("INSERT OR REPLACE INTO feed_items (feed_id, link, page_id, added_at)"
                 " VALUES (?, ?, ?, ?)", (feed_id, link, page_id, now))


def record_feed_check(conn: sqlite3.Connection, feed_id: int, now: float,
                      error: str | None) -> None:
    if error is not None:
        conn.execute("UPDATE feeds SET last_error = ? WHERE id = ?", (error, feed_id))
    else:
        conn.execute("UPDATE feeds SET last_checked = ?, last_error = NULL WHERE id = ?",
                     (now, feed_id))

"""Writing a Page into the library: the merge of a (re-)fetched page with what
is stored. Runs inside a transaction the caller opened (tui.library does
`BEGIN IMMEDIATE`), so a page is written whole or not at all.

One reason to change: how a new version of a page is reconciled with the old
one (new entries, edited entries, entries gone from the page).
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from tui.i18n import _
from tui.library.queries import in_lists
from tui.model import Entry, Page, PageKind, iso
from tui.textnorm import text_key, topic_key


@dataclass(frozen=True)
class MergeCounts:
    page_id: int
    total: int
    added: int
    edited: int
    removed: int
    new_rowids: tuple[int, ...] = ()  # the entries inserted, in page order
    cut: int = 0  # entries past the parser's limit, left out


@dataclass(frozen=True)
class FetchInfo:
    """How a page was obtained, stored with it so `refresh` can ask again."""

    origin: str | None = None  # URL, file path, "seed:NAME", "-"
    fetch_url: str | None = None  # URL to re-fetch; None when not refreshable
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    fetched: bool = False  # obtained by an HTTP request just now (sets last_checked)


def normalize_url(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[::1": compared as written
        return url.strip()
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))


def page_key(page: Page) -> str:
    if page.url:
        return "url:" + normalize_url(page.url)
    return "title:" + (page.source or "") + "\x00" + " ".join(page.title.split())


def nfc(text: str | None) -> str:
    # One Unicode form, so full-text search matches precomposed and decomposed
    # accents alike.
    return unicodedata.normalize("NFC", text) if text else ""


def _ts(value: object) -> float | None:
    from datetime import date

    from tui.moments import sort_timestamp

    return sort_timestamp(value) if isinstance(value, date) else None


def _entry_values(e: Entry) -> tuple[str | None, str, str, str, str, str]:
    return (
        iso(e.time),
        nfc(e.headline),
        nfc(e.body_markdown),
        "\n".join(t for t in (" ".join(nfc(t).split()) for t in e.topics) if t),
        json.dumps([[link.url, link.text] for link in e.links], ensure_ascii=False),
        json.dumps([[m.kind, m.caption, m.credit, m.url] for m in e.media], ensure_ascii=False),
    )


def _upsert_page(conn: sqlite3.Connection, page: Page, now: float,
                 fetch: FetchInfo | None, page_id: int | None) -> int:
    key = page_key(page)
    values = {
        "url": page.url, "source": page.source, "kind": str(page.kind),
        "title": nfc(page.title), "lead": page.lead, "published": iso(page.published),
        "updated": iso(page.updated),
        "authors": json.dumps(list(page.authors), ensure_ascii=False),
        "topics": json.dumps(list(page.topics), ensure_ascii=False),
        "image_caption": page.image_caption, "feed_url": page.feed_url,
        "coverage_end": iso(page.coverage_end), "saved_at": now, "cut": page.cut,
    }
    if fetch is not None:
        values.update(origin=fetch.origin, content_type=fetch.content_type)
        if fetch.fetch_url:
            values.update(fetch_url=fetch.fetch_url)
        if fetch.fetched:
            values.update(etag=fetch.etag, last_modified=fetch.last_modified,
                          last_checked=now, last_error=None)
    if page_id is not None:
        # Merging into a known page (refresh, reparse): it keeps its id; it takes
        # the new key unless another page already has it.
        taken = conn.execute("SELECT 1 FROM pages WHERE key = ? AND id != ?",
                             (key, page_id)).fetchone()
        if taken is None:
            values["key"] = key
        row = (page_id,)
    else:
        row = conn.execute("SELECT id FROM pages WHERE key = ?", (key,)).fetchone()
    if row is not None:
        sets = ", ".join(f"{name} = :{name}" for name in values)
        cur = conn.execute(f"UPDATE pages SET {sets} WHERE id = :id", {**values, "id": row[0]})
        if cur.rowcount == 0:
            raise LookupError(_("no page with id {id}").format(id=row[0]))
        return int(row[0])
    values.update(key=key, added_at=now)
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    cur = conn.execute(f"INSERT INTO pages ({names}) VALUES ({marks})", values)
    assert cur.lastrowid is not None
    return cur.lastrowid


def order_with_gone(page_order: list[str], old_order: list[str]) -> list[str]:
    """The page's entries in page order, with each entry that left the page
    put back right after the entry that came before it (or, when none of
    those is still on the page, first): a removed update stays where it was
    in the blog's time, not among the newest. Linear."""
    on_page = set(page_order)
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for eid in old_order:
        if eid in on_page:
            anchor = eid
        else:
            after.setdefault(anchor, []).append(eid)
    out = list(after.get(None, []))
    for eid in page_order:
        out.append(eid)
        out.extend(after.get(eid, []))
    return out


def mark_shared(conn: sqlite3.Connection, page_id: int, keys: set[str]) -> None:
    """Entries of `keys` (just stored on `page_id`) that another page has
    too are one wire item: all copies are marked `shared`, and this page's
    copy is read when another was (one wire item read once is read)."""
    found: list[str] = []
    for part, marks in in_lists(sorted(keys)):
        found += [str(k) for (k,) in conn.execute(
            f"SELECT DISTINCT text_key FROM entries WHERE text_key IN ({marks})"
            " AND page_id != ?", [*part, page_id])]
    conn.executemany("UPDATE entries SET shared = 1 WHERE text_key = ? AND shared = 0",
                     [(k,) for k in found])
    conn.executemany("UPDATE entries SET read = 1 WHERE text_key = ? AND page_id = ? AND read = 0"
                     " AND EXISTS (SELECT 1 FROM entries AS copy WHERE copy.text_key = ?"
                     " AND copy.page_id != ? AND copy.read = 1)",
                     [(k, page_id, k, page_id) for k in found])


def merge_page(conn: sqlite3.Connection, page: Page, now: float,
               fetch: FetchInfo | None = None, page_id: int | None = None) -> MergeCounts:
    """Store `page` (into the page `page_id` when given, else the page with the
    same key, else a new one) and return what changed."""
    page_id = _upsert_page(conn, page, now, fetch, page_id)
    page_ts = _ts(page.published)
    old = {
        r[1]: r for r in conn.execute(
            "SELECT id, entry_id, headline, body, removed, first_seen, time, position, topics,"
            " links, media, time_text, minute, zone FROM entries WHERE page_id = ?", (page_id,))
    }
    seen: set[str] = set()
    inserts: list[tuple[object, ...]] = []
    topic_changes: list[tuple[int, str]] = []  # (rowid, topics text) to re-index
    keys: set[str] = set()  # text keys of entries new or edited in this save
    live = page.kind == PageKind.LIVEBLOG
    added = edited = 0
    for e in page.entries:
        if e.id in seen:
            continue  # the same entry twice on one page: keep the first
        seen.add(e.id)
        time, headline, body, topics, links, media = _entry_values(e)
        prev = old.get(e.id)
        key = text_key(headline, body) if live else None
        if prev is None:
            sort_ts = _ts(e.time) or page_ts or now
            inserts.append((page_id, e.id, e.position, time, e.time_text, headline, body,
                            topics, links, media, sort_ts, now, e.minute, e.zone, key))
            if key is not None:
                keys.add(key)
            added += 1
            continue
        rowid, _old_key, old_headline, old_body, removed, first_seen = prev[:6]
        changed = (old_headline, old_body) != (headline, body)
        same_rest = prev[6:14] == (
            time, e.position, topics, links, media, e.time_text, e.minute, e.zone)
        if not changed and same_rest and not removed:
            continue
        sort_ts = _ts(e.time) or page_ts or first_seen
        if changed:
            edited += 1
            conn.execute(
                "UPDATE entries SET headline = ?, body = ?, edited = 1, edited_at = ?,"
                " previous_body = ?, text_key = ? WHERE id = ?",
                (headline, body, now, old_body, key, rowid))
            if key is not None:
                keys.add(key)
        conn.execute(
            "UPDATE entries SET position = ?, time = ?, time_text = ?, links = ?, media = ?,"
            " sort_ts = ?, minute = ?, zone = ?, removed = 0 WHERE id = ?",
            (e.position, time, e.time_text, links, media, sort_ts, e.minute, e.zone, rowid))
        if topics != prev[8]:
            conn.execute("UPDATE entries SET topics = ? WHERE id = ?", (topics, rowid))
            topic_changes.append((rowid, topics))
    topic_rows: list[tuple[str, str, int, int]] = []
    new_rowids: list[int] = []
    rowid_of = {eid: int(r[0]) for eid, r in old.items()}
    for values in inserts:
        cur = conn.execute(
            "INSERT INTO entries (page_id, entry_id, position, time, time_text, headline, body,"
            " topics, links, media, sort_ts, first_seen, minute, zone, text_key)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            values)
        rowid = int(cur.lastrowid or 0)
        new_rowids.append(rowid)
        rowid_of[str(values[1])] = rowid
        topic_rows.extend((t, topic_key(t), rowid, page_id)
                          for t in str(values[7]).split("\n") if t)
    for rowid, topics in topic_changes:
        conn.execute("DELETE FROM entry_topics WHERE entry = ?", (rowid,))
        topic_rows.extend((t, topic_key(t), rowid, page_id) for t in topics.split("\n") if t)
    conn.executemany(
        "INSERT OR IGNORE INTO entry_topics (topic, key, entry, page_id) VALUES (?, ?, ?, ?)",
        topic_rows)
    # A page cut at the parser's limit lost its oldest entries to the limit,
    # not to the publisher: those stay as they are.
    gone = [] if page.cut else [
        r[0] for eid, r in old.items() if eid not in seen and not r[4]]
    conn.executemany("UPDATE entries SET removed = 1 WHERE id = ?", [(g,) for g in gone])
    if any(eid not in seen for eid in old):
        # Entries gone from the page keep their place among their neighbours,
        # and every entry of the page gets a position of its own.
        old_order = [eid for eid, _r in sorted(old.items(), key=lambda item: item[1][7])]
        final = order_with_gone(list(dict.fromkeys(e.id for e in page.entries)), old_order)
        old_positions = {eid: r[7] for eid, r in old.items()}
        conn.executemany("UPDATE entries SET position = ? WHERE id = ?", [
            (i, rowid_of[eid]) for i, eid in enumerate(final)
            if old_positions.get(eid) != i and eid in rowid_of])
    mark_shared(conn, page_id, keys)
    return MergeCounts(page_id=page_id, total=len(seen), added=added, edited=edited,
                       removed=len(gone), new_rowids=tuple(new_rowids), cut=page.cut)

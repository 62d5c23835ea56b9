"""Reading the library: page summaries, entry lists in display order, details.

One reason to change: what the app and the CLI ask of the stored data. Every
function takes an open connection; locking is tui.library's business.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from tui.i18n import _, count
from tui.library.rows import EntryDetail, EntryFilter, EntryRow, PageNotFound, PageSummary
from tui.model import Page, PageKind
from tui.textnorm import topic_key, watch_tokens

CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
T = TypeVar("T")


def in_lists(values: Sequence[T]) -> Iterator[tuple[list[T], str]]:
    """`values` in lists of at most CHUNK, each with the "?,?,…" of its
    `IN (...)`."""
    items = list(values)
    for start in range(0, len(items), CHUNK):
        chunk = items[start:start + CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def from_ts(value: float | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if value is not None else None


def from_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def from_iso_moment(value: str | None) -> datetime | date | None:
    """A stored page date: a bare day ('2015-04-30') comes back as a date."""
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return from_iso(value)


_PAGE_COLUMNS = (
    "p.id, p.title, p.source, p.kind, p.url, coalesce(c.n, 0), coalesce(c.unread, 0),"
    " coalesce(c.starred, 0), p.published, p.updated, p.last_checked, p.fetch_url,"
    " p.last_error, p.origin, p.added_at, p.cut"
)
_PAGE_COUNTS = (
    "LEFT JOIN (SELECT page_id, count(*) AS n, sum(read = 0) AS unread,"
    " sum(starred) AS starred FROM entries {where} GROUP BY page_id) c ON c.page_id = p.id"
)


def _summary(r: Any) -> PageSummary:
    return PageSummary(
        id=int(r[0]), title=str(r[1]), source=r[2], kind=str(r[3]), url=r[4],
        entries=int(r[5]), unread=int(r[6]), starred=int(r[7]),
        published=from_iso_moment(r[8]), updated=from_iso_moment(r[9]),
        last_checked=from_ts(r[10]), fetch_url=r[11], last_error=r[12],
        origin=r[13], added_at=from_ts(r[14]), cut=int(r[15] or 0),
    )


def pages(conn: sqlite3.Connection) -> list[PageSummary]:
    sql = (f"SELECT {_PAGE_COLUMNS} FROM pages p {_PAGE_COUNTS.format(where='')}"
           " ORDER BY p.id")
    return [_summary(r) for r in conn.execute(sql)]


def page_summary(conn: sqlite3.Connection, page_id: int) -> PageSummary:
    sql = (f"SELECT {_PAGE_COLUMNS} FROM pages p"
           f" {_PAGE_COUNTS.format(where='WHERE page_id = :id')} WHERE p.id = :id")
    row = conn.execute(sql, {"id": page_id}).fetchone()
    if row is None:
        raise PageNotFound(_("no page with id {id}").format(id=page_id))
    return _summary(row)


def find_page(conn: sqlite3.Connection, ref: str) -> PageSummary:
    from tui.textnorm import fold  # case and accents ignored (~10 ms: when needed)

    ref = ref.strip()
    if not ref:
        raise PageNotFound(_("no page given"))
    if ref.isdigit():
        row = conn.execute("SELECT id FROM pages WHERE id = ?", (int(ref),)).fetchone()
        if row is not None:
            return page_summary(conn, int(row[0]))
    wanted = fold(" ".join(ref.split()))
    rows = conn.execute("SELECT id, title FROM pages ORDER BY id").fetchall()
    matches = [(pid, title) for pid, title in rows if wanted in fold(" ".join(title.split()))]
    exact = [m for m in matches if fold(" ".join(m[1].split())) == wanted]
    if len(exact) == 1:
        matches = exact
    if not matches:
        raise PageNotFound(_("no page matches {ref} (see `newsreader list`)").format(
            ref=repr(ref)))
    if len(matches) > 1:
        ids = ", ".join(str(pid) for pid, _title in matches[:8])
        raise PageNotFound(
            _("{ref} matches {n} pages (ids {ids}); give an id or more of the title").format(
                ref=repr(ref), n=count(len(matches)), ids=ids))
    return page_summary(conn, int(matches[0][0]))


def seen_up_to(conn: sqlite3.Connection, page_id: int) -> datetime | None:
    row = conn.execute("SELECT seen_up_to FROM pages WHERE id = ?", (page_id,)).fetchone()
    if row is None:
        raise PageNotFound(_("no page with id {id}").format(id=page_id))
    return from_ts(row[0])


def topics(conn: sqlite3.Connection, page_id: int | None = None) -> list[tuple[str, int]]:
    """(topic, entries) most used first; spellings that fold alike
    (tui.textnorm.topic_key) are one topic, named by its most used spelling."""
    args: tuple[int, ...] = ()
    sql = "SELECT key, topic, count(*) FROM entry_topics"
    if page_id is not None:
        sql += " WHERE page_id = ?"
        args = (page_id,)
    counts: dict[str, int] = {}
    best: dict[str, tuple[int, str]] = {}
    for key, topic, n in conn.execute(sql + " GROUP BY key, topic", args):
        counts[key] = counts.get(key, 0) + int(n)
        if key not in best or (-int(n), str(topic)) < (-best[key][0], best[key][1]):
            best[key] = (int(n), str(topic))
    merged = [(best[key][1], n) for key, n in counts.items()]
    return sorted(merged, key=lambda item: (-item[1], item[0]))


LIVE_RECENT = 24 * 3600.0  # a live blog saved this recently is in the river


def _where(flt: EntryFilter) -> tuple[list[str], list[object]]:
    where: list[str] = []
    args: list[object] = []
    if flt.live:  # live blogs that are followed (they have a URL) or were saved lately
        # "+page_id": walk the newest-first index and keep the live pages'
        # entries, rather than sort a million of them (0.37 s, not 0.86 s).
        live_pages = ("SELECT id FROM pages WHERE kind = 'liveblog'"
                      " AND (fetch_url IS NOT NULL OR saved_at > ?)")
        recent = time.time() - LIVE_RECENT
        where.append(f"+page_id IN ({live_pages})")
        # One wire item on two live blogs is one row: its oldest copy. Only
        # `shared` entries look for copies (they are few).
        where.append("(shared = 0 OR NOT EXISTS (SELECT 1 FROM entries AS copy"
                     " WHERE copy.text_key = entries.text_key AND copy.id < entries.id"
                     f" AND copy.page_id != entries.page_id AND copy.page_id IN ({live_pages})))")
        args += [recent, recent]
    if flt.page_id is not None:
        where.append("page_id = ?")
        args.append(flt.page_id)
    if flt.unread_only:
        where.append("read = 0")
    if flt.starred_only:
        where.append("starred = 1")
    if flt.topic is not None:
        where.append("id IN (SELECT entry FROM entry_topics WHERE key = ?)")
        args.append(topic_key(flt.topic))
    if flt.watch:
        expression = watch_match(flt.watch)
        if expression:
            where.append("id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
            args.append(expression)
        else:  # no word to look for: nothing is watched
            where.append("0")
    return where, args


def with_words(conn: sqlite3.Connection, rowids: Sequence[int],
               words: tuple[str, ...]) -> set[int]:
    """Those of `rowids` whose entry holds one of `words` (as EntryFilter.watch)."""
    expression = watch_match(words)
    hits: set[int] = set()
    if not expression:
        return hits
    for chunk, marks in in_lists(rowids):
        hits.update(int(r[0]) for r in conn.execute(
            "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?"
            f" AND rowid IN ({marks})", [expression, *chunk]))
    return hits


def watch_match(words: tuple[str, ...]) -> str:
    """The FTS5 expression for entries with any of `words`: each word a
    phrase of its tokens (FTS5 folds accents and case as topic keys do)."""
    phrases = ['"' + " ".join(tokens) + '"' for tokens in map(watch_tokens, words) if tokens]
    return " OR ".join(phrases)


def entry_rowids(conn: sqlite3.Connection, flt: EntryFilter,
                 limit: int | None = None) -> list[int]:
    where, args = _where(flt)
    sql = "SELECT id FROM entries"
    if where:
        sql += " WHERE " + " AND ".join(where)
    if flt.page_id is not None:
        sql += " ORDER BY position, id"
    else:
        # (page_id, position) is unique: no `id` to break ties, which would
        # make SQLite sort a million rows again rather than walk the index.
        sql += " ORDER BY sort_ts DESC, page_id DESC, position"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [r[0] for r in conn.execute(sql, args)]


def count_entries(conn: sqlite3.Connection, flt: EntryFilter) -> int:
    where, args = _where(flt)
    sql = "SELECT count(*) FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
    return int(conn.execute(sql, args).fetchone()[0])


def nearest_entry(conn: sqlite3.Connection, flt: EntryFilter, when: float,
                  before: float | None = None, after: float | None = None) -> int | None:
    """The entry of `flt` whose time (sort_ts) is nearest `when`, the newer
    one of two equally near, only among those before `before` / after
    `after` when given; None when there is none."""
    where, args = _where(flt)
    if before is not None:
        where.append("sort_ts < ?")
        args.append(before)
    if after is not None:
        where.append("sort_ts > ?")
        args.append(after)
    sql = "SELECT id FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
    row = conn.execute(sql + " ORDER BY abs(sort_ts - ?), sort_ts DESC LIMIT 1",
                       [*args, when]).fetchone()
    return int(row[0]) if row else None


def entries_new_since(conn: sqlite3.Connection, flt: EntryFilter, since: float,
                      limit: int) -> set[int]:
    where, args = _where(flt)
    where.append("first_seen > ?")
    return {int(r[0]) for r in conn.execute(
        "SELECT id FROM entries WHERE " + " AND ".join(where) + " LIMIT ?",
        [*args, since, limit])}


def time_span(conn: sqlite3.Connection, flt: EntryFilter) -> tuple[float, float] | None:
    """The oldest and newest entry times (sort_ts) of `flt`; None when no
    entry has a time."""
    where, args = _where(flt)
    where.append("time IS NOT NULL")
    low, high = conn.execute("SELECT min(sort_ts), max(sort_ts) FROM entries WHERE "
                             + " AND ".join(where), args).fetchone()
    return None if low is None else (float(low), float(high))


def last_activity(conn: sqlite3.Connection, page_id: int) -> float | None:
    """The newest entry time of a page, else its newest first_seen. An entry
    with a time has it as its sort_ts."""
    timed, seen = conn.execute(
        "SELECT max(CASE WHEN time IS NOT NULL THEN sort_ts END), max(first_seen)"
        " FROM entries WHERE page_id = ?", (page_id,)).fetchone()
    return timed if timed is not None else seen


_ROW_COLUMNS = ("id, page_id, position, time, headline, read, starred, edited, removed, first_seen,"
                " minute")


def _row(r: Any) -> EntryRow:
    return EntryRow(
        rowid=int(r[0]), page_id=int(r[1]), position=int(r[2]),
        time=from_iso(r[3]), headline=str(r[4]),
        read=bool(r[5]), starred=bool(r[6]), edited=bool(r[7]), removed=bool(r[8]),
        first_seen=from_ts(r[9]) or datetime.fromtimestamp(0, UTC),
        minute=r[10],
    )


def entry_rows(conn: sqlite3.Connection, rowids: Sequence[int]) -> list[EntryRow]:
    found: dict[int, EntryRow] = {}
    ids = list(rowids)
    for chunk, marks in in_lists(ids):
        for r in conn.execute(f"SELECT {_ROW_COLUMNS} FROM entries WHERE id IN ({marks})", chunk):
            found[r[0]] = _row(r)
        for rowid, pages in copies(conn, chunk).items():
            found[rowid] = replace(found[rowid], also=pages)
    return [found[i] for i in ids if i in found]


def copies(conn: sqlite3.Connection, rowids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    """For those of `rowids` that are one wire item with entries of other
    pages (`shared`): those pages' ids, by row id."""
    marks = ",".join("?" * len(rowids))
    found: dict[int, list[int]] = {}
    for rowid, page_id in conn.execute(
            "SELECT a.id, b.page_id FROM entries a JOIN entries b"
            " ON b.text_key = a.text_key AND b.page_id != a.page_id"
            f" WHERE a.id IN ({marks}) AND a.shared = 1 ORDER BY b.id", list(rowids)):
        pages = found.setdefault(int(rowid), [])
        if page_id not in pages:
            pages.append(int(page_id))
    return {rowid: tuple(pages) for rowid, pages in found.items()}


_DETAIL_SELECT = (
    f"SELECT {', '.join('e.' + c.strip() for c in _ROW_COLUMNS.split(','))},"
    " e.entry_id, e.time_text, e.body, e.topics, e.links, e.media, p.title, p.kind, p.url,"
    " p.source, e.previous_body, e.edited_at, p.lead, p.authors, p.published, e.zone"
    " FROM entries e JOIN pages p ON p.id = e.page_id")


def _detail(r: Any) -> EntryDetail:
    return EntryDetail(
        row=_row(r), entry_id=r[11], time_text=r[12], body_markdown=r[13],
        topics=tuple(t for t in r[14].split("\n") if t),
        links=tuple((str(u), str(t)) for u, t in json.loads(r[15])),
        media=tuple((str(k), c, cr, u) for k, c, cr, u in json.loads(r[16])),
        page_title=r[17], page_kind=r[18], page_url=r[19], source=r[20],
        previous_body=r[21] if r[7] else None,
        edited_at=from_ts(r[22]) if r[7] else None,
        lead=r[23] or None,
        authors=tuple(str(a) for a in json.loads(r[24] or "[]") if a),
        page_published=from_iso_moment(r[25]),
        minute=r[10], zone=r[26],
    )


def entry_detail(conn: sqlite3.Connection, rowid: int) -> EntryDetail:
    r = conn.execute(f"{_DETAIL_SELECT} WHERE e.id = ?", (rowid,)).fetchone()
    if r is None:
        raise PageNotFound(_("no entry with id {id}").format(id=rowid))
    detail = _detail(r)
    also = copies(conn, [rowid]).get(rowid)
    if not also:
        return detail
    names = dict(conn.execute(
        f"SELECT id, coalesce(source, title) FROM pages WHERE id IN ({','.join('?' * len(also))})",
        also).fetchall())
    return replace(detail, row=replace(detail.row, also=also),
                   also_in=tuple(str(names[p]) for p in also if p in names))


def entries_for_export(conn: sqlite3.Connection, page_id: int | None,
                       starred_only: bool) -> list[EntryDetail]:
    """Full entries of one page in page order, or starred ones across pages
    (the order of entry_rowids), in one query."""
    where: list[str] = []
    args: list[object] = []
    if page_id is not None:
        where.append("e.page_id = ?")
        args.append(page_id)
    if starred_only:
        where.append("e.starred = 1")
    sql = _DETAIL_SELECT + (" WHERE " + " AND ".join(where) if where else "")
    if page_id is not None:
        sql += " ORDER BY e.position, e.id"
    else:
        sql += " ORDER BY e.sort_ts DESC, e.page_id DESC, e.position, e.id"
    return [_detail(r) for r in conn.execute(sql, args)]


def stored_page(conn: sqlite3.Connection, page_id: int) -> Page:
    """A page's own fields as the page model has them (without its entries)."""
    r = conn.execute(
        "SELECT kind, title, url, source, lead, published, updated, authors, topics,"
        " image_caption, cut FROM pages WHERE id = ?", (page_id,)).fetchone()
    if r is None:
        raise PageNotFound(_("no page with id {id}").format(id=page_id))
    return Page(
        kind=PageKind(r[0]), title=r[1], url=r[2], source=r[3], lead=r[4] or None,
        published=from_iso_moment(r[5]), updated=from_iso_moment(r[6]),
        authors=tuple(str(a) for a in json.loads(r[7] or "[]") if a),
        topics=tuple(str(t) for t in json.loads(r[8] or "[]") if t),
        image_caption=r[9], cut=int(r[10] or 0))

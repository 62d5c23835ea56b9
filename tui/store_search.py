"""Full-text search over entries (FTS5, bm25 ranking, accents ignored).

One reason to change: how what people type becomes an FTS5 query and how hits
come back. People type quotes, hyphens ("etats-unis"), stray `*` or `:`; none
of it may reach FTS5 as syntax, so every word becomes a quoted phrase of its
own tokens, and the last word matches as a prefix.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from tui.store_read import from_iso
from tui.store_rows import SearchHit

_WORDS = re.compile(r'"([^"]*)"?|(\S+)')
_TOKEN = re.compile(r"\w+")


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for a query typed by a person; None when it
    holds no searchable word."""
    text = unicodedata.normalize("NFKC", text)
    phrases: list[str] = []
    prefix_last = bool(text) and not text[-1].isspace() and not text.rstrip().endswith('"')
    for quoted, bare in _WORDS.findall(text):
        tokens = _TOKEN.findall(quoted if quoted else bare)
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"')
    if not phrases:
        return None
    if prefix_last:
        phrases[-1] += "*"
    return " ".join(phrases)


def search(conn: sqlite3.Connection, query: str, limit: int = 200,
           markers: tuple[str, str] = ("**", "**")) -> list[SearchHit]:
    match = fts_query(query)
    if match is None or limit <= 0:
        return []
    sql = (
        "SELECT e.id, e.page_id, p.title, e.headline, h.snip, e.time FROM ("
        "  SELECT rowid, rank, snippet(entries_fts, -1, ?, ?, '…', 16) AS snip"
        "  FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rank LIMIT ?) h"
        " JOIN entries e ON e.id = h.rowid JOIN pages p ON p.id = e.page_id"
        " ORDER BY h.rank"
    )
    rows = conn.execute(sql, (markers[0], markers[1], match, limit)).fetchall()
    return [
        SearchHit(rowid=r[0], page_id=r[1], page_title=r[2], headline=r[3],
                  snippet=" ".join(str(r[4] or "").split()), time=from_iso(r[5]))
        for r in rows
    ]

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


def fts_query(text: str, prefix: bool = True) -> str | None:
    """The FTS5 MATCH expression for a query typed by a person; None when it
    holds no searchable word. `prefix`: the last word matches as a prefix."""
    text = unicodedata.normalize("NFKC", text)
    phrases: list[str] = []
    prefix_last = bool(text) and not text[-1].isspace() and not text.rstrip().endswith('"')
    for quoted, bare in _WORDS.findall(text):
        tokens = _TOKEN.findall(quoted if quoted else bare)
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"')
    if not phrases:
        return None
    if prefix and prefix_last:
        phrases[-1] += "*"
    return " ".join(phrases)


def _prefix_snippet(text: str, prefix: str | None, markers: tuple[str, str],
                    words: int = 16) -> str:
    """A snippet around the first word starting with `prefix` (accents and case
    ignored), for hits that only the prefix search found; else the opening."""
    from tui.ingest.dates import fold

    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return ""
    at = None
    if prefix:
        at = next((i for i, t in enumerate(tokens) if fold(t.group()).startswith(prefix)), None)
    start = 0 if at is None else max(0, at - words // 3)
    end = min(len(tokens), start + words)
    out = text[tokens[start].start():tokens[end - 1].end()]
    if at is not None:
        t = tokens[at]
        a, b = t.start() - tokens[start].start(), t.end() - tokens[start].start()
        out = out[:a] + markers[0] + out[a:b] + markers[1] + out[b:]
    return ("…" if start else "") + out + ("…" if end < len(tokens) else "")


# bm25 scores every match: for a word in 35,000 of 100,000 entries that is
# ~90 ms. News is read newest first, so a query that matches more than this
# many entries is ranked among its newest matches only (~15 ms).
RANK_WINDOW = 2000


def ranked_rowids(conn: sqlite3.Connection, match: str, limit: int) -> list[int]:
    """Best matches first; among the newest RANK_WINDOW matches when there are more."""
    cutoff = conn.execute(
        "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?"
        " ORDER BY rowid DESC LIMIT 1 OFFSET ?", (match, RANK_WINDOW - 1)).fetchone()
    window, args = ("", (match, limit)) if cutoff is None else (
        " AND rowid >= ?", (match, cutoff[0], limit))
    # bm25() called directly: a third faster here than the configured `rank`.
    return [r[0] for r in conn.execute(
        f"SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?{window}"
        " ORDER BY bm25(entries_fts, 10.0, 1.0, 4.0) LIMIT ?", args)]


def search(conn: sqlite3.Connection, query: str, limit: int = 200,
           markers: tuple[str, str] = ("**", "**"), snippets: bool = True) -> list[SearchHit]:
    match = fts_query(query)
    if match is None or limit <= 0:
        return []
    # Ranked ids first, snippets then only for those: a snippet per match
    # would cost ten times the search for a common word. The snippets use the
    # query without the prefix star: a prefix looked up once per hit costs
    # ~2 ms each. A hit found only through the prefix gets its opening words.
    ids = ranked_rowids(conn, match, limit)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    # The app lists hits by row only; the CLI prints snippets.
    snippet_of: dict[int, str] = dict(conn.execute(
        "SELECT rowid, snippet(entries_fts, -1, ?, ?, '…', 16) FROM entries_fts"
        f" WHERE entries_fts MATCH ? AND rowid IN ({marks})",
        (markers[0], markers[1], fts_query(query, prefix=False), *ids)).fetchall()
    ) if snippets else {}
    found = {r[0]: r for r in conn.execute(
        "SELECT e.id, e.page_id, p.title, e.headline, e.time,"
        " e.headline || ' — ' || e.topics || ' — ' || substr(e.body, 1, 3000)"
        f" FROM entries e JOIN pages p ON p.id = e.page_id WHERE e.id IN ({marks})", ids)}
    prefix = None
    if snippets and (last := _TOKEN.findall(unicodedata.normalize("NFKC", query))):
        from tui.ingest.dates import fold

        prefix = fold(last[-1])
    rows = [(*found[i][:4], (snippet_of.get(i) or _prefix_snippet(found[i][5], prefix, markers))
             if snippets else "", found[i][4]) for i in ids if i in found]
    return [
        SearchHit(rowid=r[0], page_id=r[1], page_title=r[2], headline=r[3],
                  snippet=" ".join(str(r[4] or "").split()), time=from_iso(r[5]))
        for r in rows
    ]

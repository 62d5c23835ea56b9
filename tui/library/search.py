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
from itertools import islice

from tui.library.queries import from_iso
from tui.library.rows import SearchHit

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


# A snippet is looked for in this many characters of an entry (headline,
# topics, then its body): finding it is linear in them, never in the size of
# the entry or in how often it repeats the word (FTS5's snippet() scored
# every window of every instance: 40,000 repeats of the word took 7.8 s).
SNIPPET_SCAN = 50_000


def snippet(text: str, query: str, markers: tuple[str, str], words: int = 16) -> str:
    """The `words` words around the first match of the query in `text`
    (accents and case ignored, each quoted or hyphenated part matched as a
    phrase, the last word also as a prefix), every match in them marked;
    the opening words when there is none. Linear in len(text): one regex
    search over the folded text."""
    from tui.textnorm import fold, fold_page

    phrases = [[f for t in _TOKEN.findall(quoted or bare) if (f := fold(t))]
               for quoted, bare in _WORDS.findall(unicodedata.normalize("NFKC", query))]
    phrases = [p for p in phrases if p]
    text = text[:SNIPPET_SCAN]
    folded = fold_page(text)
    if len(folded) != len(text):  # "ß" -> "ss", ligatures: fold char by char instead
        folded = "".join((fold(c) or c)[:1] for c in text)
    pattern = re.compile("|".join(
        r"(?<!\w)" + r"\W+".join(map(re.escape, p)) + (r"\w*" if i == len(phrases) - 1
                                                         else r"(?!\w)")
        for i, p in enumerate(phrases)) or r"(?!)")
    first = pattern.search(folded)
    at = first.start() if first else 0
    before = list(_TOKEN.finditer(text, max(0, at - 40 * words), at))[-(words // 3):] \
        if first else []
    if before and before[0].start() > 0 and _TOKEN.match(text, before[0].start() - 1):
        before = before[1:]  # cut by the look-back window: not a whole word
    after = list(islice(_TOKEN.finditer(text, at), words - len(before) + 1))
    tokens = before + after[:words - len(before)]
    if not tokens:
        return ""
    begin, stop = tokens[0].start(), tokens[-1].end()
    out, pos = [], begin
    for m in (pattern.finditer(folded, begin, stop) if first else ()):
        out += [text[pos:m.start()], markers[0], text[m.start():m.end()], markers[1]]
        pos = m.end()
    out.append(text[pos:stop])
    more = len(after) > words - len(before)
    return ("…" if begin else "") + "".join(out) + ("…" if more else "")


# bm25 scores every match: for a word in 35,000 of 100,000 entries that is
# ~90 ms. News is read newest first, so a query that matches more than this
# many entries is ranked among its newest matches only (~15 ms).
RANK_WINDOW = 2000
# More hits than any library holds: a larger --limit means "all of them".
MAX_LIMIT = 2**31


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


def _text(row: tuple[object, ...]) -> str:
    """Headline — topics — body (the parts there are) of a hit's row."""
    headline, topics, body = (str(v or "") for v in row[3:4] + row[5:7])
    return " — ".join(p for p in (headline, topics.replace("\n", ", "), body) if p)


def search(conn: sqlite3.Connection, query: str, limit: int = 200,
           markers: tuple[str, str] = ("**", "**"), snippets: bool = True) -> list[SearchHit]:
    match = fts_query(query)
    if match is None or limit <= 0:
        return []
    limit = min(limit, MAX_LIMIT)  # SQLite takes 64-bit integers only
    # Ranked ids first, snippets then only for those (found in Python, in
    # the first SNIPPET_SCAN characters of each hit): a snippet per match
    # would cost ten times the search for a common word.
    ids = ranked_rowids(conn, match, limit)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {r[0]: r for r in conn.execute(
        "SELECT e.id, e.page_id, p.title, e.headline, e.time, e.topics, substr(e.body, 1, ?)"
        f" FROM entries e JOIN pages p ON p.id = e.page_id WHERE e.id IN ({marks})",
        (SNIPPET_SCAN if snippets else 0, *ids))}
    # The app lists hits by row only; the CLI prints snippets.
    rows = [(*found[i][:4], snippet(_text(found[i]), query, markers) if snippets else "",
             found[i][4]) for i in ids if i in found]
    return [
        SearchHit(rowid=r[0], page_id=r[1], page_title=r[2], headline=r[3],
                  snippet=" ".join(str(r[4] or "").split()), time=from_iso(r[5]))
        for r in rows
    ]

"""Several processes on one library, and processes killed with SIGKILL in the
middle of writing. Real subprocesses on a real SQLite file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.library import EntryFilter, Library

ROOT = Path(__file__).resolve().parent.parent

# Writes pages FIRST..FIRST+COUNT-1 with ENTRIES entries each; prints each page
# number once its transaction has committed.
WRITER = r"""
import sys
from pathlib import Path
from tui.library import EntryFilter, Library
from tui.model import Entry, Page, PageKind

path, first, count, entries = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
lib = Library.open(Path(path), seed=False)
print("ready", flush=True)
for k in range(first, first + count):
    items = tuple(
        Entry(id=f"{k}-{i}", position=i, headline=f"Headline {k} {i}",
              body_markdown="Les États-Unis et Téhéran négocient. " * 8,
              topics=("Iran", f"T{i % 7}"))
        for i in range(entries))
    page = Page(kind=PageKind.LIVEBLOG, title=f"Page {k}", entries=items,
                url=f"https://proc.example/{k}")
    result = lib.save_page(page, raw=b"<html>" + b"x" * 2000 + b"</html>")
    if k % 2:  # other writes in between, as the app does
        lib.set_read(lib.entry_rowids(EntryFilter(page_id=result.page_id))[:10])
    print(k, flush=True)
lib.close()
"""

READER = r"""
import sys, time
from pathlib import Path
from tui.library import EntryFilter, Library

lib = Library.open(Path(sys.argv[1]), seed=False)
deadline = time.monotonic() + float(sys.argv[2])
rounds = 0
while time.monotonic() < deadline:
    lib.pages()
    ids = lib.entry_rowids(EntryFilter())
    lib.entry_rows(ids[:50])
    lib.search("teheran")
    if ids:
        lib.set_starred(ids[0], True)
    rounds += 1
print("rounds", rounds, flush=True)
lib.close()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _spawn(script: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env(), cwd=ROOT)


def _check_consistent(path: Path, entries: int) -> dict[str, int]:
    """integrity_check ok, FTS index consistent, every page whole; returns
    {title: entry count}."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
        counts = dict(conn.execute(
            "SELECT p.title, count(e.id) FROM pages p LEFT JOIN entries e ON e.page_id = p.id"
            " GROUP BY p.id").fetchall())
        fts = conn.execute("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'teheran'"
                           ).fetchone()[0]
        total = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        conn.close()
    assert all(n == entries for n in counts.values()), counts
    assert fts == total
    return counts


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_9_while_saving_leaves_whole_pages(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library.open(path, seed=False).close()
    entries = 1500
    committed: set[str] = set()
    first = 0
    killed_mid_write = 0
    for delay in (0.05, 0.2, 0.45, 0.8, 1.3):
        proc = _spawn(WRITER, path, first, 50, entries)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        done = [line for line in out.split() if line.isdigit()]
        committed.update(f"Page {k}" for k in done)
        counts = _check_consistent(path, entries)
        # Every page reported as committed is there, whole; nothing else
        # half-written is (a page may be whole and committed just before the
        # kill without having been reported yet).
        assert committed <= set(counts)
        killed_mid_write += len(done) < 50
        first += 50
    assert killed_mid_write == 5
    with Library.open(path, seed=False) as lib:
        assert len(lib.entry_rowids(EntryFilter())) == entries * len(lib.pages())
        assert committed, "no page committed before any kill: make the delays longer"
        k = min(committed).split()[1]
        assert [h.headline for h in lib.search(f'"Headline {k} 7"')] == [f"Headline {k} 7"]


def test_two_writers_and_a_reader_at_once(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    # Both writers and the reader create/open the library at the same moment.
    procs = [_spawn(WRITER, path, 0, 12, 300), _spawn(WRITER, path, 100, 12, 300),
             _spawn(READER, path, 3.0)]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "busy" not in err
    assert results[2][0].startswith("rounds ")
    counts = _check_consistent(path, 300)
    assert set(counts) == {f"Page {k}" for k in [*range(12), *range(100, 112)]}
    with Library.open(path, seed=False) as lib:
        assert len(lib.pages()) == 24
        assert lib.page_summary(lib.find_page("Page 105").id).entries == 300

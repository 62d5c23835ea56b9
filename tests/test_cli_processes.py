"""`newsreader add` as real processes: killed with SIGKILL half-way, and
several at once on one library."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import user_env
from liveserver import Post, liveblog_html

ROOT = Path(__file__).resolve().parent.parent
T0 = datetime(2026, 2, 11, 10, 0, tzinfo=UTC)


def _newsreader(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tui.cli", *args], env=user_env(home), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _big_page(path: Path, title: str, posts: int) -> Path:
    path.write_bytes(liveblog_html(title, [
        Post(f"p{i}", i, f"Update {i} from Téhéran", f"Les États-Unis répondent ({i}).")
        for i in range(posts)], url=f"https://gazette.example/{path.stem}", now=T0))
    return path


def _db(home: Path) -> Path:
    return home / "data" / "newsreader" / "library.sqlite3"


def _has_library(home: Path) -> bool:
    """True when a created library is there (schema version set); an empty
    file left by a kill during creation is no library."""
    if not _db(home).exists():
        return False
    conn = sqlite3.connect(_db(home))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            assert tables == 0, "a half-created library"
            return False
        return True
    finally:
        conn.close()


def _page_counts(home: Path) -> dict[str, int]:
    conn = sqlite3.connect(_db(home))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return dict(conn.execute(
            "SELECT p.title, count(e.id) FROM pages p LEFT JOIN entries e ON e.page_id = p.id"
            " GROUP BY p.id").fetchall())
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_9_during_add(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    page = _big_page(tmp_path / "big.html", "Live: the big one", 2000)
    # Time one whole add (on a throw-away library) to spread the kills over it.
    trial = tmp_path / "trial"
    trial.mkdir()
    start = time.monotonic()
    out, err = _newsreader(trial, "add", str(page)).communicate(timeout=120)
    whole = time.monotonic() - start
    assert '"Live: the big one"  2000 entries, 2000 new' in out, err
    seeds = {t: n for t, n in _page_counts(trial).items() if t != "Live: the big one"}
    outcomes = []
    for fraction in (0.3, 0.6, 0.8, 0.9, 0.97):
        proc = _newsreader(home, "add", str(page))
        time.sleep(whole * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        if not _has_library(home):
            # Killed while the library was being created: the file may exist,
            # but creation is one transaction, so it holds nothing at all.
            outcomes.append("no library yet")
            continue
        counts = _page_counts(home)
        # The big page is all there or not at all; seeds are whole too.
        assert counts.get("Live: the big one", 2000) == 2000
        assert {t: n for t, n in counts.items() if t in seeds} in ({}, seeds)
        outcomes.append("present" if "Live: the big one" in counts else "absent")
        if "Live: the big one" in counts:
            break
    # Whatever the kills did, the next add works and finds the page whole.
    out, err = _newsreader(home, "add", str(page)).communicate(timeout=120)
    assert '"Live: the big one"  2000 entries' in out, (err, outcomes)
    assert _page_counts(home)["Live: the big one"] == 2000
    print("outcomes", outcomes, f"(one add: {whole:.2f} s)")


def test_two_adds_and_a_list_at_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    pages = [_big_page(tmp_path / f"p{k}.html", f"Live: page {k}", 400) for k in range(6)]
    procs = [_newsreader(home, "add", *map(str, pages[:3])),
             _newsreader(home, "add", *map(str, pages[3:])),
             _newsreader(home, "list")]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    assert sum(line.startswith("added") for line in results[0][0].splitlines()) == 3
    counts = _page_counts(home)
    assert all(counts[f"Live: page {k}"] == 400 for k in range(6))

"""The library under trouble: commands that only read work in a read-only
data folder; a library that fails integrity_check is refused (one line,
exit 2, not a byte changed) by add, remove, search and export; temp files
a killed process left in the cache are cleaned; a followed page that now
redirects to another host or port is reported, not merged."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import I24_SEED, user_env
from liveserver import P1, P2, LiveServer, Reply, liveblog_html

from tui.library import EntryFilter, Library
from tui.library.recover import integrity_problems, recover
from tui.model import Entry, Page, PageKind
from tui.pipeline.follow import poll_once
from tui.pipeline.sources import import_source, read_source


def newsreader(home: Path, *args: str, user: list[str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(user or []), sys.executable, "-m", "tui.cli", *args],
                          env=user_env(home), capture_output=True, text=True, timeout=120)


def db_path(home: Path) -> Path:
    return home / "data" / "newsreader" / "library.sqlite3"


@pytest.fixture
def open_home() -> Iterator[Path]:
    """A home folder under /tmp that another user can read (pytest's own
    temp folders are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="newsreader-ro-"))
    folder.chmod(0o755)
    try:
        yield folder / "home"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_reading_commands_work_in_a_read_only_data_folder(open_home: Path) -> None:
    home = open_home
    assert newsreader(home, "list").returncode == 0  # made, with its seeds
    user: list[str] = []
    if os.geteuid() == 0:  # root writes anywhere: read as nobody instead
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv")
        user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        for path in [home, *home.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    else:
        db_path(home).parent.chmod(0o555)
    try:
        for args, words in [(["list"], "Trump"), (["search", "Trump"], "Trump"),
                            (["export", "1"], "# "), (["list", "--json"], '"title"'),
                            (["parse", str(I24_SEED)], "LIVE BLOG")]:
            result = newsreader(home, *args, user=user)
            assert result.returncode == 0, (args, result.stderr)
            assert words in result.stdout and result.stderr == "", args
        assert sorted(p.name for p in db_path(home).parent.iterdir()) == ["library.sqlite3"]
    finally:
        db_path(home).parent.chmod(0o755)


def damage(path: Path) -> None:
    """Scribble over the cells of an index page (the library stays openable)."""
    with sqlite3.connect(path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = "
                            "'entries_newest'").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * size
    data[start + 100:start + size - 100] = b"\xa5" * (size - 200)
    path.write_bytes(data)


@pytest.mark.parametrize("args", [["add", str(I24_SEED)], ["remove", "1"],
                                  ["search", "Trump"], ["export", "1"]])
def test_a_damaged_library_is_refused(tmp_path: Path, args: list[str]) -> None:
    assert newsreader(tmp_path, "list").returncode == 0
    db = db_path(tmp_path)
    damage(db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = newsreader(tmp_path, *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert f"library {db} is damaged" in result.stderr
    assert "nothing was changed" in result.stderr
    assert "newsreader check --recover" in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert result.stdout == ""


def test_temp_files_left_in_the_cache_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library.open(path, seed=False).close()
    cache = tmp_path / "lib.sqlite3.pages"
    cache.mkdir()
    old, fresh, kept = (cache / ".3.raw.4242.tmp", cache / ".4.raw.4243.tmp", cache / "3.raw")
    for f in (old, fresh, kept):
        f.write_bytes(b"x")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    Library.open(path, seed=False).close()
    assert not old.exists()
    assert fresh.exists() and kept.exists()  # another process may be writing it


def test_a_followed_page_redirected_to_another_port_is_not_merged(
        lib: Library, live_server: LiveServer, quiet_server: LiveServer) -> None:
    url = live_server.url("/live")
    live_server.routes["/live"] = lambda r: Reply(200, liveblog_html("Live: Geneva", [P2, P1],
                                                                     url=url))
    page_id = import_source(lib, read_source(url)).page_id
    elsewhere = quiet_server.url("/other")
    quiet_server.routes["/other"] = lambda r: Reply(200, liveblog_html("Other", [], url=elsewhere))
    live_server.routes["/live"] = lambda r: Reply(302, b"", {"Location": elsewhere})
    outcome = poll_once(lib, page_id, timeout=5)
    assert outcome.status == "failed"
    assert outcome.error == (f"{url} now redirects to {elsewhere}, another host or port: "
                             "not merged into the page (add that URL if it is the same)")
    rows = lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=page_id)))
    assert len(rows) == 2 and not any(r.removed for r in rows)
    assert lib.page_summary(page_id).last_error == outcome.error


def damage_entry_rows(path: Path) -> None:
    """Scribble over one leaf page of the entries table: its rows are lost."""
    with sqlite3.connect(path) as conn:
        try:
            leaves = [r[0] for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf'"
                " ORDER BY pageno")]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert len(leaves) >= 3
    data = bytearray(path.read_bytes())
    start = (leaves[len(leaves) // 2] - 1) * size
    data[start:start + size] = b"\xa5" * size
    path.write_bytes(data)


def test_check_finds_damage_and_recover_keeps_every_readable_row(tmp_path: Path) -> None:
    assert newsreader(tmp_path, "list").returncode == 0  # the seeds
    db = db_path(tmp_path)
    result = newsreader(tmp_path, "check")
    assert (result.returncode, result.stdout) == (0, f"library {db}: ok\n")
    with Library.open(db, seed=False) as library:
        live = next(p for p in library.pages() if p.kind == "liveblog")
        rows = library.entry_rowids(EntryFilter(page_id=live.id))
        library.set_read(rows[:3])
        library.set_starred(rows[4], True)
        counts = {p.title: p.entries for p in library.pages()}
    damage(db)
    result = newsreader(tmp_path, "check")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and f"library {db} is damaged" in result.stderr
    assert "newsreader check --recover" in result.stderr
    result = newsreader(tmp_path, "check", "--recover")
    assert result.returncode == 0, result.stderr
    assert f"recovered 5 pages and {sum(counts.values())} entries" in result.stdout
    kept = [p.name for p in db.parent.iterdir()
            if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].startswith("library.sqlite3.damaged-")
    assert str(db.parent / kept[0]) in result.stdout
    assert newsreader(tmp_path, "check").stdout == f"library {db}: ok\n"
    with Library.open(db, seed=False) as library:
        assert {p.title: p.entries for p in library.pages()} == counts
        rows = library.entry_rows(library.entry_rowids(EntryFilter(page_id=live.id)))
        assert [r.read for r in rows[:5]] == [True, True, True, False, False]
        assert [r.starred for r in rows[:6]] == [False] * 4 + [True, False]
        assert library.search("Netanyahou")  # the full-text index is whole again
        assert library.topics()  # and the topics
    assert newsreader(tmp_path, "add", str(I24_SEED)).returncode == 0  # writable again


def test_recover_skips_unreadable_rows_and_keeps_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    with Library.open(db, seed=False) as library:
        for n in range(40):
            library.save_page(_numbered_page(n))
    damage_entry_rows(db)
    assert integrity_problems(db)
    done = recover(db)
    assert done.unreadable >= 1 and done.pages == 40
    assert 0 < done.entries < 40 * 30
    assert integrity_problems(db) == []
    with Library.open(db, seed=False) as library:
        assert sum(p.entries for p in library.pages()) == done.entries


def test_check_on_a_file_that_is_no_database(tmp_path: Path) -> None:
    db = db_path(tmp_path)
    db.parent.mkdir(parents=True)
    db.write_bytes(b"GARBAGE" * 1000)
    result = newsreader(tmp_path, "check")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "not a readable SQLite database" in result.stderr
    result = newsreader(tmp_path, "check", "--recover")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "nothing in library" in result.stderr and "can be read" in result.stderr
    assert db.read_bytes() == b"GARBAGE" * 1000


def _numbered_page(n: int) -> Page:
    entries = tuple(
        Entry(id=f"p{n}e{k}", position=k, headline=f"Page {n} update {k} " + "words " * 40,
              body_markdown="A body of some length. " * 20)
        for k in range(30))
    return Page(kind=PageKind.LIVEBLOG, title=f"Page {n}", entries=entries,
                url=f"https://news.example/{n}")

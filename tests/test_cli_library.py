"""The library commands end to end: `newsreader add/list/search/refresh/export/
remove/reparse` through tui.cli.main, on a temp user folder (the `home`
fixture) and a real http.server on 127.0.0.1."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import platformdirs
import pytest
from liveserver import LiveServer, Post, Reply, Request, liveblog_html

from tui.cli import main
from tui.library import EntryFilter, Library
from tui.library.merge import FetchInfo
from tui.model import Entry, Page, PageKind

T0 = datetime(2026, 2, 11, 10, 0, tzinfo=UTC)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def db_path() -> Path:
    return Path(platformdirs.user_data_dir("newsreader")) / "library.sqlite3"


def sample_page(title: str = "Live: the talks", url: str | None = "https://news.example/live",
                n: int = 3) -> Page:
    entries = tuple(
        Entry(id=f"e{i}", position=i, headline=f"Talks in Téhéran, update {i}",
              body_markdown=f"Les États-Unis répondent, point {i}.",
              time=T0 - timedelta(minutes=i * 15), topics=("Iran",))
        for i in range(n))
    return Page(kind=PageKind.LIVEBLOG, title=title, entries=entries, url=url,
                source="Example News", published=T0 - timedelta(hours=3))


@pytest.fixture
def library(home: Path) -> Iterator[Library]:
    """A library at the default place, without seeds, holding one page."""
    lib = Library.open(seed=False)
    lib.save_page(sample_page())
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def server(quiet_server: LiveServer) -> LiveServer:
    return quiet_server


# --- list ---------------------------------------------------------------------


def test_list_table_and_json(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    library.save_page(sample_page("An article", "https://news.example/a", n=1))
    # Not e0: page 2 holds the same item, and reading one copy reads both.
    library.set_read(library.entry_rowids(EntryFilter(page_id=1))[1:3])
    code, out, err = cli(capsys, "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["id", "kind", "entries", "unread", "title"]
    assert lines[1].split()[:4] == ["1", "live", "3", "1"]
    assert lines[1].endswith("Live: the talks")
    assert lines[2].split()[:4] == ["2", "live", "1", "1"]
    code, out, _ = cli(capsys, "list", "--json")
    data = json.loads(out)
    assert [(p["id"], p["title"], p["entries"], p["unread"]) for p in data] == [
        (1, "Live: the talks", 3, 1), (2, "An article", 1, 1)]
    assert data[0]["url"] == "https://news.example/live" and data[0]["kind"] == "liveblog"


def test_list_strips_terminal_escapes(library: Library,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    library.save_page(sample_page("Evil \x1b[2J\x1b]52;c;aGk=\x07title\x9b31m", "https://e.x/"))
    code, out, _ = cli(capsys, "list")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "Evil title" in out


# --- search -------------------------------------------------------------------


def test_search_prints_page_headline_snippet(library: Library,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "search", "teheran", "update", "2")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Live: the talks  2026-02-11 09:30")
    assert lines[1].strip() == "Talks in Téhéran, update 2"
    assert "Téhéran" in lines[2]
    code, out, _ = cli(capsys, "search", "etats-unis", "--json", "--limit", "2")
    hits = json.loads(out)
    assert len(hits) == 2 and hits[0]["page_title"] == "Live: the talks"
    assert "États-Unis" in hits[0]["snippet"] and "**" not in hits[0]["snippet"]


def test_search_without_hits_or_with_odd_input(library: Library,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "search", "zanzibar")
    assert (code, out) == (1, "") and "no entries match" in err
    for odd in ('"', "*", "a:b", "NEAR(", "-"):
        code, _, err = cli(capsys, "search", odd, "--json")
        assert code == 0 and err == ""


# --- export -------------------------------------------------------------------


def test_export_markdown_and_json(library: Library, capsys: pytest.CaptureFixture[str],
                                  tmp_path: Path) -> None:
    code, out, _ = cli(capsys, "export", "talks")
    assert code == 0
    assert out.startswith("# Live: the talks\n")
    assert "## 10:00 — Talks in Téhéran, update 0\n\nLes États-Unis répondent, point 0." in out
    assert out.index("update 0") < out.index("update 2")
    code, out, _ = cli(capsys, "export", "1", "--format", "json")
    data = json.loads(out)
    assert data["title"] == "Live: the talks" and data["kind"] == "liveblog"
    assert [e["headline"] for e in data["entries"]] == [
        f"Talks in Téhéran, update {i}" for i in range(3)]
    assert data["entries"][0]["time"] == "2026-02-11T10:00:00+00:00"
    target = tmp_path / "out.md"
    code, out, err = cli(capsys, "export", "1", "-o", str(target))
    assert code == 0 and out == "" and "3 entries" in err
    assert target.read_text(encoding="utf-8").startswith("# Live: the talks")


def test_export_json_is_the_page_model_with_stored_fields(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Export JSON is Page.to_json's shape filled from the library: lead,
    authors, topics and image caption survive; entries carry their state."""
    from dataclasses import replace

    page = replace(sample_page(), lead="The standfirst.", authors=("A. Writer", "B. Reporter"),
                   topics=("Iran", "Talks"), image_caption="Delegates in Geneva")
    with Library.open(seed=False) as lib:
        lib.save_page(page)
    code, out, _ = cli(capsys, "export", "talks", "--format", "json")
    data = json.loads(out)
    expected = page.to_json()
    assert code == 0 and data.keys() == expected.keys()
    assert {k: v for k, v in data.items() if k != "entries"} == {
        k: v for k, v in expected.items() if k != "entries"}
    for got, want in zip(data["entries"], expected["entries"], strict=True):
        assert got == {**want, "read": False, "starred": False, "edited": False,
                       "removed": False}


def test_export_starred(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    library.set_starred(library.entry_rowids(EntryFilter(page_id=1))[1], True)
    code, out, _ = cli(capsys, "export", "--starred")
    assert code == 0 and "update 1" in out and "update 0" not in out
    code, out, _ = cli(capsys, "export", "--starred", "--format", "json")
    assert [e["headline"] for e in json.loads(out)] == ["Talks in Téhéran, update 1"]


# --- remove -------------------------------------------------------------------


def test_remove_by_title_and_errors(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    library.save_page(sample_page("Live: other talks", "https://news.example/2"))
    code, _, err = cli(capsys, "remove", "talks")
    assert code == 2 and "matches 2 pages" in err and len(err.splitlines()) == 1
    code, out, _ = cli(capsys, "remove", "other")
    assert code == 0 and out.startswith('removed  "Live: other talks"')
    assert [p.title for p in library.pages()] == ["Live: the talks"]
    code, _, err = cli(capsys, "remove", "99")
    assert code == 2 and "no page matches" in err


# --- refresh without parsing: 304 and failures ----------------------------------


def _refreshable(library: Library, url: str, etag: str | None = '"v1"') -> int:
    return library.save_page(sample_page("Live: refreshable", url), fetch=FetchInfo(
        origin=url, fetch_url=url, etag=etag, fetched=True)).page_id


def test_refresh_unchanged_is_a_304(library: Library, server: LiveServer,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/same"] = lambda r: (
        Reply(304, b"") if r.headers.get("if-none-match") == '"v1"' else Reply(500, b""))
    page_id = _refreshable(library, server.url("/same"))
    code, out, err = cli(capsys, "refresh", "refreshable")
    assert (code, err) == (0, "")
    assert out == '"Live: refreshable"  unchanged (304)\n'
    assert library.page_summary(page_id).last_error is None


def test_refresh_failure_is_recorded(library: Library, server: LiveServer,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    page_id = _refreshable(library, server.url("/gone"))
    before = library.page_summary(page_id)
    code, out, err = cli(capsys, "refresh", str(page_id))
    assert code == 3 and out == ""  # the server failed: 3, not 2 (bad input)
    assert err.strip() == (f'newsreader: "Live: refreshable": HTTP 404 Not Found for '
                           f'{server.url("/gone")}')
    after = library.page_summary(page_id)
    assert after.last_error == f"HTTP 404 Not Found for {server.url('/gone')}"
    assert after.entries == before.entries == 3


def test_refresh_needs_a_page_or_all(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "refresh")
    assert code == 2 and "give a PAGE or --all" in err
    code, out, _ = cli(capsys, "refresh", "--all")  # the only page has no URL to fetch
    assert code == 0 and "no page has a URL" in out
    code, _, err = cli(capsys, "refresh", "1")
    assert code == 2 and "no URL to refresh from" in err


# --- add: failures leave the library as it was ----------------------------------


def test_add_failures_one_line_each(library: Library, server: LiveServer, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "photo.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    server.routes["/img"] = lambda r: Reply(200, b"\x89PNG\r\n\x1a\n",
                                            {"Content-Type": "image/png"})
    sources = [str(tmp_path / "missing.html"), str(png), "ftp://example.org/x",
               "file:///etc/hostname", server.url("/nothing-here"), server.url("/img")]
    before = db_path().read_bytes()
    code, out, err = cli(capsys, "add", *sources)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == len(sources)
    assert "no such file" in lines[0]
    assert "not a web page" in lines[1]
    assert "unsupported URL scheme 'ftp'" in lines[2]
    assert "unsupported URL scheme 'file'" in lines[3]
    assert lines[4] == f"newsreader: HTTP 404 Not Found for {server.url('/nothing-here')}"
    assert "not a web page (image/png)" in lines[5]
    assert [p.title for p in library.pages()] == ["Live: the talks"]
    assert db_path().read_bytes() == before


def test_corrupted_library_is_reported_and_left_alone(home: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = db_path()
    path.parent.mkdir(parents=True)
    garbage = b"GARBAGE" * 1000
    path.write_bytes(garbage)
    for args in (["list"], ["search", "x"], ["add", "-"]):
        code, out, err = cli(capsys, *args)
        assert code == 2 and out == ""
        assert len(err.splitlines()) == 1 and "is corrupted" in err and str(path) in err
    assert path.read_bytes() == garbage


def test_read_only_library_is_reported(library: Library, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Root ignores chmod, so the command opens the library through SQLite's
    read-only mode (what a 0444 file gives other users)."""
    original = Library.open.__func__  # type: ignore[attr-defined]

    def read_only_open(cls: type[Library], path: Path | None = None, seed: bool = True,
                       **kw: object) -> Library:
        return original(cls, path, seed, read_only=True)

    monkeypatch.setattr(Library, "open", classmethod(read_only_open))
    before = db_path().read_bytes()
    code, out, err = cli(capsys, "remove", "talks")
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "is not writable" in err
    assert db_path().read_bytes() == before


# --- with the parser: add, re-add, refresh, stdin, reparse, seeds ---------------


def _blog(n_posts: int, edited: bool = False) -> bytes:
    posts = [Post(f"p{i}", 5 + i * 10, f"Update number {i}",
                  "Corrected text." if edited and i == 0 else f"Text of update {i}.")
             for i in range(n_posts)]
    return liveblog_html("Live: ceasefire talks", posts, url="https://gazette.example/live",
                         now=T0)


def test_add_file_then_readd(home: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "live.html"
    f.write_bytes(_blog(3))
    code, out, err = cli(capsys, "add", str(f))
    assert (code, err) == (0, "")
    assert out == 'added  "Live: ceasefire talks"  3 entries, 3 new\n'
    f.write_bytes(_blog(4, edited=True))
    code, out, _ = cli(capsys, "add", str(f))
    assert out == 'added  "Live: ceasefire talks"  4 entries, 1 new, 1 edited\n'
    with Library.open() as lib:
        page = lib.find_page("ceasefire")
        assert page.entries == 4
        raw = lib.raw_page(page.id)
        assert raw is not None and b"Update number 3" in raw.data


def test_add_stdin_and_partial_failure(home: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    class Stdin:
        buffer = io.BytesIO(_blog(2))

    monkeypatch.setattr(sys, "stdin", Stdin())
    code, out, err = cli(capsys, "add", "-", str(tmp_path / "missing.html"))
    assert code == 2
    assert out == 'added  "Live: ceasefire talks"  2 entries, 2 new\n'
    assert "no such file" in err and len(err.splitlines()) == 1


def test_add_url_then_refresh(home: Path, server: LiveServer,
                              capsys: pytest.CaptureFixture[str]) -> None:
    def route(r: Request) -> Reply:
        if r.n == 1:
            return Reply(200, _blog(2), {"ETag": '"one"'})
        if r.n == 2:
            return Reply(200, _blog(3, edited=True), {"ETag": '"two"'})
        if r.headers.get("if-none-match") == '"two"':
            return Reply(304, b"")
        return Reply(500, b"")

    server.routes["/live"] = route
    url = server.url("/live")
    code, out, err = cli(capsys, "add", url)
    assert (code, err) == (0, "")
    assert out == 'added  "Live: ceasefire talks"  2 entries, 2 new\n'
    code, out, err = cli(capsys, "refresh", "ceasefire")
    assert (code, err) == (0, "")
    assert out == '"Live: ceasefire talks"  +1 new, 1 edited, 0 removed\n'
    code, out, _ = cli(capsys, "refresh", "--all")
    assert '"Live: ceasefire talks"  unchanged (304)' in out
    assert server.hits("/live")[2].headers["if-none-match"] == '"two"'
    with Library.open() as lib:
        page = lib.find_page("ceasefire")
        assert page.last_checked is not None and page.fetch_url == url
        edited = [r for r in lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=page.id)))
                  if r.edited]
        assert [r.headline for r in edited] == ["Update number 0"]


def test_reparse_rebuilds_from_cache(home: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "live.html"
    f.write_bytes(_blog(3))
    cli(capsys, "add", str(f))
    f.unlink()  # offline: only the cached copy is left
    code, out, err = cli(capsys, "reparse", "ceasefire")
    assert (code, err) == (0, "")
    assert out == '"Live: ceasefire talks"  reparsed, 3 entries, unchanged\n'


def test_first_run_has_the_seeds(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "list", "--json")
    assert (code, err) == (0, "")
    titles = [p["title"] for p in json.loads(out)]
    assert len(titles) == 5
    assert any("Trump insiste pour prolonger" in t for t in titles)
    code, out, _ = cli(capsys, "search", "teheran", "--json")
    assert code == 0 and json.loads(out)
    # Seeds come back with their entries after a reparse, offline.
    code, out, err = cli(capsys, "reparse")
    assert (code, err) == (0, "") and out.count("reparsed") == 5
    # Opening again does not seed twice.
    code, out, _ = cli(capsys, "list", "--json")
    assert len(json.loads(out)) == 5
    conn = sqlite3.connect(db_path())
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

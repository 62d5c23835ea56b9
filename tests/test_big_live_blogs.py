"""Big live blogs: every entry kept far past real pages, and a page past the
limit keeps its newest entries, stays a live blog, and says what it left out."""

from __future__ import annotations

from pathlib import Path

import pytest

import tui.ingest.html.liveblog as html_liveblog
from tui.cli import main
from tui.ingest import parse
from tui.model import PageKind


def _blog(count: int) -> bytes:
    body = "".join(
        f"<p><strong>{23 - (i // 60) % 24:02d}.{59 - i % 60:02d}</strong> Update number {i} "
        "says that something happened here today.</p>" for i in range(count))
    return ('<html lang=en><head><meta property="article:modified_time" '
            'content="2024-05-02T23:59:00Z"></head><body><h1>Live: a long day</h1>'
            f"<div class=body>{body}</div></body></html>").encode()


def test_five_thousand_entries_are_all_kept() -> None:
    page = parse(_blog(5_000))
    assert page.kind is PageKind.LIVEBLOG
    assert len(page.entries) == 5_000 and page.cut == 0
    assert page.entries[-1].headline.startswith("Update number 4999 says")


def test_past_the_limit_the_newest_are_kept_and_the_cut_is_said(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(html_liveblog, "MAX_ENTRIES", 100)
    page = parse(_blog(150))
    assert page.kind is PageKind.LIVEBLOG  # never an "article" because it is big
    assert (len(page.entries), page.cut) == (100, 50)
    assert page.entries[0].headline.startswith("Update number 0 says")
    path = tmp_path / "long.html"
    path.write_bytes(_blog(150))
    assert main(["parse", str(path)]) == 0
    err = capsys.readouterr().err
    assert "50 more entries than the 100 kept" in err


def test_add_says_the_cut_and_refresh_keeps_what_the_limit_left_out(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, home: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from tui.library import EntryFilter, Library, default_path

    path = tmp_path / "long.html"
    path.write_bytes(_blog(150))
    assert main(["add", str(path)]) == 0  # under the limit: all 150 stored
    assert "more entries" not in capsys.readouterr().err
    monkeypatch.setattr(html_liveblog, "MAX_ENTRIES", 100)
    assert main(["reparse", "long day"]) == 0  # the same page, now past the limit
    assert main(["add", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "100 entries, unchanged" in out and "removed" not in out
    assert '"Live: a long day": the page has 50 more entries than the 100 kept' in err
    with Library.open(default_path(), read_only=True) as library:
        page = library.find_page("long day")
        assert page.cut == 50 and page.entries == 150
        rows = library.entry_rows(library.entry_rowids(EntryFilter(page_id=page.id)))
    # the 50 the limit left out are not "removed by the publisher"
    assert not any(row.removed for row in rows)


async def test_the_reader_says_a_page_was_cut(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, home: Path) -> None:
    from tui.app.app import NewsReaderApp
    from tui.library import Library

    monkeypatch.setattr(html_liveblog, "MAX_ENTRIES", 100)
    lib_path = tmp_path / "lib.sqlite3"
    with Library.open(lib_path, seed=False) as library:
        page_id = library.save_page(parse(_blog(150))).page_id
    app = NewsReaderApp(lib_path, initial_page=page_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        text = "\n".join(s.text for s in app.screen._compositor.render_strips())
    assert "100 entries · 50 older left out (limit)" in text

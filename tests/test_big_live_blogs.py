"""Big live blogs: every entry kept far past real pages, and a page past the
limit keeps its newest entries, stays a live blog, and says what it left out."""

from __future__ import annotations

from pathlib import Path

import pytest

import tui.ingest.html_liveblog as html_liveblog
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

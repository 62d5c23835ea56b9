"""Links the reader opens (`o`) or copies (`y`) are http(s) only: a page's
og:url or JSON-LD url saying file:, javascript:, smb: or vscode: is dropped
at ingest, not kept by the library, and refused with a notice by the app
(for a library written before)."""

from __future__ import annotations

import sqlite3
import webbrowser
from pathlib import Path

import pytest
from conftest import ld_json
from test_app import make_page, screen_text, settle

from tui.app.app import NewsReaderApp
from tui.ingest import parse
from tui.library import Library
from tui.textnorm import web_url

HOSTILE = ["file:///etc/passwd", "javascript:alert(1)", "smb://host/share",
           "vscode://file/etc/passwd", "http://[::1", "//example.org/x", "http:///path",
           "https://exa\x1bmple.org/"]


@pytest.mark.parametrize("url", HOSTILE)
def test_web_url_refuses_what_is_no_http_link(url: str) -> None:
    assert web_url(url) is None


def test_web_url_keeps_http_and_https() -> None:
    assert web_url(" https://example.org/live?x=1#p2 ") == "https://example.org/live?x=1#p2"
    assert web_url("HTTP://[::1]:8080/a") == "HTTP://[::1]:8080/a"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "http://[::1"])
def test_ingest_keeps_the_fetched_address_not_a_hostile_og_url(url: str) -> None:
    html = (f'<html><head><title>A page</title><meta property="og:url" content="{url}">'
            + ld_json({"@type": "NewsArticle", "headline": "A page", "url": url})
            + "</head><body><article><h1>A page</h1><p>"
            + "Words of the article that make a body long enough. " * 5
            + "</p></article></body></html>").encode()
    assert parse(html).url is None
    assert parse(html, url="https://example.org/a").url == "https://example.org/a"


def test_the_library_does_not_keep_a_hostile_page_address(lib: Library) -> None:
    result = lib.save_page(make_page("smb://host/share", "Shared", ["One", "Two"]))
    assert lib.page_summary(result.page_id).url is None


async def press_o_and_y(path: Path, page: int,
                        opened: list[str]) -> tuple[str, list[str]]:
    """Run the app on the page, press `o` then `y`: (clipboard, notices)."""
    app = NewsReaderApp(path, initial_page=page)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.press("y")
        await settle(pilot)
        return app.clipboard, [n.message for n in app._notifications]


async def test_o_and_y_refuse_other_schemes(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    monkeypatch.setattr("tui.app.links.how_to_open", lambda: ("gui", []))
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        page = library.save_page(make_page("https://example.org/live", "Live", ["One"])).page_id
    clipboard, _ = await press_o_and_y(path, page, opened)
    assert clipboard == "https://example.org/live"
    assert opened == ["https://example.org/live"]
    opened.clear()
    # A library written before the check: the address is in the database.
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE pages SET url = 'file:///etc/passwd' WHERE id = ?", (page,))
    clipboard, notices = await press_o_and_y(path, page, opened)
    assert opened == [] and clipboard == ""
    assert notices.count("Not opened or copied: file:///etc/passwd "
                         "(only http and https links are).") == 2


def test_how_a_link_is_opened() -> None:
    from tui.app.links import how_to_open

    def which(name: str) -> str | None:
        return f"/usr/bin/{name}" if name in ("w3m", "firefox") else None

    assert how_to_open({"DISPLAY": ":0"}, "linux", which) == ("gui", [])
    assert how_to_open({}, "darwin", which) == ("gui", [])
    # over SSH: a text browser, run with the reader suspended
    assert how_to_open({}, "linux", which) == ("terminal", ["/usr/bin/w3m"])
    assert how_to_open({"BROWSER": "w3m -o x"}, "linux", which) == (
        "terminal", ["w3m", "-o", "x"])
    assert how_to_open({"BROWSER": "w3m", "DISPLAY": ":0"}, "linux", which)[0] == "terminal"
    assert how_to_open({}, "linux", lambda name: None) == ("none", [])


async def test_o_over_ssh_never_lets_a_program_draw_in_the_reader(
        home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No display: a text browser runs only with the reader suspended (here,
    a headless test terminal, it cannot be: said, not run); with no browser
    at all the link is copied. webbrowser (which would start w3m in the
    reader's own terminal) is never called."""
    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: pytest.fail("webbrowser used"))
    marker = tmp_path / "ran"
    script = tmp_path / "fake-w3m"
    script.write_text(f"#!/bin/sh\necho drawn > {marker}\n")
    script.chmod(0o755)
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        page = library.save_page(make_page("https://example.org/live", "Live", ["One"])).page_id
    monkeypatch.setattr("tui.app.links.how_to_open", lambda: ("terminal", [str(script)]))
    app = NewsReaderApp(path, initial_page=page)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        notices = [n.message for n in app._notifications]
    assert not marker.exists()
    assert any(n.startswith(f"Could not run {script}") for n in notices)
    monkeypatch.setattr("tui.app.links.how_to_open", lambda: ("none", []))
    app = NewsReaderApp(path, initial_page=page)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert app.clipboard == "https://example.org/live"
        assert "No browser here — link copied: https://example.org/live" in [
            n.message for n in app._notifications]


async def test_links_are_numbered_in_the_text_and_a_digit_opens_one(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.model import Entry, Link, Page, PageKind

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    monkeypatch.setattr("tui.app.links.how_to_open", lambda: ("gui", []))
    body = ("Talks in [Geneva](https://a.example/geneva) went on, said "
            "[the minister](https://b.example/minister).")
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        page = library.save_page(Page(
            kind=PageKind.ARTICLE, title="Talks", url="https://news.example/talks",
            entries=(Entry(id="e", position=0, headline="Talks", body_markdown=body,
                           links=(Link("https://a.example/geneva", "Geneva"),
                                  Link("https://b.example/minister", "the minister"))),))
        ).page_id
    app = NewsReaderApp(path, initial_page=page)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Talks in Geneva [1] went on, said the minister [2]." in text
        await pilot.press("2")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.press("7")  # no link 7: said
        await settle(pilot)
        notices = [n.message for n in app._notifications]
    assert opened == ["https://b.example/minister"]
    assert "This entry has no link 7." in notices

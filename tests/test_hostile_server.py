"""A hostile server on 127.0.0.1 puts escape sequences (clear screen, OSC 52
clipboard write, OSC 8 hyperlink, 8-bit CSI) in every field it controls: the
reason phrase, the Content-Type, a redirect's target, the body. Whatever the
command (parse, add, follow, refresh) or the app's notice, none of them
reaches the bytes written to the terminal; the words around them do."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import user_env
from liveserver import P1, P2, liveblog_html
from rawserver import RawServer, response

EVIL = "\x1b[2J\x1b]52;c;ZXZpbA==\x07\x1b]8;;http://evil.example/\x1b\\\x9b31m"
# What must never be written: ESC, BEL, and C1 controls in UTF-8 (\xc2\x80-\x9f).
FORBIDDEN = [b"\x1b", b"\x07"] + [bytes([0xC2, c]) for c in range(0x80, 0xA0)]

ROUTES = {
    "/reason": response(f"404 Not {EVIL} found", Content_Length="0"),
    "/ctype": response("200 OK", b"x", Content_Type=f"image/{EVIL}png", Content_Length="1"),
    "/redirect": response("302 Found", Location=f"file:///etc/{EVIL}passwd",
                          Content_Length="0"),
}


@pytest.fixture
def server() -> Iterator[RawServer]:
    srv = RawServer()
    srv.routes.update(ROUTES)
    with srv.running():
        yield srv


def run(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], env=user_env(home),
                          capture_output=True, timeout=60, stdin=subprocess.DEVNULL)


def assert_terminal_safe(data: bytes) -> None:
    for bad in FORBIDDEN:
        assert bad not in data, (bad, data)


@pytest.mark.parametrize(("path", "words", "status"), [
    ("/reason", "HTTP 404 Not", 3),  # the server failed: 3
    ("/ctype", "not a web page (image/", 2),  # no page to read: bad input, 2
    ("/redirect", "location header", 3),
])
@pytest.mark.parametrize("command", [["parse"], ["add"], ["follow"]])
def test_server_text_is_cleaned_in_every_command_error(
        tmp_path: Path, server: RawServer, command: list[str], path: str, words: str,
        status: int) -> None:
    result = run(tmp_path, *command, server.url(path))
    err = result.stderr.decode()
    assert result.returncode == status, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert words in err and server.url(path) in err
    assert_terminal_safe(result.stdout + result.stderr)


def test_refresh_of_a_page_whose_server_turned_hostile(tmp_path: Path, server: RawServer) -> None:
    url = server.url("/live")
    server.routes["/live"] = response("200 OK", liveblog_html("Live: Geneva", [P2, P1], url=url),
                                      Content_Type="text/html; charset=utf-8")
    added = run(tmp_path, "add", url)
    assert added.returncode == 0, added.stderr.decode()
    server.routes["/live"] = ROUTES["/reason"]
    result = run(tmp_path, "refresh", "Geneva")
    assert result.returncode != 0
    assert b"HTTP 404 Not" in result.stderr and b"found for " + url.encode() in result.stderr
    assert_terminal_safe(result.stdout + result.stderr)


async def test_the_apps_could_not_refresh_notice_is_cleaned(
        home: Path, server: RawServer) -> None:
    from tui.app.app import NewsReaderApp
    from tui.library import Library
    from tui.pipeline.sources import import_source, read_source

    url = server.url("/live")
    server.routes["/live"] = response("200 OK", liveblog_html("Live: Geneva", [P2, P1], url=url),
                                      Content_Type="text/html; charset=utf-8")
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as lib:
        page_id = import_source(lib, read_source(url)).page_id
    server.routes["/live"] = ROUTES["/ctype"]
    app = NewsReaderApp(path, initial_page=page_id)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("r")
        deadline = time.monotonic() + 15
        while not any(n.title == "Could not refresh" for n in app._notifications):
            assert time.monotonic() < deadline, "no notice"
            await pilot.pause(0.05)
        notice = next(n for n in app._notifications if n.title == "Could not refresh")
        assert "not a web page (image/" in notice.message
        assert_terminal_safe(notice.message.encode())
        for n in app._notifications:
            assert_terminal_safe((n.title + n.message).encode())
        subtitle = str(app.reader_screen.entry_list.border_subtitle)
        assert_terminal_safe(subtitle.encode())


def test_page_text_is_cleaned_in_every_command_that_prints_it(
        tmp_path: Path, server: RawServer) -> None:
    """The body is the server's too: escapes in the title, a headline and a
    body (raw and as JSON escapes in the JSON-LD) are cleaned at ingest, so no
    command that prints stored text (list, search, export, follow) or parses
    (parse, add) writes them; the words around them are printed."""
    from liveserver import Post

    url = server.url("/evil")
    posts = [Post("e2", 5, f"Alarm {EVIL} raised", f"Sirens {EVIL} sounded in the city."),
             P2, P1]
    server.routes["/evil"] = response(
        "200 OK", liveblog_html(f"Live: Evil {EVIL} blog", posts, url=url),
        Content_Type="text/html; charset=utf-8")
    outputs: list[tuple[list[str], str]] = [
        (["parse", url], "Alarm"), (["parse", url, "--json"], "Sirens"),
        (["add", url], "Live: Evil"), (["list"], "Live: Evil"), (["list", "--json"], "Evil"),
        (["search", "sirens"], "Alarm"), (["search", "sirens", "--json"], "Sirens"),
        (["export", "Evil"], "Sirens"), (["export", "Evil", "--format", "json"], "Sirens"),
        (["refresh", "Evil"], "unchanged"),
    ]
    for args, words in outputs:
        result = run(tmp_path, *args)
        assert result.returncode == 0, (args, result.stderr.decode())
        assert words in result.stdout.decode(), args
        assert_terminal_safe(result.stdout + result.stderr)

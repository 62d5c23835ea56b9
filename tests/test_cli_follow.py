"""`newsreader follow` as a real process against a live blog on 127.0.0.1:
it prints exactly the new entries, in order, survives a failure, and stops
cleanly on Ctrl-C (SIGINT) or when its reader goes away."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from liveserver import P1, P2, P3, P4, LiveServer, Post, Reply, Request, liveblog_html

from tui.cli import main

P5 = Post("p5", 10, "Statement \x1b[2Jpublished", "The statement calls for a ceasefire.")


@pytest.fixture(autouse=True)
def local_minimum(home: Path) -> None:
    """These tests poll a server of their own every 0.1-0.2 s: config.toml
    lowers the floor people get (5 s), as a user may for their own server."""
    config = home / "config" / "newsreader" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[follow]\nminimum = 0.05\n", encoding="utf-8")


def follow_process(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "follow", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def wait_for(condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def test_follow_prints_exactly_the_new_entries_then_stops_on_sigint(
        home: Path, live_server: LiveServer) -> None:
    url = live_server.url("/live")
    pages = {n: liveblog_html("Live: Geneva talks", posts, url=url) for n, posts in {
        1: [P2, P1], 3: [P3, P2, P1], 5: [P5, P4, P3, P2, P1]}.items()}

    def route(req: Request) -> Reply:
        if req.n == 4:
            return Reply(503, b"busy")  # one failure on the way: retried, said on stderr
        return Reply(200, pages[max(k for k in pages if k <= req.n)])

    live_server.routes["/live"] = route
    proc = follow_process(home, url, "--every", "0.2")
    try:
        wait_for(lambda: len(live_server.hits("/live")) >= 7 or proc.poll() is not None)
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode in (0, 130)
    assert "Traceback" not in err
    lines = out.splitlines()
    assert [line[7:] for line in lines] == [
        "Ministers meet at noon", "Joint statement expected", "Statement published"]
    assert all(re.fullmatch(r"\d\d:\d\d  .+", line) for line in lines)
    assert 'following "Live: Geneva talks" every 0.2 s' in err
    assert "HTTP 503" in err and "trying again" in err


def test_follow_body_and_a_page_already_in_the_library(
        home: Path, live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = live_server.url("/live")
    first = liveblog_html("Live: Geneva talks", [P1], url=url)
    later = liveblog_html("Live: Geneva talks", [P2, P1], url=url)
    live_server.routes["/live"] = lambda r: Reply(200, first if r.n == 1 else later)
    assert main(["add", url]) == 0
    capsys.readouterr()
    # Followed by title; the page was checked just now, so the first poll
    # comes one interval later and brings P2.
    proc = follow_process(home, "Geneva talks", "--every", "0.2", "--body")
    try:
        wait_for(lambda: len(live_server.hits("/live")) >= 3)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode in (0, 130) and "Traceback" not in err
    assert out.splitlines()[0].endswith("  First session ends")
    assert "       The first session ended without a statement." in out.splitlines()
    assert "Talks open" not in out


def test_follow_stops_quietly_when_the_pipe_closes(home: Path, live_server: LiveServer) -> None:
    url = live_server.url("/grow")
    live_server.routes["/grow"] = lambda r: Reply(200, liveblog_html(
        "Live: growing", [Post(f"g{i}", 100 - i, f"Update {i}", "x") for i in range(r.n, -1, -1)],
        url=url))
    proc = follow_process(home, url, "--every", "0.1")
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.endswith("Update 2\n") or first.endswith("Update 1\n")
        proc.stdout.close()  # the reader goes away (`| head -1`)
        proc.wait(timeout=20)
        err = proc.stderr.read() if proc.stderr else ""
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert "Traceback" not in err


def test_follow_errors_are_one_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["follow", "no such page anywhere"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsreader: ") and err.count("\n") == 1
    # The bundled seeds came from files: nothing to follow.
    assert main(["follow", "1"]) == 2
    assert "no URL to follow" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["follow", "x", "--every", "0"])


def test_follow_every_has_a_floor(home: Path) -> None:
    """`--every 1e-300` sent 186 requests in 5 s: below the floor (5 s, or
    config.toml's [follow] minimum) is one error line, exit 2, no request."""
    from conftest import user_env

    (home / "config" / "newsreader" / "config.toml").unlink()
    for every in ("1e-300", "4.9"):
        result = subprocess.run(
            [sys.executable, "-m", "tui.cli", "follow", "http://127.0.0.1:9/live", "--every",
             every], env=user_env(home), capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        assert result.stderr == (f"newsreader: --every must be at least 5 seconds, not "
                                 f"{float(every):g} (publishers are asked no more often)\n")


def test_follow_stops_when_the_live_blog_has_ended(
        home: Path, live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = live_server.url("/old")
    live_server.routes["/old"] = lambda r: Reply(200, liveblog_html(
        "Live: last year", [Post("o1", 3 * 24 * 60, "Old news", "x")], url=url))
    assert main(["follow", url, "--every", "0.1"]) == 0
    err = capsys.readouterr().err
    assert "has ended (no new entry for 24 h)" in err


def test_entry_lines_show_the_time_in_the_pages_own_offset(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """As `parse` and `export` do: 10:05 on a +02:00 page is 10:05 whatever
    the reader's own zone."""
    from datetime import UTC, datetime, timedelta, timezone

    from tui.cli.follow import entry_lines
    from tui.library import EntryRow

    monkeypatch.setenv("TZ", "America/New_York")
    if hasattr(time, "tzset"):
        time.tzset()
    try:
        row = EntryRow(rowid=1, page_id=1, position=0, headline="Talks resume",
                       time=datetime(2026, 2, 11, 10, 5, tzinfo=timezone(timedelta(hours=2))),
                       read=False, starred=False, edited=False, removed=False,
                       first_seen=datetime(2026, 2, 11, tzinfo=UTC))
        assert entry_lines(None, row, body=False) == ["10:05  Talks resume"]  # type: ignore[arg-type]
        untimed = EntryRow(**{**row.__dict__, "time": None})
        assert entry_lines(None, untimed, body=False) == ["--:--  Talks resume"]  # type: ignore[arg-type]
    finally:
        monkeypatch.undo()
        if hasattr(time, "tzset"):
            time.tzset()


def test_follow_match_prints_only_entries_with_the_word(
        home: Path, live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = live_server.url("/match")
    new = [Post("m3", 2, "Macron arrives in Geneva", "He speaks."),
           Post("m2", 3, "Weather turns grey", "Rain.")]
    first = liveblog_html("Live: Geneva talks", [P1], url=url)
    later = liveblog_html("Live: Geneva talks", [*new, P1], url=url)
    live_server.routes["/match"] = lambda r: Reply(200, first if r.n == 1 else later)
    assert main(["add", url]) == 0
    capsys.readouterr()
    proc = follow_process(home, "Geneva talks", "--every", "0.2", "--match", "MACRON")
    try:
        wait_for(lambda: len(live_server.hits("/match")) >= 3)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode in (0, 130) and "Traceback" not in err
    assert [line.split("  ", 1)[1] for line in out.splitlines()] == ["Macron arrives in Geneva"]

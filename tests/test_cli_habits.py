"""Command-line habits: a mistyped command is named with the one meant,
--help lists the commands, `parse` of a feed says it is one and lists its
items, nothing new is "unchanged", the network failing exits 3 (bad input
is 2), and `follow --body` wraps to the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from liveserver import LiveServer, Reply

from tui.cli import main
from tui.cli.follow import entry_lines
from tui.library import EntryFilter, Library
from tui.model import Entry, Page, PageKind

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>
<item><title>First item</title><link>https://news.example/a</link>
<pubDate>Wed, 11 Feb 2026 10:00:00 GMT</pubDate></item>
<item><title>Live: the summit</title><link>https://news.example/live</link></item>
</channel></rss>"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("typed", "meant"), [("serach", "search"), ("lst", "list"),
                                              ("refesh", "refresh")])
def test_a_mistyped_command_is_named_once(home: Path, capsys: pytest.CaptureFixture[str],
                                          typed: str, meant: str) -> None:
    code, out, err = run(capsys, typed, "gaza")
    assert code == 2 and out == ""
    assert err == f"newsreader: unknown command '{typed}' — did you mean '{meant}'?\n"


def test_a_path_is_still_a_source(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "missing/page.html")
    assert code == 2 and "no such file: missing/page.html" in err


def test_help_lists_every_command_with_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "commands (newsreader CMD --help for each):" in out
    assert "  search    search every entry in the library" in out
    assert "  check     check the library file for damage" in out


def test_parse_of_a_feed_lists_its_items(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(RSS)
    code, out, _ = run(capsys, "parse", str(feed))
    assert code == 0
    assert out.splitlines()[:2] == [
        "Test feed", "kind: feed, 2 items (newsreader add imports each as a page)"]
    assert "2026-02-11 10:00  First item" in out and "Live: the summit  [live]" in out
    code, out, _ = run(capsys, "parse", str(feed), "--json")
    data = json.loads(out)
    assert data["feed"] == "Test feed"
    assert [i["title"] for i in data["items"]] == ["First item", "Live: the summit"]


def test_nothing_new_is_unchanged(home: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "one.txt"
    page.write_text("Un article\n\nPar Jean Dupont\n\nUn seul paragraphe de texte ici, "
                    "assez long pour faire un article.\n", encoding="utf-8")
    assert run(capsys, "add", str(page))[1].endswith("1 entry, 1 new\n")
    assert run(capsys, "add", str(page))[1].endswith("1 entry, unchanged\n")


def test_the_network_failing_exits_3_and_bad_input_2(
        home: Path, live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    live_server.routes["/down"] = lambda r: Reply(503, b"busy")
    assert run(capsys, "add", live_server.url("/down"))[0] == 3
    assert run(capsys, "add", "ftp://news.example/x")[0] == 2
    assert run(capsys, "add", "/no/such/file.html")[0] == 2
    # a batch with bad input in it is bad input
    assert run(capsys, "add", live_server.url("/down"), "/no/such/file.html")[0] == 2


def test_follow_body_wraps_to_the_terminal(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    body = "A long sentence of the update that goes on and on " * 4
    with Library.open(tmp_path / "lib.sqlite3", seed=False) as lib:
        lib.save_page(Page(kind=PageKind.LIVEBLOG, title="Live", url="https://x.example/l",
                           entries=(Entry(id="e1", position=0, headline="Head",
                                          body_markdown=body),)))
        row = lib.entry_rows(lib.entry_rowids(EntryFilter()))[0]
        lines = entry_lines(lib, row, body=True)
    assert lines[0] == "--:--  Head"
    text = [line for line in lines[1:] if line]
    assert len(text) >= 4 and all(len(line) <= 59 for line in text)
    assert all(line.startswith("       ") for line in text)
    assert " ".join(t.strip() for t in text) == body.strip()

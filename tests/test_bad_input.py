"""The issue's bad-input list, end to end through the real command in a
subprocess: a clean parse or one error line with status 2, never a traceback,
and a failed `add` leaves the library exactly as it was."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import user_env


def newsreader(*args: str, home: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], input=stdin,
                          env=user_env(home),
                          capture_output=True, timeout=120)


def assert_one_error_line(result: subprocess.CompletedProcess, *words: str) -> None:
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for word in words:
        assert word in err


def test_a_50_mb_page_is_refused_in_one_line(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as f:
        f.write(b"<html><body>")
        chunk = b"<p>" + b"word " * 2000 + b"</p>"
        while f.tell() < 50 * 2**20:
            f.write(chunk)
    assert_one_error_line(newsreader("parse", str(big), home=tmp_path), "20 MB")


def test_html_nested_100000_levels_parses_without_a_traceback(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<html><head><title>Deep page</title></head><body>"
                    + "<div>" * 100_000 + "<p>The text at the bottom of the page.</p>"
                    + "</div>" * 100_000 + "</body></html>")
    result = newsreader("parse", str(deep), "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Deep page" in result.stdout
    assert b"The text at the bottom of the page." in result.stdout


def test_escape_sequences_never_reach_the_terminal_and_markup_stays_literal(tmp_path: Path):
    page = ("LIVE BLOG | Alerte \x1b[2J\x1b]52;c;ZXZpbA==\x07 [bold red]x[/]\n\n"
            "Un chapeau assez long pour servir de chapeau à la page.\n\n"
            "10h05 - Premier [bold]titre[/bold] \x1b[31mrouge\n\n"
            "Corps du texte de la première entrée, assez long pour compter.\n\n"
            "10h00 - Second titre\n\n"
            "Corps du texte de la seconde entrée, assez long aussi.\n")
    result = newsreader("parse", "-", home=tmp_path, stdin=page.encode())
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "\x1b" not in out and "\x07" not in out
    assert "LIVE BLOG | Alerte [bold red]x[/]" in out
    assert "Premier [bold]titre[/bold] rouge" in out


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.html", b"", ("empty",)),
        ("picture.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ("PNG",)),
        ("binary.txt", b"\x00\x01\x02garbage\x00" * 100, ("not",)),
    ],
)
def test_a_failed_add_leaves_the_library_as_it_was(tmp_path: Path, name, content, words):
    first = newsreader("list", home=tmp_path)  # creates the library with its seeds
    assert first.returncode == 0, first.stderr.decode()
    db = tmp_path / "data" / "newsreader" / "library.sqlite3"
    before = sqlite3.connect(db).execute("SELECT count(*) FROM pages").fetchone()[0]
    source = tmp_path / name
    source.write_bytes(content)
    assert_one_error_line(newsreader("add", str(source), home=tmp_path), *words)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == before == 5
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- internal errors the hostile-input probe found: each is now one line -----

GOOD = str(Path(__file__).resolve().parent.parent / "seeds"
           / "i24news_liveblog_2026-02-11_trump-netanyahou-iran.txt")


def added_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stdout.decode().splitlines() if line.startswith("added ")]


def test_a_broken_og_url_does_not_stop_the_batch(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<html><head><title>Broken address</title>'
                   '<meta property="og:url" content="http://[::1"></head><body><article>'
                   "<h1>Broken address</h1><p>" + "Words of a short article. " * 10
                   + "</p></article></body></html>")
    result = newsreader("add", str(bad), GOOD, home=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert len(added_lines(result)) == 2 and b"Broken address" in result.stdout


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_devices_and_fifos_are_refused_and_the_batch_goes_on(tmp_path: Path, kind: str) -> None:
    import os

    path = "/dev/zero"
    if kind == "fifo":
        path = str(tmp_path / "pipe")
        os.mkfifo(path)  # no writer: opening it for reading would wait forever
    result = newsreader("add", path, GOOD, home=tmp_path)
    assert_one_error_line(result, f"{path} is not a regular file")
    assert len(added_lines(result)) == 1


def test_standard_input_closed_or_endless(tmp_path: Path) -> None:
    closed = subprocess.run(["sh", "-c", f'exec "{sys.executable}" -m tui.cli add - <&-'],
                            env=user_env(tmp_path), capture_output=True, timeout=120)
    assert_one_error_line(closed, "cannot read standard input: it is closed")
    with open("/dev/zero", "rb") as zero:
        endless = subprocess.run([sys.executable, "-m", "tui.cli", "add", "-"], stdin=zero,
                                 env=user_env(tmp_path), capture_output=True, timeout=120)
    assert_one_error_line(endless, "standard input is larger than 20 MB")


def test_file_names_that_are_not_utf8_or_empty(tmp_path: Path) -> None:
    import os
    import shutil

    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    shutil.copy(GOOD, name)
    result = subprocess.run([sys.executable, "-m", "tui.cli", "add", name],
                            env=user_env(tmp_path), capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    assert len(added_lines(result)) == 1
    missing = subprocess.run([sys.executable, "-m", "tui.cli", "add", b"nope\xe9.txt"],
                             env=user_env(tmp_path), capture_output=True, timeout=120)
    assert_one_error_line(missing, "no such file: nope\ufffd.txt")
    assert_one_error_line(newsreader("add", "", home=tmp_path), "an empty SOURCE")


def test_search_with_a_huge_limit(tmp_path: Path) -> None:
    result = newsreader("search", "Trump", "--limit", "99999999999999999999", home=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Trump" in result.stdout and result.stderr == b""

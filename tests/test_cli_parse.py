"""`newsreader parse SOURCE [--json]`, in-process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import I24_SEED, SEEDS_DIR
from tui.cli import main

PAGE_FIELDS = ["url", "source", "kind", "title", "lead", "published", "updated", "authors",
               "topics", "image_caption", "entries"]
ENTRY_FIELDS = ["id", "position", "time", "time_text", "minute", "zone", "headline",
                "body_markdown", "topics", "links", "media"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["parse", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_outline_of_the_liveblog_seed(capsys):
    status, out, err = run(capsys, str(I24_SEED))
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("LIVE BLOG | Après leur rencontre, Trump insiste")
    assert "publisher: i24NEWS" in lines
    assert "published: 2026-02-11" in lines
    assert "kind: liveblog, 20 entries" in lines
    entries = [line for line in lines if line.startswith("--:--  ")]
    assert len(entries) == 20
    assert entries[0] == ("--:--  Donald Trump : « J’ai insisté pour que les négociations avec"
                          " l’Iran se poursuivent »")
    assert entries[-1] == ("--:--  Donald Trump : \"Les Iraniens seraient stupides de ne pas"
                           " conclure un accord\"")


def test_outline_shows_entry_times(capsys, tmp_path):
    dump = tmp_path / "ticker.txt"
    dump.write_text(
        "Nahost-Ticker: Die Lage am Dienstag\n\n"
        "Alle Entwicklungen im Überblick, laufend aktualisiert von der Redaktion.\n\n"
        "27.08.2024, 12:32 Uhr\n\n"
        "12.31 Uhr: Zeitung lehnt Aussagen ab\n\n"
        "Mit einem Aufmacher hat sich die Zeitung gegen umstrittene Aussagen gestellt.\n\n"
        "08.57 Uhr: Araber bei Konfrontationen erschossen\n\n"
        "Ein Mann ist nach Medienberichten erschossen worden, es gab Berichte.\n\n"
        "05.20 Uhr: Mittlerweile 640 Tote\n\n"
        "Bei einem Luftangriff sind nach palästinensischen Angaben Menschen getötet worden.\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, str(dump))
    assert status == 0
    assert "published: 2024-08-27 12:32" in out
    assert out.splitlines()[-3:] == [
        "12:31  Zeitung lehnt Aussagen ab",
        "08:57  Araber bei Konfrontationen erschossen",
        "05:20  Mittlerweile 640 Tote",
    ]


def test_json_has_exactly_the_page_model_fields(capsys):
    status, out, err = run(capsys, str(I24_SEED), "--json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert list(data) == PAGE_FIELDS
    assert data["kind"] == "liveblog" and data["source"] == "i24NEWS"
    assert data["published"] == "2026-02-11"
    assert len(data["entries"]) == 20
    for position, entry in enumerate(data["entries"]):
        assert list(entry) == ENTRY_FIELDS
        assert entry["position"] == position and entry["time"] is None
    assert data["entries"][3]["media"] == [
        {"kind": "video", "caption": "Trump-Netanyahou : la rencontre", "credit": None,
         "url": None}
    ]
    # Not ASCII-escaped: readable French.
    assert "négociations" in out and "\\u00e9" not in out


def test_json_of_an_article_seed(capsys):
    seed = SEEDS_DIR / "actuj_2026-01-25_gaza-israel-trump-alignes.txt"
    status, out, _ = run(capsys, str(seed), "--json")
    data = json.loads(out)
    assert status == 0
    assert data["kind"] == "article" and data["authors"] == ["Guitel Benishay"]
    assert data["published"] == "2026-01-25"
    [entry] = data["entries"]
    assert entry["headline"] == data["title"]
    assert entry["media"] == [{"kind": "image", "caption": "Steve Witkoff",
                               "credit": "Chaim Goldberg/Flash90", "url": None}]


def test_reads_standard_input(capsys, monkeypatch):
    class Stdin:
        buffer = __import__("io").BytesIO(I24_SEED.read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin)
    status, out, _ = run(capsys, "-")
    assert status == 0 and "kind: liveblog, 20 entries" in out


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"   \n\n  \n", "is empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"  \xe2\x80\xa2 Menu\n  \xe2\x80\xa2 Accueil\n", "nothing readable"),
])
def test_bad_files_give_one_error_line_and_status_2(capsys, tmp_path, content, message):
    path = tmp_path / "page.bin"
    path.write_bytes(content)
    status, out, err = run(capsys, str(path))
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("newsreader: ") and message in err


def test_missing_file_and_folder(capsys, tmp_path):
    status, _, err = run(capsys, str(tmp_path / "nope.txt"))
    assert status == 2 and err == f"newsreader: no such file: {tmp_path / 'nope.txt'}\n"
    status, _, err = run(capsys, str(tmp_path))
    assert status == 2 and "is a folder" in err and err.count("\n") == 1


def test_invalid_utf8_is_read_not_crashed_on(capsys, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Un titre accentué pour la page\n\nLe café est servi à midi, "
                     "comme chaque jour, place de l'église.\n".encode("latin-1") + b"\xff\xfe")
    status, out, err = run(capsys, str(path), "--json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert data["title"] == "Un titre accentué pour la page"
    assert data["entries"][0]["body_markdown"].startswith("Le café est servi à midi")


HOSTILE = (
    "Breaking \x1b[2J\x1b[31mnews [bold red]about[/bold red] things\x1b[0m today\n\n"
    "A first paragraph \x1b]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07with an OSC 52 clipboard write, "
    "a \x9b31m C1 escape and [link=https://evil.example]markup[/link] inside.\n\n"
    "A second paragraph of ordinary words closes the article here.\n"
)


def test_escape_sequences_are_removed_and_markup_kept_literally(capsys, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_bytes(HOSTILE.encode("utf-8"))
    status, out, err = run(capsys, str(path))
    assert status == 0 and err == ""
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert out.splitlines()[0] == "Breaking news [bold red]about[/bold red] things today"
    status, out, err = run(capsys, str(path), "--json")
    assert status == 0
    assert "\x1b" not in out and "\\u001b" not in out and "\\u0007" not in out
    data = json.loads(out)
    body = data["entries"][0]["body_markdown"]
    assert "ZXZpbCBjbGlwYm9hcmQ" not in body
    assert "[link=https://evil.example]markup[/link]" in body
    assert data["title"] == "Breaking news [bold red]about[/bold red] things today"


def test_subprocess_never_prints_a_traceback(tmp_path):
    root = Path(__file__).resolve().parent.parent
    cases = {
        "empty.txt": b"",
        "image.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "bad.txt": b"\xff\xfe\xfd not utf-8 \x80\x81 at all\n\nmore \xc3\x28 bytes here.\n",
        "hostile.txt": HOSTILE.encode("utf-8"),
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", "parse", str(path)],
            capture_output=True, cwd=root, timeout=60,
        )
        assert b"Traceback" not in done.stderr, name
        assert b"\x1b" not in done.stdout + done.stderr, name
        if done.returncode:
            assert done.returncode == 2, name
            assert done.stderr.count(b"\n") == 1, name
        else:
            assert done.stdout.strip(), name


def test_outline_shows_the_printed_clock_of_an_undated_entry(capsys, tmp_path):
    # Clock times but no date anywhere: JSON time stays null, the outline
    # still shows the clock the page printed.
    page = tmp_path / "undated.txt"
    page.write_text("LIVE | Le fil\n\nUn chapeau assez long pour servir de chapeau.\n\n"
                    "10h05 - Premier titre\n\nCorps de la première entrée, assez long.\n\n"
                    "9h40 - Second titre\n\nCorps de la seconde entrée, assez long aussi.\n")
    assert main(["parse", str(page)]) == 0
    out = capsys.readouterr().out
    assert "10:05  Premier titre" in out and "09:40  Second titre" in out
    assert main(["parse", str(page), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["time"] for e in data["entries"]] == [None, None]


def test_outline_shows_match_minutes(capsys, tmp_path) -> None:
    events = "".join(f"<p><strong>{m}</strong> {text}</p>" for m, text in [
        ("90+3'", "The final whistle goes and the home side hold on to win."),
        ("67'", "Goal! A low shot from the edge of the box beats the keeper."),
        ("12'", "An early chance goes just wide of the far post from a corner.")])
    page = tmp_path / "match.html"
    page.write_text(f"<html lang=en><body><h1>Final: live</h1><div>{events}</div></body></html>")
    status, out, _ = run(capsys, str(page))
    assert status == 0
    assert out.splitlines()[-3:] == [
        "90+3'  The final whistle goes and the home side hold on to win.",
        "67'    Goal! A low shot from the edge of the box beats the keeper.",
        "12'    An early chance goes just wide of the far post from a corner."]

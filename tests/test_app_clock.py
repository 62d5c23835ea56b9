"""The clock rule in the reader: the list shows an entry's time as the page
prints it, whatever the machine's zone (TZ=UTC and TZ=Europe/Paris give the
same list); config.toml's clock = "local" shows this machine's clock."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from test_app import screen_text, settle

from tui.app.app import NewsReaderApp
from tui.config import Config
from tui.library import Library
from tui.model import Entry, Page, PageKind

PARIS_SUMMER = timezone(timedelta(hours=2))


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def _page() -> Page:
    entries = tuple(
        Entry(id=f"e{n}", position=n, headline=f"Update at {h}h05",
              body_markdown="Text.", time=datetime(2024, 7, 18, h, 5, tzinfo=PARIS_SUMMER),
              zone="Europe/Paris")
        for n, h in enumerate((11, 10, 9)))
    return Page(kind=PageKind.LIVEBLOG, title="Le fil info", entries=entries,
                url="https://lesechos.example/fil", source="Les Echos")


async def _list_lines(path: Path, pid: int, clock: str) -> list[str]:
    app = NewsReaderApp(path, initial_page=pid, config=Config(clock=clock, mark_read_after=None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        return [line for line in screen_text(app).splitlines() if "Update at" in line]


@pytest.mark.parametrize("zone", ["UTC", "Europe/Paris", "America/New_York"])
async def test_the_list_shows_the_pages_clock(home: Path, machine_zone, zone: str) -> None:
    machine_zone(zone)
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        pid = library.save_page(_page()).page_id
    lines = await _list_lines(path, pid, "page")
    assert ["09:05" in lines[2], "10:05" in lines[1], "11:05" in lines[0]] == [True] * 3


async def test_clock_local_shows_this_machines_clock(home: Path, machine_zone) -> None:
    machine_zone("UTC")
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        pid = library.save_page(_page()).page_id
    lines = await _list_lines(path, pid, "local")
    assert "07:05" in lines[2] and "09:05" in lines[0]


@pytest.mark.parametrize(("zone", "shown"), [
    ("UTC", "09:05 Paris · 07:05 here · Thu 18 Jul 2024"),
    ("Europe/Paris", "09:05 Paris · Thu 18 Jul 2024"),
])
async def test_the_detail_names_the_zone_and_this_machines_time(
        home: Path, machine_zone, zone: str, shown: str) -> None:
    machine_zone(zone)
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        pid = library.save_page(_page()).page_id
    app = NewsReaderApp(path, initial_page=pid, config=Config(mark_read_after=None))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert shown in screen_text(app)


@pytest.mark.parametrize("zone", ["UTC", "Europe/Paris"])
async def test_les_echos_9h05_reads_09_05_on_any_machine(
        home: Path, machine_zone, corpus_dir: Path, zone: str) -> None:
    """The real page: "9h05 - …" entries of Les Echos' live feed show 09:05
    in the reader whether the machine runs on UTC or on Paris time."""
    from tui.ingest import parse

    machine_zone(zone)
    page = parse((corpus_dir / "liveblog_fr_lesechos_2024-07-18.html").read_bytes())
    nine_05 = [e for e in page.entries if e.time_text and e.time_text.startswith("9h05")]
    assert nine_05, [e.time_text for e in page.entries]
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        pid = library.save_page(page).page_id
    app = NewsReaderApp(path, initial_page=pid, config=Config(mark_read_after=None))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        headline = nine_05[0].headline[:20]
        line = next(ln for ln in screen_text(app).splitlines() if headline in ln)
        assert "09:05" in line

"""Time travel: `@` and a time goes to the entry nearest it, `{` / `}` an
hour back / on; times are read on the entries' clock, "now" is the newest
entry of the view."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from test_app import settle

from tui.app.app import NewsReaderApp
from tui.config import Config
from tui.library import Library
from tui.model import Entry, Page, PageKind
from tui.moments import parse_when

PARIS = timezone(timedelta(hours=2))
NOW = datetime(2024, 7, 18, 15, 30, tzinfo=PARIS)


@pytest.mark.parametrize(("typed", "expected"), [
    ("14:00", datetime(2024, 7, 18, 14, 0, tzinfo=PARIS)),
    ("18h", datetime(2024, 7, 17, 18, 0, tzinfo=PARIS)),  # the latest 18h: yesterday's
    ("6pm", datetime(2024, 7, 17, 18, 0, tzinfo=PARIS)),
    ("yesterday 6pm", datetime(2024, 7, 17, 18, 0, tzinfo=PARIS)),
    ("hier 18h", datetime(2024, 7, 17, 18, 0, tzinfo=PARIS)),
    ("gestern 9 Uhr", datetime(2024, 7, 17, 9, 0, tzinfo=PARIS)),
    ("-2h", datetime(2024, 7, 18, 13, 30, tzinfo=PARIS)),
    ("-30m", datetime(2024, 7, 18, 15, 0, tzinfo=PARIS)),
    ("-1d", datetime(2024, 7, 17, 15, 30, tzinfo=PARIS)),
    ("12am", datetime(2024, 7, 18, 0, 0, tzinfo=PARIS)),
    ("nonsense", None), ("25:00", None), ("", None),
])
def test_times_as_readers_type_them(typed: str, expected: datetime | None) -> None:
    assert parse_when(typed, NOW) == expected


@pytest.fixture
def hourly(home: Path) -> tuple[Path, int]:
    """A live blog with an entry every hour from 10:00 to 16:00, newest first."""
    hours = list(range(16, 9, -1))
    entries = tuple(
        Entry(id=f"h{h}", position=n, headline=f"At {h}:00",
              time=datetime(2024, 7, 18, h, 0, tzinfo=PARIS), body_markdown="Text.")
        for n, h in enumerate(hours))
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        pid = library.save_page(Page(kind=PageKind.LIVEBLOG, title="Live", entries=entries,
                                     url="https://news.example/live")).page_id
    return path, pid


async def test_at_and_braces_move_in_time(hourly: tuple[Path, int]) -> None:
    path, pid = hourly
    app = NewsReaderApp(path, initial_page=pid, config=Config(mark_read_after=None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = app.reader_screen

        def current() -> str:
            row = reader.entry_list.row(reader.entry_list.current_rowid)  # type: ignore[arg-type]
            return row.headline if row else ""

        await pilot.press("at")
        await pilot.pause()
        await pilot.press(*"13:10", "enter")
        await settle(pilot)
        assert current() == "At 13:00"
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        assert current() == "At 12:00"
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await settle(pilot)
        assert current() == "At 14:00"
        await pilot.press("at")
        await pilot.pause()
        await pilot.press(*"-2h", "enter")  # two hours before the newest entry (16:00)
        await settle(pilot)
        assert current() == "At 14:00"
        await pilot.press("at")
        await pilot.pause()
        await pilot.press(*"soon", "enter")
        await settle(pilot)
        assert current() == "At 14:00"
        assert any(n.message.startswith("Not a time: soon") for n in app._notifications)


@pytest.fixture
def three_days(home: Path) -> tuple[Path, int]:
    """A live blog over three days: 9:00 and 20:00 on the 16th, 17th and 18th."""
    moments = [datetime(2024, 7, d, h, 0, tzinfo=PARIS) for d in (18, 17, 16) for h in (20, 9)]
    entries = tuple(
        Entry(id=f"e{n}", position=n, headline=f"{m:%d} at {m:%H}", time=m, body_markdown="Text.")
        for n, m in enumerate(moments))
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        pid = library.save_page(Page(kind=PageKind.LIVEBLOG, title="Week", entries=entries,
                                     url="https://news.example/week")).page_id
    return path, pid


async def test_braces_go_by_day_on_a_page_that_spans_days(three_days: tuple[Path, int]) -> None:
    path, pid = three_days
    app = NewsReaderApp(path, initial_page=pid, config=Config(mark_read_after=None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        entry_list = app.reader_screen.entry_list

        def current() -> str:
            row = entry_list.row(entry_list.current_rowid)  # type: ignore[arg-type]
            return row.headline if row else ""

        assert current() == "18 at 20"
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        assert current() == "17 at 20"  # the newest entry of the day before
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        await settle(pilot)
        assert current() == "16 at 20"  # no day before the 16th: it stays
        assert any(n.message == "No entry before this day." for n in app._notifications)
        await pilot.press("j", "right_curly_bracket")  # from the 16th at 9
        await settle(pilot)
        assert current() == "17 at 09"  # the oldest entry of the day after

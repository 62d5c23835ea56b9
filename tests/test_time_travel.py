"""Time travel: `@` and a time goes to the entry nearest it, `{` / `}` an
hour back / on; times are read on the entries' clock, "now" is the newest
entry of the view."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from test_app import current_headline, settle

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


def timed_blog(home: Path, headlines_and_times: list[tuple[str, datetime]]) -> tuple[Path, int]:
    """A live blog of those (headline, time) entries, newest first, in a
    new library: (its path, the page id)."""
    entries = tuple(Entry(id=f"e{n}", position=n, headline=headline, time=when,
                          body_markdown="Text.")
                    for n, (headline, when) in enumerate(headlines_and_times))
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        pid = library.save_page(Page(kind=PageKind.LIVEBLOG, title="Live", entries=entries,
                                     url="https://news.example/live")).page_id
    return path, pid


@pytest.fixture
def hourly(home: Path) -> tuple[Path, int]:
    """A live blog with an entry every hour from 10:00 to 16:00, newest first."""
    return timed_blog(home, [(f"At {h}:00", datetime(2024, 7, 18, h, 0, tzinfo=PARIS))
                             for h in range(16, 9, -1)])


async def test_at_and_braces_move_in_time(hourly: tuple[Path, int]) -> None:
    path, pid = hourly
    app = NewsReaderApp(path, initial_page=pid, config=Config(mark_read_after=None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("at")
        await pilot.pause()
        await pilot.press(*"13:10", "enter")
        await settle(pilot)
        assert current_headline(app) == "At 13:00"
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        assert current_headline(app) == "At 12:00"
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await settle(pilot)
        assert current_headline(app) == "At 14:00"
        await pilot.press("at")
        await pilot.pause()
        await pilot.press(*"-2h", "enter")  # two hours before the newest entry (16:00)
        await settle(pilot)
        assert current_headline(app) == "At 14:00"
        await pilot.press("at")
        await pilot.pause()
        await pilot.press(*"soon", "enter")
        await settle(pilot)
        assert current_headline(app) == "At 14:00"
        assert any(n.message.startswith("Not a time: soon") for n in app._notifications)


@pytest.fixture
def three_days(home: Path) -> tuple[Path, int]:
    """A live blog over three days: 9:00 and 20:00 on the 16th, 17th and 18th."""
    moments = [datetime(2024, 7, d, h, 0, tzinfo=PARIS) for d in (18, 17, 16) for h in (20, 9)]
    return timed_blog(home, [(f"{m:%d} at {m:%H}", m) for m in moments])


async def test_braces_go_by_day_on_a_page_that_spans_days(three_days: tuple[Path, int]) -> None:
    path, pid = three_days
    app = NewsReaderApp(path, initial_page=pid, config=Config(mark_read_after=None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert current_headline(app) == "18 at 20"
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        assert current_headline(app) == "17 at 20"  # the newest entry of the day before
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        await settle(pilot)
        assert current_headline(app) == "16 at 20"  # no day before the 16th: it stays
        assert any(n.message == "No entry before this day." for n in app._notifications)
        await pilot.press("j", "right_curly_bracket")  # from the 16th at 9
        await settle(pilot)
        assert current_headline(app) == "17 at 09"  # the oldest entry of the day after


@pytest.fixture
def paris_machine(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The machine's zone is Europe/Paris (clock = "local" reads it)."""
    import time

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("paris_machine")
def test_days_on_the_local_clock_across_a_change_of_hour(home: Path) -> None:
    """On the machine's clock a day is 23 or 25 hours when the hour changes:
    `{` and `}` go by its own midnights, not by 24 hours from the offset of
    the entry under the cursor (which skipped the hour after midnight)."""
    from tui.app.time_travel import entry_a_step_away
    from tui.library import EntryFilter

    winter, summer = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))
    moments = {  # Paris went from +1 to +2 at 2:00 on 31 March 2024, back on 27 October
        "30 Mar 10:00": datetime(2024, 3, 30, 10, 0, tzinfo=winter),
        "30 Mar 23:30": datetime(2024, 3, 30, 23, 30, tzinfo=winter),
        "31 Mar 14:00": datetime(2024, 3, 31, 14, 0, tzinfo=summer),
        "27 Oct 01:00": datetime(2024, 10, 27, 1, 0, tzinfo=summer),
        "27 Oct 23:30": datetime(2024, 10, 27, 23, 30, tzinfo=winter),
        "28 Oct 09:00": datetime(2024, 10, 28, 9, 0, tzinfo=winter),
    }
    with Library.open(home / "lib.sqlite3", seed=False) as library:
        pid = library.save_page(Page(
            kind=PageKind.LIVEBLOG, title="Year", url="https://news.example/year",
            entries=tuple(Entry(id=name, position=n, headline=name, time=when,
                                body_markdown="Text.")
                          for n, (name, when) in enumerate(reversed(moments.items()))))).page_id
        flt = EntryFilter(page_id=pid)

        def step(name: str, direction: int) -> str | None:
            rowid = entry_a_step_away(library, flt, moments[name], direction, True, "local")
            rows = library.entry_rows([rowid]) if rowid is not None else []
            return rows[0].headline if rows else None

        assert step("31 Mar 14:00", -1) == "30 Mar 23:30"  # the day before's newest
        assert step("27 Oct 01:00", +1) == "28 Oct 09:00"  # 23:30 is still the 27th
        assert step("30 Mar 10:00", +1) == "31 Mar 14:00"

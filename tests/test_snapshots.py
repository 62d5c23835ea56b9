"""Snapshots of the main views (pytest-textual-snapshot): the scenes of
scripts/screenshots.py, each on a new user's seeded library in a temp folder.

The SVGs are in tests/__snapshots__/test_snapshots/. After a change to what
the reader shows, look at the failure report, then accept the new look with
`python -m pytest tests/test_snapshots.py --snapshot-update`.

What differs between runs is pinned. Measured: the sidebar counts, which
change on screen once the cursor has been still for half a second, so a
scene waits STILL seconds after its last key. Guarded, though the bundled
pages show none of it today (their entries have no times, their dates are
bare days, they have no address to follow):
- the time zone (times and days are shown in local time): a fixed POSIX TZ,
  which needs no tz database on the machine;
- today (a list mixing pages shows "14:32" for today, "11 Feb" before):
  `date.today()` in the entry list;
- following (the subtitle's "next at 12:05:30" comes from the clock): its
  timer is set far beyond the test, so nothing is followed;
- NO_COLOR, and the theme (TEXTUAL_THEME sets Textual's default);
- when an entry moved to is read (config.toml's mark_read_after, a timer):
  at once.
Each scene has a new library (no "new since your last visit" line). The
screenshot is drawn in truecolor whatever the terminal, and compared as
text: fonts play no part.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app.app import NewsReaderApp
from tui.app.widgets import entry_list
from tui.config import Config
from tui.pipeline.seeding import open_library

SnapCompare = Callable[..., bool]
RunBefore = Callable[[Pilot], Awaitable[None]]  # type: ignore[type-arg]

#: Central European Time with its summer rule, spelled out (POSIX): the
#: i24NEWS pages are French, and no zoneinfo file is needed.
TZ = "CET-1CEST,M3.5.0,M10.5.0/3"
#: "Today" for the entry list: after every seeded page, on none of their days.
TODAY = date(2026, 3, 2)
WIDE = (120, 34)
#: Seconds without a key before the screenshot: longer than every delay the
#: reader waits for after a move (the entry body's 0.06 s, the sidebar
#: counts' 0.5 s; mark_read_after is 0 here). Those timers are due before
#: this wait ends, so they have fired, however slow the machine.
STILL = 1.0


class _FrozenDate(date):
    @classmethod
    def today(cls) -> _FrozenDate:
        return cls(TODAY.year, TODAY.month, TODAY.day)


@pytest.fixture
def scene(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A new user (the `home` fixture) whose library is seeded, in a fixed
    time zone, on a fixed day, without NO_COLOR."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(entry_list, "date", _FrozenDate)
    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = TZ
    time.tzset()  # datetime.astimezone() reads the C library's zone
    try:
        open_library().close()  # created and seeded, as on first run
        yield
    finally:
        if old_tz is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old_tz
        time.tzset()


def scene_app(page: str | None = None) -> NewsReaderApp:
    """The app as a new user starts it (`newsreader`), or on a page
    (`newsreader read PAGE`): not following, the default theme, an entry
    moved to read at once."""
    initial = None
    if page is not None:
        with open_library() as library:
            initial = library.find_page(page).id
    config = Config(theme="textual-dark", mark_read_after=0)
    app = NewsReaderApp(initial_page=initial, config=config)
    app.follow_tick = 24 * 3600.0
    return app


async def settle(pilot: Pilot, still: float = 0.1) -> None:  # type: ignore[type-arg]
    """Workers done, then `still` seconds without a key."""
    app = pilot.app
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause(still)
    await app.workers.wait_for_complete()
    await pilot.pause()


def keys(*pressed: str) -> RunBefore:
    """Press the keys one at a time, each once the app has settled (a
    character is a key: "I", "r", "a", "n"); after the last, wait out what
    the reader does once the cursor is still."""

    async def run_before(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)
        await settle(pilot, STILL)

    return run_before


def test_liveblog_entry_open(scene: None, snap_compare: SnapCompare) -> None:
    """The i24NEWS live blog: a read entry starred, the fourth one open in
    the detail pane (focused)."""
    assert snap_compare(scene_app(), terminal_size=WIDE,
                        run_before=keys("j", "j", "s", "j", "tab"))


def test_article(scene: None, snap_compare: SnapCompare) -> None:
    """An article: one entry, its standfirst in italics, the detail focused."""
    assert snap_compare(scene_app("totalement alignés"), terminal_size=WIDE,
                        run_before=keys("enter"))


def test_search_results(scene: None, snap_compare: SnapCompare) -> None:
    """`/Iran`: results from several pages, the first one shown with the
    page it belongs to."""
    assert snap_compare(scene_app(), terminal_size=WIDE,
                        run_before=keys("slash", *"Iran", "enter"))


def test_help_screen(scene: None, snap_compare: SnapCompare) -> None:
    """`?`: every key, by where it works, over the reader."""
    assert snap_compare(scene_app(), terminal_size=(100, 40),
                        run_before=keys("question_mark"))


def test_small_terminal_stacked(scene: None, snap_compare: SnapCompare) -> None:
    """80×24: no sidebar, the detail under the list."""
    assert snap_compare(scene_app(), terminal_size=(80, 24), run_before=keys("j", "j"))


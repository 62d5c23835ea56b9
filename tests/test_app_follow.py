"""The app following a live blog on 127.0.0.1 (Pilot): new entries slot in
marked, the selection and its screen line stay put, edits and removals are
marked, failures show in the follow state, p pauses."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from liveserver import P1, P2, P3, P4, P5, LiveServer, Post, Reply, Request, liveblog_html
from textual.pilot import Pilot

from tui.app.app import NewsReaderApp
from tui.config import Config
from tui.library import EntryFilter, Library
from tui.pipeline.sources import import_source, read_source

P2_EDITED = Post("p2", 40, "First session ends", "The first session ended with a statement.")


def screen_text(app: NewsReaderApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notifications(app: NewsReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def until(pilot: Pilot, condition: Callable[[], bool],  # type: ignore[type-arg]
                timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await pilot.pause(0.05)
    await pilot.pause(0.1)


async def test_app_follows_a_live_blog(home: Path, live_server: LiveServer) -> None:
    url = live_server.url("/live")
    # Older entries below, so the list is longer than the screen and can scroll.
    older = [Post(f"o{i}", 60 + i, f"Earlier update {i}", "Earlier.") for i in range(30)]
    versions = [liveblog_html("Live: Geneva talks", posts + older, url=url) for posts in (
        [P3, P2, P1], [P5, P4, P3, P2, P1], [P5, P4, P3, P2_EDITED])]

    stage = [0]  # the test moves the live blog on: 0, 1, 2 versions, 3 failing

    def route(req: Request) -> Reply:
        if stage[0] < 3:
            return Reply(200, versions[stage[0]])
        return Reply(503, b"busy")

    live_server.routes["/live"] = route
    config = home / "config" / "newsreader" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[follow]\nminimum = 0.1\nevery = 0.4\n", encoding="utf-8")
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as lib:
        page_id = import_source(lib, read_source(url)).page_id
        rowid = {r.headline: r.rowid
                 for r in lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=page_id)))}

    app = NewsReaderApp(path, initial_page=page_id, config=Config(mark_read_after=0))
    app.follow_tick = 0.1
    async with app.run_test(size=(120, 30)) as pilot:
        entries = app.reader_screen.entry_list
        await until(pilot, lambda: entries.current_rowid == rowid[P3.headline])
        await pilot.press("j")  # select "First session ends"
        await until(pilot, lambda: app.reader_screen.detail is not None
                    and app.reader_screen.detail.row.headline == P2.headline)
        line_before = entries.cursor - int(entries.scroll_y)
        assert entries.max_scroll_y > 2

        # Two new entries arrive above the selection.
        stage[0] = 1
        await until(pilot, lambda: entries.entry_count == 35)
        assert entries.current_rowid == rowid[P2.headline]  # selection unchanged
        assert entries.cursor - int(entries.scroll_y) == line_before  # same screen line
        # The page on show says it in the list's border, not in a notice over the text
        assert "2 new entries — Live: Geneva talks" not in notifications(app)
        assert str(entries.border_subtitle).startswith("▲ 2 new (u) · ")
        fresh = {entries.row(r).headline for r in entries.fresh}  # type: ignore[union-attr]
        assert fresh == {P4.headline, P5.headline}
        summary = next(p for p in app.reader_screen.pages if p.id == page_id)
        # P2 was read (moved to); P3, shown at start, was not
        assert summary.entries == 35 and summary.unread == 34
        assert "35 entries · updated " in str(entries.border_subtitle)
        assert "next at" in str(entries.border_subtitle)

        # The next version edits the entry on show and drops P1.
        stage[0] = 2
        reader = app.reader_screen
        await until(pilot, lambda: reader.detail is not None and reader.detail.row.edited)
        await until(pilot, lambda: "edited " in screen_text(app))
        assert "with a statement" in app.reader_screen.entry_view.body_text
        removed = entries.row(rowid[P1.headline])
        assert removed is not None and removed.removed
        assert entries.current_rowid == rowid[P2.headline]

        # Then the publisher fails: the state says so and backs off.
        stage[0] = 3
        await until(pilot, lambda: "retry at" in str(entries.border_subtitle))
        assert "HTTP 503" in str(entries.border_subtitle)
        state = app.reader_screen.following.follower.states[page_id]  # type: ignore[union-attr]
        assert state.failures >= 1 and state.next_due > time.time()

        # u jumps to the first unread entry: the newest new one, marked fresh.
        await pilot.press("u")
        await pilot.pause(0.1)
        assert entries.current_rowid is not None
        assert entries.row(entries.current_rowid).headline == P5.headline  # type: ignore[union-attr]
        text = screen_text(app)
        assert "✚" in text and "Statement published" in text

        # p pauses following: no more requests.
        await pilot.press("p")
        await pilot.pause(0.1)
        assert "paused" in str(entries.border_subtitle)
        hits = len(live_server.hits("/live"))
        await pilot.pause(1.5)
        assert len(live_server.hits("/live")) == hits
        await pilot.press("q")

    with Library.open(path, seed=False) as lib:
        rows = {r.headline: r for r in lib.entry_rows(lib.entry_rowids(
            EntryFilter(page_id=page_id)))}
    assert rows[P1.headline].removed and rows[P2.headline].edited
    assert {P1.headline, P2.headline, P3.headline, P4.headline, P5.headline} <= set(rows)
    assert len(rows) == 35


async def test_manual_refresh_moves_the_follow_state_on(home: Path,
                                                        live_server: LiveServer) -> None:
    """r fetches the page on show: new entries are listed and marked fresh,
    and the follow line says it was updated (not the state before the r)."""
    url = live_server.url("/live")
    stage = [0]
    versions = [liveblog_html("Live: Geneva talks", posts, url=url)
                for posts in ([P2, P1], [P4, P3, P2, P1])]
    live_server.routes["/live"] = lambda req: Reply(200, versions[stage[0]])
    config = home / "config" / "newsreader" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[follow]\nevery = 3600\n", encoding="utf-8")  # no poll of its own
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as lib:
        page_id = import_source(lib, read_source(url)).page_id

    app = NewsReaderApp(path, initial_page=page_id, config=Config(mark_read_after=0))
    app.follow_tick = 0.1
    async with app.run_test(size=(120, 30)) as pilot:
        entries = app.reader_screen.entry_list
        await until(pilot, lambda: "checked " in str(entries.border_subtitle))
        assert "updated" not in str(entries.border_subtitle)
        stage[0] = 1
        await pilot.press("r")
        await until(pilot, lambda: entries.entry_count == 4)
        assert "+2 new, 0 edited, 0 removed" in notifications(app)
        assert "updated " in str(entries.border_subtitle)
        state = app.reader_screen.following.follower.states[page_id]  # type: ignore[union-attr]
        assert state.last_updated is not None and state.next_due > time.time() + 3000
        assert {entries.row(r).headline for r in entries.fresh} == {  # type: ignore[union-attr]
            P3.headline, P4.headline}
        await pilot.press("r")  # the same page again: nothing new
        await until(pilot, lambda: notifications(app).count("unchanged")
                    + notifications(app).count("unchanged (304)") == 1)
        assert entries.entry_count == 4

"""The live river: one timeline of every followed live blog's entries,
newest first, each with its publisher beside its time; new entries of either
blog arrive in it while you read."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from liveserver import LiveServer, Post, Reply, liveblog_html
from test_app import current_headline, screen_text, settle
from textual.pilot import Pilot

from tui.app.app import NewsReaderApp
from tui.app.messages import ViewLoaded
from tui.app.reader import ReaderScreen
from tui.app.view_key import ViewKey
from tui.config import Config
from tui.library import EntryFilter, Library
from tui.model import Entry, Page, PageKind
from tui.pipeline.sources import import_source, read_source


async def open_river(pilot: Pilot, app: NewsReaderApp) -> ReaderScreen:  # type: ignore[type-arg]
    """The app started, then "◉ Live" chosen in the sidebar."""
    await settle(pilot)
    reader = app.reader_screen
    reader.sidebar.select_key("live")
    reader.load_view(ViewKey("live"))
    await settle(pilot)
    return reader


def _blog(server: LiveServer, path: str, title: str, posts: list[Post]) -> str:
    url = server.url(path)
    server.routes[path] = lambda r: Reply(200, liveblog_html(title, posts, url=url),
                                          {"Content-Type": "text/html; charset=utf-8"})
    return url


async def test_two_growing_blogs_in_one_river(home: Path, live_server: LiveServer) -> None:
    geneva = [Post("g2", 20, "Geneva: talks resume", "Text."),
              Post("g1", 60, "Geneva: delegations arrive", "Text.")]
    paris = [Post("p2", 40, "Paris: the minister speaks", "Text."),
             Post("p1", 80, "Paris: the summit opens", "Text.")]
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        for url in (_blog(live_server, "/geneva", "Live: Geneva", geneva),
                    _blog(live_server, "/paris", "Live: Paris", paris)):
            import_source(library, read_source(url))
        assert len(library.entry_rowids(EntryFilter(live=True))) == 4
    app = NewsReaderApp(path, config=Config(mark_read_after=None))
    app.follow_tick = 0.1
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await open_river(pilot, app)
        lines = [ln for ln in screen_text(app).splitlines()
                 if "Geneva:" in ln or "Paris:" in ln]
        order = [next(h for h in ("resume", "minister", "arrive", "opens") if h in ln)
                 for ln in lines if "┃" in ln]
        assert order == ["resume", "minister", "arrive", "opens"]  # newest first, both blogs
        assert "Test Gazette" in lines[0]  # the publisher beside the time
        assert "◉ Live" in screen_text(app)
        await pilot.press("j")  # the cursor on "Paris: the minister speaks"
        await settle(pilot)
        # A new entry on the Paris blog arrives in the river while it is read.
        paris.insert(0, Post("p3", 1, "Paris: a deal is announced", "Text."))
        deadline = time.monotonic() + 10
        while reader.following.follower is None or 2 not in reader.following.follower.states:
            assert time.monotonic() < deadline, "following never started"
            await pilot.pause(0.1)
        reader.following.follower.states[2].next_due = 0
        while reader.entry_list.entry_count < 5:
            assert time.monotonic() < deadline, "the new entry never arrived"
            await pilot.pause(0.1)
        assert "Paris: a deal is announced" in screen_text(app)
        # The cursor stayed on its entry (the new row came in above it).
        assert current_headline(app) == "Paris: the minister speaks"
        assert next(ln for ln in screen_text(app).splitlines() if "›" in ln).find("minister") > 0


WIRE = ("The army said it struck forty targets overnight in the south, "
        "and that two soldiers were wounded.")
NOW = datetime.now(UTC).replace(microsecond=0)


def _live(url: str, source: str, posts: list[tuple[str, str, str, float]]) -> Page:
    """A live blog of (id, headline, body, hours ago) posts, newest first."""
    return Page(kind=PageKind.LIVEBLOG, title=f"Live: {source}", url=url, source=source,
                entries=tuple(Entry(id=i, position=n, headline=h, body_markdown=b,
                                    time=NOW - timedelta(hours=ago))
                              for n, (i, h, b, ago) in enumerate(posts)))


def _two_blogs_sharing_a_wire_item(path: Path) -> None:
    with Library.open(path, seed=False) as library:
        library.save_page(_live("https://one.example/live", "Herald", [
            ("h2", "Herald: markets fall", "Shares fell.", 1),
            ("h1", "Strikes in the south", WIRE, 3),
        ]))
        # The same wire copy, its markup and punctuation its own.
        library.save_page(_live("https://two.example/live", "Courier", [
            ("c2", "Strikes in the South", WIRE.replace("forty", "**forty**").rstrip("."), 2.5),
            ("c1", "Courier: a vote is called", "The vote is at six.", 26),
        ]))


def test_a_wire_item_on_two_blogs_is_one_row_of_the_river(home: Path) -> None:
    path = home / "lib.sqlite3"
    _two_blogs_sharing_a_wire_item(path)
    with Library.open(path, seed=False) as library:
        river = library.entry_rows(library.entry_rowids(EntryFilter(live=True)))
        assert [r.headline for r in river] == [
            "Herald: markets fall", "Strikes in the south", "Courier: a vote is called"]
        assert library.count_entries(EntryFilter(live=True)) == 3
        herald, courier = (p.id for p in library.pages())
        assert river[1].page_id == herald and river[1].also == (courier,)
        # A page of its own still lists its copy; reading one copy reads both.
        own = library.entry_rowids(EntryFilter(page_id=courier))
        assert len(own) == 2
        library.set_read([river[1].rowid])
        assert [r.read for r in library.entry_rows(own)] == [True, False]
        detail = library.entry_detail(river[1].rowid)
        assert detail.also_in == ("Courier",)


def test_a_copy_of_a_read_wire_item_arrives_read(home: Path) -> None:
    """One wire item read once is read: a blog that brings its copy later
    (after it was read) does not bring it back as unread."""
    path = home / "lib.sqlite3"
    _two_blogs_sharing_a_wire_item(path)
    with Library.open(path, seed=False) as library:
        library.set_read(library.entry_rowids(EntryFilter(live=True)))
        third = library.save_page(_live("https://three.example/live", "Gazette", [
            ("g2", "Gazette: rain tomorrow", "Rain is forecast.", 0.5),
            ("g1", "Strikes in the south", WIRE, 2)])).page_id
        rows = library.entry_rows(library.entry_rowids(EntryFilter(page_id=third)))
        assert [(r.headline, r.read) for r in rows] == [
            ("Gazette: rain tomorrow", False), ("Strikes in the south", True)]
        assert library.page_summary(third).unread == 1


async def test_river_rows_labels_days_and_new_line(home: Path) -> None:
    path = home / "lib.sqlite3"
    _two_blogs_sharing_a_wire_item(path)
    app = NewsReaderApp(path, config=Config(mark_read_after=None))
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await open_river(pilot, app)
        lines = screen_text(app).splitlines()
        shared = next(ln for ln in lines if "Strikes in the south" in ln)
        assert "Herald+Courier" in shared  # one row, both labels
        assert reader.entry_list.entry_count == 3
        # The time column shows the day where it changes: the vote was yesterday.
        vote = next(ln for ln in lines if "a vote is called" in ln)
        day = (NOW - timedelta(hours=26)).astimezone()
        assert f"{day.day} {day:%b}" in vote
        markets = next(ln for ln in lines if "markets fall" in ln)
        hour_ago = (NOW - timedelta(hours=1)).astimezone()
        if hour_ago.date() == date.today():  # today's first row shows its time
            assert f"{hour_ago:%H:%M}" in markets
        # Leave the river; a new entry arrives; back in the river it is under
        # "new since your last visit".
        reader.sidebar.select_key("all")
        reader.load_view(ViewKey("all"))
        await settle(pilot)
        await app.workers.wait_for_complete()
        reader.marks.writes.flush(reader.library)  # type: ignore[arg-type]
    with Library.open(path, seed=False) as library:
        assert library.view_seen_up_to("live") is not None
        library.clock = lambda: time.time() + 5  # type: ignore[method-assign]
        library.save_page(_live("https://one.example/live", "Herald", [
            ("h3", "Herald: a ceasefire", "Talks succeed.", 0.5),
            ("h2", "Herald: markets fall", "Shares fell.", 1),
            ("h1", "Strikes in the south", WIRE, 3),
        ]))
    app = NewsReaderApp(path, config=Config(mark_read_after=None))
    async with app.run_test(size=(120, 30)) as pilot:
        await open_river(pilot, app)
        lines = [ln for ln in screen_text(app).splitlines() if ln.strip()]
        new_line = next(i for i, ln in enumerate(lines) if "new since your last visit" in ln)
        assert "a ceasefire" in lines[new_line + 1]
        assert "seen before" in lines[new_line + 2]
        assert "markets fall" in lines[new_line + 3]


async def test_a_big_river_shows_its_first_screen_then_the_rest(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reopened on a river of more rows than its first screen: the first
    rows come first (counts "…", "300+ entries"), then the whole list, the
    cursor on the entry it was left on."""
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        for name in ("Herald", "Courier"):
            library.save_page(_live(f"https://{name.lower()}.example/live", name, [
                (f"{name}{n}", f"{name} update {n}", f"Text {n}.",
                 n / 10 + (name == "Courier") / 20) for n in range(250)]))
        rowids = library.entry_rowids(EntryFilter(live=True))
        left_on = rowids[7]
        library.save_reader_state({"view": "live", "entry": str(left_on), "context": "",
                                   "scroll": "0"})
    seen: list[tuple[bool, bool, int]] = []
    shown = ReaderScreen.on_view_loaded

    def spy(self: ReaderScreen, message: ViewLoaded) -> None:
        seen.append((message.partial, message.completes, len(message.items)))
        shown(self, message)
        if message.partial:
            seen.append((True, True, -1) if "300+ entries" in str(
                self.entry_list.border_subtitle) and self.sidebar.live < 0 else (False, False, -1))

    monkeypatch.setattr(ReaderScreen, "on_view_loaded", spy)
    app = NewsReaderApp(path, config=Config(mark_read_after=None))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert seen[:3] == [(True, False, 300), (True, True, -1), (False, True, 500)]
        reader = app.reader_screen
        assert reader.entry_list.entry_count == 500 and reader.sidebar.live == 500
        assert reader.entry_list.current_rowid == left_on
        assert "500 entries" in str(reader.entry_list.border_subtitle)

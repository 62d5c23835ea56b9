"""The live river: one timeline of every followed live blog's entries,
newest first, each with its publisher beside its time; new entries of either
blog arrive in it while you read."""

from __future__ import annotations

import time
from pathlib import Path

from liveserver import LiveServer, Post, Reply, liveblog_html
from test_app import screen_text, settle

from tui.app.app import NewsReaderApp
from tui.app.view_key import ViewKey
from tui.config import Config
from tui.library import EntryFilter, Library
from tui.pipeline.sources import import_source, read_source


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
        await settle(pilot)
        reader = app.reader_screen
        reader.sidebar.select_key("live")
        reader.load_view(ViewKey("live"))
        await settle(pilot)
        lines = [ln for ln in screen_text(app).splitlines()
                 if "Geneva:" in ln or "Paris:" in ln]
        order = [next(h for h in ("resume", "minister", "arrive", "opens") if h in ln)
                 for ln in lines if "┃" in ln]
        assert order == ["resume", "minister", "arrive", "opens"]  # newest first, both blogs
        assert "Test Gazette" in lines[0]  # the publisher beside the time
        assert "◉ Live" in screen_text(app)
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

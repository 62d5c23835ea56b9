"""Pages added and removed inside the reader: `a` asks for a URL (a local
server here), fetches it in a worker and opens it; a failure is one notice;
`d` removes the page on show after a yes; an empty library says how to add."""

from __future__ import annotations

from pathlib import Path

from liveserver import P1, P2, LiveServer, Reply, liveblog_html
from test_app import screen_text, settle

from tui.app.app import NewsReaderApp
from tui.config import Config
from tui.library import Library


async def test_add_a_url_then_remove_it(home: Path, live_server: LiveServer) -> None:
    url = live_server.url("/live")
    live_server.routes["/live"] = lambda r: Reply(
        200, liveblog_html("Live: Geneva talks", [P2, P1], url=url),
        {"Content-Type": "text/html; charset=utf-8"})
    path = home / "lib.sqlite3"
    Library.open(path, seed=False).close()
    app = NewsReaderApp(path, config=Config(mark_read_after=None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "The library is empty. a adds a page" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*url, "enter")
        await settle(pilot)
        await settle(pilot)
        reader = app.reader_screen
        assert reader.entry_list.entry_count == 2
        assert "Live: Geneva talks" in screen_text(app)
        assert any(n.title == "Added" and "2 entries, 2 new" in n.message
                   for n in app._notifications)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*live_server.url("/missing"), "enter")
        await settle(pilot)
        assert any(n.title == "Could not add" and "HTTP 404" in n.message
                   for n in app._notifications)
        await pilot.press("d")
        await pilot.pause()
        assert "Remove \"Live: Geneva talks\" and its 2 entries?" in screen_text(app)
        await pilot.press("n")  # kept
        await settle(pilot)
        assert reader.entry_list.entry_count == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        await settle(pilot)
        assert reader.pages == [] and "The library is empty" in screen_text(app)
    with Library.open(path, read_only=True) as library:
        assert library.pages() == []

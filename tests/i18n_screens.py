"""Run by tests/test_i18n.py in a subprocess, under the LANG it sets (the
language is chosen when tui.i18n is first imported): the real app on a
new seeded library, driven by Pilot; prints what it showed as JSON."""

from __future__ import annotations

import asyncio
import json
import sys


async def main(width: int, height: int) -> dict[str, object]:
    from test_app import screen_text as screen
    from test_app import settle

    from tui.app.app import NewsReaderApp
    from tui.config import Config

    app = NewsReaderApp(config=Config(mark_read_after=None))
    shown: dict[str, object] = {}
    async with app.run_test(size=(width, height), notifications=True) as pilot:
        await settle(pilot)
        shown["main"] = screen(app)
        await pilot.press("tab")  # the detail pane: its own keys in the footer
        await settle(pilot)
        shown["detail"] = screen(app)
        await pilot.press("shift+tab")
        await settle(pilot)
        await pilot.press("left_curly_bracket")  # the seeds print no times: a notice
        await settle(pilot)
        shown["notices"] = [n.message for n in app._notifications]
        shown["notice_screen"] = screen(app)
        app.clear_notifications()
        await pilot.press("question_mark")
        await settle(pilot)
        shown["help"] = screen(app)
        await pilot.press("escape")
        await settle(pilot)
        reader = app.reader_screen
        reader.sidebar.select_key("all")
        reader.load_view(reader.view_key.parse("all"))
        await settle(pilot)
        shown["all"] = screen(app)
    return shown


if __name__ == "__main__":
    size = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (100, 30)
    print(json.dumps(asyncio.run(main(*size)), ensure_ascii=False))

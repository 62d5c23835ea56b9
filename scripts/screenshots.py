"""Write the README's screenshots (screenshots/*.svg) from the real app on a
fresh seeded library: `python scripts/screenshots.py [OUT_DIR]`."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


async def shoot(out: Path, name: str, size: tuple[int, int], keys: list[str],
                page: str | None = None, typed: str = "") -> None:
    from tui.app.app import NewsReaderApp
    from tui.pipeline.seeding import open_library

    initial = None
    if page is not None:
        with open_library() as library:
            initial = library.find_page(page).id
    app = NewsReaderApp(initial_page=initial)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        for key in keys:
            if key == "TYPE":
                await pilot.press(*typed)
            else:
                await pilot.press(key)
            await pilot.pause(0.1)
            await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        app.save_screenshot(filename=f"{name}.svg", path=str(out))
    print(out / f"{name}.svg")


async def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    await shoot(out, "liveblog", (120, 34), ["j", "j", "s", "j", "tab"])
    await shoot(out, "article", (120, 34), ["enter"], page="totalement alignés")
    await shoot(out, "search", (120, 34), ["slash", "TYPE", "enter"], typed="Iran")
    await shoot(out, "help", (100, 40), ["question_mark"])
    await shoot(out, "small", (80, 24), ["j", "j"])
    # the live river: the sidebar's first line ("◉ Live"), chosen
    await shoot(out, "river", (120, 34), ["shift+tab", "g", "enter", "j"])


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"
    with tempfile.TemporaryDirectory() as home:  # a new user's seeded library
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = str(Path(home) / var.lower())
        os.environ.pop("NO_COLOR", None)
        asyncio.run(main(target.resolve()))

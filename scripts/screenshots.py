"""Write the README's screenshots (screenshots/*.svg) from the real app on a
fresh seeded library: `python scripts/screenshots.py [OUT_DIR]`. The French
ones (fr-*.svg) come from a second run of this script under
LANG=fr_FR.UTF-8 (the language is chosen when tui.i18n is first imported)."""

from __future__ import annotations

import asyncio
import os
import subprocess
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
    # the live river: the sidebar's first line ("◉ Live"), chosen, with two
    # made-up live blogs of today and yesterday that share a wire item, and
    # a watch word
    add_river_demo()
    await shoot(out, "river", (120, 34), ["shift+tab", "g", "enter", "j"])


def add_river_demo() -> None:
    """Two invented live blogs (no URL: they are in the river for 24 hours
    as just saved), and `[watch] words = ["Geneva"]`."""
    from datetime import datetime, timedelta

    from tui.config import Config
    from tui.model import Entry, Page, PageKind
    from tui.pipeline.seeding import open_library

    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    wire = ("Delegations from both sides arrived in Geneva on Tuesday morning, "
            "officials said, and the first session is due at noon.")

    def blog(source: str, posts: list[tuple[str, str, float]]) -> Page:
        return Page(kind=PageKind.LIVEBLOG, title=f"Live: {source} on the talks",
                    source=source, entries=tuple(
                        Entry(id=f"{source}{n}", position=n, headline=h, body_markdown=b,
                              time=now - timedelta(hours=ago))
                        for n, (h, b, ago) in enumerate(posts)))

    with open_library() as library:
        library.save_page(blog("Herald", [
            ("Ministers leave the first session", "No statement yet.", 0.3),
            ("Talks open in Geneva", wire, 2.2),
            ("Markets steady as talks near", "Shares rose slightly.", 5),
            ("Negotiators named for Geneva", "Both teams are known.", 27),
        ]))
        library.save_page(blog("Courier", [
            ("A joint statement is expected tonight", "Officials say.", 1.1),
            ("Talks open in Geneva", wire.replace("Geneva", "**Geneva**"), 2.1),
            ("What is on the table", "Three questions decide the talks.", 4),
            ("The road to the talks", "How the two sides got here.", 30),
        ]))
    Config(watch=["Geneva"]).save()


async def french(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    await shoot(out, "fr-liveblog", (100, 30), ["j", "j", "s"])
    await shoot(out, "fr-help", (100, 30), ["question_mark"])


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--french"]
    target = Path(args[0]) if args else ROOT / "screenshots"
    with tempfile.TemporaryDirectory() as home:  # a new user's seeded library
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = str(Path(home) / var.lower())
        os.environ.pop("NO_COLOR", None)
        for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            os.environ.pop(var, None)
        if "--french" in sys.argv:
            asyncio.run(french(target.resolve()))
        else:
            os.environ["LANG"] = "C.UTF-8"
            asyncio.run(main(target.resolve()))
            subprocess.run([sys.executable, __file__, "--french", str(target.resolve())],
                           env={**os.environ, "LANG": "fr_FR.UTF-8"}, check=True)

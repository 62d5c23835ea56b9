"""The live river over a big library: the time to read the river's view
(row ids, the first rows, counts) and the time of a cursor move in the real
app, on a library of N entries over 50 live blogs (default 1,000,000),
filled with plain SQL inserts (saving through merge_page would take
minutes), 1% of them wire items every blog carries. Prints; asserts nothing.

    python tests/bench/bench_river.py [--entries 1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.app.app import NewsReaderApp  # noqa: E402
from tui.app.view_key import ViewKey  # noqa: E402
from tui.app.views import read_view  # noqa: E402
from tui.config import Config  # noqa: E402
from tui.library import Library  # noqa: E402

BLOGS = 50


def fill(path: Path, entries: int) -> None:
    with Library.open(path, seed=False) as library:
        conn = library._conn
        now = time.time()
        conn.execute("BEGIN IMMEDIATE")
        for b in range(BLOGS):
            conn.execute(
                "INSERT INTO pages (id, key, url, source, kind, title, added_at, saved_at,"
                " fetch_url) VALUES (?, ?, ?, ?, 'liveblog', ?, ?, ?, ?)",
                (b + 1, f"k{b}", f"https://news{b}.example/live", f"Wire {b}",
                 f"Live: story {b}", now, now, f"https://news{b}.example/live"))
        per = entries // BLOGS
        # Every 100th update is a wire item all the blogs carry (1% of the
        # rows): the river shows each once.
        rows = ((b + 1, f"e{b}-{i}", per - i, f"{2024 + 0}-05-02T10:00:00+00:00",
                 f"Update {i} of story {b} about the talks", "Body text of the update.",
                 now - (i * 60 + b), now, f"wire{i}" if i % 100 == 0 else None,
                 int(i % 100 == 0))
                for b in range(BLOGS) for i in range(per))
        conn.executemany(
            "INSERT INTO entries (page_id, entry_id, position, time, headline, body,"
            " sort_ts, first_seen, text_key, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows)
        conn.execute("COMMIT")


async def moves(path: Path, key: ViewKey) -> list[float]:
    app = NewsReaderApp(path, config=Config(mark_read_after=None))
    app.follow_tick = 3600
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        reader = app.reader_screen
        start = time.perf_counter()
        reader.load_view(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(f"  {key} view in the app   {time.perf_counter() - start:.2f} s "
              f"({reader.entry_list.entry_count:,} entries)")
        for _ in range(20):
            await pilot.pause(0.1)  # not a held key: each move draws its entry
            start = time.perf_counter()
            await pilot.press("j")  # the key handled: list moved, entry drawn
            times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "river.sqlite3"
        start = time.perf_counter()
        fill(path, args.entries)
        print(f"{args.entries:,} entries over {BLOGS} live blogs, "
              f"built in {time.perf_counter() - start:.0f} s")
        with Library.open(path, read_only=True) as library:
            for _ in range(2):
                start = time.perf_counter()
                loaded = read_view(library, ViewKey("live"), None, None, with_sidebar=True)
                took = time.perf_counter() - start
            print(f"  river read (ids, first rows, counts)  {took:.2f} s "
                  f"for {len(loaded.items):,} entries")
        for key in (ViewKey("live"), ViewKey.page(1)):  # a page: the same measure, to compare
            times = asyncio.run(moves(path, key))
            print(f"  j in {key!s:<10} median {statistics.median(times):.1f} ms, "
                  f"max {max(times):.1f} ms (20 moves; the key handled, entry drawn)")


if __name__ == "__main__":
    main()

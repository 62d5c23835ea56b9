"""Library benchmark: a temp library of 100,000 entries, then the figures the
app and the CLI depend on. A plain script, not a test (no asserts on times):

    python tests/bench/bench_library.py [--entries N]

Targets on the reference machine: search under 50 ms, `list` under 100 ms.
Prints the machine's load average: figures taken under load are slower.

The text is drawn from a vocabulary of ~50 news words plus rare filler words,
so every query word below is in about a third of all entries: a worst case
for ranking (bm25 scores every match), harder than real pages.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.library import EntryFilter, Library
from tui.model import Entry, Page, PageKind

PAGE_SIZE = 500
WORDS = ("Téhéran Washington Gaza Israël États-Unis négociations cessez-le-feu otages armée "
         "missile frappe diplomatie Netanyahou Trump Iran Liban Hezbollah Hamas ONU Europe "
         "sanctions nucléaire accord réunion ministre président gouvernement parlement vote "
         "élection manifestation sécurité frontière réfugiés aide humanitaire conférence "
         "sommet déclaration porte-parole journalistes témoignage bilan victimes blessés").split()
TOPICS = [f"Sujet {i}" for i in range(40)] + ["Iran", "Gaza", "États-Unis", "Liban"]


def make_page(rng: random.Random, n: int, size: int, start: datetime) -> Page:
    vocab = WORDS + [f"mot{rng.randrange(20000)}" for _ in range(200)]
    entries = []
    for i in range(size):
        headline = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 12)))
        body = " ".join(rng.choice(vocab) for _ in range(rng.randint(40, 160)))
        entries.append(Entry(
            id=f"{n}-{i}", position=i, headline=headline.capitalize(), body_markdown=body,
            time=start - timedelta(minutes=i * 3), time_text=None,
            topics=tuple(rng.sample(TOPICS, rng.randint(1, 3))),
        ))
    return Page(kind=PageKind.LIVEBLOG, title=f"Live blog {n}: {rng.choice(WORDS)}",
                entries=tuple(entries), url=f"https://bench.example/live/{n}",
                source="Bench News", published=start - timedelta(hours=30))


def timed(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time in ms."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data" / "newsreader" / "library.sqlite3"  # where the CLI looks
        lib = Library.open(path, seed=False)
        pages = args.entries // PAGE_SIZE
        base = datetime(2026, 2, 11, 12, tzinfo=UTC)
        t0 = time.perf_counter()
        for n in range(pages - 1):
            lib.save_page(make_page(rng, n, PAGE_SIZE, base - timedelta(days=n)))
        build = time.perf_counter() - t0
        last = make_page(rng, pages - 1, PAGE_SIZE, base + timedelta(days=1))
        t = time.perf_counter()
        result = lib.save_page(last, raw=b"<html>" + b"x" * 500_000 + b"</html>")
        add_ms = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        again = lib.save_page(last)
        readd_ms = (time.perf_counter() - t) * 1000
        total = len(lib.entry_rowids(EntryFilter()))
        print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print(f"library: {total:,} entries in {pages} pages (built in {build:.1f} s)")
        print(f"add a {PAGE_SIZE}-entry page: {add_ms:.0f} ms ({result.added} new); "
              f"re-add unchanged: {readd_ms:.0f} ms ({again.added} new)")

        queries = ["teheran", "etats-unis", "négociations otages", '"cessez-le-feu"',
                   "mot1234", "diplomatie sanctions nucléaire", "netan", "Hezbollah Liban"]
        # The two ways search is used: the CLI prints 20 hits with snippets,
        # the app lists up to 200 hits by row. Both rank a word found in more
        # than RANK_WINDOW entries among its newest matches.
        paths = {
            "CLI: 20 hits + snippets": lambda q: lib.search(q, limit=20),
            "app: 200 hits, no snippets": lambda q: lib.search(q, limit=200, snippets=False),
            "200 hits + snippets": lambda q: lib.search(q, limit=200),
        }
        per_path = {name: {q: timed(lambda q=q, f=f: f(q)) for q in queries}
                    for name, f in paths.items()}
        print(f"search (median over {len(queries)} queries, each a word in ~1/3 of entries):")
        for name, per_query in per_path.items():
            print(f"    {name:28} {statistics.median(per_query.values()):6.1f} ms"
                  f"  (max {max(per_query.values()):.1f})")
        print("    per query (CLI / app / 200+snippets):")
        for q in queries:
            ms = " / ".join(f"{per_path[n][q]:5.1f}" for n in paths)
            print(f"    {q!r:34} {ms} ms  {len(lib.search(q, limit=200, snippets=False))} hits")
        print(f"list (Library.pages): {timed(lib.pages):.1f} ms for {len(lib.pages())} pages")
        print(f"topics (all): {timed(lib.topics):.1f} ms")
        for name, flt in [("All", EntryFilter()), ("Unread", EntryFilter(unread_only=True)),
                          ("Starred", EntryFilter(starred_only=True)),
                          ("topic Iran", EntryFilter(topic="Iran")),
                          ("one page", EntryFilter(page_id=result.page_id))]:
            n = len(lib.entry_rowids(flt))
            print(f"entry_rowids {name}: {timed(lambda f=flt: lib.entry_rowids(f)):.1f} ms "
                  f"({n:,} ids)")
        ids = lib.entry_rowids(EntryFilter())
        middle = ids[len(ids) // 2: len(ids) // 2 + 50]
        print(f"entry_rows 50 rows: {timed(lambda: lib.entry_rows(middle)):.2f} ms")
        print(f"entry_detail: {timed(lambda: lib.entry_detail(middle[0])):.2f} ms")
        print(f"set_read 500 rows: {timed(lambda: lib.set_read(ids[:500]), 3):.1f} ms")
        lib.close()

        env = {"XDG_DATA_HOME": str(Path(tmp) / "data"), "XDG_CACHE_HOME": str(Path(tmp) / "c"),
               "HOME": tmp, "PATH": "/usr/bin:/bin"}
        for name, cmd in [("newsreader list", ["list"]),
                          ("newsreader search teheran", ["search", "teheran"])]:
            def run(cmd: list[str] = cmd) -> None:
                subprocess.run([sys.executable, "-m", "tui.cli", *cmd], env=env, check=True,
                               stdout=subprocess.DEVNULL)
            print(f"{name} (whole process, Python start-up included): {timed(run, 3):.0f} ms")
        size = path.stat().st_size + sum(p.stat().st_size for p in path.parent.glob("*-wal"))
        print(f"database size: {size / 2**20:.1f} MB ({size / total:.0f} bytes per entry)")


if __name__ == "__main__":
    main()

"""Hostile shapes that were quadratic, timed at the size of their test in
tests/test_linear_time.py and at ten times it: a ratio near 10 is linear
(quadratic would be 100). No asserts.

    .venv/bin/python tests/bench/bench_hostile.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_linear_time import attributes_page  # noqa: E402

from tui.ingest import parse  # noqa: E402
from tui.ingest.markdown.plain import escape_markdown  # noqa: E402
from tui.ingest.topics import names_in  # noqa: E402
from tui.library import Library  # noqa: E402
from tui.model import Entry, Page, PageKind, entry_id  # noqa: E402


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def search_repeats(lib: Library, n: int) -> Callable[[], object]:
    url = f"https://example.org/{n}"
    lib.save_page(Page(kind=PageKind.ARTICLE, title=f"Talks {n}", url=url, entries=(
        Entry(id=entry_id(url, "Talks", None), position=0, headline="Talks",
              body_markdown="ceasefire " * n),)))
    return lambda: lib.search("ceasefire", limit=20)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "bench.sqlite3", seed=False)
        shapes: list[tuple[str, Callable[[int], Callable[[], object]], int, str]] = [
            ("topic names, one word of capitals", lambda n: lambda: names_in("A" * n),
             200_000, "chars"),
            ("topic names, 'Ab' repeated", lambda n: lambda: names_in("Ab" * (n // 2)),
             200_000, "chars"),
            ("search snippet, one entry repeating the word",
             lambda n: search_repeats(lib, n), 40_000, "repeats"),
            ("escape_markdown, a run of _", lambda n: lambda: escape_markdown("_" * n),
             2_600_000, "chars"),
            ("escape_markdown, '[_' repeated", lambda n: lambda: escape_markdown("[_" * (n // 2)),
             400_000, "chars"),
            ("parse, one element with many attributes",
             lambda n: lambda: parse(attributes_page(n).encode()), 80_000, "attributes"),
        ]
        print(f"{'shape':48} {'size':>22} {'time':>9} {'10x size':>12} {'time':>9} {'ratio':>6}")
        for name, make, size, unit in shapes:
            small = seconds(make(size))
            big = seconds(make(size * 10))
            print(f"{name:48} {size:>13,} {unit:<8} {small:8.3f}s {size * 10:>12,} "
                  f"{big:8.3f}s {big / max(small, 1e-9):6.1f}")
        lib.close()


if __name__ == "__main__":
    main()

"""Hostile shapes that were quadratic, timed at the size of their test in
tests/test_linear_time.py and at ten times it: a ratio near 10 is linear
(quadratic would be 100). Then a 20 MB page of each hostile shape through
the whole parse, in seconds per MB (the target: under 2). No asserts.

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
    print()
    print(f"{'20 MB page':48} {'MB':>6} {'time':>9} {'s/MB':>7} {'entries':>8}")
    mb = 20 * 1024 * 1024
    for name, data in hostile_pages(mb):
        start = time.perf_counter()
        try:
            page = parse(data)
            entries = str(len(page.entries))
        except Exception as exc:  # IngestError: refused in one line
            entries = type(exc).__name__
        took = time.perf_counter() - start
        size = len(data) / 1024 / 1024
        print(f"{name:48} {size:6.1f} {took:8.2f}s {took / size:7.3f} {entries:>8}")


def hostile_pages(size: int) -> list[tuple[str, bytes]]:
    """A page of about `size` bytes of each hostile shape."""
    def fill(unit: bytes, head: bytes = b"<html><body>", tail: bytes = b"") -> bytes:
        return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail

    return [
        ("deep nesting (<div> in <div> ...)", fill(b"<div>", tail=b"x")),
        ("one text node", fill(b"word ", b"<html><body><p>", b"</p>")),
        ("many <time> elements", fill(b"<time datetime='2024-01-01T10:00Z'>10:00</time>")),
        ("many attributes on one element",
         b"<p " + b" ".join(b"a%d=1" % i for i in range(size // 9)) + b">x</p>"),
        ("one long word of capitals", fill(b"A", b"<html><body><p>", b"</p>")),
        ("a run of _", fill(b"_", b"<html><body><p>", b"</p>")),
        ("escape sequences", fill(b"\x1b[2J\x1b]52;c;AAAA\x07", tail=b"<p>text</p>")),
        ("unclosed tags", fill(b"<p><b><i>x")),
        ("bold clock lead-ins, no entry markup",
         fill(b"<p><strong>16.06</strong> Something happened.</p>")),
    ]


if __name__ == "__main__":
    main()

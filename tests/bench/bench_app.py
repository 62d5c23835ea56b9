"""Benchmark the reader as people run it: `newsreader` in a pseudo-terminal.

    python tests/bench/bench_app.py [--entries 100000] [--moves 15]

For the seeded library of a new user and for a generated library of
100,000 entries (100 live blogs of 1,000), prints:
- time from process start to the first screen (the first entry's headline
  written to the terminal);
- what a `j` keypress costs: time to the first frame (list + header) and to
  the last (the Markdown body), and the bytes written to the terminal, split
  into the entry list's rows and the rest (the detail pane);
- switching to "All" (every entry of the library) from the sidebar;
- memory (RSS, peak).
Figures only; no asserts (targets: first screen < 0.8 s, keypress < 20 ms,
<= 1 KB per cursor move).
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from demo_library import build  # noqa: E402

from tui.library import EntryFilter, Library  # noqa: E402

COLS, ROWS = 100, 30
MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")


class Terminal:
    """`newsreader` on the slave side of a pty of COLS x ROWS."""

    def __init__(self, env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tui.cli"], stdin=slave, stdout=slave, stderr=slave,
            env=env, start_new_session=True, cwd=ROOT)
        os.close(slave)
        self.fd = master
        self.buffer = bytearray()

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return b""
        self.buffer += data
        return data

    def wait_for(self, text: str, timeout: float = 30.0, since: int = 0) -> float:
        """Seconds since start when `text` first appeared in the output."""
        needle = text.encode()
        deadline = time.perf_counter() + timeout
        while self.buffer.find(needle, since) < 0:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{text!r} never appeared")
            self.read(0.05)
        return time.perf_counter() - self.start

    def quiet(self, gap: float = 0.3, limit: float = 10.0) -> None:
        deadline = time.perf_counter() + limit
        while self.read(gap) and time.perf_counter() < deadline:
            pass

    def key(self, key: bytes, gap: float = 0.12) -> tuple[float, float, bytes]:
        """Send a key; (time to first output, time to last output, output)."""
        self.quiet(0.15)
        mark = len(self.buffer)
        sent = time.perf_counter()
        os.write(self.fd, key)
        first = last = None
        while True:
            data = self.read(gap)
            if not data:
                if first is not None or time.perf_counter() - sent > 5:
                    break
                continue
            now = time.perf_counter()
            first = first if first is not None else now
            last = now
        out = bytes(self.buffer[mark:])
        if first is None or last is None:
            return float("nan"), float("nan"), out
        return first - sent, last - sent, out

    def memory(self) -> tuple[int, int]:
        """(RSS, peak RSS) in kB of the app process."""
        values = {}
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith(("VmRSS", "VmHWM")):
                    values[line.split(":")[0]] = int(line.split()[1])
        return values.get("VmRSS", 0), values.get("VmHWM", 0)

    def close(self) -> None:
        try:
            os.write(self.fd, b"q")
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        os.close(self.fd)


def split_bytes(output: bytes, area: tuple[range, range]) -> tuple[int, int]:
    """Bytes that went to the entry list and to the rest, by cursor moves."""
    list_rows, list_cols = area
    in_list = elsewhere = 0
    moves = list(MOVE.finditer(output))
    if not moves:
        return 0, len(output)
    elsewhere += moves[0].start()
    for here, after in zip(moves, moves[1:] + [None], strict=True):
        end = after.start() if after is not None else len(output)
        row, col = int(here.group(1)) - 1, int(here.group(2)) - 1
        if row in list_rows and col in list_cols:
            in_list += end - here.start()
        else:
            elsewhere += end - here.start()
    return in_list, elsewhere


def list_area(env: dict[str, str]) -> tuple[range, range]:
    """Where the entry list sits at COLS x ROWS (asked of the app itself)."""
    os.environ.update(env)
    from tui.app.app import NewsReaderApp

    async def ask() -> tuple[range, range]:
        app = NewsReaderApp()
        async with app.run_test(size=(COLS, ROWS)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            region = app.entry_list.region
            return (range(region.y, region.y + region.height),
                    range(region.x, region.x + region.width))

    return asyncio.run(ask())


def first_headline(db: Path) -> str:
    with Library.open(db, seed=False) as library:
        pages = library.pages()
        live = [p for p in pages if p.kind == "liveblog"]  # what the app opens on
        rowids = library.entry_rowids(EntryFilter(page_id=(live or pages)[0].id))
        headline = library.entry_rows(rowids[:1])[0].headline
    return " ".join(headline.split())[:12]


def run(label: str, home: Path, moves: int) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               TERM="xterm-256color", COLUMNS=str(COLS), LINES=str(ROWS))
    db = home / "data" / "newsreader" / "library.sqlite3"
    with Library.open(db) as library:  # seeds a new library, as a first start would
        entries = sum(p.entries for p in library.pages())
    if not entries:
        print(f"\n{label}: the library is empty (do the seeds parse?); skipped")
        return
    area = list_area(env)
    headline = first_headline(db)

    term = Terminal(env)
    try:
        first_screen = term.wait_for(headline)
        term.quiet()
        rss_start, _ = term.memory()
        firsts, lasts, list_bytes, other_bytes = [], [], [], []
        for _ in range(moves):
            first, last, out = term.key(b"j")
            in_list, elsewhere = split_bytes(out, area)
            firsts.append(first * 1000)
            lasts.append(last * 1000)
            list_bytes.append(in_list)
            other_bytes.append(elsewhere)
        # hold j down: 30 moves 15 ms apart, the body waits for the cursor to stop
        term.quiet(0.15)
        mark = len(term.buffer)
        for _ in range(30):
            os.write(term.fd, b"j")
            time.sleep(0.015)
        term.quiet(0.3)
        held = len(term.buffer) - mark
        # All, from the sidebar: shift+tab to it, g for "All"
        term.key(b"\x1b[Z")
        sent = time.perf_counter()
        mark = len(term.buffer)
        os.write(term.fd, b"g")
        term.wait_for(f"{entries:,} entries", since=mark)
        all_view = time.perf_counter() - sent
        term.quiet()
        rss, peak = term.memory()
    finally:
        term.close()

    print(f"\n{label}: {entries:,} entries, {COLS}x{ROWS}")
    print(f"  first screen          {first_screen:.2f} s from process start")
    print(f"  j, first frame        median {statistics.median(firsts):.1f} ms "
          f"(max {max(firsts):.1f}) — list and header")
    print(f"  j, last frame         median {statistics.median(lasts):.1f} ms "
          f"(max {max(lasts):.1f}) — Markdown body rendered")
    print(f"  bytes per j           list {statistics.median(list_bytes):.0f} B, "
          f"detail {statistics.median(other_bytes):.0f} B (medians)")
    print(f"  j held (30 in 0.45 s) {held / 30:.0f} B per move")
    print(f"  All view              {all_view * 1000:.0f} ms to list every entry")
    print(f"  memory                {rss_start / 1024:.0f} MB at first screen, "
          f"{rss / 1024:.0f} MB after, peak {peak / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--moves", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        run("seeds", seeds, args.moves)
        big = Path(tmp) / "big"
        db = big / "data" / "newsreader" / "library.sqlite3"
        db.parent.mkdir(parents=True)
        started = time.perf_counter()
        build(db, args.entries)
        print(f"\n(built {args.entries:,} entries in {time.perf_counter() - started:.0f} s)")
        run("generated", big, args.moves)


if __name__ == "__main__":
    main()

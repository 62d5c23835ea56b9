"""Benchmark the reader as people run it: `newsreader` in a pseudo-terminal.

    python tests/bench/bench_app.py [--entries 100000] [--moves 15]

For the seeded library of a new user and for a generated library of
100,000 entries (100 live blogs of 1,000), prints:
- time from process start to the first screen (the first entry's headline
  written to the terminal);
- what a `j` keypress costs: time from the key to the frame (list and
  detail are drawn in one frame), and the bytes written to the terminal,
  by where they land: the entry list's rows, the sidebar (unread counts, sent
  once the cursor has rested 0.5 s, so they are waited for), the rest; and,
  separately, one redraw of the detail pane: a new entry's text necessarily
  costs about its own size on screen, so it is reported, not budgeted;
- `j` held down (30 moves 15 ms apart): bytes per move by area (the detail
  is drawn for the first entry and for the one the cursor stops on);
- switching to "All" (every entry of the library) from the sidebar;
- memory (RSS, peak).
Figures only; no asserts (targets: first screen < 0.8 s, keypress < 20 ms,
<= 1 KB per cursor move). The machine's load average is printed with them.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import re
import select
import shutil
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
sys.path.insert(0, str(ROOT / "tests"))

from conftest import user_env  # noqa: E402
from demo_library import build  # noqa: E402

from tui.library import EntryFilter, Library  # noqa: E402
from tui.pipeline.seeding import open_library  # noqa: E402

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


def split_bytes(output: bytes, areas: dict[str, tuple[range, range]]) -> dict[str, int]:
    """Bytes of `output` by the area (name -> rows, columns) each cursor
    move lands in; "other" for the rest."""
    split = dict.fromkeys([*areas, "other"], 0)
    moves = list(MOVE.finditer(output))
    if not moves:
        split["other"] = len(output)
        return split
    split["other"] += moves[0].start()
    for here, after in zip(moves, moves[1:] + [None], strict=True):
        end = after.start() if after is not None else len(output)
        row, col = int(here.group(1)) - 1, int(here.group(2)) - 1
        name = next((name for name, (rows, cols) in areas.items()
                     if row in rows and col in cols), "other")
        split[name] += end - here.start()
    return split


def areas(env: dict[str, str]) -> dict[str, tuple[range, range]]:
    """Where the list, the detail and the sidebar sit at COLS x ROWS (asked
    of the app itself)."""
    os.environ.update(env)
    from tui.app.app import NewsReaderApp

    async def ask() -> dict[str, tuple[range, range]]:
        app = NewsReaderApp()
        async with app.run_test(size=(COLS, ROWS)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            found = {}
            reader = app.reader_screen
            for name, widget in (("list", reader.entry_list), ("detail", reader.entry_view),
                                 ("sidebar", reader.sidebar)):
                region = widget.region
                found[name] = (range(region.y, region.y + region.height),
                               range(region.x, region.x + region.width))
            return found

    return asyncio.run(ask())


def first_headline(db: Path) -> str:
    with Library.open(db, seed=False) as library:
        pages = library.pages()
        live = [p for p in pages if p.kind == "liveblog"]  # what the app opens on
        flt = EntryFilter(live=True) if library.reader_state().get("view") == "live" \
            else EntryFilter(page_id=(live or pages)[0].id)  # the river, when left there
        rowids = library.entry_rowids(flt)
        headline = library.entry_rows(rowids[:1])[0].headline
    return " ".join(headline.split())[:12]


def run(label: str, home: Path, moves: int) -> None:
    env = user_env(home, TERM="xterm-256color", COLUMNS=str(COLS), LINES=str(ROWS))
    db = home / "data" / "newsreader" / "library.sqlite3"
    with open_library(db) as library:  # seeds a new library, as a first start would
        entries = sum(p.entries for p in library.pages())
    if not entries:
        print(f"\n{label}: the library is empty (do the seeds parse?); skipped")
        return
    where = areas(env)
    headline = first_headline(db)

    term = Terminal(env)
    try:
        first_screen = term.wait_for(headline)
        term.quiet()
        rss_start, _ = term.memory()
        frames, per_move = [], []
        for _ in range(moves):
            # wait out the sidebar's counts (0.5 s after the cursor rests)
            first, _last, out = term.key(b"j", gap=0.7)
            if out:  # at the end of the list j does nothing
                frames.append(first * 1000)
                per_move.append(split_bytes(out, where))
        # hold j down: 30 moves 15 ms apart; the detail waits for the cursor to stop
        term.quiet(0.7)
        mark = len(term.buffer)
        for _ in range(30):
            os.write(term.fd, b"j")
            time.sleep(0.015)
        term.quiet(0.7)
        held = split_bytes(bytes(term.buffer[mark:]), where)
        # All, from the sidebar: shift+tab to it, g for its first line, j
        # past "◉ Live" when there is one
        with Library.open(db, read_only=True) as library:
            keys = b"gj" if library.count_entries(EntryFilter(live=True)) else b"g"
        term.key(b"\x1b[Z")
        sent = time.perf_counter()
        mark = len(term.buffer)
        os.write(term.fd, keys)
        term.wait_for(f"{entries:,} entries", since=mark)
        all_view = time.perf_counter() - sent
        term.quiet()
        rss, peak = term.memory()
    finally:
        term.close()

    def median(name: str) -> float:
        return statistics.median(move[name] for move in per_move)

    chrome = median("list") + median("sidebar") + median("other")
    print(f"\n{label}: {entries:,} entries, {COLS}x{ROWS}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"  first screen          {first_screen:.2f} s from process start")
    print(f"  j, to the frame       median {statistics.median(frames):.1f} ms "
          f"(max {max(frames):.1f}, {len(frames)} moves) — list and detail in one frame")
    print(f"  bytes per j           {chrome:.0f} B: list {median('list'):.0f} B, "
          f"sidebar {median('sidebar'):.0f} B, other {median('other'):.0f} B (medians)")
    print(f"  detail, one redraw    {median('detail'):.0f} B (median) — a new entry's "
          "text costs about its own size on screen")
    print(f"  j held (30 in 0.45 s) list {held['list'] / 30:.0f} B, sidebar "
          f"{held['sidebar'] / 30:.0f} B, other {held['other'] / 30:.0f} B per move; "
          f"detail {held['detail']:,} B in all")
    print(f"  All view              {all_view * 1000:.0f} ms to list every entry")
    print(f"  memory                {rss_start / 1024:.0f} MB at first screen, "
          f"{rss / 1024:.0f} MB after, peak {peak / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--moves", type=int, default=15)
    parser.add_argument("--river", type=int, default=0, metavar="ENTRIES",
                        help="also measure the live river over a library of ENTRIES "
                        "entries in 50 live blogs (tests/bench/bench_river.py fills it)")
    parser.add_argument("--library", type=Path,
                        help="a generated library to copy instead of building one "
                        "(scripts/demo_library.py PATH ENTRIES)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        run("seeds", seeds, args.moves)
        big = Path(tmp) / "big"
        db = big / "data" / "newsreader" / "library.sqlite3"
        db.parent.mkdir(parents=True)
        if args.library is not None:
            shutil.copyfile(args.library, db)
        else:
            started = time.perf_counter()
            build(db, args.entries)
            print(f"\n(built {args.entries:,} entries in "
                  f"{time.perf_counter() - started:.0f} s)")
        run("generated", big, args.moves)
        if args.river:
            run_river(Path(tmp) / "river", args.river, args.moves)


def run_river(home: Path, entries: int, moves: int) -> None:
    """The reader left on the river ("◉ Live") of a big library, reopened."""
    from bench_river import fill

    from tui.app.resume import Start
    from tui.app.view_key import ViewKey

    db = home / "data" / "newsreader" / "library.sqlite3"
    db.parent.mkdir(parents=True)
    started = time.perf_counter()
    fill(db, entries)
    with Library.open(db, seed=False) as library:
        library.save_reader_state(Start(ViewKey("live")).to_state())
    print(f"\n(built {entries:,} entries in 50 live blogs in "
          f"{time.perf_counter() - started:.0f} s)")
    run("river", home, moves)


if __name__ == "__main__":
    main()

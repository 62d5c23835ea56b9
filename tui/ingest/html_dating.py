"""Times for live-blog entries found in the DOM.

An entry has an absolute time (a `data-*` epoch, a `<time datetime>`), or
only a printed clock ("9h05") and perhaps a day header above it. Clocks get
their date from the day header, else from the page's own latest date,
walking back a day when the clock jumps the wrong way (past midnight).
Nothing is made up: without any date to lean on, an entry keeps time=None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from tui.ingest.dates import at_clock
from tui.ingest.html_liveblog import DomEntry

ROLLOVER = timedelta(hours=3)  # a clock jumping the wrong way by more: another day
SLACK = timedelta(hours=1)  # an entry may be stamped a little after the page's date


def _minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


def calibrate(entries: Sequence[DomEntry]) -> None:
    """When entries give an instant (epoch) and print a clock, the printed
    clock is the page's wall clock: shift the instants to the offset that
    makes them agree, if most entries agree on one."""
    diffs: Counter[int] = Counter()
    for entry in entries:
        printed = entry.extra.get("printed_clock")
        if entry.time is None or not isinstance(printed, time):
            continue
        diff = (_minutes(printed) - _minutes(entry.time.time())) % 1440
        if diff > 720:
            diff -= 1440
        diffs[diff] += 1
    if not diffs:
        return
    diff, count = diffs.most_common(1)[0]
    if diff == 0 or diff % 15 or count * 2 <= sum(diffs.values()):
        return
    for entry in entries:
        if entry.time is not None:
            offset = (entry.time.utcoffset() or timedelta(0)) + timedelta(minutes=diff)
            entry.time = entry.time.astimezone(timezone(offset))


def _descending(clocks: list[time]) -> bool:
    down = up = 0
    for a, b in zip(clocks, clocks[1:], strict=False):
        if a > b:
            down += 1
        elif a < b:
            up += 1
    return down >= up


def date_clocks(entries: Sequence[DomEntry], reference: datetime | None, tz: tzinfo) -> None:
    """Give clock-only entries a date (in place)."""
    pending = [e for e in entries if e.time is None and e.clock is not None]
    if not pending:
        return
    for entry in pending:
        if entry.day is not None and entry.clock is not None:
            entry.time = at_clock(entry.day, entry.clock, tz)
    undated = [e for e in pending if e.time is None]
    if not undated or reference is None:
        return
    reference = reference.astimezone(tz)
    clocks = [e.clock for e in undated if e.clock is not None]
    order = undated if _descending(clocks) else list(reversed(undated))
    day: date = reference.date()
    previous: time | None = None
    for entry in order:
        clock = entry.clock
        assert clock is not None
        if previous is None:
            stamp = datetime.combine(day, clock, tzinfo=reference.tzinfo)
            if stamp > reference + SLACK:
                day -= timedelta(days=1)
        elif _minutes(clock) - _minutes(previous) > ROLLOVER.total_seconds() / 60:
            day -= timedelta(days=1)
        entry.time = at_clock(day, clock, tz)
        previous = clock

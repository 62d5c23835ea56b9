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
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from tui.ingest.dates import at_clock
from tui.ingest.html.entry import DomEntry, steps

ROLLOVER = timedelta(hours=3)  # a clock jumping the wrong way by more: another day
SLACK = timedelta(hours=1)  # an entry may be stamped a little after the page's date


def _minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


def _clock_gap(printed: time, instant: datetime) -> int:
    """Minutes from an instant's wall clock to a printed clock, in -720..720."""
    diff = (_minutes(printed) - _minutes(instant.time())) % 1440
    return diff - 1440 if diff > 720 else diff


def calibrate(entries: Sequence[DomEntry]) -> None:
    """When entries give instants (epoch, ISO) and print a clock, the printed
    clock is the page's wall clock, and the entry's time is the one the
    reader sees: find the offset that makes most entries' printed clocks
    agree with one of their instants (posted or updated), then give each
    entry that instant, in that offset (or, when the printed clock is the
    instant's UTC clock, the printed clock in the page's zone)."""
    gaps: Counter[int] = Counter()
    printed_entries = 0
    for entry in entries:
        printed = entry.extra.get("printed_clock")
        if entry.time is None or not isinstance(printed, time):
            continue
        printed_entries += 1
        instants = entry.extra.get("instants") or (entry.time,)
        gaps.update({_clock_gap(printed, t) for t in instants})  # type: ignore[attr-defined]
    if not gaps:
        return
    gap, count = gaps.most_common(1)[0]
    if gap % 15 or count * 2 <= printed_entries:
        return
    for entry in entries:
        if entry.time is None:
            continue
        printed = entry.extra.get("printed_clock")
        if isinstance(printed, time):
            instants = entry.extra.get("instants") or (entry.time,)
            entry.time = next((t for t in instants  # type: ignore[attr-defined]
                               if _clock_gap(printed, t) == gap), entry.time)
        if not gap:
            continue
        offset = entry.time.utcoffset() or timedelta(0)
        if timedelta(minutes=-gap) == offset:
            # The printed clock is the instant's UTC clock, on a page whose zone
            # is not UTC: the page wrote its own wall clock with a false "Z".
            entry.time = entry.time.astimezone(UTC).replace(tzinfo=entry.time.tzinfo)
        else:  # the instants are right, the page's clock is in another offset
            entry.time = entry.time.astimezone(timezone(offset + timedelta(minutes=gap)))


def _descending(clocks: list[time]) -> bool:
    down, up = steps(clocks)
    return down >= up


def date_clocks(entries: Sequence[DomEntry], reference: datetime | date | None,
                tz: tzinfo) -> None:
    """Give clock-only entries a date (in place), each in its stated zone or
    the page's. `reference` is the page's latest moment, or its latest day
    when it gives no time."""
    pending = [e for e in entries if e.time is None and e.clock is not None]
    if not pending:
        return
    for entry in pending:
        if entry.day is not None and entry.clock is not None:
            entry.time = at_clock(entry.day, entry.clock, entry.zone or tz)
    undated = [e for e in pending if e.time is None]
    if not undated or reference is None:
        return
    latest = reference.astimezone(tz) if isinstance(reference, datetime) else None
    clocks = [e.clock for e in undated if e.clock is not None]
    order = undated if _descending(clocks) else list(reversed(undated))
    day: date = latest.date() if latest is not None else reference  # type: ignore[assignment]
    previous: datetime | None = None
    for entry in order:
        clock = entry.clock
        assert clock is not None
        stamp = at_clock(day, clock, entry.zone or tz)
        if previous is None:
            if latest is not None and stamp > latest + SLACK:
                day -= timedelta(days=1)
        elif stamp - previous > ROLLOVER:  # (instants: zones may change down the page)
            day -= timedelta(days=1)
        entry.time = at_clock(day, clock, entry.zone or tz)
        previous = entry.time

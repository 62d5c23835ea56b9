"""Clocks: whether a page's stamps run one way, and each entry's time from its
printed clock and the page's dates."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

from tui.ingest.dates import at_clock
from tui.ingest.textdump.fill import Body


def dial(a: time, b: time) -> int:
    """Minutes between two clocks the short way round the dial."""
    diff = abs(a.hour * 60 + a.minute - b.hour * 60 - b.minute)
    return min(diff, 1440 - diff)


def _steps(clocks: list[time]) -> tuple[int, int]:
    """How many steps from one clock to the next go forward and how many back,
    each the short way round the dial (23.46 after 00.04 is 18 minutes back);
    a step of more than six hours either way says nothing."""
    ups = downs = 0
    for a, b in zip(clocks, clocks[1:], strict=False):
        diff = (b.hour * 60 + b.minute - a.hour * 60 - a.minute) % 1440
        ups += 0 < diff <= 360
        downs += diff >= 1080
    return ups, downs


def in_order(clocks: list[time]) -> float:
    """The share of steps that go the page's main way (up or down)."""
    ups, downs = _steps(clocks)
    return max(ups, downs) / (ups + downs) if ups + downs else 0.0


# A live blog's stamps run one way (newest or oldest first), give or take an
# updated entry; comments and rails of teasers do not.
MIN_ORDER = 0.75
_AGO = re.compile(r"(\d+)\s*(m|min|minutes?|h|hrs?|hours?|d|days?)\b", re.IGNORECASE)
_AGO_MINUTES = {"m": 1, "h": 60, "d": 1440}


def stamps_in_order(bodies: list[Body]) -> float:
    """How steadily the entries' clocks (or their ages, "32M ago") run one
    way: 1.0 in order, near 0.5 for stamps in no order; 1.0 for fewer than
    five (too few to tell)."""
    clocks = [b.clock for b in bodies if b.clock is not None]
    if len(clocks) >= 5:
        return in_order(clocks)
    ages = [int(m[1]) * _AGO_MINUTES[m[2][0].lower()]
            for b in bodies if b.minute is None and (m := _AGO.match(b.time_text or ""))]
    older = sum(a < b for a, b in zip(ages, ages[1:], strict=False))
    newer = sum(a > b for a, b in zip(ages, ages[1:], strict=False))
    return max(older, newer) / (older + newer) if older + newer >= 4 else 1.0


_Moment = datetime | date | None


def assign_times(bodies: list[Body], anchors: tuple[_Moment, _Moment], zone: tzinfo) -> None:
    """Each entry's time from its printed clock: the day it prints (or a day
    header above it), else the day that keeps it nearest the entry before it
    in the page's order (which carries it over midnight), else, for the first,
    the page's date: its last update on a newest-first page, else its start."""
    clocks = [b.clock for b in bodies if b.clock is not None]
    down = _descending(clocks)
    anchor = anchors[0] if down else anchors[1]
    previous: datetime | None = None
    for body in bodies:
        if body.clock is None:
            continue
        tz = body.zone or zone
        if body.day is not None:
            previous = at_clock(body.day, body.clock, tz)
        elif previous is not None:
            previous = _next_moment(previous, body.clock, tz, down)
        elif isinstance(anchor, datetime):
            previous = at_clock(anchor.astimezone(tz).date(), body.clock, tz)
        elif anchor is not None:
            previous = at_clock(anchor, body.clock, tz)
        body.when = previous


def _descending(clocks: list[time]) -> bool:
    ups, downs = _steps(clocks)
    return downs > ups


def _next_moment(previous: datetime, clock: time, tz: tzinfo, down: bool) -> datetime:
    """The moment at `clock` next to `previous` going the page's way: back in
    time on a newest-first page, unless that takes a day and the clock is
    just after (an update, or midnight crossed the other way)."""
    base = previous.astimezone(tz)
    same = at_clock(base.date(), clock, tz)
    before = same if same <= base else at_clock(base.date() - timedelta(days=1), clock, tz)
    after = same if same >= base else at_clock(base.date() + timedelta(days=1), clock, tz)
    back, ahead = base - before, after - base
    if down:
        return after if ahead < timedelta(hours=6) and back > timedelta(hours=18) else before
    return before if back < timedelta(hours=6) and ahead > timedelta(hours=18) else after

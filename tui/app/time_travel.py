"""Time travel in the entry list: `@` then a time ("14:00", "hier 18h",
"yesterday 6pm", "-2h") goes to the entry nearest it; `{` and `}` go an hour
back or on, or a day on a page that spans days. Times are read on the clock
of the entries (the page's), and "now" is the newest entry of the view: an
old live blog is travelled in its own day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from tui.i18n import _
from tui.library import EntryFilter, Library
from tui.moments import on_clock, parse_when

FAR_FUTURE = datetime(9999, 1, 1).astimezone()


def newest_time(library: Library, flt: EntryFilter) -> datetime | None:
    rowid = library.nearest_entry(flt, FAR_FUTURE)
    if rowid is None:
        return None
    rows = library.entry_rows([rowid])
    return rows[0].time if rows else None


def entry_at(library: Library, flt: EntryFilter, typed: str) -> tuple[int | None, str | None]:
    """(the entry nearest the typed time, None) or (None, why not)."""
    now = newest_time(library, flt) or datetime.now().astimezone()
    when = parse_when(typed, now)
    if when is None:
        return None, _("Not a time: {typed} (try 14:00, 18h, 6pm, yesterday 6pm, -2h)").format(
            typed=typed)
    rowid = library.nearest_entry(flt, when)
    return rowid, None if rowid is not None else _("No entries with a time here.")


def spans_days(library: Library, flt: EntryFilter, clock: str = "page",
               zone: datetime | None = None) -> bool:
    """Whether the timed entries of a view fall on more than one day, days
    on `clock` (the page's: the offset of `zone`, an entry's time)."""
    span = library.time_span(flt)
    if span is None:
        return False
    tz = zone.tzinfo if zone is not None else None
    first, last = (on_clock(moment.astimezone(tz), clock).date() for moment in span)
    return first != last


def _midnight(here: datetime, day: date, clock: str) -> datetime:
    """The start of `day` on `clock`: on the machine's, at its offset of that
    night (a day when the hour changes has 23 or 25 hours); on the page's,
    at the offset of `here`."""
    if clock == "local":
        return datetime.combine(day, time()).astimezone()
    return datetime.combine(day, time(), here.tzinfo)


def entry_a_step_away(library: Library, flt: EntryFilter, current: datetime,
                      step: int, by_day: bool = False, clock: str = "page") -> int | None:
    """`{` (step -1) and `}` (+1). By the hour: the entry nearest an hour
    before or after `current`. By the day: the newest entry of the day
    before `current`'s, or the oldest of the day after (days on `clock`).
    Strictly before or after `current`; None at the end of the view."""
    if by_day:
        here = on_clock(current, clock)
        start = _midnight(here, here.date(), clock)
        if step < 0:
            return library.nearest_entry(flt, start, before=start)
        end = _midnight(here, here.date() + timedelta(days=1), clock)
        return library.nearest_entry(flt, end, after=end - timedelta(microseconds=1))
    target = current + timedelta(hours=step)
    if step < 0:
        return library.nearest_entry(flt, target, before=current)
    return library.nearest_entry(flt, target, after=current)

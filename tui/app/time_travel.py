"""Time travel in the entry list: `@` then a time ("14:00", "hier 18h",
"yesterday 6pm", "-2h") goes to the entry nearest it; `{` and `}` go an hour
back or on. Times are read on the clock of the entries (the page's), and
"now" is the newest entry of the view: an old live blog is travelled in its
own day."""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.library import EntryFilter, Library
from tui.moments import parse_when

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
        return None, (f"Not a time: {typed} (try 14:00, 18h, 6pm, yesterday 6pm, -2h)")
    rowid = library.nearest_entry(flt, when)
    return rowid, None if rowid is not None else "No entries with a time here."


def entry_an_hour_away(library: Library, flt: EntryFilter, current: datetime,
                       step: int) -> int | None:
    """The entry nearest an hour before (step -1) or after (+1) `current`,
    strictly before or after it; None at the end of the view."""
    target = current + timedelta(hours=step)
    if step < 0:
        return library.nearest_entry(flt, target, before=current)
    return library.nearest_entry(flt, target, after=current)

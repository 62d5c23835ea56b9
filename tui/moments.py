"""Moments as the whole program handles them: a page's time may be a
datetime or only a day (a `date`, never an invented midnight). How to sort
and print either. Neutral: no newsreader imports."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def day_of(value: datetime | date | None) -> date | None:
    """The calendar day of a moment that may be a date or a datetime."""
    if isinstance(value, datetime):
        return value.date()
    return value


def sort_timestamp(value: datetime | date | None) -> float | None:
    """Seconds since 1970 for ordering; a bare date counts as its start (UTC)."""
    if isinstance(value, datetime):
        return value.timestamp() if value.tzinfo is not None else None
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC).timestamp()
    return None


def format_moment(value: datetime | date | None) -> str:
    """'2026-02-11' for a day the page gives without a time, else with HH:MM."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return ""


CLOCKS = ("page", "local")


def on_clock(when: datetime, clock: str = "page") -> datetime:
    """`when` on the clock the reader chose: the page's own ("page": the
    wall clock the page printed, in its offset) or the machine's ("local")."""
    if clock == "local" and when.tzinfo is not None:
        return when.astimezone()
    return when


def zone_label(when: datetime, zone: str | None = None) -> str:
    """A short name for the zone of a page's time: the city of an IANA name
    ("Europe/Paris" -> "Paris"), an abbreviation as the page gave it ("BST"),
    else the offset ("UTC+2", "UTC-4:30", "UTC")."""
    if zone:
        return zone.rsplit("/", 1)[-1].replace("_", " ")
    offset = when.utcoffset()
    if offset is None:
        return ""
    if not offset:
        return "UTC"
    sign = "+" if offset > timedelta(0) else "-"
    minutes = abs(int(offset.total_seconds())) // 60
    hours, rest = divmod(minutes, 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def page_and_local(when: datetime, zone: str | None = None,
                   here: datetime | None = None) -> str:
    """ "09:05 Paris · 08:05 here" when the page's clock and the machine's
    differ at that moment, else "09:05 Paris"."""
    label = zone_label(when, zone)
    text = f"{when:%H:%M}" + (f" {label}" if label else "")
    if when.tzinfo is None:
        return text
    mine = here if here is not None else when.astimezone()
    if mine.utcoffset() != when.utcoffset():
        text += f" · {mine:%H:%M} here"
    return text

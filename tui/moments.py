"""Moments as the whole program handles them: a page's time may be a
datetime or only a day (a `date`, never an invented midnight). How to sort
and print either. Neutral: no newsreader imports."""

from __future__ import annotations

from datetime import UTC, date, datetime


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

"""Moments as the whole program handles them: a page's time may be a
datetime or only a day (a `date`, never an invented midnight). How to sort
and print either. Neutral: no newsreader imports but tui.i18n (itself none)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from tui.i18n import _


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
        text += " · " + _("{time} here").format(time=f"{mine:%H:%M}")
    return text


_AGO = re.compile(r"^-\s*(\d{1,4})\s*(m|min|mn|minutes?|h|hr|hours?|heures?|stunden?|ore|"
                  r"d|days?|jours?|tage?|giorni)\.?$")
_DAY_WORDS = {
    "today": 0, "aujourd'hui": 0, "aujourd’hui": 0, "heute": 0, "oggi": 0,
    "yesterday": -1, "hier": -1, "gestern": -1, "ieri": -1,
}
_CLOCK = re.compile(r"^(\d{1,2})(?:\s*[:h.]\s*(\d{2})?)?\s*(am|pm|uhr)?$")


def parse_when(text: str, now: datetime) -> datetime | None:
    """A moment as a reader types it to jump in time: "14:00", "18h", "6pm",
    "yesterday 6pm", "hier 18h", "gestern 9 Uhr", "-2h", "-30m", "-1d". A
    clock with no day is the latest such time not after `now` (a live blog
    looks back); clocks are on `now`'s clock. None when it reads as none."""
    words = " ".join(text.strip().lower().split())
    if not words:
        return None
    ago = _AGO.match(words)
    if ago:
        unit = ago.group(2)[0]
        amount = int(ago.group(1))
        return now - {"m": timedelta(minutes=amount), "h": timedelta(hours=amount),
                      "d": timedelta(days=amount)}[unit if unit in "mhd" else "d"]
    day_shift = None
    for word, shift in _DAY_WORDS.items():
        if words == word or words.startswith(word + " "):
            day_shift = shift
            words = words[len(word):].strip()
            break
    if not words:  # a day alone: that day at this time
        return now + timedelta(days=day_shift or 0)
    m = _CLOCK.match(words)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) == "pm" and hour < 12:
        hour += 12
    elif m.group(3) == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if day_shift is not None:
        return moment + timedelta(days=day_shift)
    return moment - timedelta(days=1) if moment > now else moment

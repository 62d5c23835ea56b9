"""Dates and clock times as news pages print them, in French, English, German
and Italian.

Everything returned is timezone-aware. A page's wall clock is kept: a time is
given the page's own offset when the page states one, else the usual zone of
the page's language (see `zone_for_language`). A time the page does not give
is never made up: functions return None instead.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from tui.textnorm import fold

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "janvier january januar jan janv jänner gennaio gen",
        "fevrier february februar feb fev fevr febbraio",
        "mars march marz maerz mar marzo",
        "avril april avr apr aprile",
        "mai may maggio mag",
        "juin june juni jun giugno giu",
        "juillet july juli jul juil luglio lug",
        "aout august aug agosto ago",
        "septembre september sept sep settembre set",
        "octobre october oktober oct okt ottobre ott",
        "novembre november nov",
        "decembre december dezember dec dez dicembre dic",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_WEEKDAYS = (
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend "
    "lunedi martedi mercoledi giovedi venerdi sabato domenica"
).split()

_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))

# A clock time: 14h32, 14 h 32, 9h, 21:23, 10.31 Uhr, 8.44am, 11:48 pm.
_CLOCK = (
    r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])\s?"
    r"(?:(?:h|:)\s?(?P<m>[0-5]\d)?|\.(?P<m2>[0-5]\d)(?=\s?(?:uhr|[ap]\.?m\b|(?:gmt|bst|utc|cet|cest|mez|mesz)\b)))"
    r"(?:\s?(?P<ampm>[ap])\.?m\.?\b)?(?:\s?uhr\b)?(?![^\W\d_])"
)
CLOCK_RE = re.compile(_CLOCK, re.IGNORECASE)
# A clock time at the very start of a line, then a separator and the rest:
# "9h05 - Titre", "12.31 Uhr: Titel", "21:22 Goodnight".
_CLOCK_PREFIX = re.compile(
    r"^\s*" + _CLOCK + r"\s*(?:[-–—:|•·,.]\s*)?(?P<rest>.*)$", re.IGNORECASE | re.DOTALL
)

# "mercredi 11 février 2026", "1er mars 2026", "27. August 2024", "18 July 2024"
_DAY_MONTH_YEAR = re.compile(
    rf"(?:\b(?:{_WEEKDAY_ALT})\.?,?\s+)?\b(?P<d>[0-3]?\d)(?:er|st|nd|rd|th)?\.?\s+"
    rf"(?P<mon>{_MONTH_ALT})\.?,?\s+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "July 18, 2024", "Thu, Jul 18 2024"
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "2024-07-18", "18/07/2024", "18.07.2024" (day first, as in Europe)
_NUMERIC = re.compile(
    r"(?<!\d)(?:(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)"
    r"|(?P<d2>[0-3]?\d)[/.](?P<m2>[01]?\d)[/.](?P<y2>(?:19|20)\d\d))(?!\d)"
)


# Years a page's date can be in: outside them a date is a placeholder, and
# shifting it to a zone would overflow.
MIN_YEAR, MAX_YEAR = 1900, 2200

def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_date_span(text: str) -> tuple[date, int, int] | None:
    """The first date in the text, with its span (indices into `text`)."""
    folded = fold(text)
    # fold() keeps positions for precomposed Latin text; fall back to no span
    # information being exact only where lengths differ (rare: ligatures).
    best: tuple[date, int, int] | None = None
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in pattern.finditer(folded):
            mon = _MONTHS.get(m.group("mon").lower())
            if mon is None:
                continue
            found = _safe_date(int(m.group("y")), mon, int(m.group("d")))
            if found and (best is None or m.start() < best[1]):
                best = (found, m.start(), m.end())
            break
    for m in _NUMERIC.finditer(folded):
        if m.group("y1"):
            found = _safe_date(int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
        else:
            found = _safe_date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        if found and (best is None or m.start() < best[1]):
            best = (found, m.start(), m.end())
        break
    return best


def find_date(text: str) -> date | None:
    """The first calendar date written in the text, in any of the three languages."""
    found = find_date_span(text)
    return found[0] if found else None


def parse_clock(text: str) -> time | None:
    """A clock time anywhere in `text` ('14h32', '10.31 Uhr', '8.44am'), or None."""
    m = CLOCK_RE.search(text)
    return _clock_from_match(m) if m else None


def _clock_from_match(m: re.Match[str]) -> time | None:
    hour = int(m.group("h"))
    minute_text = m.group("m") or m.group("m2")
    whole = m.group(0).lower()
    # A bare number ("9") is not a time; "9h" is, as are "9:05" and "9am".
    if minute_text is None and "h" not in whole and not m.group("ampm"):
        return None
    minute = int(minute_text or 0)
    ampm = (m.group("ampm") or "").lower()
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return time(hour, minute)


def split_clock_prefix(line: str) -> tuple[time, str, str] | None:
    """'9h05 - Titre' -> (09:05, '9h05', 'Titre'); None when the line does not
    start with a clock time. The middle value is the time as printed."""
    m = _CLOCK_PREFIX.match(line)
    if not m:
        return None
    clock = _clock_from_match(m)
    if clock is None:
        return None
    printed = line[m.start("h") : m.start("rest")].strip(" -–—:|•·,.\u00a0")
    return clock, printed, m.group("rest").strip()


# "16.06 Text": a dotted clock with no "Uhr"/"pm"/zone after it. Alone it is
# as likely a number ("3.50 euros"), so it is read only as an entry's lead-in,
# where a run of them on one page says they are clocks.
_DOTTED_LEAD = re.compile(
    r"^\s*(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)(?![\d.,:])\s*(?:[-–—:|•·]\s*)?(?P<rest>.*)$",
    re.DOTALL,
)


def split_lead_clock(line: str) -> tuple[time, str, str] | None:
    """split_clock_prefix, and also a bare dotted clock ('16.06 Text'), for a
    heading or a bold lead-in that opens an entry."""
    found = split_clock_prefix(line)
    if found is not None:
        return found
    m = _DOTTED_LEAD.match(line)
    if not m:
        return None
    printed = line[m.start("h"):m.end("m")]
    return time(int(m["h"]), int(m["m"])), printed, m["rest"].strip()


def find_datetime(text: str, tz: tzinfo | None = None) -> datetime | date | None:
    """A date and, when written right after it, a time: 'Publié le 30 août 2023
    à 14h52' -> 2023-08-30 14:52. With no time, the date alone (a `date`)."""
    found = find_date_span(text)
    if not found:
        return None
    day, _start, end = found
    tail = fold(text)[end : end + 30]
    m = re.match(r"\s*(?:,|a|um|at|alle(?:\s+ore)?|ore|-|–|—|\|)?\s*(?:" + _CLOCK + ")", tail,
                 re.IGNORECASE)
    clock = _clock_from_match(m) if m else None
    if clock is None:
        return day
    return datetime.combine(day, clock, tzinfo=tz or UTC)


def parse_iso(value: str | None, tz: tzinfo | None = None) -> datetime | None:
    """ISO 8601 ('2024-07-18T11:48:00+01:00', '...Z', '2024-07-18T11:48').
    A value without offset gets `tz` (the page's zone); None if unparseable."""
    if not value:
        return None
    value = value.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    # Python 3.11 accepts most ISO forms; '+0100' needs a colon.
    value = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None  # "0001-01-01T00:00:00Z" is a CMS's empty date, not a news date
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz or UTC)
    return parsed


_COMPACT = re.compile(r"^((?:19|20)\d\d)([01]\d)([0-3]\d)([0-2]\d)([0-5]\d)([0-5]\d)?$")


def from_compact(value: str, tz: tzinfo | None = None) -> datetime | None:
    """'20180424142720' or '201804241427' (YYYYMMDDHHMM[SS], a wall clock in
    `tz`), as some live-blog platforms write entry times; None otherwise."""
    m = _COMPACT.match(value)
    if not m:
        return None
    y, mo, d, h, mi, sec = (int(g) for g in m.groups(default="0"))
    try:
        return datetime(y, mo, d, h, mi, sec, tzinfo=tz or UTC)
    except ValueError:
        return None


# A time relative to when the page was rendered: '5 min ago', 'il y a 12
# minutes', 'vor 3 Minuten', 'just now'. Printed, never turned into a time.
RELATIVE_RE = re.compile(
    r"^\W*(?:(?:about\s+|an?\s+|\d+\s*)(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|"
    r"d|days?)\s+ago|just\s+now|il\s+y\s+a\s+(?:une?|\d+)\s*(?:s|secondes?|min|minutes?|h|"
    r"heures?|jours?)|(?:à|a)\s+l['’]instant|vor\s+(?:einer?|\d+)\s*(?:sek(?:unden?)?|min(?:uten?)?|"
    r"std|stunden?|tag(?:en)?)|gerade\s+eben)\W*$",
    re.IGNORECASE,
)


def from_epoch(value: str | int | float, tz: tzinfo | None = None) -> datetime | None:
    """Seconds or milliseconds since 1970 (both appear in data-* attributes)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number > 1e11:  # milliseconds
        number /= 1000
    if not 0 < number < 4e9:
        return None
    return datetime.fromtimestamp(number, tz=UTC).astimezone(tz or UTC)


@cache
def zone_for_language(lang: str | None) -> tzinfo:
    """The zone a page's wall clock most likely means when it states none."""
    name = {"fr": "Europe/Paris", "de": "Europe/Berlin", "en": "Europe/London",
            "it": "Europe/Rome"}.get(lang or "")
    if name is None:
        return UTC
    try:
        return ZoneInfo(name)
    except Exception:  # no tz database on the machine
        return UTC


def offset_of(value: datetime | None) -> tzinfo | None:
    """The fixed offset a page uses (from one of its own dates), for times it
    prints without one."""
    if value is None or value.utcoffset() is None:
        return None
    return timezone(value.utcoffset() or timedelta(0))


_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d\d)-(\d\d)\s*$")


def parse_iso_moment(value: str | None, tz: tzinfo | None = None) -> datetime | date | None:
    """Like parse_iso, but a value that is only a day stays a `date`."""
    if value and (m := _ISO_DAY.match(value)):
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    return parse_iso(value, tz)


def clock_label(when: datetime | None, printed: str | None) -> str | None:
    """HH:MM for an entry: its time; else the clock the page printed without a
    date (shown, never made into a timestamp); else None."""
    if when is not None:
        return when.strftime("%H:%M")
    clock = parse_clock(printed) if printed else None
    return clock.strftime("%H:%M") if clock else None


def at_clock(day: date, clock: time, tz: tzinfo) -> datetime:
    """A wall-clock time on a day in a zone."""
    return datetime.combine(day, clock).replace(tzinfo=tz)

"""Time zones as pages state them, for HTML and text dumps alike.

A live blog's clocks are in the zone the page states ("All times UTC", "All
times below are in Beijing time", "12.50 BST", "20:28 (IST)", "6.15 pm ET"),
else in the zone its own dates carry, else in the usual zone of its language.
This module reads the statements; the parsers decide where they apply.
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

# A line that states the zone of every clock below it: "All times UTC",
# "All times below are in Beijing time.", "(All times BST)", "Toutes les heures
# sont en heure de Paris", "Alle Zeiten in MEZ", "Tutti gli orari sono italiani".
ZONE_STATEMENT = re.compile(
    r"\b(?:all\s+times?|times?\s+(?:are|below|shown)|heures?\s+(?:sont|indiquées|de\s+paris)|"
    r"toutes\s+les\s+heures|alle\s+(?:zeiten|uhrzeiten|zeitangaben)|zeitangaben|"
    r"(?:tutti\s+gli\s+)?orari)\b",
    re.IGNORECASE,
)

# Words every statement holds one of, to find at C speed whether a page may
# state a zone at all before any regex runs over it.
_STATEMENT_WORDS = ("times", "Times", "TIMES", "heure", "Heure", "HEURE", "eiten", "EITEN",
                    "eitangaben", "orari", "Orari", "ORARI")


def may_state_zone(text: str) -> bool:
    """False when `text` cannot hold a zone statement (most pages)."""
    return any(word in text for word in _STATEMENT_WORDS)


_HOURS = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 1, "west": 1, "cet": 1, "mez": 1, "ist": 5.5,
    "cest": 2, "mesz": 2, "eet": 2, "eest": 3, "msk": 3, "est": -5, "edt": -4, "cst": -6,
    "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "aest": 10, "aedt": 11, "jst": 9,
    "kst": 9, "hkt": 8, "sgt": 8, "hne": -5, "hae": -4,
}
# Zones named by a region or city, as pages state them ("Eastern time", "heure
# de Paris", "deutscher Zeit"). ET/PT/CT move with daylight saving: tz names.
_NAMED = {
    "eastern": "America/New_York", "new york": "America/New_York",
    "washington": "America/New_York", "central": "America/Chicago",
    "mountain": "America/Denver",
    "pacific": "America/Los_Angeles", "uk": "Europe/London", "london": "Europe/London",
    "british": "Europe/London", "paris": "Europe/Paris", "française": "Europe/Paris",
    "francaise": "Europe/Paris", "french": "Europe/Paris", "berlin": "Europe/Berlin",
    "deutscher": "Europe/Berlin", "deutsche": "Europe/Berlin", "german": "Europe/Berlin",
    "rome": "Europe/Rome", "roma": "Europe/Rome", "italiana": "Europe/Rome",
    "italiani": "Europe/Rome", "italian": "Europe/Rome", "kyiv": "Europe/Kyiv",
    "kiev": "Europe/Kyiv", "moscow": "Europe/Moscow", "israel": "Asia/Jerusalem",
    "jerusalem": "Asia/Jerusalem", "beijing": "Asia/Shanghai", "china": "Asia/Shanghai",
    "hong kong": "Asia/Hong_Kong", "singapore": "Asia/Singapore", "tokyo": "Asia/Tokyo",
    "japan": "Asia/Tokyo", "india": "Asia/Kolkata", "indian": "Asia/Kolkata",
    "delhi": "Asia/Kolkata", "sydney": "Australia/Sydney", "brussels": "Europe/Brussels",
    "bruxelles": "Europe/Brussels", "madrid": "Europe/Madrid", "zurich": "Europe/Zurich",
}
# ET, CT, MT, PT: the US zones, daylight saving included.
_US = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
       "PT": "America/Los_Angeles"}
_ABBREVIATION = "|".join(
    sorted((*(k.upper() for k in _HOURS if k != "z"), *_US), key=len, reverse=True)
)
# A zone printed right after a clock: "12.50 BST", "21:06 (IST)", "7:13 PM EST"
# (capitals only: "14h et 15h" is French).
ZONE_AFTER_CLOCK = re.compile(rf"^\s*\(?(?P<zone>{_ABBREVIATION})\)?(?![\w])")
_NAMED_ALT = "|".join(sorted(_NAMED, key=len, reverse=True))
_ZONE_IN_STATEMENT = re.compile(rf"\b(?P<zone>{_ABBREVIATION}|(?i:{_NAMED_ALT}))\b")


@cache
def zone_named(name: str) -> tzinfo | None:
    """The zone an abbreviation or a region names ('BST', 'Eastern'), or None."""
    key = name.casefold()
    if key in _HOURS:
        return timezone(timedelta(hours=_HOURS[key]), name.upper())
    region = _US.get(name) or _NAMED.get(key)
    if region:
        try:
            return ZoneInfo(region)
        except Exception:  # no tz database on the machine
            return None
    return None


def stated_zone(line: str) -> tzinfo | None:
    """The zone a short line states for the clocks below it, or None."""
    if len(line) > 160 or not ZONE_STATEMENT.search(line):
        return None
    m = _ZONE_IN_STATEMENT.search(line)
    return zone_named(m["zone"]) if m else None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def first_stated_zone(text: str) -> tzinfo | None:
    """The zone the first statement in a page's text names ("... (all times
    UTC)"), looked for only around the words statements hold."""
    hits: list[int] = []
    for word in _STATEMENT_WORDS:
        start = text.find(word)
        while start >= 0 and len(hits) < 200:
            hits.append(start)
            start = text.find(word, start + 1)
    for at in sorted(hits):
        for sentence in _SENTENCE_END.split(text[max(0, at - 80):at + 120]):
            found = stated_zone(sentence)
            if found is not None:
                return found
    return None


def zone_after_clock(text: str) -> tuple[tzinfo, str] | None:
    """The zone printed right after a clock ("BST: Headline" -> BST), with
    the text after it; None when none is printed."""
    m = ZONE_AFTER_CLOCK.match(text)
    zone = zone_named(m["zone"]) if m else None
    if m is None or zone is None:
        return None
    return zone, text[m.end():].lstrip(" :-–—|)")


def zone_label(zone: tzinfo | None) -> str | None:
    """How to name a zone to a reader: its tz database key ('Europe/Paris'),
    else the abbreviation a page gave ('BST'); None for a bare offset."""
    if zone is None:
        return None
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    if isinstance(zone, timezone):
        name = zone.tzname(None)
        return None if name.startswith("UTC") and name != "UTC" else name
    return None

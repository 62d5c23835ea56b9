"""Stamps: the line that marks where a live-blog entry starts (or ends): a
clock as dumps print it (glued to a date, an author or a zone, after
'Updated'), a relative time, a match minute or a period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, tzinfo

from tui.ingest.dates import CLOCK_RE, find_date, parse_clock
from tui.ingest.minutes import period_marker, split_minute_prefix
from tui.ingest.textdump.lexicon import RELATIVE_PREFIX, STAMP_PREFIX
from tui.ingest.zones import zone_after_clock


@dataclass(frozen=True)
class Stamp:
    """What an entry's stamp line says: '9h05 - Titre', 'Updated 1:48 AM',
    '4m ago12.50 BST', 'November02202321:06 (IST)', '95' Goal!', 'Mi-temps'."""

    clock: time | None  # None for a match minute or period
    printed: str | None  # the clock or minute as printed
    rest: str  # the text after it on the line (a headline, an author, a paragraph)
    day: date | None = None  # a date printed with the clock
    zone: tzinfo | None = None  # a zone printed after the clock ("BST")
    kind: str = "clock"  # "clock", "dotted" (a bare 16.06), "minute", "period", "relative"
    weak: bool = False  # a bare clock alone on its line: maybe a video's duration
    labelled: bool = False  # said with a word: 'Updated at', 'Posted at', '4m ago'


# Spaces a dump loses between spans: 'November02202321:06', 'Braidwood14',
# 'ago12.50', '21:22Jane'.
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_]{3})(?=\d)")
_CLOCK_LETTER = re.compile(r"(?<=\d[:.h]\d\d)(?=[^\W\d_])")
CAPS_GLUE = re.compile(r"(?<=[A-Z]{3})(?=[A-Z][a-z])")  # 'ESTUpdated 7 min ago'
_GLUED_DIGITS = re.compile(r"(?<![\d.:])(\d{5,8})(?=[:.]\d\d(?!\d))")
_YEAR_AT = re.compile(r"(?:19|20)\d\d")
_DOTTED = re.compile(r"(?<![\d.:,])(?P<h>[01]\d|2[0-3])\.(?P<m>[0-5]\d)(?![\d.,:%])")
DATE_HEAD = re.compile(
    r"(?:[^\W\d_]{2,}\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th|er)?\.?\s+[^\W\d_]{3,}\.?,?\s+(?:19|20)\d\d"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)"
)
_SEPARATORS = " -–—:|•·,/"
_DIGIT = re.compile(r"\d")
_MARKS = "+■▶►◆▪ "  # printed before a ticker's entries ('+++ 12:31 Uhr: ...')


def _split_digits(m: re.Match[str]) -> str:
    """'202321' -> '2023 21', '02202321' -> '02 2023 21', '20207' -> '2020 7':
    a year glued to the day before it and to the hour after it."""
    run = m.group(1)
    for day_len in (0, 1, 2):
        year = run[day_len : day_len + 4]
        hour = run[day_len + 4 :]
        if not _YEAR_AT.fullmatch(year) or not 1 <= len(hour) <= 2 or int(hour) > 23:
            continue
        if day_len and not 1 <= int(run[:day_len]) <= 31:
            continue
        return " ".join(p for p in (run[:day_len], year, hour) if p)
    return run


def deglue(text: str) -> str:
    """Spaces put back where a dump glued spans together (only ever added)."""
    text = _LETTER_DIGIT.sub(" ", text)
    text = _CLOCK_LETTER.sub(" ", text)
    return _GLUED_DIGITS.sub(_split_digits, text)


def _original_index(original: str, deglued: str, k: int) -> int:
    """The index in `original` of deglued[k]: deglue only adds spaces."""
    i = 0
    for j in range(k):
        if i < len(original) and original[i] == deglued[j]:
            i += 1
    return i


def read_stamp(text: str) -> Stamp | None:
    """The stamp a line opens with, or None."""
    pos = len(text) - len(text.lstrip(_MARKS)) if text[:1] in _MARKS else 0
    first = text[pos : pos + 1]
    if not first.isalnum() and first not in "(":
        return None
    if not first.isdigit() and not _DIGIT.search(text, pos, pos + 50):
        # no clock near the start (most lines): a period, 'just now', or nothing
        m = RELATIVE_PREFIX.match(text, pos)
        return _relative_stamp(text, pos, m.end()) if m else _match_marker(text)
    head = text[:160]
    prefixed = False
    relative = None
    for _ in range(2):
        m = STAMP_PREFIX.match(head, pos)
        if m is None and (m := RELATIVE_PREFIX.match(head, pos)):
            relative = (pos, m.end())
        if m is None or m.end() == pos:
            break
        pos, prefixed = m.end(), True
    if not head[pos : pos + 1].isdigit() and not DATE_HEAD.match(head, pos) and (
        # ('Jamie Braidwood14 August 2023 10:01': a short line with a year)
        len(text) > 100 or not head[pos : pos + 1].isupper() or not _YEAR_AT.search(head, pos)
    ):
        if relative:
            return _relative_stamp(text, *relative)
        return _match_marker(text) if not prefixed else None
    glued = deglue(head[pos:])
    kind = "clock"
    m = CLOCK_RE.search(glued, 0, 80)
    # (parsed with what follows: "12.50" is a clock because " BST" comes next)
    clock = parse_clock(glued[m.start() : m.end() + 6]) if m else None
    if m is None or clock is None:
        m = _DOTTED.match(glued)
        if m is None:
            if relative:
                return _relative_stamp(text, *relative)
            return _match_marker(text) if not prefixed else None
        clock, kind = time(int(m["h"]), int(m["m"])), "dotted"
    pre = glued[: m.start()].strip(_SEPARATORS)
    day = None
    name = ""
    if pre:
        # Before the clock, only a date, and maybe a name: "Jamie Braidwood 14
        # August 2023 10:01", "Wed, Feb 19 2020 7:13 PM".
        d = DATE_HEAD.search(pre) if len(pre) <= 60 and kind != "dotted" else None
        day = find_date(d[0]) if d else None
        if d is None or day is None:
            return None
        name = (pre[: d.start()] + " " + pre[d.end() :]).strip(_SEPARATORS)
        if name and (len(name.split()) > 4 or not all(w[:1].isupper() for w in name.split())):
            return None
    start, end = (pos + _original_index(head[pos:], glued, k) for k in (m.start(), m.end()))
    printed = text[start:end].strip()  # as the page prints it ('8.40pm', not '8.40 pm')
    rest = text[end:]
    zone = None
    if (rest[:1] in " (" or rest[:2].isupper()) and (
        z := zone_after_clock(CAPS_GLUE.sub(" ", rest[:12]) + rest[12:])
    ):
        zone, rest = z
    if rest[:1] in ":." and rest[1:3].isdigit():
        return None  # '2014-12-31 17:13:38.0': a machine's timestamp, not a printed clock
    rest = rest.lstrip(_SEPARATORS + ".")
    again = STAMP_PREFIX.match(rest)
    doubled = rest.startswith(printed) or again and rest[again.end() :].startswith(printed)
    if doubled:
        # 'Posted at 15:0515:05': the clock printed twice (shown and spoken)
        rest = rest[rest.index(printed) + len(printed) :].lstrip(_SEPARATORS)
    if day is None and (d := DATE_HEAD.match(rest)) and (found := find_date(d[0])):
        day, rest = found, rest[d.end() :].lstrip(_SEPARATORS)  # 'Updated 6:27 PM / Feb 19, 2020'
    if rest.endswith("++"):
        rest = rest.rstrip("+ ")  # '+++ 12:31 Uhr: Titel +++'
    if name and rest and not rest[:1].isupper():
        return None  # 'On 2 May 2024 at 12:00 the minister said': a sentence
    weak = not (prefixed or pre or zone or rest or doubled or kind == "dotted") and (
        ":" in printed and len(printed) <= 5
    )
    return Stamp(clock, printed, rest.strip(), day, zone, kind, weak, prefixed)


def _relative_stamp(text: str, start: int, end: int) -> Stamp | None:
    """'5 mins ago' (and a headline after it): when the page was saved minus
    a lapse, printed as the entry's marker; never made into a time."""
    rest = text[end:].strip(_SEPARATORS)
    if len(rest) > 250:
        return None
    return Stamp(None, text[start:end].strip(), rest, kind="relative", labelled=True)


def _match_marker(text: str) -> Stamp | None:
    """A match minute ("95'", "45+2'") or a period ("Mi-temps") opening a line;
    a period names an entry alone on its line ('Fin du match ! Le PSG
    s'impose...' is the text of the 95' entry)."""
    if text[:1].isdigit():
        found = split_minute_prefix(text)
        return Stamp(None, found[0], found[1], kind="minute") if found else None
    if len(text) <= 40 and text.count(" ") <= 5 and period_marker(text):
        return Stamp(None, None, text, kind="period")
    return None

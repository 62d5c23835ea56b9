"""Anchors: where a page states an entry's time. A `<time>`, a `data-*` epoch
or ISO attribute, a small element whose text is a clock ("20:28 (IST)",
"Updated 1:48 AM"), a relative time ("5 min ago") or a match minute ("67'")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from datetime import time as Clock

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tui.ingest.dates import (
    CLOCK_RE,
    RELATIVE_RE,
    find_date_span,
    from_compact,
    from_epoch,
    parse_iso,
    split_clock_prefix,
)
from tui.ingest.html.entry import MAX_ANCHORS, MIN_ENTRIES, body_span
from tui.ingest.markdown import short_text
from tui.ingest.minutes import MINUTE_IN_HTML, split_minute_prefix
from tui.ingest.zones import (
    zone_after_clock,
)
from tui.textnorm import clean_inline

# ASCII only: names become CSS selectors, and a selector with "ª" or "²" (word
# characters to Python, not to CSS) does not parse.
_TIME_ATTR = re.compile(r"\s(data-[\w-]*(?:time|date|stamp)[\w-]*)\s*=",
                        re.IGNORECASE | re.ASCII)
_LATER_ATTR = re.compile(r"modif|update|edit|expir|last", re.IGNORECASE)
_ISO_LIKE = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d")
_CLOCK_ONLY = re.compile(r"^\W*" + CLOCK_RE.pattern + r"\W*$", re.IGNORECASE)
_OPENING_TAG = re.compile(r"<([a-zA-Z][\w-]{0,20})\b(?:[^>]*?\sclass\s*=\s*[\"']?([^\"'>]*))?",
                          re.ASCII)
# An element whose whole text is a clock ("20:28 (IST)") or a match minute,
# as the raw HTML shows it: one pass finds both kinds.
_LEAF_TEXT = re.compile(  # (the lookahead fails most ">" at once: twice as fast)
    r">(?=\s*\d)\s*(?:(?P<clock>\d{1,2}[:.h]\d\d(?:\s?[ap]\.?m\.?)?(?:\s?(?:uhr|Uhr))?"
    r"(?:\s?\(?[A-Z]{2,4}\)?)?)|(?P<minute>" + MINUTE_IN_HTML + r"))\s*<")
_CLOCK_CLASSES = '[class*="time" i], [class*="date" i], [class*="hour" i], [class*="clock" i]'


@dataclass
class Anchor:
    node: LexborNode
    instant: datetime | None
    clock: Clock | None
    printed: str | None
    later: bool  # a modification time rather than the entry's own
    relative: bool = False  # printed is a relative time ('5 min ago'): shown, not a time
    minute: str | None = None  # a match minute ("95'"): shown, not a time
    instants: tuple[datetime, ...] = ()  # every time the node states (posted, updated...)
    zone: tzinfo | None = None  # printed after the clock ("20:28 (IST)")


# How pages spell the "data-" of an attribute name (names are case-blind; no
# page seen spells it otherwise): each found with str.find, at C speed, and
# _TIME_ATTR, which starts with whitespace the regex engine cannot skip to,
# tried only there. (Lower-casing the page to find every spelling cost more
# than the rest of the search.)
_DATA_SPELLINGS = ("data-", "DATA-", "Data-")


def _attr_names(html: str) -> list[str]:
    """The data-* attribute names holding a time, date or stamp, in the
    page's body (at most 30)."""
    names: list[str] = []
    start, end = body_span(html)
    for spelling in _DATA_SPELLINGS:
        at = html.find(spelling, start, end)
        while at >= 0 and len(names) < 30:
            m = _TIME_ATTR.match(html, at - 1)
            if m:
                name = m.group(1).lower()
                if name not in names:
                    names.append(name)
            at = html.find(spelling, at + 5, end)
    return names


def parse_instant(value: str | None, tz: tzinfo) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit() and len(value) in (10, 13):
        found = from_epoch(value, tz)
    elif value.isdigit() and len(value) in (12, 14):
        found = from_compact(value, tz)
    elif _ISO_LIKE.match(value):
        found = parse_iso(value, tz)
    else:
        return None
    return found.astimezone(tz) if found is not None else None


def _clock_in(text: str) -> tuple[Clock, str] | None:
    if not text or len(text) > 60:
        return None
    m = CLOCK_RE.search(text)
    if not m:
        return None
    parsed = split_clock_prefix(text[m.start():])  # (the clock may lean on what follows)
    return (parsed[0], m.group(0).strip()) if parsed else None


def find_anchors(tree: LexborHTMLParser, html: str, tz: tzinfo, leaves: Leaves) -> list[Anchor]:
    names = _attr_names(html)
    selector = "time"
    if names:
        selector += ", " + ", ".join(f"[{n}]" for n in names)
    body = tree.body
    if body is None:
        return []
    seen: set[int] = set()
    out: list[Anchor] = []
    for node in body.css(selector)[:MAX_ANCHORS]:
        seen.add(node.mem_id)
        attrs = node.attributes
        instant, later = None, False
        instants: list[datetime] = []
        if node.tag == "time":
            instant = parse_instant(attrs.get("datetime") or attrs.get("data-time")
                                    or attrs.get("data-datetime"), tz)
        for name in names:
            if name in attrs and (found := parse_instant(attrs.get(name), tz)) is not None:
                instants.append(found)
                if instant is None:
                    instant, later = found, bool(_LATER_ATTR.search(name))
        text = clean_inline(short_text(node, 200))[:61] if node.tag == "time" else ""
        clock = _clock_in(text) if text else None
        if instant is None and clock is None:
            relative = _relative(text)
            if relative:
                out.append(Anchor(node, None, None, relative, False, relative=True))
            continue
        out.append(Anchor(node, instant, clock[0] if clock else None,
                           clock[1] if clock else None, later, instants=tuple(instants)))
    for node in body.css(_CLOCK_CLASSES)[:MAX_ANCHORS]:
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        text = clean_inline(short_text(node, 61))
        if len(text) > 60:
            continue
        if relative := _relative(text):  # ("14H ago" is not 14:00)
            out.append(Anchor(node, None, None, relative, False, relative=True))
        elif (stamp := printed_clock(text)) is not None:
            out.append(Anchor(node, None, stamp[0], stamp[1], False, zone=stamp[2]))
    if leaves.clocks or leaves.minutes:
        out.extend(_leaf_anchors(body, seen, leaves.clocks, leaves.minutes))
    return out


@dataclass(frozen=True)
class Leaves:
    """CSS selectors of the small elements whose whole text is a clock, or a
    match minute (None: fewer than MIN_ENTRIES such texts on the page)."""

    clocks: str | None = None
    minutes: str | None = None


def leaf_selectors(html: str) -> Leaves:
    """Selectors for the elements whose whole text is a clock or a minute in
    the raw HTML ('>20:28 (IST)<', '>45+2'<'), from their opening tags: tag
    and first class ("span[class~=liv-blg_dte]"), so that only those elements
    are visited."""
    found: dict[str, dict[str, int]] = {"clock": {}, "minute": {}}
    for m in _LEAF_TEXT.finditer(html, *body_span(html)):
        kind = found["clock" if m.group("clock") else "minute"]
        if len(kind) > 12:
            continue
        start = html.rfind("<", max(0, m.start() - 2_000), m.start() + 1)
        opening = _OPENING_TAG.match(html, start) if start >= 0 else None
        if opening is None:
            continue
        tag = opening.group(1).lower()
        classes = (opening.group(2) or "").split()
        selector = f'{tag}[class~="{classes[0]}"]' if classes and '"' not in classes[0] \
            and "\\" not in classes[0] else tag
        kind[selector] = kind.get(selector, 0) + 1

    def joined(counts: dict[str, int]) -> str | None:
        return ", ".join(counts) if sum(counts.values()) >= MIN_ENTRIES else None

    return Leaves(joined(found["clock"]), joined(found["minute"]))


def _leaf_anchors(body: LexborNode, seen: set[int], clocks: str | None,
                  minutes: str | None) -> Iterator[Anchor]:
    """Small elements whose own text is a clock ("20:28 (IST)") or a match
    minute ("67'"), whatever their class says."""
    found = 0
    selector = ", ".join(s for s in (clocks, minutes) if s)
    for node in body.css(selector):
        own = node.text(deep=False, strip=True)
        if not own or len(own) > 30 or not own[0].isdigit() or node.mem_id in seen:
            continue
        text = clean_inline(short_text(node, 41))
        anchor = None
        if clocks and len(text) <= 40 and (stamp := printed_clock(text)) is not None:
            anchor = Anchor(node, None, stamp[0], stamp[1], False, zone=stamp[2])
        elif minutes and (split := split_minute_prefix(text)) is not None and not split[1]:
            anchor = Anchor(node, None, None, split[0], False, minute=split[0])
        if anchor is not None:
            seen.add(node.mem_id)
            yield anchor
            found += 1
            if found >= MAX_ANCHORS:
                return


_MINUTES_PRINTED = re.compile(r"\d\s?[:.h]\s?\d\d|\d\s?[ap]\.?m", re.IGNORECASE)
_CLOCK_WORDS_MAX = 25  # "Updated", "Mis à jour à", "Aktualisiert um": a label, not prose


def printed_clock(text: str) -> tuple[Clock, str, tzinfo | None] | None:
    """The clock of a small time element, and the zone printed after it: the
    clock alone ("21:22", "20:28 (IST)"), or with a label and a date
    ("Updated 2:13 PM / February 19, 2020")."""
    clock = _clock_in(text)
    if clock is None or not _MINUTES_PRINTED.search(clock[1]):
        return None  # "14h" alone may be 14:00 or "14 hours ago": not a time here
    before, _, after = text.partition(clock[1])
    if after[:1].isdigit():
        return None  # "14h 261": an hour and a count, not 14:26
    zoned = zone_after_clock(after)
    zone = zoned[0] if zoned else None
    if _CLOCK_ONLY.match(text) or (zoned is not None and not zoned[1].strip("() ")
                                   and not re.search(r"[^\W\d_]", before)):
        return clock[0], clock[1], zone
    rest = before + " " + (zoned[1] if zoned else after)
    found = find_date_span(rest)
    if found is not None:
        rest = rest[:found[1]] + rest[found[2]:]
    words = re.sub(r"[\W\d_]+", "", rest)
    return (clock[0], clock[1], zone) if len(words) <= _CLOCK_WORDS_MAX else None


def _relative(text: str) -> str | None:
    text = clean_inline(text)
    return text if text and len(text) <= 30 and RELATIVE_RE.match(text) else None

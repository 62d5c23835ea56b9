"""Live-blog entries as markers: a flat run of siblings where each entry starts
with a heading or a lead-in that opens with a clock ("<h2>12.31 Uhr:
Titel</h2>", "<p><strong>16.06</strong> Text"), a match minute or a period of
play, or a heading with a small dateline beside it; day headers ("Dienstag,
27. August 2024") and zone statements ("All times below are in Beijing
time") above them date the clocks below."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, tzinfo
from datetime import time as Clock

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tui.ingest.dates import (
    CLOCK_RE,
    find_date,
    split_lead_clock,
)
from tui.ingest.html.anchors import printed_clock
from tui.ingest.html.entry import (
    HEADING_TAGS,
    MAX_ANCHORS,
    MAX_SIBLINGS,
    SCAN_CHARS,
    DomEntry,
    node_key,
    own_roots,
    publisher_id,
    text_length,
)
from tui.ingest.markdown import Rendered, render, short_text
from tui.ingest.markdown.plain import HEADLINE_MAX
from tui.ingest.minutes import period_marker, split_minute_prefix
from tui.ingest.zones import (
    ZONE_STATEMENT,
    first_stated_zone,
    may_state_zone,
    stated_zone,
    zone_after_clock,
)
from tui.textnorm import clean_inline


@dataclass
class _Marker:
    block: LexborNode  # the sibling that starts the entry
    lead: LexborNode  # the heading or the lead-in (bold, or a small span)
    clock: Clock | None  # a printed clock, or None for a match minute or period
    printed: str | None  # the clock or minute as printed
    rest: str  # the lead-in's text after the clock
    minute: str | None = None
    apart: bool = True  # the lead-in stands apart from the text after it
    zone: tzinfo | None = None  # printed after the clock ("12.50 BST")
    dateline: LexborNode | None = None  # a small clock element beside a heading


_LEAD_BLOCKS = frozenset(("p", "div", "li", "span"))
# After a bold lead-in, what makes it a title of its own ("Rishi Sunak: ...")
# rather than the start of a sentence ("Rishi Sunak has said ...").
_SEPARATOR = re.compile(r"^\s*(?:[:–—|•·.!?]|-\s)")
_ENDS_APART = re.compile(r"[:–—|•·.!?]$")


def _lead_marker(node: LexborNode, text: str, minutes: bool) -> _Marker | None:
    """A marker for a heading or lead-in whose text opens with a clock (or,
    on a page with match minutes, a minute or a period name)."""
    clock: Clock | None = None
    printed: str | None = None
    minute: str | None = None
    split = split_lead_clock(text) if text[:1].isdigit() else None
    zone: tzinfo | None = None
    if split is not None:
        clock, printed, rest = split
        if (zoned := zone_after_clock(rest)) is not None:
            zone, rest = zoned
    elif minutes and (found := split_minute_prefix(text)) is not None:
        minute = printed = found[0]
        rest = found[1]
    elif minutes and period_marker(text):
        rest = text
    else:
        return None
    if node.tag in HEADING_TAGS:
        return _Marker(node, node, clock, printed, rest, minute, zone=zone)
    opening = lead_in(node, text)
    if opening is None:
        return None
    return _Marker(opening[0], node, clock, printed, rest, minute,
                   opening[1] and len(rest) <= HEADLINE_MAX, zone)


def lead_in(node: LexborNode, text: str) -> tuple[LexborNode, bool] | None:
    """For inline text (`text`, cleaned) that opens its block: the block, and
    whether it stands apart from what follows it, as a title does ("Rishi
    Sunak:" or a paragraph of its own), rather than opening a sentence
    ("Rishi Sunak has said..."). None when it does not open its block."""
    parent = node.parent
    if parent is None or parent.tag in HEADING_TAGS or parent.tag not in _LEAD_BLOCKS:
        return None
    block_text = clean_inline(short_text(parent, len(text) + 80, 60))
    if not block_text.startswith(text[:20]):
        return None  # not a lead-in: bold text inside a sentence
    after = block_text[len(text):]
    return parent, not after.strip() or bool(_SEPARATOR.match(after) or _ENDS_APART.search(text))


def _markers(body: LexborNode, minutes: bool) -> list[_Marker]:
    selector = "h2, h3, h4, h5, h6, strong, b"
    if minutes:
        selector += ", span, em, time, abbr"
    out: list[_Marker] = []
    for node in body.css(selector)[:MAX_ANCHORS * 4]:
        text = short_text(node, 401, 40)
        if len(text) > 400:
            continue
        stripped = clean_inline(text)
        if not stripped:
            continue
        marker = _lead_marker(node, stripped, minutes)
        if marker is None and node.tag in _DATELINED:
            marker = _datelined_heading(node, stripped)
        if marker is not None:
            out.append(marker)
            if len(out) >= MAX_ANCHORS:
                break
    return out


_DATELINED = frozenset(("h2", "h3", "h4"))
_DATELINE_MAX = 60


def _element_sibling(node: LexborNode, forward: bool) -> LexborNode | None:
    current = node.next if forward else node.prev
    while current is not None and not current.is_element_node:
        if (current.text_content or "").strip():
            return None  # text between: not a dateline of this heading
        current = current.next if forward else current.prev
    return current


def _datelined_heading(heading: LexborNode, text: str) -> _Marker | None:
    """A heading with its time in a small element right after it (or right
    before it): "<h2>Title</h2><p class=meta>Posted 14:32</p>"."""
    for forward in (True, False):
        sibling = _element_sibling(heading, forward)
        if sibling is None or sibling.tag in HEADING_TAGS:
            continue
        line = clean_inline(short_text(sibling, _DATELINE_MAX + 1))
        if not line or len(line) > _DATELINE_MAX:
            continue
        stamp = printed_clock(line)
        if stamp is None:
            continue
        block = heading if forward else sibling
        return _Marker(block, heading, stamp[0], stamp[1], text, zone=stamp[2], dateline=sibling)
    return None


def _marker_key(marker: _Marker) -> tuple[str, bool, tuple[str, str], bool]:
    parent = marker.block.parent
    return (marker.block.tag or "", marker.lead is not marker.block,
            node_key(parent) if parent is not None else ("", ""), marker.clock is None)


def _day_header(node: LexborNode) -> date | None:
    """A short block that is only a date ('Dienstag, 27. August 2024')."""
    if node.tag not in ("h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "li"):
        return None
    text = short_text(node, 61)
    if not _DIGIT.search(text):
        return None  # (every date has a digit: most blocks are answered here)
    text = clean_inline(text)
    if not text or len(text) > 60 or CLOCK_RE.search(text):
        return None
    return find_date(text)


_DIGIT = re.compile(r"\d")


def _siblings_after(node: LexborNode) -> Iterator[LexborNode]:
    current = node.next
    count = 0
    while current is not None and count < MAX_SIBLINGS:
        yield current
        current = current.next
        count += 1


def _without_lead_clock(markdown: str, printed: str | None) -> str:
    """The body of an entry whose lead-in runs on into its first sentence,
    with the clock or minute taken off its start ("**16.06 Rishi Sunak** has
    said" -> "**Rishi Sunak** has said"): nothing else of the text goes."""
    if not printed:
        return markdown
    opening = _EMPHASIS_OPENING.match(markdown)
    assert opening is not None  # (the pattern matches the empty string)
    mark = opening.group(1)
    if not markdown.startswith(printed, opening.end()):
        return markdown
    after = _CLOCK_SEPARATOR.match(markdown, opening.end() + len(printed))
    rest = markdown[after.end() if after else opening.end() + len(printed):]
    if mark and rest.startswith(mark):  # the lead-in held only the clock
        return rest[len(mark):].lstrip()
    return mark + rest


_EMPHASIS_OPENING = re.compile(r"((?:\*\*|__|\*|_)?)\s*")
_CLOCK_SEPARATOR = re.compile(r"\s*(?:[-–—:|•·]\s*)?")


def _drawer(roots: list[LexborNode], base_url: str | None, skip: set[int],
            lead_clock: str | None) -> Callable[[], Rendered]:
    """What renders a marker entry's body, when it is the one kept; a lead-in
    that runs on into the text loses only its clock."""
    def draw() -> Rendered:
        rendered = render(roots, base_url, skip)
        if lead_clock is None:
            return rendered
        return Rendered(_without_lead_clock(rendered.markdown, lead_clock), rendered.links,
                        rendered.media)
    return draw


def marker_entries(body: LexborNode, html: str, base_url: str | None, min_markers: int,
                    minutes: bool) -> list[DomEntry]:
    markers = _markers(body, minutes)
    groups: dict[tuple[str, bool, tuple[str, str], bool], list[_Marker]] = {}
    for marker in markers:
        groups.setdefault(_marker_key(marker), []).append(marker)
    if not groups:
        return []
    best = max(groups.values(), key=len)
    if len(best) < min_markers or all(m.printed is None for m in best):
        return []
    starts = {m.block.mem_id for m in best}
    zones = not minutes and may_state_zone(html)  # (a look at the whole page: only here)
    day, zone = _day_and_zone_before(best[0].block, zones)
    entries: list[DomEntry] = []
    for marker in best:
        roots: list[LexborNode] = []
        runs_on = not marker.apart and bool(marker.rest)
        skip = set() if runs_on else {marker.lead.mem_id}
        if marker.dateline is not None:
            skip.add(marker.dateline.mem_id)  # (the entry is what follows both)
        elif marker.lead is not marker.block:
            roots.extend(own_roots(marker.block))
        next_day = None
        next_zone = None
        for sibling in _siblings_after(marker.block):
            if sibling.mem_id in starts:
                break
            header = _day_header(sibling) if sibling.is_element_node else None
            if header is not None:
                next_day = header
                continue
            if zones:
                next_zone = _zone_statement(sibling) or next_zone
            roots.append(sibling)
        headline = "" if runs_on else marker.rest  # (else find_entries gives one)
        entries.append(DomEntry(headline=headline, clock=marker.clock,
                                draw=_drawer(roots, base_url, skip,
                                             marker.printed if runs_on else None),
                                day=day if marker.clock else None,
                                time_text=marker.printed, minute=marker.minute,
                                zone=marker.zone or (zone if marker.clock else None),
                                text_chars=text_length(roots),
                                publisher_id=publisher_id(marker.block)
                                if marker.block.tag in HEADING_TAGS else None))
        if next_day is not None:
            day = next_day
        zone = next_zone or zone
    return entries


def _day_and_zone_before(block: LexborNode,
                         zones: bool) -> tuple[date | None, tzinfo | None]:
    """The day header and the zone statement nearest above a run's first
    entry, among the 20 siblings before it."""
    day: date | None = None
    zone: tzinfo | None = None
    current = block.prev
    for _ in range(20):
        if current is None or (day is not None and (zone is not None or not zones)):
            break
        if current.is_element_node:
            day = day or _day_header(current)
            if zones:
                zone = zone or _zone_statement(current)
        current = current.prev
    return day, zone


def page_zone_statement(tree: LexborHTMLParser) -> tzinfo | None:
    """The zone the page states for its clocks anywhere in its text ("All
    times UTC"): the first statement that names one."""
    body = tree.body
    if body is None:
        return None
    return first_stated_zone(body.text(separator="\n")[:SCAN_CHARS])


def _zone_statement(node: LexborNode) -> tzinfo | None:
    """The zone a short block states for the clocks below it ("All times
    below are in Beijing time.")."""
    if not node.is_element_node:
        return None
    text = short_text(node, 400)
    if len(text) > 400 or not ZONE_STATEMENT.search(text):
        return None
    for sentence in re.split(r"(?<=[.!?])\s+|\n", clean_inline(text)):
        found = stated_zone(sentence)
        if found is not None:
            return found
    return None

"""Live-blog entries found in the DOM, without trusting structured data.

Two shapes cover what publishers do:

- containers: repeated elements, one per entry, each carrying a time (a
  `<time>`, a `data-*` epoch or ISO attribute, a small clock element). The
  container is the outermost repeated ancestor of those times.
- markers: a flat run of siblings where each entry starts with a heading or a
  bold lead-in that begins with a clock ("<h2>12.31 Uhr: Titel</h2>",
  "<p><strong>9h05 - Titre</strong></p>"), optionally under day headers
  ("Dienstag, 27. August 2024").

Both give `DomEntry`s in page order; `html_dating` turns clocks into times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from datetime import time as Clock
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tui.ingest.clean import clean_inline
from tui.ingest.dates import (
    CLOCK_RE,
    RELATIVE_RE,
    find_date,
    find_date_span,
    from_compact,
    from_epoch,
    parse_iso,
    split_clock_prefix,
    split_lead_clock,
)
from tui.ingest.markdown import Rendered, is_boilerplate, markdown_plain, render, short_text
from tui.ingest.minutes import MINUTE_IN_HTML, period_marker, split_minute_prefix
from tui.ingest.zones import (
    ZONE_STATEMENT,
    first_stated_zone,
    may_state_zone,
    stated_zone,
    zone_after_clock,
)

MAX_ANCHORS = 4_000
MAX_ENTRIES = 3_000
MAX_CLIMB = 10
SCAN_CHARS = 5_000_000  # of raw HTML searched for data-*time* attribute names
MAX_SIBLINGS = 400
MIN_ENTRIES = 3  # without structured data saying it is a live blog
HEADLINE_MAX = 160

_TIME_ATTR = re.compile(r"\s(data-[\w-]*(?:time|date|stamp)[\w-]*)\s*=", re.IGNORECASE)
_DATA_PREFIX = re.compile("data-")
_LATER_ATTR = re.compile(r"modif|update|edit|expir|last", re.IGNORECASE)
_ISO_LIKE = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d")
_CLOCK_ONLY = re.compile(r"^\W*" + CLOCK_RE.pattern + r"\W*$", re.IGNORECASE)
_OPENING_TAG = re.compile(r"<([a-zA-Z][\w-]{0,20})\b(?:[^>]*?\sclass\s*=\s*[\"']?([^\"'>]*))?")
# An element whose whole text is a clock: a cheap test of whether to look for them.
_CLOCK_ELEMENT = re.compile(
    r">\s*\d{1,2}[:.h]\d\d(?:\s?[ap]\.?m\.?)?(?:\s?(?:uhr|Uhr))?(?:\s?\(?[A-Z]{2,4}\)?)?\s*<")
_CLOCK_CLASSES = '[class*="time" i], [class*="date" i], [class*="hour" i], [class*="clock" i]'
_ID_ATTRS = ("data-id", "data-post-id", "data-entry-id", "data-update-id", "data-item-id", "id")
_HEADINGS = "h1, h2, h3, h4, h5, h6"
_TITLE_CLASSES = '[class*="title" i], [class*="headline" i], [class*="heading" i]'


@dataclass
class DomEntry:
    headline: str
    rendered: Rendered
    time: datetime | None = None  # an absolute time the page states
    clock: Clock | None = None  # a printed clock, when that is all there is
    day: date | None = None  # from a day header above the entry
    time_text: str | None = None
    publisher_id: str | None = None
    minute: str | None = None  # a match minute ("95'"): a marker, not a time
    zone: tzinfo | None = None  # the zone the page states for the entry's clock
    text_chars: int = 0
    extra: dict[str, object] = field(default_factory=dict)


# --- anchors: where a page states an entry's time ------------------------


@dataclass
class _Anchor:
    node: LexborNode
    instant: datetime | None
    clock: Clock | None
    printed: str | None
    later: bool  # a modification time rather than the entry's own
    relative: bool = False  # printed is a relative time ('5 min ago'): shown, not a time
    minute: str | None = None  # a match minute ("95'"): shown, not a time
    instants: tuple[datetime, ...] = ()  # every time the node states (posted, updated...)
    zone: tzinfo | None = None  # printed after the clock ("20:28 (IST)")


def _time_attr_matches(html: str) -> Iterator[re.Match[str]]:
    """_TIME_ATTR.finditer over the first SCAN_CHARS characters. The pattern
    starts with whitespace, which the regex engine cannot skip to; every
    match has "data-" (any ASCII case) after it, which a lower-cased copy
    finds at C speed, so the pattern is only tried there."""
    head = html[:SCAN_CHARS]
    lowered = head.lower()
    if len(lowered) != len(head):  # a character lower-cased to two: positions shift
        yield from _TIME_ATTR.finditer(head)
        return
    end = 0  # finditer's matches do not overlap
    for candidate in _DATA_PREFIX.finditer(lowered):
        start = candidate.start() - 1
        if start < end:
            continue
        m = _TIME_ATTR.match(head, start)
        if m:
            end = m.end()
            yield m


def _attr_names(html: str) -> list[str]:
    names: list[str] = []
    for m in _time_attr_matches(html):
        name = m.group(1).lower()
        if name not in names:
            names.append(name)
            if len(names) >= 30:
                break
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


def _anchors(tree: LexborHTMLParser, html: str, tz: tzinfo, minutes: bool) -> list[_Anchor]:
    names = _attr_names(html)
    selector = "time"
    if names:
        selector += ", " + ", ".join(f"[{n}]" for n in names)
    body = tree.body
    if body is None:
        return []
    seen: set[int] = set()
    out: list[_Anchor] = []
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
                out.append(_Anchor(node, None, None, relative, False, relative=True))
            continue
        out.append(_Anchor(node, instant, clock[0] if clock else None,
                           clock[1] if clock else None, later, instants=tuple(instants)))
    for node in body.css(_CLOCK_CLASSES)[:MAX_ANCHORS]:
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        text = clean_inline(short_text(node, 61))
        if len(text) > 60:
            continue
        if relative := _relative(text):  # ("14H ago" is not 14:00)
            out.append(_Anchor(node, None, None, relative, False, relative=True))
        elif (stamp := _printed_clock(text)) is not None:
            out.append(_Anchor(node, None, stamp[0], stamp[1], False, zone=stamp[2]))
    leaves = _leaf_selector(html, _CLOCK_ELEMENT)
    minute_leaves = _leaf_selector(html, MINUTE_IN_HTML) if minutes else None
    if leaves or minute_leaves:
        out.extend(_leaf_anchors(body, seen, leaves, minute_leaves))
    return out


def _leaf_selector(html: str, pattern: re.Pattern[str]) -> str | None:
    """A CSS selector for the elements whose whole text `pattern` finds in
    the raw HTML ('>20:28 (IST)<'), from their opening tags: tag and first
    class ("span.liv-blg_dte"), so that only those elements are visited.
    None when fewer than MIN_ENTRIES such texts are on the page."""
    selectors: dict[str, int] = {}
    for m in pattern.finditer(html, 0, SCAN_CHARS):
        start = html.rfind("<", max(0, m.start() - 2_000), m.start() + 1)
        opening = _OPENING_TAG.match(html, start) if start >= 0 else None
        if opening is None:
            continue
        tag = opening.group(1).lower()
        classes = (opening.group(2) or "").split()
        selector = f'{tag}[class~="{classes[0]}"]' if classes and '"' not in classes[0] \
            and "\\" not in classes[0] else tag
        selectors[selector] = selectors.get(selector, 0) + 1
        if len(selectors) > 12:
            break
    if sum(selectors.values()) < MIN_ENTRIES:
        return None
    return ", ".join(selectors)


def _leaf_anchors(body: LexborNode, seen: set[int], clocks: str | None,
                  minutes: str | None) -> Iterator[_Anchor]:
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
        if clocks and len(text) <= 40 and (stamp := _printed_clock(text)) is not None:
            anchor = _Anchor(node, None, stamp[0], stamp[1], False, zone=stamp[2])
        elif minutes and (split := split_minute_prefix(text)) is not None and not split[1]:
            anchor = _Anchor(node, None, None, split[0], False, minute=split[0])
        if anchor is not None:
            seen.add(node.mem_id)
            yield anchor
            found += 1
            if found >= MAX_ANCHORS:
                return


_MINUTES_PRINTED = re.compile(r"\d\s?[:.h]\s?\d\d|\d\s?[ap]\.?m", re.IGNORECASE)
_CLOCK_WORDS_MAX = 25  # "Updated", "Mis à jour à", "Aktualisiert um": a label, not prose


def _printed_clock(text: str) -> tuple[Clock, str, tzinfo | None] | None:
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


# --- containers -------------------------------------------------------------


def _key(node: LexborNode) -> tuple[str, str]:
    classes = (node.attributes.get("class") or "").split()
    return (node.tag or "", classes[0] if classes else "")


def _text_stats(node: LexborNode) -> tuple[int, int]:
    text = len(" ".join(node.text().split()))
    links = sum(len(clean_inline(short_text(a, 500))) for a in node.css("a")[:200])
    return text, links


def _container_groups(anchors: list[_Anchor]) -> list[tuple[int, int, list[LexborNode]]]:
    """Candidate (count, level, nodes) groups of repeated anchor ancestors."""
    groups: dict[tuple[str, str], dict[int, LexborNode]] = {}
    levels: dict[tuple[str, str], int] = {}
    nested: set[tuple[str, str]] = set()
    keys: dict[int, tuple[str, str]] = {}  # anchors share ancestors: one _key each
    for anchor in anchors:
        node: LexborNode | None = anchor.node
        seen_keys: set[tuple[str, str]] = set()
        for level in range(MAX_CLIMB):
            if node is None or node.tag in ("body", "html", "main", "#document", None):
                break
            key = keys.get(node.mem_id)
            if key is None:
                key = keys[node.mem_id] = _key(node)
            if key in seen_keys:
                nested.add(key)
            seen_keys.add(key)
            groups.setdefault(key, {})[node.mem_id] = node
            levels[key] = max(levels.get(key, 0), level)
            node = node.parent
    out = []
    for key, members in groups.items():
        if key in nested or len(members) < 2:
            continue
        out.append((len(members), levels[key], list(members.values())))
    out.sort(key=lambda g: (g[0], g[1]), reverse=True)
    return out


MAX_SAMPLED = 60  # containers whose text is measured to judge a group


def _acceptable(nodes: list[LexborNode]) -> bool:
    """Whether a group of repeated containers carries text, not links: judged
    on an even sample of them (measuring text costs each one's subtree)."""
    if any(is_boilerplate(node) for node in nodes):
        return False
    sample = nodes[::-(-len(nodes) // MAX_SAMPLED)]
    total = links = 0
    for node in sample:
        text, linked = _text_stats(node)
        total += text
        links += linked
    return total / len(sample) >= 30 and links <= 0.5 * total


def _container_entries(anchors: list[_Anchor], base_url: str | None,
                       minimum: int) -> list[DomEntry]:
    for count, _level, nodes in _container_groups(anchors)[:8]:
        if count < minimum or not _acceptable(nodes):
            continue
        nodes = nodes[:MAX_ENTRIES]
        members = {node.mem_id for node in nodes}
        owned: dict[int, list[_Anchor]] = {}
        for anchor in anchors:
            owner = _owner(anchor.node, members)
            if owner is not None:
                owned.setdefault(owner, []).append(anchor)
        entries = [_from_container(node, owned.get(node.mem_id, []), base_url) for node in nodes]
        if sum(bool(e.extra.get("teaser")) for e in entries) * 2 > len(entries):
            continue  # teasers of other articles: a "latest" or "related" rail
        return entries
    return []


_TEASER_CLIMB = 3  # levels above an entry's element where a wrapping link is looked for


def _links_away(container: LexborNode, headline: LexborNode | None,
                base_url: str | None) -> bool:
    """Whether an entry is a teaser of another page: wrapped in a link to
    it, or its headline is one. A live-blog entry's own permalink (a
    #fragment, or the page's own address) is not a link away."""
    node: LexborNode | None = container
    for _ in range(_TEASER_CLIMB + 1):
        if node is None or node.tag in ("body", "html"):
            break
        if node.tag == "a" and _points_away(node, base_url):
            return True
        node = node.parent
    if headline is None:
        return False
    node = headline
    while node is not None and node.mem_id != container.mem_id:
        if node.tag == "a":
            return _points_away(node, base_url)
        node = node.parent
    away = sum(len(clean_inline(short_text(link, 300))) for link in headline.css("a[href]")[:10]
               if _points_away(link, base_url))
    return away > 0 and away * 2 >= len(clean_inline(short_text(headline, 300)))


def _points_away(link: LexborNode, base_url: str | None) -> bool:
    href = (link.attributes.get("href") or "").strip()
    if not href or href.startswith(("#", "?", "javascript:")):
        return False
    target = urlsplit(urljoin(base_url or "", href))
    if not base_url:
        return bool(target.path.strip("/"))
    here = urlsplit(base_url)
    return (target.netloc, target.path.rstrip("/")) != (here.netloc, here.path.rstrip("/"))


def _owner(node: LexborNode, members: set[int]) -> int | None:
    current: LexborNode | None = node
    for _ in range(MAX_CLIMB + 1):
        if current is None:
            return None
        if current.mem_id in members:
            return current.mem_id
        current = current.parent
    return None


def _inside(node: LexborNode, container: LexborNode, within: int) -> bool:
    """Whether `node` is `container` or lies in it, for a container that is
    `within` (an entry's node, mem_id) or inside it: climbing past `within`
    cannot meet it any more."""
    current: LexborNode | None = node
    target = container.mem_id
    for _ in range(MAX_CLIMB + 1):
        if current is None:
            return False
        mem_id = current.mem_id
        if mem_id == target:
            return True
        if mem_id == within:
            return False
        current = current.parent
    return False


def _meta_block(anchor: LexborNode, container: LexborNode) -> LexborNode:
    """The small block around a time (time + author + share link) to leave
    out of the body."""
    node = anchor
    base = len(clean_inline(short_text(anchor, 100)))
    while node.parent is not None and node.parent.mem_id != container.mem_id:
        if len(clean_inline(short_text(node.parent, base + 200))) > base + 80:
            break
        node = node.parent
    return node


def _own_roots(node: LexborNode) -> list[LexborNode]:
    """What to render of an entry's element: a list item's or a row's own
    content (an entry is not a list of one), else the element."""
    return list(node.iter(include_text=True)) if node.tag in _ITEM_TAGS else [node]


def _publisher_id(node: LexborNode) -> str | None:
    attrs = node.attributes  # (builds a dict: once, not once per name)
    for name in _ID_ATTRS:
        value = (attrs.get(name) or "").strip()
        if value and len(value) < 200:
            return value
    return None


def _from_container(container: LexborNode, mine: list[_Anchor],
                    base_url: str | None) -> DomEntry:
    instant = next((a.instant for a in mine if a.instant and not a.later), None)
    instant = instant or next((a.instant for a in mine if a.instant), None)
    clocked = next((a for a in mine if a.clock), None)
    relative = next((a.printed for a in mine if a.relative), None)
    minute = next((a.minute for a in mine if a.minute), None)
    skip: set[int] = set()
    for anchor in mine:
        if anchor.node.mem_id != container.mem_id:
            skip.add(_meta_block(anchor.node, container).mem_id)
    skipped = [a.node for a in mine]
    headline, headline_node = _container_headline(container, skipped)
    teaser = _links_away(container, headline_node, base_url)
    if headline_node is not None:
        skip.add(headline_node.mem_id)
    rendered = render(_own_roots(container), base_url, skip)
    entry = DomEntry(
        headline=headline,
        rendered=rendered,
        time=instant,
        clock=clocked.clock if clocked else None,
        time_text=clocked.printed if clocked else minute or (None if instant else relative),
        publisher_id=_publisher_id(container),
        minute=minute,
        zone=clocked.zone if clocked else None,
    )
    entry.text_chars = len(rendered.markdown)
    if teaser:
        entry.extra["teaser"] = True
    if clocked and instant:
        entry.extra["printed_clock"] = clocked.clock
        # Every time the entry carries (posted, updated): the one that reads
        # as the printed clock is its time (html_dating.calibrate).
        entry.extra["instants"] = tuple(dict.fromkeys(
            t for a in mine for t in (a.instant, *a.instants) if t is not None))
    return entry


_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_BOLD_TAGS = frozenset(("strong", "b"))
# [class*="..." i]: a substring in any ASCII case.
_TITLE_WORD = re.compile("title|headline|heading", re.IGNORECASE | re.ASCII)


def _first_matches(container: LexborNode, selector: str) -> Iterator[LexborNode]:
    """container.css(selector)[:5] for the three selectors below, found by
    walking the container (itself included, document order) only as far as
    the caller reads: the first heading usually is the headline, and a
    selector query compiles the selector and visits every node."""
    found = 0
    for node in container.traverse():
        if not node.is_element_node:
            continue
        if selector == _HEADINGS:
            matches = node.tag in _HEADING_TAGS
        elif selector == _TITLE_CLASSES:
            classes = node.attributes.get("class")
            matches = bool(classes and _TITLE_WORD.search(classes))
        else:
            matches = node.tag in _BOLD_TAGS
        if matches:
            yield node
            found += 1
            if found == 5:
                return


def _container_headline(container: LexborNode,
                        times: list[LexborNode]) -> tuple[str, LexborNode | None]:
    for selector in (_HEADINGS, _TITLE_CLASSES, "strong, b"):
        for node in _first_matches(container, selector):
            if any(_inside(t, node, container.mem_id) for t in times):
                continue
            text = clean_inline(short_text(node, 301))
            if not text or len(text) > 300:
                continue
            split = split_clock_prefix(text)
            if split and split[2]:
                text = split[2]
            elif split:
                continue
            if selector == "strong, b":
                # Bold text is a headline only as a lead-in that stands apart.
                lead_in = _lead_in(node, text)
                if lead_in is None:
                    continue
                if not lead_in[1] or len(text) > HEADLINE_MAX:
                    return "", None
            return text, node
    return "", None


# --- markers ---------------------------------------------------------------


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


_ITEM_TAGS = frozenset(("li", "tr", "dd", "dt"))
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
    if node.tag in _HEADING_TAGS:
        return _Marker(node, node, clock, printed, rest, minute, zone=zone)
    lead_in = _lead_in(node, text)
    if lead_in is None:
        return None
    return _Marker(lead_in[0], node, clock, printed, rest, minute,
                   lead_in[1] and len(rest) <= HEADLINE_MAX, zone)


def _lead_in(node: LexborNode, text: str) -> tuple[LexborNode, bool] | None:
    """For inline text (`text`, cleaned) that opens its block: the block, and
    whether it stands apart from what follows it, as a title does ("Rishi
    Sunak:" or a paragraph of its own), rather than opening a sentence
    ("Rishi Sunak has said..."). None when it does not open its block."""
    parent = node.parent
    if parent is None or parent.tag in _HEADING_TAGS or parent.tag not in _LEAD_BLOCKS:
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
        if sibling is None or sibling.tag in _HEADING_TAGS:
            continue
        line = clean_inline(short_text(sibling, _DATELINE_MAX + 1))
        if not line or len(line) > _DATELINE_MAX:
            continue
        stamp = _printed_clock(line)
        if stamp is None:
            continue
        block = heading if forward else sibling
        return _Marker(block, heading, stamp[0], stamp[1], text, zone=stamp[2], dateline=sibling)
    return None


def _marker_key(marker: _Marker) -> tuple[str, bool, tuple[str, str], bool]:
    parent = marker.block.parent
    return (marker.block.tag or "", marker.lead is not marker.block,
            _key(parent) if parent is not None else ("", ""), marker.clock is None)


def _day_header(node: LexborNode) -> date | None:
    """A short block that is only a date ('Dienstag, 27. August 2024')."""
    if node.tag not in ("h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "li"):
        return None
    text = clean_inline(short_text(node, 61))
    if not text or len(text) > 60 or CLOCK_RE.search(text):
        return None
    return find_date(text)


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
    m = re.match(r"^((?:\*\*|__|\*|_)?)\s*" + re.escape(printed) + r"\s*(?:[-–—:|•·]\s*)?",
                 markdown)
    if not m:
        return markdown
    rest = markdown[m.end():]
    if m.group(1) and rest.startswith(m.group(1)):  # the lead-in held only the clock
        return rest[len(m.group(1)):].lstrip()
    return m.group(1) + rest


def _marker_entries(body: LexborNode, html: str, base_url: str | None, min_markers: int,
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
    for marker in best[:MAX_ENTRIES]:
        roots: list[LexborNode] = []
        runs_on = not marker.apart and bool(marker.rest)
        skip = set() if runs_on else {marker.lead.mem_id}
        if marker.dateline is not None:
            skip.add(marker.dateline.mem_id)  # (the entry is what follows both)
        elif marker.lead is not marker.block:
            roots.extend(_own_roots(marker.block))
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
        rendered = render(roots, base_url, skip)
        if runs_on:
            rendered = Rendered(_without_lead_clock(rendered.markdown, marker.printed),
                                rendered.links, rendered.media)
        headline = "" if runs_on else marker.rest  # (else find_entries gives one)
        entries.append(DomEntry(headline=headline, rendered=rendered, clock=marker.clock,
                                day=day if marker.clock else None,
                                time_text=marker.printed, minute=marker.minute,
                                zone=marker.zone or (zone if marker.clock else None),
                                text_chars=len(rendered.markdown),
                                publisher_id=_publisher_id(marker.block)
                                if marker.block.tag in _HEADING_TAGS else None))
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


def first_sentence(markdown: str) -> str:
    text = clean_inline(markdown_plain(markdown))
    m = re.match(r"(.{20,}?[.!?])(?:\s|$)", text)
    sentence = m.group(1) if m else text
    if len(sentence) > HEADLINE_MAX:
        sentence = sentence[: HEADLINE_MAX - 1].rsplit(" ", 1)[0] + "…"
    return sentence


# --- entry point ---------------------------------------------------------------


def find_entries(tree: LexborHTMLParser, html: str, tz: tzinfo, base_url: str | None,
                 live_hint: bool) -> list[DomEntry]:
    """The page's live-blog entries as its HTML shows them, or [].

    Each kind of evidence proposes a segmentation of the page: repeated
    containers around times (or match minutes), runs of headings or lead-ins
    that open with a clock, runs that open with a match minute. The one that
    covers most of the page's text in the most regular order is kept."""
    body = tree.body
    if body is None:
        return []
    minimum = 2 if live_hint else MIN_ENTRIES
    minutes = _at_least(MINUTE_IN_HTML, html, MIN_ENTRIES)
    candidates = [
        _container_entries(_anchors(tree, html, tz, minutes), base_url, minimum),
        _marker_entries(body, html, base_url, minimum, minutes=False),
    ]
    if minutes:
        candidates.append(_marker_entries(body, html, base_url, minimum, minutes=True))
    best = max(candidates, key=_segmentation_score)
    for entry in best:
        if not entry.headline:
            _give_headline(entry)
    return _without_copies(best)


_BOLD_PARAGRAPH = re.compile(r"^(\*\*|__)([^*_\n][^\n]*?)\1[ \t]*(?:\n\n|$)")


def _give_headline(entry: DomEntry) -> None:
    """A headline for an entry whose markup marks none: a bold paragraph that
    opens it (a title the page did not mark as one), else its first
    sentence, else the caption of what it shows."""
    markdown = entry.rendered.markdown
    bold = _BOLD_PARAGRAPH.match(markdown)
    if bold and len(bold.group(2)) <= HEADLINE_MAX and markdown[bold.end():].strip():
        entry.headline = clean_inline(markdown_plain(bold.group(0)))
        entry.rendered = Rendered(markdown[bold.end():].lstrip("\n"), entry.rendered.links,
                                  entry.rendered.media)
        return
    entry.headline = first_sentence(markdown) or _media_headline(entry)


def _media_headline(entry: DomEntry) -> str:
    """For an update that is only a picture, a video or an embedded post:
    its caption (a tweet's text), else what it is."""
    for media in entry.rendered.media:
        if media.caption:
            return first_sentence(media.caption)
    return entry.rendered.media[0].kind.capitalize() if entry.rendered.media else ""


def _at_least(pattern: re.Pattern[str], html: str, count: int) -> bool:
    """Whether `pattern` occurs `count` times in the page's first SCAN_CHARS
    characters (stops looking once it has)."""
    for found, _m in enumerate(pattern.finditer(html, 0, SCAN_CHARS), start=1):
        if found >= count:
            return True
    return False


def _order_key(entry: DomEntry) -> float | None:
    if entry.time is not None:
        return entry.time.timestamp()
    if entry.clock is not None:
        return entry.clock.hour * 60 + entry.clock.minute
    if entry.minute:
        numbers = re.findall(r"\d+", entry.minute)
        return int(numbers[0]) + (int(numbers[1]) / 100 if len(numbers) > 1 else 0)
    return None


def regularity(entries: list[DomEntry]) -> float:
    """How steadily the entries' times (or clocks, or minutes) run one way:
    1.0 for a feed in order (newest or oldest first), near 0.5 for times
    scattered as a sidebar's or a schedule's are."""
    down, up = steps([k for k in map(_order_key, entries) if k is not None])
    return max(down, up) / (down + up) if down + up >= 2 else 1.0


def steps(values: Sequence[Any]) -> tuple[int, int]:
    """How many times consecutive values go down, and up."""
    down = up = 0
    for a, b in zip(values, values[1:], strict=False):
        if a > b:
            down += 1
        elif a < b:
            up += 1
    return down, up


def _segmentation_score(entries: list[DomEntry]) -> float:
    if not entries:
        return 0.0
    covered = sum(e.text_chars + len(e.headline) for e in entries)
    return covered * (0.5 + 0.5 * regularity(entries)) + len(entries)


def _without_copies(entries: list[DomEntry]) -> list[DomEntry]:
    """A pinned or highlighted entry repeated above the feed is one entry:
    entries with the publisher's id, or the headline, time and text, of a
    later one are dropped (the later one sits in its place in the feed)."""
    seen: set[object] = set()
    kept: list[DomEntry] = []
    for entry in reversed(entries):
        keys: list[object] = [(entry.headline, entry.time, entry.clock, entry.time_text,
                               entry.rendered.markdown)]
        if entry.publisher_id:
            keys.append(entry.publisher_id)
        if any(k in seen for k in keys):
            continue
        seen.update(keys)
        kept.append(entry)
    if len(kept) == len(entries):
        return entries
    kept.reverse()
    return kept

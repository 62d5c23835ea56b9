"""Live-blog entries as containers: repeated elements, one per entry, each
carrying a time; the container is the outermost repeated ancestor of the
anchors. Rails of teasers of other pages are not entries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborNode

from tui.ingest.dates import (
    split_clock_prefix,
)
from tui.ingest.html.anchors import Anchor
from tui.ingest.html.entry import (
    HEADING_TAGS,
    MAX_CLIMB,
    DomEntry,
    node_key,
    own_roots,
    publisher_id,
    text_length,
)
from tui.ingest.html.markers import lead_in
from tui.ingest.markdown import is_boilerplate, render, short_text
from tui.ingest.markdown.plain import HEADLINE_MAX
from tui.textnorm import clean_inline

_HEADINGS = "h1, h2, h3, h4, h5, h6"
_TITLE_CLASSES = '[class*="title" i], [class*="headline" i], [class*="heading" i]'


def _text_stats(node: LexborNode) -> tuple[int, int]:
    text = len(" ".join(node.text().split()))
    links = sum(len(clean_inline(short_text(a, 500))) for a in node.css("a")[:200])
    return text, links


def _container_groups(anchors: list[Anchor]) -> list[tuple[int, int, list[LexborNode]]]:
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
                key = keys[node.mem_id] = node_key(node)
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


def container_entries(anchors: list[Anchor], base_url: str | None,
                       minimum: int) -> list[DomEntry]:
    for count, _level, nodes in _container_groups(anchors)[:8]:
        if count < minimum or not _acceptable(nodes):
            continue
        members = {node.mem_id for node in nodes}
        owned: dict[int, list[Anchor]] = {}
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


def _from_container(container: LexborNode, mine: list[Anchor],
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
    skip.update(byline.mem_id for byline in container.css(_BYLINES)[:4]
                if len(short_text(byline, 121)) <= 120)  # who wrote it: like the time, meta
    roots = own_roots(container)
    entry = DomEntry(
        headline=headline,
        draw=lambda: render(roots, base_url, skip),
        text_chars=text_length(roots),
        time=instant,
        clock=clocked.clock if clocked else None,
        time_text=clocked.printed if clocked else minute or (None if instant else relative),
        publisher_id=publisher_id(container),
        minute=minute,
        zone=clocked.zone if clocked else None,
    )
    if teaser:
        entry.extra["teaser"] = True
    if clocked and instant:
        entry.extra["printed_clock"] = clocked.clock
        # Every time the entry carries (posted, updated): the one that reads
        # as the printed clock is its time (dating.calibrate).
        entry.extra["instants"] = tuple(dict.fromkeys(
            t for a in mine for t in (a.instant, *a.instants) if t is not None))
    return entry


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
            matches = node.tag in HEADING_TAGS
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


# Where an entry names who wrote it: a name there is no headline, and the
# block is left out of the body as its time is.
_BYLINES = '[class*="author" i], [class*="byline" i], [class*="contributor" i]'
_BYLINE = re.compile(r"author|byline|contributor|avatar|signature|credit|profile",
                     re.IGNORECASE | re.ASCII)


def _in_byline(node: LexborNode, container: LexborNode) -> bool:
    current: LexborNode | None = node
    for _ in range(MAX_CLIMB):
        if current is None or current.mem_id == container.mem_id:
            return False
        classes = current.attributes.get("class")
        if classes and _BYLINE.search(classes):
            return True
        current = current.parent
    return False


def _container_headline(container: LexborNode,
                        times: list[LexborNode]) -> tuple[str, LexborNode | None]:
    for selector in (_HEADINGS, _TITLE_CLASSES, "strong, b"):
        for node in _first_matches(container, selector):
            if any(_inside(t, node, container.mem_id) for t in times) or \
                    _in_byline(node, container):
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
                opening = lead_in(node, text)
                if opening is None:
                    continue
                if not opening[1] or len(text) > HEADLINE_MAX:
                    return "", None
            return text, node
    return "", None

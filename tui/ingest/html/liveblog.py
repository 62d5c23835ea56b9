"""Live-blog entries found in the DOM, without trusting structured data.

Each kind of evidence proposes a segmentation of the page: containers
(containers: repeated elements around times) and markers (markers:
runs of headings or lead-ins that open with a clock or a match minute). The
one that covers most of the page's text in the most regular order is kept.
All give `DomEntry`s in page order; `dating` turns clocks into times.
"""

from __future__ import annotations

import re
from datetime import tzinfo

from selectolax.lexbor import LexborHTMLParser

from tui.ingest.html.anchors import find_anchors, leaf_selectors
from tui.ingest.html.containers import container_entries
from tui.ingest.html.entry import MAX_ENTRIES, MIN_ENTRIES, DomEntry, steps
from tui.ingest.html.markers import marker_entries
from tui.ingest.markdown import Rendered
from tui.ingest.markdown.plain import HEADLINE_MAX, escape_markdown, first_sentence, markdown_plain
from tui.model import Link
from tui.textnorm import clean_inline


def find_entries(tree: LexborHTMLParser, html: str, tz: tzinfo, base_url: str | None,
                 live_hint: bool) -> tuple[list[DomEntry], int]:
    """The page's live-blog entries as its HTML shows them (or []), and how
    many more it has past MAX_ENTRIES, left out.

    Each kind of evidence proposes a segmentation of the page: repeated
    containers around times (or match minutes), runs of headings or lead-ins
    that open with a clock, runs that open with a match minute. The one that
    covers most of the page's text in the most regular order is kept."""
    body = tree.body
    if body is None:
        return [], 0
    minimum = 2 if live_hint else MIN_ENTRIES
    leaves = leaf_selectors(html)
    minutes = leaves.minutes is not None
    candidates = [
        container_entries(find_anchors(tree, html, tz, leaves), base_url, minimum),
        marker_entries(body, html, base_url, minimum, minutes=False),
    ]
    if minutes:
        candidates.append(marker_entries(body, html, base_url, minimum, minutes=True))
    best = max(candidates, key=_segmentation_score)
    cut = max(0, len(best) - MAX_ENTRIES)
    best = best[:MAX_ENTRIES]
    for entry in best:
        if not entry.headline:
            _give_headline(entry)
        if not entry.rendered.markdown.strip():
            _post_as_text(entry)
    return _without_copies(best), cut


def _post_as_text(entry: DomEntry) -> None:
    """An update that is only an embedded post (a tweet) gets the post's
    text as its body, quoted, and the post's address as its first link: the
    reader shows what was said and `o` opens it, not "(no text)"."""
    posts = [m for m in entry.rendered.media if m.kind == "embed" and m.caption]
    if not posts:
        return
    post = posts[0]
    body = f"> {escape_markdown(post.caption or '')}"
    links = list(entry.rendered.links)
    if post.url:
        links.insert(0, Link(post.url, post.caption or ""))
    entry.rendered = Rendered(body, links, entry.rendered.media)


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

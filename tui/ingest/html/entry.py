"""What every way of finding live-blog entries in the DOM shares: the entry
they produce (`DomEntry`), the limits they keep, and the small helpers they
all use (an element's key, its publisher id, the direction its times run)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from datetime import time as Clock
from typing import Any

from selectolax.lexbor import LexborNode

from tui.ingest.markdown import Rendered

# Far past real pages (a few hundred updates; the longest a few thousand):
# a page with more keeps its first MAX_ENTRIES and says how many it left out.
MAX_ANCHORS = 60_000
MAX_ENTRIES = 50_000
MAX_CLIMB = 10
SCAN_CHARS = 5_000_000  # of raw HTML searched for data-*time* attributes, clocks, minutes
MAX_SIBLINGS = 400
MIN_ENTRIES = 3  # without structured data saying it is a live blog

_ID_ATTRS = ("data-id", "data-post-id", "data-entry-id", "data-update-id", "data-item-id", "id")


@dataclass
class DomEntry:
    headline: str
    body: Rendered | None = None  # the Markdown, or None until `rendered` draws it
    time: datetime | None = None  # an absolute time the page states
    clock: Clock | None = None  # a printed clock, when that is all there is
    day: date | None = None  # from a day header above the entry
    time_text: str | None = None
    publisher_id: str | None = None
    minute: str | None = None  # a match minute ("95'"): a marker, not a time
    zone: tzinfo | None = None  # the zone the page states for the entry's clock
    text_chars: int = 0
    extra: dict[str, object] = field(default_factory=dict)
    # Renders the body when first asked: every segmentation of a page is
    # weighed, only the one kept is drawn as Markdown.
    draw: Callable[[], Rendered] | None = field(default=None, repr=False, compare=False)

    @property
    def rendered(self) -> Rendered:
        if self.body is None:
            self.body = self.draw() if self.draw is not None else Rendered()
        return self.body

    @rendered.setter
    def rendered(self, value: Rendered) -> None:
        self.body = value


def text_length(nodes: Iterable[LexborNode]) -> int:
    """The characters of text under some nodes, spaces folded: what an entry
    weighs before it is rendered."""
    return sum(len(" ".join((node.text() or "").split())) for node in nodes)


def node_key(node: LexborNode) -> tuple[str, str]:
    classes = (node.attributes.get("class") or "").split()
    return (node.tag or "", classes[0] if classes else "")


def own_roots(node: LexborNode) -> list[LexborNode]:
    """What to render of an entry's element: a list item's or a row's own
    content (an entry is not a list of one), else the element."""
    return list(node.iter(include_text=True)) if node.tag in ITEM_TAGS else [node]


def publisher_id(node: LexborNode) -> str | None:
    attrs = node.attributes  # (builds a dict: once, not once per name)
    for name in _ID_ATTRS:
        value = (attrs.get(name) or "").strip()
        if value and len(value) < 200:
            return value
    return None


HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
ITEM_TAGS = frozenset(("li", "tr", "dd", "dt"))


def body_span(html: str) -> tuple[int, int]:
    """Where the raw HTML searches for time attributes, clocks and minutes
    look: from <body> (the head's scripts and styles hold none an entry
    shows), SCAN_CHARS characters at most."""
    start = html.find("<body")
    if start < 0:
        start = max(html.find("<BODY"), 0)
    return start, min(len(html), start + SCAN_CHARS)


def steps(values: Sequence[Any]) -> tuple[int, int]:
    """How many times consecutive values go down, and up."""
    down = up = 0
    for a, b in zip(values, values[1:], strict=False):
        if a > b:
            down += 1
        elif a < b:
            up += 1
    return down, up

"""The page model: what ingest produces and the library stores.

Frozen dataclasses so a parsed page can be shared between threads and compared
in tests. `to_json` gives exactly the field names DESIGN.md documents.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from tui.i18n import _, number


class PageKind(StrEnum):
    LIVEBLOG = "liveblog"
    ARTICLE = "article"


@dataclass(frozen=True)
class Link:
    url: str
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "text": self.text}


@dataclass(frozen=True)
class Media:
    """A picture, video or embedded post, kept as text a terminal can show."""

    kind: str  # "image" | "video" | "embed"
    caption: str | None = None
    credit: str | None = None
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "caption": self.caption, "credit": self.credit, "url": self.url}


@dataclass(frozen=True)
class Entry:
    id: str
    position: int
    headline: str
    body_markdown: str = ""
    time: datetime | None = None  # timezone-aware, or None when the page gives none
    time_text: str | None = None  # the time as printed on the page
    topics: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    media: tuple[Media, ...] = ()
    # A match minute ("95'", "45+2'") on minute-by-minute sports pages: an
    # entry marker, never a clock time.
    minute: str | None = None
    # The zone of the entry's clock as the page states it ("GMT", "ET",
    # "Europe/Paris"), so a reader can show the page's clock and its own.
    zone: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "position": self.position,
            "time": iso(self.time),
            "time_text": self.time_text,
            "minute": self.minute,
            "zone": self.zone,
            "headline": self.headline,
            "body_markdown": self.body_markdown,
            "topics": list(self.topics),
            "links": [link.to_json() for link in self.links],
            "media": [m.to_json() for m in self.media],
        }


@dataclass(frozen=True)
class Page:
    kind: PageKind
    title: str
    entries: tuple[Entry, ...] = ()
    url: str | None = None
    source: str | None = None  # publisher name
    lead: str | None = None
    # A `date` when the page gives the day but no time: never an invented midnight.
    published: datetime | date | None = None
    updated: datetime | date | None = None
    authors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    image_caption: str | None = None
    # Not part of the JSON page model; used by following and feeds.
    coverage_end: datetime | None = field(default=None, compare=False)
    # Entries the page has past the parser's limit, left out (0: none).
    cut: int = field(default=0, compare=False)
    feed_url: str | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "source": self.source,
            "kind": str(self.kind),
            "title": self.title,
            "lead": self.lead,
            "published": iso(self.published),
            "updated": iso(self.updated),
            "authors": list(self.authors),
            "topics": list(self.topics),
            "image_caption": self.image_caption,
            "entries": [e.to_json() for e in self.entries],
        }


def cut_note(kept: int, cut: int) -> str:
    """What a reader is told of a page cut at the parser's limit (CLI and app)."""
    return _("the page has {cut} more entries than the {kept} kept (the limit);"
             " the oldest are left out").format(cut=number(cut), kept=number(kept))


def iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def entry_id(
    page_key: str, headline: str, time: datetime | None, publisher_id: str | None = None
) -> str:
    """A stable id: the publisher's own id when it has one, else a hash of
    page + headline + time, so a re-fetch of the same page finds the same ids."""
    if publisher_id:
        basis = f"{page_key}\x00pub\x00{publisher_id}"
    else:
        basis = f"{page_key}\x00{' '.join(headline.split()).casefold()}\x00{iso(time) or ''}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]

"""Bodies: an entry (or the article) being assembled, and filling it with
paragraphs, content lists, media and links from its units, chrome dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo

from tui.ingest.markdown.plain import escape_markdown
from tui.ingest.textdump.chrome import (
    content_list,
    headline_like,
    is_chrome,
    is_date_line,
    next_meaningful,
    paragraph_like,
)
from tui.ingest.textdump.media import URL, media_at, split_credit
from tui.ingest.textdump.units import Unit
from tui.model import Link, Media


@dataclass
class Body:
    """An entry (or the article) being assembled."""

    headline: str
    time_text: str | None = None
    clock: time | None = None
    day: date | None = None
    zone: tzinfo | None = None  # the zone the page gives this entry's clock
    minute: str | None = None  # a match minute ("95'"): shown, never a time
    when: datetime | None = None
    paragraphs: list[str] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def fill_body(body: Body, units: list[Unit], headline: str, *, subheadings: bool) -> None:
    """Body paragraphs, lists and media from units, chrome dropped."""
    i = 0
    n = len(units)
    skip_next = False
    while i < n:
        unit = units[i]
        text = unit.text
        if skip_next:
            skip_next = False
            if not unit.is_list and unit.words <= 25 and not paragraph_like(text):
                i += 1
                continue
        if unit.is_list:
            if content_list(unit):
                items = [escape_markdown(item, block=False) for item in unit.items or () if item]
                body.paragraphs.append("\n".join(f"- {item}" for item in items))
                collect_links(body, " ".join(unit.items or ()))
            i += 1
            continue
        if text == headline:
            i += 1
            continue
        if _is_promo_label(unit):
            skip_next = True
            i += 1
            continue
        media, used = media_at(units, i, n, headline)
        if media:
            body.media.append(media)
            i += used
            continue
        if is_chrome(unit):
            i += 1
            continue
        if is_date_line(text) and unit.words <= 6:
            i += 1  # a day header
            continue
        following = units[i + 1] if i + 1 < n else None
        if following is not None and not following.is_list and split_credit(following.text):
            if unit.words <= 12 and text[-1] not in ".!?":  # alt text above a caption
                i += 1
                continue
        if headline_like(text) and unit.words <= 12:
            nxt = next_meaningful(units, i + 1)
            if nxt is None or units[nxt].is_list and not content_list(units[nxt]):
                if unit.words <= 3:
                    i += 1  # a stray label: "AFP", "Direct"
                    continue
            elif subheadings and paragraph_like(units[nxt].text):
                body.paragraphs.append(f"**{escape_markdown(text, block=False)}**")
                i += 1
                continue
        body.paragraphs.append(escape_markdown(text))
        collect_links(body, text)
        i += 1


_PROMO_LABEL = re.compile(
    r"^(?:a lire aussi|lire aussi|read more|read also|see also|mehr zum thema|"
    r"auch interessant|sur le meme sujet|voir aussi|related)\s*:?$"
)


def _is_promo_label(unit: Unit) -> bool:
    """'Lire aussi :' / 'Read more:' alone: the next short line is the promoted title."""
    return unit.words <= 5 and bool(_PROMO_LABEL.match(unit.folded))


def collect_links(body: Body, text: str) -> None:
    for url in URL.findall(text):
        url = url.rstrip(".,;:")
        if all(link.url != url for link in body.links):
            body.links.append(Link(url))

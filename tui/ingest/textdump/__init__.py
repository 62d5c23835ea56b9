"""Plain-text page dumps: what a browser's "save as text" or `w3m -dump` gives.

A dump keeps the whole page as lines: menus and footers as bullet lists,
promotions and notices as stray lines, photo captions glued to their credits,
and the article or live blog somewhere in the middle. The parser works on
"units" (a line, or a whole bullet list) and applies general rules, in French,
English, German and Italian, never rules for one publisher:

1. find the title (a headline-like line followed by a standfirst, a byline or
   a date), and where the content ends (comments, "related", paywall...);
2. read the header between the title and the body: standfirst, authors,
   dates, tags, the lead picture;
3. tell a live blog from an article, and split it into entries: at each
   entry's stamp (a clock as dumps print it, glued to an author, a relative
   time or a date, after 'Updated'/'Posted at'; a run of bare '16.06' lead-ins;
   match minutes on a sports page; or a stamp under each entry's text), when
   the stamped entries hold text and most of the page's; else, on a page
   marked LIVE, at each headline line followed by a body paragraph. Entries
   are dated from their own day or a day header, else the day nearest the
   entry before, in the zone the page states (a timed rail, a TV schedule or
   teasers without text leave an article an article);
4. drop chrome everywhere; keep captions, videos and embedded posts as media.

The steps live in the modules of this package: `units` (the dump as lines and
lists), `chrome` (what a line is), `stamps` (an entry's stamp line), `header`
(title, byline, dates, tags, source), `media` (captions and credits),
`entries` (a live blog's entries), `times` (their order and times), `fill`
(an entry's body) and `lexicon` (the phrases they recognise).
"""

from __future__ import annotations

import re

from tui.ingest.dates import zone_for_language
from tui.ingest.lang import guess_language
from tui.ingest.markdown.plain import escape_markdown
from tui.ingest.textdump.chrome import is_end
from tui.ingest.textdump.entries import split_headlines, stamped_bodies
from tui.ingest.textdump.fill import Body, fill_body
from tui.ingest.textdump.header import find_source, find_title, read_header
from tui.ingest.textdump.times import assign_times
from tui.ingest.textdump.units import fold_units, split_units
from tui.ingest.zones import zone_label
from tui.model import Entry, Page, PageKind, entry_id

_LIVE_MARKER = re.compile(
    r"\bLIVE\b|\b[Ll]ive[ -]?(?:[Bb]log|[Tt]icker|[Uu]pdates?)\b|\bLiveblog|[Tt]icker\b|"
    r"\b[Ee]n direct\b|\bDIRECT\b|\bLe fil info\b|\bFil info\b|\bminute par minute\b|"
    r"\bas it happened\b|\bTHIS IS A LIVE BLOG\b|"
    r"\b[Ll]ive(?::| [-–—] )|[-–—] [Ll]ive\b"  # 'Ukraine war live: ...', '... – live'
)


def parse_text(text: str, url: str | None = None) -> Page:
    """A Page from a plain-text dump of a news page."""
    units = split_units(text)
    if not units:
        return Page(kind=PageKind.ARTICLE, title="", url=url)
    fold_units(units)
    lang = guess_language(text)
    tz = zone_for_language(lang)
    title_at = find_title(units)
    title = units[title_at].text if title_at is not None else ""
    start = title_at + 1 if title_at is not None else 0
    end = next((i for i in range(start, len(units)) if is_end(units[i])), len(units))
    header = read_header(units, title_at, start, end, tz)
    body_units = units[header.body_start : end]

    live = bool(_LIVE_MARKER.search(" ".join([title, *header.context])))
    zone = next((u.zone for u in reversed(units[: header.body_start]) if u.zone), header.zone)
    bodies = stamped_bodies(body_units, zone, live)
    if bodies:
        live = True
        anchor = (header.updated or header.published, header.published or header.updated)
        assign_times(bodies, anchor, zone or tz)
    elif live:
        bodies = split_headlines(body_units, title)
        if len(bodies) < 2:
            bodies, live = [], False  # "live" in a title, and one story: an article
    if not bodies:
        article = Body(headline=title)
        article.media.extend(header.media)
        fill_body(article, body_units, title, subheadings=True)
        if not article.paragraphs and header.lead:
            # What looked like a standfirst is all the text there is.
            article.paragraphs.append(escape_markdown(header.lead))
            header.lead = None
        bodies = [article] if title or article.paragraphs or article.media else []

    page_key = url or title
    entries = []
    for position, body in enumerate(bodies):
        when = body.when
        entries.append(
            Entry(
                id=entry_id(page_key, body.headline, when),
                position=position,
                headline=body.headline,
                body_markdown="\n\n".join(body.paragraphs),
                time=when,
                time_text=body.time_text,
                links=tuple(body.links),
                media=tuple(body.media),
                minute=body.minute,
                zone=zone_label(when.tzinfo) if when is not None else None,
            )
        )
    return Page(
        kind=PageKind.LIVEBLOG if live else PageKind.ARTICLE,
        title=title,
        entries=tuple(entries),
        url=url,
        source=find_source(units, title_at, header),
        lead=header.lead,
        published=header.published,
        updated=header.updated,
        authors=tuple(header.authors),
        topics=tuple(header.topics),
        image_caption=header.media[0].caption if header.media else None,
    )

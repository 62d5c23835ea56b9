"""HTML pages -> Page: live blogs split into entries, articles as one entry.

Order of trust: structured data (JSON-LD, microdata) is read first but
checked against the DOM. Live-blog entries come from the DOM when it shows
them (html.liveblog), enriched with what the structured updates add (ids,
missing headlines or times); structured updates alone are used only when the
DOM shows none, and then only those whose text the page really contains;
times missing from both come from the page's script state when it matches.
An article's body comes from html.body (trafilatura's blocks, or our own
main-content pass where it is the cleaner).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from itertools import chain

from selectolax.lexbor import LexborHTMLParser

from tui.ingest.html import jsonld, microdata
from tui.ingest.html.anchors import parse_instant
from tui.ingest.html.article import main_content
from tui.ingest.html.body import confirmed, draw_blocks, extracted_blocks, ours_is_cleaner
from tui.ingest.html.dating import calibrate, date_clocks
from tui.ingest.html.entry import DomEntry
from tui.ingest.html.liveblog import find_entries
from tui.ingest.html.markers import page_zone_statement
from tui.ingest.html.meta import (
    Meta,
    explicit_dates,
    host_name,
    page_zone,
    read_meta,
    strip_site_suffix,
    to_zone,
    to_zone_moment,
    visible_dates,
)
from tui.ingest.html.script_state import timed_items
from tui.ingest.markdown import Rendered, plain_text, render, render_fragment
from tui.ingest.markdown.plain import first_sentence, markdown_plain
from tui.ingest.zones import zone_label
from tui.model import Entry, Page, PageKind, entry_id
from tui.textnorm import clean_inline, fold

MAX_NESTING = 400  # block elements nested deeper are flattened before parsing
MAX_TOPICS = 30
MAX_VISIBLE = 5_000_000  # characters of page text searched for structured updates
_FURNITURE = "script, style, noscript, template, svg, nav, aside, footer, dialog"
_DEEP_TAGS = ("<div", "<section", "<article", "<ul", "<blockquote")
_BLOCK_TAG = re.compile(
    r"<(/?)(?:div|section|article|aside|nav|ul|ol|dl|blockquote|main|header|footer|figure|"
    r"fieldset|details|center|address|menu|dir|hgroup|summary|dialog|figcaption)\b[^>]*>",
    re.IGNORECASE,
)


def parse_html(html: str, url: str | None = None) -> Page:
    html = _flatten_deep_nesting(html)
    tree = LexborHTMLParser(html)
    values = jsonld.blocks(tree)
    structured = jsonld.structured_from_values(values)
    if structured is None:
        structured = jsonld.structured_from_values(microdata.items(tree))
    s = structured or jsonld.Structured()
    meta = read_meta(tree, url)
    page_url = url or meta.canonical or meta.first("og:url") or s.url
    lang = meta.lang or meta.first("og:locale")
    tz = page_zone(chain(s.all_dates(), explicit_dates(tree, meta)), lang)

    published = to_zone_moment(s.published, tz) or to_zone_moment(meta.first(*_PUBLISHED_KEYS), tz)
    updated = to_zone_moment(s.modified, tz) or to_zone_moment(meta.first(*_MODIFIED_KEYS), tz)
    if published is None:
        published, seen_updated = visible_dates(tree, tz)
        updated = updated or seen_updated

    source = plain_text(s.publisher) or plain_text(jsonld.publisher_name(values)) or \
        meta.first("og:site_name", "application-name") or host_name(page_url)
    title = _title(tree, s, meta, source, page_url)
    page_key = page_url or title

    for node in tree.css(_FURNITURE):
        node.decompose()

    # The latest full timestamp the page gives dates its clock-only entries.
    # (or, when the page gives only days, its latest day).
    reference: datetime | date | None = max(
        (d for d in (published, updated) if isinstance(d, datetime)), default=None)
    if reference is None:
        reference = max((d for d in (published, updated) if d is not None), default=None)
    entries, cut = _live_entries(tree, html, s, tz, page_url, reference, title)
    kind = PageKind.LIVEBLOG if entries else PageKind.ARTICLE
    if not entries:
        entries = [_article_entry(tree, html, s, page_url, title, published)]
    built = tuple(
        Entry(
            id=entry_id(page_key, e.headline, e.time, e.publisher_id),
            position=i,
            headline=e.headline,
            body_markdown=e.rendered.markdown,
            time=e.time.astimezone(e.zone) if e.time is not None and e.zone else e.time,
            time_text=e.time_text,
            minute=e.minute,
            zone=_zone_of(e.time, e.zone or tz),
            links=tuple(e.rendered.links),
            media=tuple(e.rendered.media),
        )
        for i, e in enumerate(entries)
    )
    image_caption = plain_text(s.image_caption) or meta.first("og:image:alt", "twitter:image:alt")
    if not image_caption and kind is PageKind.ARTICLE and built and built[0].media:
        image_caption = built[0].media[0].caption
    return Page(
        kind=kind,
        title=title,
        entries=built,
        url=page_url,
        source=source,
        lead=plain_text(s.description) or meta.first("og:description", "description",
                                                     "twitter:description") or None,
        published=published,
        updated=updated,
        authors=_authors(s, meta),
        topics=_topics(s, meta),
        image_caption=image_caption or None,
        coverage_end=to_zone(s.coverage_end, tz),
        cut=cut,
        feed_url=meta.feed_url,
    )


_PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "datepublished",
                   "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued",
                   "dc.date.created", "dcterms.created", "date", "sailthru.date",
                   "parsely-pub-date")
_MODIFIED_KEYS = ("article:modified_time", "og:article:modified_time", "og:updated_time",
                  "datemodified", "dcterms.modified", "dc.date.modified", "last-modified")


def _zone_of(time: datetime | None, zone: tzinfo) -> str | None:
    """The name of the zone an entry's time is in, when the time is in it."""
    if time is None or time.utcoffset() != time.astimezone(zone).utcoffset():
        return None
    return zone_label(zone)


def _is_deep(html: str) -> bool:
    """Cheap test: a run of MAX_NESTING opening tags of one kind with no
    closing tag of that kind in between (str methods only, no Python loop
    per tag)."""
    for tag in _DEEP_TAGS:
        if html.count(tag) > MAX_NESTING:
            closing = "</" + tag[1:]
            shortest = MAX_NESTING * len(tag)  # (no count needed below that length)
            if any(len(part) > shortest and part.count(tag) > MAX_NESTING
                   for part in html.split(closing)):
                return True
    return False


def _flatten_deep_nesting(html: str) -> str:
    """Drop block tags nested deeper than MAX_NESTING: the HTML parser's cost
    grows with depth times tags, and no real page needs that depth."""
    if not _is_deep(html):
        return html
    depth = 0

    def flatten(m: re.Match[str]) -> str:
        nonlocal depth
        if m.group(1):
            depth = max(depth - 1, 0)
            return "" if depth >= MAX_NESTING else m.group(0)
        if m.group(0).endswith("/>"):
            return m.group(0)
        depth += 1
        return "" if depth > MAX_NESTING else m.group(0)

    return _BLOCK_TAG.sub(flatten, html)


def _title(tree: LexborHTMLParser, s: jsonld.Structured, meta: Meta, source: str | None,
           page_url: str | None) -> str:
    h1 = tree.css_first("h1")
    title = (plain_text(s.headline) or meta.first("og:title", "twitter:title")
             or (clean_inline(h1.text()) if h1 is not None else "") or meta.title_tag)
    if title.endswith(("…", "...")):
        # Structured headlines are often cut to a length limit: the whole
        # title, when the page has it elsewhere.
        stem = title.rstrip(".… ")
        title = next((t for t in (meta.first("og:title", "twitter:title"), meta.title_tag)
                      if t and t.startswith(stem) and len(t) > len(stem) + 1), title)
    return strip_site_suffix(title, (source, meta.first("og:site_name"), host_name(page_url)))


def _authors(s: jsonld.Structured, meta: Meta) -> tuple[str, ...]:
    raw = s.authors or meta.all("author", "article:author", "dc.creator", "parsely-author",
                                "sailthru.author")
    out: dict[str, str] = {}
    for name in raw:
        name = re.sub(r"^(?:by|par|von)\s+", "", plain_text(name), flags=re.IGNORECASE)
        if name and "://" not in name and len(name) < 100:
            out.setdefault(name.casefold(), name)
    return tuple(out.values())


def _topics(s: jsonld.Structured, meta: Meta) -> tuple[str, ...]:
    raw: Iterable[str] = chain(
        s.keywords, meta.all("article:tag"),
        *(re.split(r"[,;]", v) for v in meta.all("news_keywords", "keywords")),
    )
    out: dict[str, str] = {}
    for topic in raw:
        topic = plain_text(topic)
        if topic and len(topic) <= 60:
            out.setdefault(topic.casefold(), topic)
        if len(out) >= MAX_TOPICS:
            break
    return tuple(out.values())


# --- live blogs -----------------------------------------------------------------


def _live_entries(tree: LexborHTMLParser, html: str, s: jsonld.Structured, tz: tzinfo,
                  page_url: str | None, reference: datetime | date | None,
                  title: str) -> tuple[list[DomEntry], int]:
    """The live blog's entries (or []), and how many more it has, left out."""
    dom, cut = find_entries(tree, html, tz, page_url, s.is_live)
    if dom and not s.is_live and not cut and not _dominant(tree, dom):
        dom = []  # (a run too long to keep whole is no sidebar)
    updates = _usable_updates(s, title)
    if dom:
        matched = _enrich(dom, updates, tz)
        if any(e.time is None and e.clock is None for e in dom):
            _times_from_script_state(dom, html, tz)
        calibrate(dom)
        if any(e.time is None and e.clock is not None and e.zone is None for e in dom):
            stated = page_zone_statement(tree)
            for entry in dom:
                if entry.clock is not None and entry.zone is None:
                    entry.zone = stated
        date_clocks(dom, reference, tz)
        return dom + _beyond_the_dom(dom, [u for u in updates if id(u) not in matched], tz,
                                     page_url), cut
    if s.is_live and updates:
        return _from_updates(tree, updates, tz, page_url), 0
    return [], 0


def _dominant(tree: LexborHTMLParser, dom: list[DomEntry]) -> bool:
    """On a page whose structured data calls it an article, entries found in
    the DOM must carry the page's text, not a sidebar's."""
    main = main_content(tree)
    if main is None:
        return True
    main_chars = len(" ".join(main.text().split()))
    return sum(e.text_chars for e in dom) >= 0.5 * main_chars


def _usable_updates(s: jsonld.Structured, title: str) -> list[jsonld.StructuredUpdate]:
    """Structured updates with copied parent headlines and dates blanked."""
    updates = s.updates
    if not updates:
        return []
    parent = {fold(plain_text(s.headline)), fold(title)} - {""}
    dates = {u.published for u in updates}
    copied_dates = len(updates) > 2 and len(dates) == 1
    for u in updates:
        if fold(plain_text(u.headline)) in parent:
            u.headline = ""
        if copied_dates:
            u.published = None
    return updates


_NON_WORD = re.compile(r"\W+")


def _key(text: str) -> str:
    return _NON_WORD.sub("", fold(plain_text(text)))[:40]


def _enrich(dom: list[DomEntry], updates: list[jsonld.StructuredUpdate],
            tz: tzinfo) -> set[int]:
    """Fill what DOM entries lack from their structured updates; returns the
    id() of each update that matched an entry."""
    matched: set[int] = set()
    by_id = {u.publisher_id: u for u in updates if u.publisher_id}
    by_headline: dict[str, jsonld.StructuredUpdate] = {}
    for u in updates:
        key = _key(u.headline)
        if key:
            by_headline[key] = u
    for entry in dom:
        update = by_id.get(entry.publisher_id or "") or by_headline.get(_key(entry.headline))
        if update is None:
            continue
        matched.add(id(update))
        if update.headline:
            titled = _without_opening(entry.rendered, plain_text(update.headline))
            if titled is not entry.rendered or not entry.headline:
                entry.headline, entry.rendered = plain_text(update.headline), titled
        if entry.time is None and entry.clock is None:
            entry.time = to_zone(update.published, tz)
        entry.publisher_id = entry.publisher_id or update.publisher_id
    return matched


def _times_from_script_state(dom: list[DomEntry], html: str, tz: tzinfo) -> None:
    """Entries the page shows with a relative time only ("1 min ago") get the
    time of the script-state object whose title or text is theirs."""
    by_key: dict[str, str] = {}
    for item in timed_items(html):
        for text in (item.title, markdown_plain(plain_text(item.body[:600]))):
            key = _key(text)
            if len(key) >= 12:
                by_key.setdefault(key, item.time)
    if not by_key:
        return
    for entry in dom:
        if entry.time is not None or entry.clock is not None:
            continue
        for text in (entry.headline, markdown_plain(entry.rendered.markdown[:600])):
            found = by_key.get(_key(text))
            if found is not None:
                entry.time = parse_instant(found, tz)
                break


def _without_opening(rendered: Rendered, headline: str) -> Rendered:
    """A body whose first paragraph is the headline the structured data
    gives (the page shows it as the entry's title, in an element not marked
    as one), without that paragraph."""
    first, _, rest = rendered.markdown.partition("\n\n")
    if rest and fold(clean_inline(markdown_plain(first))) == fold(headline):
        return Rendered(rest, rendered.links, rendered.media)
    return rendered


def _beyond_the_dom(dom: list[DomEntry], updates: list[jsonld.StructuredUpdate], tz: tzinfo,
                    page_url: str | None) -> list[DomEntry]:
    """Structured updates that continue the feed past what the HTML shows
    (the rest sits behind a "load more" button): each with its own time
    beyond the DOM's oldest (or, on an oldest-first page, newest) entry, its
    own text, and no DOM entry that carries it."""
    times = [e.time for e in dom if e.time is not None]
    if not updates or len(times) < 2:
        return []
    newest_first = times[0] >= times[-1]
    edge = min(times) if newest_first else max(times)
    beyond: list[tuple[datetime, jsonld.StructuredUpdate]] = []
    for u in updates:
        when = to_zone(u.published, tz)
        if when is not None and (when < edge if newest_first else when > edge):
            beyond.append((when, u))
    if not beyond:
        return []
    shown = {_key(e.headline) for e in dom} | {_key(e.rendered.markdown[:120]) for e in dom}
    extra: list[DomEntry] = []
    for when, u in beyond:
        rendered = render_fragment(u.body, page_url) if u.body else Rendered()
        headline = plain_text(u.headline)
        if len(rendered.markdown) < 30 and not headline:
            continue
        if (_key(headline) or _key(rendered.markdown[:120])) in shown:
            continue
        if not headline:
            headline = first_sentence(rendered.markdown)
        extra.append(DomEntry(headline=headline, body=rendered, time=when,
                              publisher_id=u.publisher_id, text_chars=len(rendered.markdown)))
    extra.sort(key=lambda e: e.time or edge, reverse=newest_first)
    return extra


def _from_updates(tree: LexborHTMLParser, updates: list[jsonld.StructuredUpdate], tz: tzinfo,
                  page_url: str | None) -> list[DomEntry]:
    """Entries from structured updates alone, keeping only those the page
    shows when it shows any of them."""
    body = tree.body
    visible = re.sub(r"\W+", "", fold(body.text()[:MAX_VISIBLE])) if body is not None else ""
    built: list[tuple[bool, DomEntry]] = []
    for u in updates:
        rendered = render_fragment(u.body, page_url) if u.body else Rendered()
        headline = plain_text(u.headline)
        probe = _key(headline) or _key(rendered.markdown[:120])
        entry = DomEntry(headline=headline, body=rendered, time=to_zone(u.published, tz),
                         publisher_id=u.publisher_id, text_chars=len(rendered.markdown))
        if not entry.headline:
            entry.headline = clean_inline(rendered.markdown.split("\n", 1)[0])[:160]
        built.append((bool(probe) and probe in visible, entry))
    shown = [e for seen, e in built if seen]
    return shown or [e for _, e in built]


# --- articles -------------------------------------------------------------------


def _article_entry(tree: LexborHTMLParser, html: str, s: jsonld.Structured,
                   page_url: str | None, title: str,
                   published: datetime | date | None) -> DomEntry:
    node = main_content(tree)
    skip = {h.mem_id for h in node.css("h1") if clean_inline(h.text()) == title} \
        if node is not None else set()
    own_text = node.text(separator=" ") if node is not None else ""
    title_words = fold(title).split()
    blocks = [] if confirmed(own_text, plain_text(s.body)) else [
        b for b in extracted_blocks(html, page_url) or () if fold(b.text).split() != title_words]
    # Two passes, compared on their words; only the body kept is drawn.
    if blocks and (node is None or not ours_is_cleaner(own_text, blocks)):
        rendered = draw_blocks(blocks, tree, page_url)
    else:
        rendered = render([node], page_url, skip) if node is not None else Rendered()
    if s.body and len(plain_text(s.body)) > 1.5 * len(rendered.markdown):
        from_structured = render_fragment(s.body, page_url)
        rendered = Rendered(from_structured.markdown, rendered.links or from_structured.links,
                            rendered.media or from_structured.media)
    # An entry time is a full timestamp or nothing; a bare day stays on the page.
    time = published if isinstance(published, datetime) else None
    return DomEntry(headline=title, body=rendered, time=time)

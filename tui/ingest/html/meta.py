"""Page-level facts from an HTML page's head and byline: meta tags, canonical
and feed links, language, the page's UTC offset, visible publication dates."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from tui.ingest.dates import find_datetime, parse_iso, parse_iso_moment, zone_for_language
from tui.ingest.markdown import absolute, plain_text, short_text
from tui.textnorm import clean_inline, fold

MAX_TIME_ELEMENTS = 300


@dataclass
class Meta:
    values: dict[str, list[str]] = field(default_factory=dict)
    canonical: str | None = None
    feed_url: str | None = None
    lang: str | None = None
    title_tag: str = ""

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.values.get(key, []):
                text = plain_text(value)
                if text:
                    return text
        return None

    def all(self, *keys: str) -> list[str]:
        return [plain_text(v) for key in keys for v in self.values.get(key, []) if v.strip()]


def read_meta(tree: LexborHTMLParser, base_url: str | None) -> Meta:
    meta = Meta()
    for node in tree.css("meta[content], meta[value]"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        if key:  # (a few CMSs write value= where content= belongs)
            meta.values.setdefault(key.strip().lower(), []).append(
                attrs.get("content") or attrs.get("value") or "")
    feed_href = None
    for node in tree.css("link[rel][href]"):
        attrs = node.attributes
        rel = (attrs.get("rel") or "").lower().split()
        if "canonical" in rel and meta.canonical is None:
            meta.canonical = absolute(attrs.get("href"), base_url)
        elif "alternate" in rel and feed_href is None:
            kind = (attrs.get("type") or "").lower()
            if "rss" in kind or "atom" in kind:
                feed_href = attrs.get("href")
    meta.feed_url = absolute(feed_href, base_url or meta.canonical)
    root = tree.css_first("html")
    if root is not None:
        lang = root.attributes.get("lang") or root.attributes.get("xml:lang") or ""
        meta.lang = lang.strip() or None
    title = tree.css_first("title")
    meta.title_tag = clean_inline(title.text()) if title is not None else ""
    return meta


_EXPLICIT_OFFSET = re.compile(r"(?:[zZ]|[+-]\d\d:?\d\d)\s*$")
# Regions whose usual zone is the one `zone_for_language` gives their language.
_ZONE_REGIONS = {"", "fr", "be", "ch", "lu", "mc", "de", "at", "li", "gb", "uk", "ie", "it", "sm",
                 "va"}


def explicit_dates(tree: LexborHTMLParser, meta: Meta) -> list[str]:
    """Date strings the page writes with a UTC offset: meta tags and <time>."""
    out = [v for key, values in meta.values.items() if "time" in key or "date" in key
           for v in values]
    for node in tree.css("time[datetime]")[:MAX_TIME_ELEMENTS]:
        out.append(node.attributes.get("datetime") or "")
    return out


def page_zone(dates: Iterable[str], lang: str | None) -> tzinfo:
    """The zone of the page's wall clock: the commonest non-UTC offset among
    its own dates; failing that, the usual zone of its language (when the
    language tag names no region elsewhere); else UTC."""
    offsets: Counter[timedelta] = Counter()
    samples: dict[timedelta, datetime] = {}
    for value in dates:
        if not value or not _EXPLICIT_OFFSET.search(value):
            continue
        parsed = parse_iso(value)
        if parsed is not None and parsed.utcoffset():
            offsets[parsed.utcoffset()] += 1  # type: ignore[index]
            samples.setdefault(parsed.utcoffset(), parsed)  # type: ignore[arg-type]
    if offsets:
        offset = offsets.most_common(1)[0][0]
        # The offset of the zone the page's language suggests, at one of its
        # dates: that zone (named, daylight saving included), else the offset.
        named = zone_for_language(_primary(lang))
        if named is not UTC and samples[offset].astimezone(named).utcoffset() == offset:
            return named
        return timezone(offset)
    if lang:
        primary, _, region = lang.lower().replace("_", "-").partition("-")
        if region in _ZONE_REGIONS:
            return zone_for_language(primary)
    return UTC


def _primary(lang: str | None) -> str | None:
    """'fr' of 'fr-FR' (None when the page states no language)."""
    return lang.lower().replace("_", "-").partition("-")[0] if lang else None


def to_zone(value: str | None, tz: tzinfo) -> datetime | None:
    """An ISO date string as the page's wall clock (None for a bare day)."""
    parsed = parse_iso_moment(value, tz) if value else None
    return parsed.astimezone(tz) if isinstance(parsed, datetime) else None


def to_zone_moment(value: str | None, tz: tzinfo) -> datetime | date | None:
    """Like to_zone, but a bare day ('2015-04-30') is kept as a date; a date
    that is not ISO ('2017-03-13|19h18', '30 août 2023 à 14h52') is read too."""
    parsed = (parse_iso_moment(value, tz) or find_datetime(value[:80], tz)) if value else None
    return parsed.astimezone(tz) if isinstance(parsed, datetime) else parsed


_PUBLISHED_WORDS = re.compile(
    r"publie|mis en ligne|published|posted|first published|veroffentlicht|erschienen|erstellt"
)
_UPDATED_WORDS = re.compile(
    r"modifie|mis a jour|mise a jour|updated|last modified|aktualisiert|geandert"
)
_BYLINE = 'time, [class*="date" i], [class*="time" i], [class*="publi" i], [class*="byline" i]'


def visible_dates(
    tree: LexborHTMLParser, tz: tzinfo
) -> tuple[datetime | date | None, datetime | date | None]:
    """'Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54':
    the dates a byline prints, for pages without machine-readable ones."""
    published: datetime | date | None = None
    updated: datetime | date | None = None
    body = tree.body
    if body is None:
        return None, None
    for node in body.css(_BYLINE)[:200]:
        text = short_text(node, 301)
        if not text or len(text) > 300:
            continue
        folded = fold(text)
        upd = _UPDATED_WORDS.search(folded)
        head, tail = (text[: upd.start()], text[upd.start():]) if upd else (text, "")
        if published is None and (_PUBLISHED_WORDS.search(fold(head)) or not upd):
            published = _as_moment(find_datetime(head, tz), tz)
        if updated is None and tail:
            updated = _as_moment(find_datetime(tail, tz), tz)
        if published is not None and updated is not None:
            break
    return published, updated


def _as_moment(value: object, tz: tzinfo) -> datetime | date | None:
    # A day printed without a time stays a date: no invented midnight.
    return value if isinstance(value, date) else None


def host_name(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " · ")


def strip_site_suffix(title: str, site_names: Iterable[str | None]) -> str:
    """'Headline - Le Monde' -> 'Headline' when the suffix is the site's name."""
    names = {_site_key(n) for n in site_names if n}
    names.discard("")
    for sep in _SEPARATORS:
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if head and _site_key(tail) in names:
                return head.strip()
            first, _, rest = title.partition(sep)
            if rest and _site_key(first) in names:
                return rest.strip()
    return title


def _site_key(name: str) -> str:
    key = fold(name).strip()
    key = re.sub(r"^www\.|\.(?:fr|com|de|co\.uk|uk|ie|net|org|info|ch|be|at)$", "", key)
    return re.sub(r"[^a-z0-9]", "", key)

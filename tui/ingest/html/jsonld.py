"""schema.org structured data: JSON-LD blocks (and microdata, through the same
normaliser) turned into a `Structured` summary of the page.

Nothing here is trusted: values are raw strings, and `html.py` cross-checks
them against what the page's HTML shows. This module only has to read them
without falling over: invalid JSON (trailing commas, raw control characters,
HTML comments around the block), `@graph`, lists, `@type` lists, huge blocks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

MAX_BLOCK_CHARS = 3_000_000  # a JSON-LD block larger than this is skipped
MAX_TOTAL_CHARS = 8_000_000
MAX_VALUES = 200_000  # JSON values visited while looking for typed objects
MAX_UPDATES = 50_000  # as many as html.entry.MAX_ENTRIES

LIVE_TYPES = frozenset({"liveblogposting"})
ARTICLE_TYPES = frozenset(
    {
        "newsarticle", "article", "blogposting", "reportagenewsarticle",
        "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
        "reviewnewsarticle", "askpublicnewsarticle", "report", "socialmediaposting",
        "discussionforumposting", "techarticle", "scholarlyarticle", "satiricalarticle",
    }
)


@dataclass
class StructuredUpdate:
    """One `liveBlogUpdate`, raw."""

    headline: str = ""
    body: str = ""  # text or HTML, possibly entity-encoded
    published: str | None = None
    modified: str | None = None
    publisher_id: str | None = None


@dataclass
class Structured:
    """The page's main schema.org object, raw."""

    is_live: bool = False
    headline: str = ""
    description: str = ""
    body: str = ""
    url: str | None = None
    published: str | None = None
    modified: str | None = None
    coverage_end: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    keywords: list[str] = field(default_factory=list)
    image_caption: str | None = None
    updates: list[StructuredUpdate] = field(default_factory=list)

    def all_dates(self) -> Iterator[str]:
        """Every date string, for working out the page's UTC offset."""
        for value in (self.published, self.modified, self.coverage_end):
            if value:
                yield value
        for update in self.updates:
            for value in (update.published, update.modified):
                if value:
                    yield value


# --- reading the blocks ---------------------------------------------------

_WRAPPERS = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/)"
    r"|(?:-->|//\s*\]\]>|/\*\s*\]\]>\s*\*/)\s*$"
)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_RAW_CONTROLS = re.compile(r"[\x00-\x1f]")


def loads_lenient(text: str) -> Any:
    """json.loads that forgives what publishers get wrong; None if hopeless."""
    if len(text) > MAX_BLOCK_CHARS:
        return None
    text = _WRAPPERS.sub("", text).strip()
    if not text:
        return None
    for attempt in range(3):
        try:
            return json.loads(text, strict=False)
        except RecursionError:
            return None
        except ValueError:
            if attempt == 0:
                text = _TRAILING_COMMA.sub(r"\1", _RAW_CONTROLS.sub(" ", text))
            elif attempt == 1:
                return _loads_concatenated(text)
    return None


def _loads_concatenated(text: str) -> Any:
    """Several objects one after another ('{...}{...}' or '{...};'): a list."""
    decoder = json.JSONDecoder(strict=False)
    items: list[Any] = []
    pos = 0
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t\r\n;,":
            pos += 1
        if pos >= len(text):
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            break
        items.append(value)
    return items or None


def blocks(tree: LexborHTMLParser) -> list[Any]:
    """Every parseable JSON-LD block of the page, in document order."""
    out: list[Any] = []
    budget = MAX_TOTAL_CHARS
    for script in tree.css('script[type*="ld+json" i]'):
        text = script.text(deep=True)
        if len(text) > budget:
            continue
        budget -= len(text)
        value = loads_lenient(text)
        if value is not None:
            out.append(value)
    return out


def types_of(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {n.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for n in names if isinstance(n, str)}


def typed_objects(values: Iterable[Any]) -> list[tuple[int, dict[str, Any]]]:
    """(depth, object) for every dict with an @type, breadth first so that
    top-level objects come before the ones nested inside them."""
    found: list[tuple[int, dict[str, Any]]] = []
    queue: list[tuple[int, Any]] = [(0, v) for v in values]
    seen = 0
    i = 0
    while i < len(queue) and seen < MAX_VALUES:
        depth, value = queue[i]
        i += 1
        seen += 1
        if isinstance(value, dict):
            if "@type" in value:
                found.append((depth, value))
            for key, child in value.items():
                if isinstance(child, (dict, list)) and key != "liveBlogUpdate":
                    queue.append((depth + 1, child))
        elif isinstance(value, list):
            queue.extend((depth + 1, child) for child in value if isinstance(child, (dict, list)))
    return found


def main_object(objects: list[tuple[int, dict[str, Any]]]) -> dict[str, Any] | None:
    """The page's own object: a LiveBlogPosting if there is one, else the
    shallowest article; among equals the one with the longest body."""
    live = [o for _, o in objects if types_of(o) & LIVE_TYPES]
    if live:
        return max(live, key=lambda o: len(_as_list(o.get("liveBlogUpdate"))))
    articles = [(d, o) for d, o in objects if types_of(o) & ARTICLE_TYPES]
    if not articles:
        return None
    top = min(d for d, _ in articles)
    candidates = [o for d, o in articles if d == top]
    return max(candidates, key=lambda o: len(text_value(o.get("articleBody"))))


# --- normalising one object -------------------------------------------------


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text_value(value: Any) -> str:
    """A string from a schema.org value that may be a string, a list, a
    {"@value"}/{"name"} object or a number."""
    for item in _as_list(value):
        if isinstance(item, str):
            return item
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            return str(item)
        if isinstance(item, dict):
            for key in ("@value", "name", "text", "caption", "headline"):
                inner = item.get(key)
                if isinstance(inner, str):
                    return inner
    return ""


def names(value: Any) -> list[str]:
    out: list[str] = []
    for item in _as_list(value):
        name = text_value(item)
        if name:
            out.append(name)
    return out


def keywords(value: Any) -> list[str]:
    out: list[str] = []
    for item in _as_list(value):
        if isinstance(item, str):
            out.extend(part for part in re.split(r"[,;]", item))
        else:
            name = text_value(item)
            if name:
                out.append(name)
    return [k.strip() for k in out if k.strip()]


def fragment_id(value: Any) -> str | None:
    """The publisher's id of an update: its @id or the #fragment of its url."""
    text = text_value(value)
    if not text:
        return None
    if "#" in text:
        frag = text.rsplit("#", 1)[1].strip()
        return frag or None
    return text.strip() or None


def _date(obj: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = text_value(obj.get(key))
        if value:
            return value
    return None


def to_structured(obj: dict[str, Any]) -> Structured:
    image_caption = None
    for image in _as_list(obj.get("image")):
        if isinstance(image, dict):
            image_caption = text_value(image.get("caption")) or text_value(image.get("description"))
            if image_caption:
                break
    updates = []
    for item in _as_list(obj.get("liveBlogUpdate"))[:MAX_UPDATES]:
        if not isinstance(item, dict):
            continue
        updates.append(
            StructuredUpdate(
                headline=text_value(item.get("headline")) or text_value(item.get("name")),
                body=text_value(item.get("articleBody")) or text_value(item.get("text")),
                published=_date(item, "datePublished", "dateCreated", "uploadDate"),
                modified=_date(item, "dateModified"),
                publisher_id=fragment_id(item.get("@id")) or fragment_id(item.get("url")),
            )
        )
    about = [n for n in names(obj.get("about")) if len(n) < 80]
    return Structured(
        is_live=bool(types_of(obj) & LIVE_TYPES),
        headline=text_value(obj.get("headline")) or text_value(obj.get("name")),
        description=text_value(obj.get("description")),
        body=text_value(obj.get("articleBody")) or text_value(obj.get("text")),
        url=text_value(obj.get("url")) or None,
        published=_date(obj, "datePublished", "dateCreated", "coverageStartTime"),
        modified=_date(obj, "dateModified"),
        coverage_end=_date(obj, "coverageEndTime"),
        authors=names(obj.get("author")) or names(obj.get("creator")),
        publisher=next(iter(names(obj.get("publisher"))
                            or names(obj.get("sourceOrganization"))), None),
        keywords=keywords(obj.get("keywords")) + about,
        image_caption=image_caption or None,
        updates=updates,
    )


def structured_from_values(values: list[Any]) -> Structured | None:
    obj = main_object(typed_objects(values))
    return to_structured(obj) if obj is not None else None


def publisher_name(values: list[Any]) -> str | None:
    """A publisher named anywhere in the structured data (Organization
    blocks that stand alone, outside the article)."""
    for _, obj in typed_objects(values):
        if types_of(obj) & {"newsmediaorganization", "organization"}:
            name = text_value(obj.get("name"))
            if name:
                return name
    return None

"""Timed items in a page's script state (`__NEXT_DATA__`, `window.__STATE__ =
{...}`, `<script type="application/json">`).

Many live blogs print only relative times ("1 min ago") and keep the real
ones in the JSON their scripts start from. This module reads that JSON and
lists every object that carries a text (title, body) and a time; `html.py`
gives an entry the time of the object whose text is the entry's own. Nothing
here is trusted on its own: an object is used only when its text matches.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tui.ingest.html.jsonld import loads_lenient

MAX_SCRIPT_CHARS = 8_000_000  # of script text read, over the whole page
MAX_VALUES = 300_000  # JSON values visited
MAX_ITEMS = 5_000

_ASSIGNED = re.compile(r"(?:window\.|self\.|var\s+|let\s+|const\s+)?[\w$.\[\]'\"]+\s*=\s*(?=[{\[])")
# Keys that name when an item was posted; updates are second choice.
_POSTED_KEY = re.compile(
    r"^(?:date_?)?(?:published|publish|posted|created|first_?published|display|live)"
    r"(?:_?(?:at|date|time|on|ts|timestamp|date_?time))?$|^(?:timestamp|time|date|datetime|ts)$",
    re.IGNORECASE,
)
_UPDATED_KEY = re.compile(r"^(?:date_?)?(?:updated|modified|last_?modified|edited)"
                          r"(?:_?(?:at|date|time|on|ts|timestamp))?$", re.IGNORECASE)
_TITLE_KEY = re.compile(r"^(?:title|headline|heading|name)$", re.IGNORECASE)
_BODY_KEY = re.compile(r"^(?:body|content|text|html|summary|description|article_?body|"
                       r"body_?html|content_?html|excerpt)$", re.IGNORECASE)
_ISO = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d")


@dataclass(frozen=True)
class TimedItem:
    title: str  # raw: may hold HTML or entities
    body: str
    time: str  # ISO 8601 or epoch seconds/milliseconds, as the script gives it


_SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def script_values(html: str) -> Iterator[Any]:
    """The JSON values of the page's state scripts (not JSON-LD, not code),
    read from the raw HTML (the parsed tree has lost its scripts by then)."""
    budget = MAX_SCRIPT_CHARS
    for m in _SCRIPT.finditer(html):
        kind_m = _TYPE.search(m.group(1))
        kind = kind_m.group(1).lower() if kind_m else ""
        if "ld+json" in kind or (kind and "json" not in kind and "javascript" not in kind):
            continue
        end = html.find("</script", m.end())
        if end < 0:
            break
        if end - m.end() > budget:
            continue
        budget -= end - m.end()
        text = html[m.end():end]
        stripped = text.lstrip()
        if stripped[:1] in ("{", "["):
            value = loads_lenient(stripped)
            if value is not None:
                yield value
            continue
        for assigned in _ASSIGNED.finditer(text, 0, 2_000):  # state assigned near the top
            try:
                value, _ = json.JSONDecoder().raw_decode(text, assigned.end())
            except ValueError:
                continue
            yield value
            break


def _time_value(value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        if _ISO.match(value) or (value.isdigit() and len(value) in (10, 13)):
            return value
    elif isinstance(value, int | float) and not isinstance(value, bool) and 1e9 < value < 1e13:
        return str(int(value))
    return None


def _first_string(value: Any, depth: int = 0) -> str:
    """The first string of a rich-text structure ({"html": ...}, [blocks])."""
    if isinstance(value, str):
        return value
    if depth > 4:
        return ""
    children = value.values() if isinstance(value, dict) else value if isinstance(
        value, list) else ()
    for child in list(children)[:20]:
        found = _first_string(child, depth + 1)
        if len(found) > 20:
            return found
    return ""


def _text_value(value: Any) -> str:
    return value if isinstance(value, str) else ""


def timed_items(html: str) -> list[TimedItem]:
    """Every object of the page's script state with a text and a time."""
    items: list[TimedItem] = []
    stack: list[Any] = list(script_values(html))
    visited = 0
    while stack and visited < MAX_VALUES and len(items) < MAX_ITEMS:
        value = stack.pop()
        visited += 1
        if isinstance(value, list):
            stack.extend(reversed(value))
            continue
        if not isinstance(value, dict):
            continue
        posted = updated = None
        title = body = ""
        for key, item in value.items():
            if not isinstance(key, str):
                continue
            if isinstance(item, dict | list):
                stack.append(item)
                if not body and _BODY_KEY.match(key):
                    body = _first_string(item)
                continue
            if posted is None and _POSTED_KEY.match(key):
                posted = _time_value(item)
            elif updated is None and _UPDATED_KEY.match(key):
                updated = _time_value(item)
            elif not title and _TITLE_KEY.match(key):
                title = _text_value(item)
            elif not body and _BODY_KEY.match(key):
                body = _text_value(item)
        when = posted or updated
        if when and (title or body):
            items.append(TimedItem(title, body, when))
    return items

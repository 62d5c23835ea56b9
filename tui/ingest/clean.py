"""Text hygiene for everything that comes from a page.

Pages are hostile input: a headline may carry terminal escape sequences
(clear screen, OSC 52 clipboard writes) or C1 control bytes. They are removed
here, at ingest, so nothing downstream ever has to think about them.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from tui.textnorm import INLINE_WORK, ZERO_WIDTH, clean_inline, strip_controls

_MARKDOWN_WORK = re.compile(
    r"[\r\x00-\x08\x0b-\x1f\x7f-\xa0\xad\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


def _clean_markdown(text: str) -> str:
    # Markdown keeps its own indentation (lists, code); only hygiene here.
    if not (_MARKDOWN_WORK.search(text) or "\n\n\n" in text
            or text[:1].isspace() or text[-1:].isspace()):
        return text
    text = ZERO_WIDTH.sub("", strip_controls(text)).replace("\u00a0", " ")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


T = TypeVar("T")

# Fields whose text is Markdown (layout matters) rather than one line.
_BLOCK_FIELDS = {"body_markdown", "lead"}


def sanitize(obj: T) -> T:
    """Return a copy of a model object (Page, Entry, Media, Link) whose every
    string has been through the hygiene above. The last line of defence: the
    parsers clean as they go, this guarantees it."""
    if not _is_dataclass_instance(obj):
        return obj
    changes: dict[str, Any] = {}
    for name in _field_names(type(obj)):
        value = getattr(obj, name)
        new = _sanitize_value(name, value)
        if new is not value:
            changes[name] = new
    return dataclasses.replace(obj, **changes) if changes else obj  # type: ignore[type-var]


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    # dataclasses.fields() rebuilds its tuple on every call; a page has
    # thousands of entries, links and media of a handful of classes.
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


# Whether instances of a type are dataclass instances (a page's values are of
# a handful of types: ask dataclasses once per type, not once per value).
_DATACLASS_TYPES: dict[type, bool] = {}


def _is_dataclass_instance(value: Any) -> bool:
    cls = type(value)
    known = _DATACLASS_TYPES.get(cls)
    if known is None:
        known = dataclasses.is_dataclass(value) and not isinstance(value, type)
        if len(_DATACLASS_TYPES) < 256:
            _DATACLASS_TYPES[cls] = known
    return known


def _sanitize_value(name: str, value: Any) -> Any:
    cls = type(value)
    if cls is str:
        if name in _BLOCK_FIELDS:
            cleaned = _clean_markdown(value)
        elif (value and not INLINE_WORK.search(value) and "  " not in value
              and value[0] != " " and value[-1] != " "):
            return value  # clean_inline's own test, without the call (most strings)
        else:
            cleaned = clean_inline(value)
        return cleaned if cleaned != value else value
    if value is None:
        return value
    if cls is tuple:
        if not value:
            return value
        items = [_sanitize_value(name, v) for v in value]
        if "" not in items and all(new is old for new, old in zip(items, value, strict=True)):
            return value  # (a tuple equal to value: the original comparison's outcome)
        kept = tuple(v for v in items if v != "")
        return kept if kept != value else value
    if isinstance(value, str):  # a str subclass: as before
        cleaned = _clean_markdown(value) if name in _BLOCK_FIELDS else clean_inline(value)
        return cleaned if cleaned != value else value
    if isinstance(value, tuple):
        items = [_sanitize_value(name, v) for v in value]
        kept = tuple(v for v in items if v != "")
        return kept if kept != value else value
    if _is_dataclass_instance(value):
        return sanitize(value)
    return value

"""Text hygiene for everything that comes from a page.

Pages are hostile input: a headline may carry terminal escape sequences
(clear screen, OSC 52 clipboard writes) or C1 control bytes. They are removed
here, at ingest, so nothing downstream ever has to think about them.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar
from urllib.parse import urlsplit

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings
# (terminated by BEL or ST), and two-byte escapes. The 8-bit C1 forms too.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?            # CSI
  | \x9b[0-?]*[ -/]*[@-~]?              # 8-bit CSI
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])  # OSC, DCS, SOS, PM, APC ...
    [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?    # ... up to BEL or ST
  | \x1b[ -/]*[0-~]?                     # other ESC sequences
    """,
    re.VERBOSE,
)
# Remaining C0 controls (tab and newline are kept), DEL, C1 controls, and the
# bidi overrides that can make text display differently from what it is.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Every kind of horizontal space a page uses (no-break, thin, narrow, ...).
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# ESC or an 8-bit C1 byte: only then is the (slower) escape pass needed.
_ESCAPE_START = re.compile(r"[\x1b\x80-\x9f]")
# Most strings are already clean; one search proves it and skips the passes.
# Any character some pass above would remove or change, and, for one line,
# every whitespace character str.split() knows except the plain space (two
# in a row, and three newlines, are tested with `in`: a pattern that is one
# character class lets the regex engine scan at full speed).
_INLINE_WORK = re.compile(
    r"[\x00-\x1f\x7f-\xa0\xad\u1680\u2000-\u200d\u2028-\u202f\u205f\u2060\u2066-\u2069"
    r"\u3000\ufeff]"
)
_MARKDOWN_WORK = re.compile(
    r"[\r\x00-\x08\x0b-\x1f\x7f-\xa0\xad\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


def web_url(url: str | None) -> str | None:
    """`url` (stripped) when it is an absolute http(s) URL with a host that
    parses; None for anything else (`file:`, `javascript:`, `smb:`,
    `vscode:`, relative, `http://[::1`): the one test for a link the reader
    may store as a page's address, open or copy."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or _CONTROLS.search(url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError on a bad port
    except ValueError:
        return None
    return url if parts.hostname else None


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters; keep \\n and \\t."""
    if not _CONTROLS.search(text):
        return text  # no \r, ESC or C1 byte either: they are controls too
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ESCAPE_START.search(text):
        text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def clean_inline(text: str | None) -> str:
    """One line of text: controls removed, all whitespace folded to single spaces."""
    if not text:
        return ""
    if (not _INLINE_WORK.search(text) and "  " not in text
            and text[0] != " " and text[-1] != " "):
        return text
    text = _ZERO_WIDTH.sub("", strip_controls(text))
    return " ".join(_SPACES.sub(" ", text).split())


def clean_text(text: str | None) -> str:
    """A block of text: lines folded, at most one blank line between paragraphs."""
    if not text:
        return ""
    text = _ZERO_WIDTH.sub("", strip_controls(text)).replace("\t", " ")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _clean_markdown(text: str) -> str:
    # Markdown keeps its own indentation (lists, code); only hygiene here.
    if not (_MARKDOWN_WORK.search(text) or "\n\n\n" in text
            or text[:1].isspace() or text[-1:].isspace()):
        return text
    text = _ZERO_WIDTH.sub("", strip_controls(text)).replace("\u00a0", " ")
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
        elif (value and not _INLINE_WORK.search(value) and "  " not in value
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

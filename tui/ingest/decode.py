"""Bytes to text: what the page is (HTML, text, binary) and its encoding.

Order of trust for the encoding: a byte-order mark, the HTTP charset, the
page's own <meta charset>, strict UTF-8, then Windows-1252 (which decodes any
byte, so invalid input never crashes).
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

MAX_PAGE_BYTES = 32 * 1024 * 1024


class NotAPage(ValueError):
    """The bytes are not something we can read as a page."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of files people might feed us by mistake.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"OggS": "an Ogg media file",
}
_BINARY_TYPES = re.compile(r"^(image|audio|video|font)/|^application/(pdf|zip|octet-stream)", re.I)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s", re.I)
# Tags a fragment of HTML opens with, but that a text dump may quote once
# ("the <p> tag"): HTML only when there are several.
_HTML_FRAGMENT = re.compile(r"<(?:div|p|article|section|span|a|h[1-6])[\s>]", re.I)
FRAGMENT_TAGS = 3


GZIP_MAGIC = b"\x1f\x8b"


def describe_binary(data: bytes, content_type: str | None = None) -> str | None:
    """What the bytes are, when they are clearly not a page; else None. A
    gzip file may hold a page (`.html.gz`): parse() looks inside."""
    if data.startswith(GZIP_MAGIC):
        return None
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return what
    if content_type and _BINARY_TYPES.match(content_type.strip()):
        return f"a {content_type.split(';')[0].strip()} file"
    head = data[:8192]
    if b"\x00" in head and not _bom_encoding(head):
        return "a binary file"
    return None


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def maybe_decompress(data: bytes) -> bytes:
    """A saved page may be gzip-compressed (`.html.gz`)."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, MAX_PAGE_BYTES + 1)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise NotAPage(f"a damaged gzip file ({exc})") from None
    if len(out) > MAX_PAGE_BYTES:
        raise NotAPage(f"page larger than {MAX_PAGE_BYTES // 2**20} MB once uncompressed")
    if not d.eof:
        raise NotAPage("a damaged gzip file (truncated)")
    return out


def _known(name: str | bytes | None) -> str | None:
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, content_type: str | None = None) -> str:
    """Text of the page. Never raises on bad bytes."""
    bom = _bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace").lstrip("\ufeff")
    declared = None
    if content_type:
        m = _CHARSET.search(content_type.encode("latin-1", "ignore"))
        declared = _known(m.group(1)) if m else None
    if declared is None:
        m = _CHARSET.search(data[:4096])
        declared = _known(m.group(1)) if m else None
    # Pages often claim latin-1 and are UTF-8; strict UTF-8 that decodes wins
    # over a single-byte claim, never over a multi-byte one.
    if declared and declared not in ("latin-1", "iso8859-1", "cp1252", "ascii"):
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(declared or "cp1252", errors="replace")


def looks_like_html(text: str, content_type: str | None = None) -> bool:
    if content_type:
        kind = content_type.split(";")[0].strip().lower()
        if kind in ("text/html", "application/xhtml+xml"):
            return True
        if kind == "text/plain":
            return False
    head = text[:4096]
    if _HTML_SNIFF.search(head):
        return True
    return len(_HTML_FRAGMENT.findall(head)) >= FRAGMENT_TAGS


# Attributes kept per element. The HTML parser's time grows with the square
# of one element's attribute count (a 1 MB tag of distinct attributes took
# 13.8 s); no real element comes near this.
MAX_ATTRIBUTES = 1000
# One attribute: name, then `=` and a value (quoted or not); possessive, so
# no attempt backtracks. A tag that opens with a name and goes on with
# MAX_ATTRIBUTES of them is the only kind looked at: on a page without one,
# each tag is read once by the regex engine.
_ATTR = r"""[\s/]*+[^\s"'<>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'<>=`]++))?+"""
_MANY_ATTRIBUTES = re.compile(rf"<[A-Za-z][^\s<>/]*+(?:{_ATTR}){{{MAX_ATTRIBUTES}}}")
_MORE_ATTRIBUTES = re.compile(rf"(?:{_ATTR})*+")
# Text that holds no tags; one left open runs to the end (as for the parser,
# and so no unclosed `<script` is looked past twice).
_RAW_TEXT = re.compile(r"<(script|style|textarea|title)\b.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)",
                       re.I | re.S)


def cap_attributes(text: str) -> str:
    """The page with every element's attributes after the first
    MAX_ATTRIBUTES dropped (outside scripts, styles and comments, whose
    text holds no tags). Linear, and one regex scan for a page without such
    an element (all real pages)."""
    many = list(_MANY_ATTRIBUTES.finditer(text))
    if not many:
        return text
    raw = [(m.start(), m.end()) for m in _RAW_TEXT.finditer(text)]
    out: list[str] = []
    done = r = 0
    for tag in many:
        while r < len(raw) and raw[r][1] <= tag.start():
            r += 1
        if r < len(raw) and raw[r][0] < tag.start():
            continue  # inside a script, a style or a comment
        end = _MORE_ATTRIBUTES.match(text, tag.end()).end()  # type: ignore[union-attr]
        if end > tag.end():
            out.append(text[done:tag.end()])
            done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)

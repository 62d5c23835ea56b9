"""Ingest: bytes in, a Page out. Pure: no network, no database, no Textual.

`parse` decides what the bytes are (HTML or a plain-text page dump), decodes
them, hands them to the matching parser, gives entries their topics, and
sanitizes every string on the way out.
"""

from __future__ import annotations

from dataclasses import replace

from tui.ingest.clean import sanitize
from tui.ingest.decode import (
    MAX_PAGE_BYTES,
    NotAPage,
    cap_attributes,
    decode,
    describe_binary,
    looks_like_html,
    maybe_decompress,
)
from tui.model import Page
from tui.textnorm import web_url


class IngestError(ValueError):
    """The bytes are not a page we can read (binary, empty, too large, ...)."""


def parse(data: bytes, url: str | None = None, content_type: str | None = None) -> Page:
    """Parse a saved or fetched page. Raises IngestError with a one-line reason."""
    try:
        data = maybe_decompress(data)
    except NotAPage as exc:
        raise IngestError(f"not a page: {exc}") from None
    if len(data) > MAX_PAGE_BYTES:
        raise IngestError(
            f"page too large: {len(data) / 2**20:.0f} MB (limit {MAX_PAGE_BYTES // 2**20} MB)"
        )
    what = describe_binary(data, content_type)
    if what:
        raise IngestError(f"not a page: this is {what}")
    text = decode(data, content_type)
    if not text.strip():
        raise IngestError("empty page: nothing to read")
    if looks_like_html(text, content_type):
        from tui.ingest.html import parse_html

        page = parse_html(cap_attributes(text), url)
    else:
        from tui.ingest.textdump import parse_text

        page = parse_text(text, url)
    from tui.ingest.topics import assign_topics

    page = sanitize(assign_topics(page))
    if page.url is not None and web_url(page.url) is None:
        # og:url or JSON-LD url said file:, javascript:, smb: or a broken
        # address: the page is known by where it came from, if anywhere.
        page = replace(page, url=web_url(url))
    if not page.entries and not page.title:
        raise IngestError("nothing readable found in the page")
    return page

"""Ingest: bytes in, a Page out. Pure: no network, no database, no Textual.

`parse` decides what the bytes are (HTML or a plain-text page dump), decodes
them, and hands them to the matching parser.
"""

from __future__ import annotations

from tui.model import Page


class IngestError(ValueError):
    """The bytes are not a page we can read (binary, empty, ...)."""


def parse(data: bytes, url: str | None = None, content_type: str | None = None) -> Page:
    raise NotImplementedError

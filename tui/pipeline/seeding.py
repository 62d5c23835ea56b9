"""The bundled sample pages (package `tui.seeds`, the repository's seeds/*.txt):
a new library starts with them, so a fresh machine with no network has
something to read."""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.model import Page

if TYPE_CHECKING:
    from tui.library import Library, RawPage


def _folder() -> Traversable:
    try:
        return importlib.resources.files("tui.seeds")
    except ModuleNotFoundError:  # running from a checkout that is not installed
        return Path(__file__).resolve().parent.parent / "seeds"


def seed_names() -> list[str]:
    return sorted(p.name for p in _folder().iterdir() if p.name.endswith(".txt"))


def seed_bytes(name: str) -> bytes | None:
    if name not in seed_names():
        return None
    return _folder().joinpath(name).read_bytes()


def seed_pages() -> Iterator[tuple[str, Page]]:
    """(file name, page) for every seed the parser reads; a seed it cannot
    read (IngestError) is skipped rather than keeping the library from
    opening. Any other exception is a bug and propagates."""
    from tui.ingest import IngestError, parse

    for name in seed_names():
        data = _folder().joinpath(name).read_bytes()
        try:
            page = parse(data, url=None, content_type="text/plain")
        except IngestError:  # a bad seed must not break first run
            continue
        yield name, page


def open_library(path: Path | None = None, **options: Any) -> Library:
    """The user's library (or the one at `path`), a new one filled with the
    bundled sample pages: how the app and the CLI open it."""
    from tui.library import Library

    return Library.open(path, seed=seed_pages, **options)


def seed_raw(raw: RawPage) -> bytes | None:
    """A page's bytes for reparsing: its cached copy, or for a bundled seed
    the seed file itself."""
    if raw.data is None and raw.origin and raw.origin.startswith("seed:"):
        return seed_bytes(raw.origin.removeprefix("seed:"))
    return raw.data

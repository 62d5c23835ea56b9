"""Conformance: real publishers' pages (../shared/corpus, never copied into the
repository) parse to what ../shared/corpus/expected.json says."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS_DIR
from tui.ingest import parse
from tui.textnorm import clean_inline


def _expected_pages() -> list[dict]:
    path = CORPUS_DIR / "expected.json"
    if not path.is_file():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["pages"]


def _fold(text: str) -> str:
    return clean_inline(html.unescape(text))


def _minute(value) -> str | None:
    return value.isoformat()[:16] if value is not None else None


@pytest.mark.parametrize("expected", _expected_pages(), ids=lambda p: p["file"])
def test_corpus_page(corpus_dir: Path, expected: dict) -> None:
    page = parse((corpus_dir / expected["file"]).read_bytes())
    assert str(page.kind) == expected["kind"]
    assert len(page.entries) == expected["entries"]
    if "first" in expected:
        ends = ((page.entries[0], expected["first"]), (page.entries[-1], expected["last"]))
        for entry, want in ends:
            assert _minute(entry.time) == want["time"]
            assert _fold(entry.headline).startswith(_fold(want["headline_prefix"]))
    if "title" in expected:
        assert _fold(page.title) == _fold(expected["title"])
    if "published" in expected:
        assert page.published is not None
        assert page.published.isoformat().startswith(expected["published"])


@pytest.mark.parametrize("expected", _expected_pages(), ids=lambda p: p["file"])
def test_corpus_page_is_well_formed(corpus_dir: Path, expected: dict) -> None:
    """Beyond the expectations: what every parsed page must be like."""
    page = parse((corpus_dir / expected["file"]).read_bytes())
    assert page.title and page.source
    ids = [e.id for e in page.entries]
    assert len(set(ids)) == len(ids)
    for position, entry in enumerate(page.entries):
        assert entry.position == position
        assert entry.headline
        assert entry.time is None or entry.time.utcoffset() is not None
        assert "<script" not in entry.body_markdown and "&#39;" not in entry.headline
    if page.kind == "article":
        assert len(page.entries[0].body_markdown) > 1000

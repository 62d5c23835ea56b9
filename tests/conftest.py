"""Shared fixtures. Keep each fixture small; add new ones at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
# Real publishers' pages live beside the project, never inside it.
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
I24_SEED = SEEDS_DIR / "i24news_liveblog_2026-02-11_trump-netanyahou-iran.txt"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user: data, cache and config folders in a temp dir."""
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_CONFIG_HOME", "config")):
        path = tmp_path / sub
        path.mkdir()
        monkeypatch.setenv(var, str(path))
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS_DIR.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS_DIR


@pytest.fixture
def live_server():  # type: ignore[no-untyped-def]
    """A real HTTP server on 127.0.0.1 (tests/liveserver.py); the test sets its routes."""
    from liveserver import LiveServer

    with LiveServer().running() as server:
        yield server

"""Shared fixtures. Keep each fixture small; add new ones at the end."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# The tests read the English interface whatever the machine's language:
# before tui.i18n is first imported (it picks the language then). Tests of
# the French interface set LANG themselves (tests/test_i18n.py).
for _var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_var, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
# Real publishers' pages live beside the project, never inside it.
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
I24_SEED = SEEDS_DIR / "i24news_liveblog_2026-02-11_trump-netanyahou-iran.txt"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user: data, cache and config folders in a temp dir."""
    for var, value in _user_dirs(tmp_path).items():
        if var != "HOME":
            Path(value).mkdir()
        monkeypatch.setenv(var, value)
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


def _user_dirs(home: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"), "HOME": str(home)}


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a `newsreader` subprocess run by a user whose data,
    cache and config folders are under `home`: this checkout importable,
    NEWSREADER_DEBUG off (people get one error line, never a traceback)."""
    env = {**os.environ, **_user_dirs(home), **extra}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")
    env.pop("NEWSREADER_DEBUG", None)
    return env


@pytest.fixture(scope="module")
def quiet_server() -> Iterator[object]:
    """One real HTTP server for a module (each test uses its own paths),
    quiet about clients that hang up early (size cap, timeout): socketserver's
    traceback would land in a later test's captured output."""
    from liveserver import LiveServer

    srv = LiveServer()
    srv.httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    with srv.running():
        yield srv


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[object]:
    """A library of its own in a temp dir, without seeds."""
    from tui.library import Library

    library = Library.open(tmp_path / "library.sqlite3", seed=False)
    yield library
    library.close()


def headlines(lib: Any, which: Any) -> list[str]:
    """The headlines of a page (its id) or of an EntryFilter, in display order."""
    from tui.library import EntryFilter

    flt = EntryFilter(page_id=which) if isinstance(which, int) else which
    return [r.headline for r in lib.entry_rows(lib.entry_rowids(flt))]


def ld_json(obj: object) -> str:
    """A JSON-LD script element holding `obj`."""
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'

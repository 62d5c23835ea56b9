"""Helpers the library subcommands share: opening the library, making page
text safe for a terminal, one-line error reports."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterable
from datetime import datetime

from tui.ingest.clean import clean_inline, strip_controls
from tui.library import Library


def clean(text: object, multiline: bool = False) -> str:
    """Page text made safe to print: escape sequences and control characters
    removed; on one line unless `multiline`."""
    out = str(text) if text is not None else ""
    return strip_controls(out) if multiline else clean_inline(out)


def open_library() -> Library:
    return Library.open()


def width(default: int = 100) -> int:
    return max(40, shutil.get_terminal_size((default, 24)).columns)


def truncate(text: str, limit: int) -> str:
    if limit <= 1:
        return text[:max(limit, 0)]
    return text if len(text) <= limit else text[:limit - 1] + "…"


def when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


def report(message: str) -> None:
    """One error line on stderr, for a failure the command goes on after."""
    print(f"newsreader: {clean(message)}", file=sys.stderr)


def run_jobs(jobs: Iterable[tuple[str, Callable[[], str]]]) -> int:
    """Run each (label, job): print `label  what it did`, or the job's error on
    stderr and go on with the next one. Returns how many failed."""
    from tui.errors import UserError
    from tui.library import LibraryError

    failed = 0
    for label, job in jobs:
        try:
            line = job()
        except (UserError, LibraryError) as exc:
            report(f"{label}: {exc}")
            failed += 1
            continue
        print(f"{clean(label)}  {line}", flush=True)
    return failed

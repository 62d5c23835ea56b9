"""How the CLI prints: page text made safe for a terminal, cut to the
terminal's width, and one-line reports on stderr."""

from __future__ import annotations

import shutil

from tui.errors import print_error
from tui.i18n import _
from tui.library import SaveResult
from tui.model import cut_note
from tui.textnorm import clean_inline, strip_controls


def clean(text: object, multiline: bool = False) -> str:
    """Page text made safe to print: escape sequences and control characters
    removed; on one line unless `multiline`."""
    out = str(text) if text is not None else ""
    return strip_controls(out) if multiline else clean_inline(out)


def width(default: int = 100) -> int:
    return max(40, shutil.get_terminal_size((default, 24)).columns)


def truncate(text: str, limit: int) -> str:
    if limit <= 1:
        return text[:max(limit, 0)]
    return text if len(text) <= limit else text[:limit - 1] + "…"


def report(message: str) -> None:
    """One error line on stderr, for a failure the command goes on after."""
    print_error(message)


def report_cut(result: SaveResult) -> None:
    """On stderr, when the page was cut at the parser's limit: never silent."""
    if result.cut:
        report(f'"{result.title}": {cut_note(result.total, result.cut)}')


def describe_saved(result: SaveResult) -> str:
    """`added  "Title"  20 entries, 3 new`: the line for a page stored."""
    return _('added  "{title}"  {what}').format(title=clean(result.title),
                                                 what=result.describe())

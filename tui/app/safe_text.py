"""Display safety for text that came from pages.

Ingest already strips control characters; this is the app's own last line of
defence so that nothing from a page can reach the terminal as an escape
sequence or be read as Rich markup (headers are built with `rich.text.Text`,
never with markup strings).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.content import Content

from tui.textnorm import clean_inline, strip_controls


def safe(text: str | None) -> str:
    """Text with escape sequences and control characters (bar \\t and \\n) removed."""
    return strip_controls(text) if text else ""


def one_line(text: str | None) -> str:
    """`safe`, with every run of whitespace (newlines included) made one space."""
    return clean_inline(text)


def local(when: datetime) -> datetime:
    """A timezone-aware time in the user's local zone (naive times are kept)."""
    return when.astimezone() if when.tzinfo is not None else when


def set_border_text(widget: Any, which: str, text: str) -> None:
    """Set a widget's `border_title` or `border_subtitle` to plain text: never
    read as markup (page titles are data), terminal-safe, and only when it changes (each
    assignment repaints the whole widget)."""
    text = one_line(text)
    key = f"_plain_{which}"
    if getattr(widget, key, None) == text:
        return
    setattr(widget, key, text)
    setattr(widget, which, Content(text))

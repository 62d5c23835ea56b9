"""Display safety for text that came from pages.

Ingest already strips control characters; this is the app's own last line of
defence so that nothing from a page can reach the terminal as an escape
sequence or be read as Rich markup (headers are built with `rich.text.Text`,
never with markup strings).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from textual.content import Content

# ESC-introduced sequences (CSI, OSC, DCS, ... and two-character escapes),
# C1 CSI/OSC, then any remaining C0/C1 control character except tab/newline.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|$)"  # OSC, DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d.*?(?:\x07|\x9c|$)",  # 8-bit OSC
    re.DOTALL,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def safe(text: str | None) -> str:
    """Text with escape sequences and control characters (bar \\t and \\n) removed."""
    if not text:
        return ""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: str | None) -> str:
    """`safe`, with every run of whitespace (newlines included) made one space."""
    if not text:
        return ""
    return " ".join(_LINE_CONTROLS.sub(" ", _ESCAPES.sub("", text)).split())


def local(when: datetime) -> datetime:
    """A timezone-aware time in the user's local zone (naive times are kept)."""
    return when.astimezone() if when.tzinfo is not None else when


def set_border_text(widget: Any, which: str, text: str) -> None:
    """Set a widget's `border_title` or `border_subtitle` to plain text: never
    read as markup (page titles are data), and only when it changes (each
    assignment repaints the whole widget)."""
    key = f"_plain_{which}"
    if getattr(widget, key, None) == text:
        return
    setattr(widget, key, text)
    setattr(widget, which, Content(text))

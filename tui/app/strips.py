"""Fewer bytes per line: what the terminal is sent for a strip.

Textual writes one SGR sequence and one reset per segment, so a line of
seven differently styled pieces costs seven escape sequences even where the
pieces are blanks whose colour cannot be seen. `compact` gives a run of
spaces the style of the segment before it when the difference is invisible
on a blank cell (foreground colour, bold, italic, dim), then joins segments
of equal style. (Text never follows a run of blanks inside one segment:
some SVG renderers squeeze such runs in screenshots, misplacing the text.)
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style


def _blank_look(style: Style | None) -> tuple[object, ...]:
    """What of a style shows on a space."""
    if style is None:
        return (None,) * 7
    return (style.bgcolor, style.reverse, style.underline, style.strike, style.overline,
            style.underline2, style.link)


def compact(segments: Iterable[Segment], base: Style | None = None) -> list[Segment]:
    """The same cells under `base` (the widget's style), in as few
    differently styled segments as invisible differences allow. Every
    segment gets a style (Textual's filters, NO_COLOR's among them, expect one)."""
    base = base or Style.null()
    out: list[Segment] = []
    for segment in segments:
        text, style, control = segment
        if control is not None:
            out.append(segment)
            continue
        style = base + style if style is not None else base
        segment = Segment(text, style)
        if out and out[-1].control is None:
            last_text, last_style, _ = out[-1]
            blank = not text.strip(" ")
            if blank and _blank_look(style) == _blank_look(last_style):
                out[-1] = Segment(last_text + text, last_style)
                continue
            if style == last_style and not last_text.endswith("  "):
                out[-1] = Segment(last_text + text, last_style)
                continue
        out.append(segment)
    return out


__all__ = ["compact"]

"""The dump as units: its lines and bullet lists, hard wraps joined, each
unit caching what the parser asks of it (folded text, chrome, stamp, zone,
content end)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any, Generic, TypeVar

from tui.ingest.textdump.chrome import END_MARKERS, SENTENCE_END, fold_text, looks_like_chrome
from tui.ingest.textdump.stamps import Stamp, read_stamp
from tui.ingest.zones import stated_zone
from tui.textnorm import fold_page, strip_controls

_T = TypeVar("_T")


class _lazy(Generic[_T]):
    """functools.cached_property without its lock (Python 3.11 takes one on
    every first access): a dump has thousands of units, each read by one thread."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__

    def __get__(self, unit: Any, owner: type | None = None) -> _T:
        value = unit.__dict__[self.name] = self.func(unit)
        return value


@dataclass
class Unit:
    text: str  # the line; for a list, its items joined with " | "
    items: tuple[str, ...] | None = None  # bullet items when this is a list
    gap_before: bool = True  # a blank line (or the start) comes before it
    gap_after: bool = True

    @property
    def is_list(self) -> bool:
        return self.items is not None

    @_lazy
    def words(self) -> int:
        if self.items is None and self.text:
            # A line's text is already split and joined on single spaces.
            return self.text.count(" ") + 1
        return len(self.text.split())

    @_lazy
    def folded(self) -> str:
        return fold_text(self.text)

    @_lazy
    def chrome(self) -> bool:
        return looks_like_chrome(self)

    @_lazy
    def stamp(self) -> Stamp | None:
        return read_stamp(self.text)

    @_lazy
    def zone(self) -> tzinfo | None:
        """The zone this line states for the clocks below it ('All times UTC')."""
        if self.items is not None or self.words > 25:
            return None
        folded = self.folded  # (a cheap test first: every statement names times)
        if not any(w in folded for w in ("time", "heure", "zeit", "orari")):
            return None
        return stated_zone(self.text)

    @_lazy
    def end(self) -> bool:
        if self.is_list or self.words > 20:
            return False
        return bool(END_MARKERS.match(self.folded.strip(" :")))


_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?:[•□◦▪▫‣∙●○◆*]|-(?=\s)"
    r"|\d{1,2}\.(?=\s)(?!\s+[^\W\d_]+\.?,?\s+(?:19|20)\d\d\b))"  # (not '19. Oktober 2019')
    r"[ \t]*(?P<text>.*)$"
)


_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")


def _fold_line(line: str) -> str:
    """One line, spaces folded (the text has been through _clean first)."""
    return " ".join(line.split())


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines a dump tool hard-wrapped at a fixed width (w3m -cols N)."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if not lengths:
        return lines
    width = max(lengths)
    if width > 400 or width < 40:
        return lines
    near = [line.rstrip() for line in lines if len(line.rstrip()) >= width - 25]
    open_ended = sum(1 for line in near if line[-1] not in SENTENCE_END)
    if len(near) < 3 or open_ended < len(near) / 2:
        return lines
    out: list[str] = []
    last = ""  # the line before, as printed (out[-1] may hold several joined)
    for line in lines:
        prev = out[-1] if out else ""
        if (
            line.strip()
            and last.strip()
            and len(last.rstrip()) >= width - 25
            and not _BULLET.match(line)
            and (_indent(line) == _indent(last) or _BULLET.match(prev))
        ):
            out[-1] = prev.rstrip() + " " + line.strip()
        else:
            out.append(line)
        last = line
    return out


def split_units(text: str) -> list[Unit]:
    text = strip_controls(text)
    # (str `in` finds one character at C speed; the pattern's scan is slower)
    if any(char in text for char in _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH.sub("", text)
    lines = _unwrap(text.split("\n"))
    units: list[Unit] = []
    gap = True
    i, n = 0, len(lines)
    while i < n:
        raw = lines[i]
        if not raw.strip():
            gap = True
            if units:
                units[-1].gap_after = True
            i += 1
            continue
        m = _BULLET.match(raw)
        if m:
            base = len(m.group("indent"))
            items: list[str] = []
            parts: list[list[tuple[str, bool]]] = []  # each item's lines, blank line before
            blank = False
            while i < n:
                raw = lines[i]
                if not raw.strip():
                    j = i
                    while j < n and not lines[j].strip():
                        j += 1
                    # Text indented under an item continues it; a new bullet
                    # after a blank line starts another list.
                    if j < n and _indent(lines[j]) > base and not _BULLET.match(lines[j]):
                        i, blank = j, True
                        continue
                    break
                m = _BULLET.match(raw)
                if m and (len(m.group("indent")) >= base):
                    items.append(_fold_line(m.group("text")))
                    parts.append([(items[-1], True)])
                elif _indent(raw) > base and items:
                    items[-1] = (items[-1] + " " + _fold_line(raw)).strip()
                    parts[-1].append((_fold_line(raw), blank))
                else:
                    break
                blank = False
                i += 1
            if _stream_list(parts):
                units.extend(_stream_units(parts, gap))
                gap = False
                continue
            unit = Unit(" | ".join(items), tuple(items), gap_before=gap, gap_after=False)
        else:
            unit = Unit(_fold_line(raw), gap_before=gap, gap_after=False)
            i += 1
        if units and not gap:
            units[-1].gap_after = False
        # A line printed twice in a row (alt text and caption, a byline...)
        if (
            units
            and not unit.is_list
            and not units[-1].is_list
            and unit.text == units[-1].text
        ):
            gap = False
            continue
        if unit.text or unit.is_list:
            units.append(unit)
        gap = False
    if units:
        units[-1].gap_after = True
    return units


def _stream_list(parts: list[list[tuple[str, bool]]]) -> bool:
    """A list that is the live blog itself (an <ol> or <ul> of updates): items
    that open with an entry's stamp and hold lines of text under it."""
    opened = 0
    for lines in parts:
        if len(lines) > 1 and lines[0][0][:1].isalnum():
            found = read_stamp(lines[0][0])
            if found is not None and not found.weak and found.kind in ("clock", "minute"):
                opened += 1
    # (w3m ends a list at a blank line: one item per list is common)
    return opened >= 1 and opened >= len(parts) / 2


def _stream_units(parts: list[list[tuple[str, bool]]], gap: bool) -> list[Unit]:
    """The lines of a stream list as lines: each item's stamp, then its text."""
    out: list[Unit] = []
    for lines in parts:
        for k, (line, blank) in enumerate(lines):
            before = (gap if not out else True) if k == 0 else blank
            if out:
                out[-1].gap_after = before
            if line:
                out.append(Unit(line, gap_before=before, gap_after=False))
    return out


def fold_units(units: list[Unit]) -> None:
    """Unit.folded, at once, for the lines the chrome and end tests fold
    anyway (up to 90 words): one fold of their joined text rather than one
    per line. fold_text works character by character and no character folds to a
    newline, so the folded text splits back into the lines."""
    short = [u for u in units if u.items is None and u.words <= 90]
    joined = "\n".join(u.text for u in short)
    if joined.count("\n") != len(short) - 1:
        return  # (a line holding a newline: never, units are lines)
    folded = fold_page(joined).replace("’", "'").replace("‘", "'").split("\n")
    for unit, text in zip(short, folded, strict=True):
        unit.__dict__["folded"] = text

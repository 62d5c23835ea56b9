"""Read, star and seen marks as the reader makes them.

Marks show on screen at once and are saved by a worker through the write
queue (tui.app.writes), so a move never waits on the library. An entry
counts as read when opened, or once on show for `mark_read_after` seconds
without moving; the sidebar's counts follow once the cursor has been still
for COUNTS_DELAY (a count line per read entry would double what a move sends
to the terminal).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Protocol

from textual.timer import Timer

from tui.app.widgets.entry_list import EntryList
from tui.app.writes import WriteQueue
from tui.library import PageSummary

#: Sidebar counts change on screen once the cursor has been still this long.
COUNTS_DELAY = 0.5


class MarksHost(Protocol):
    """What the marks need of the reader screen."""

    pages: list[PageSummary]
    last_move: float  # time.monotonic() of the cursor's last move

    @property
    def entry_list(self) -> EntryList: ...
    def set_timer(self, delay: float, callback: Callable[[], None]) -> Timer: ...
    def save_changes(self) -> object: ...
    def show_counts(self, pages: list[PageSummary]) -> None: ...


class Marks:
    def __init__(self, host: MarksHost, writing: Callable[[], bool]) -> None:
        self.host = host
        self.writing = writing  # is the library open for writing?
        self.writes = WriteQueue()
        self._read_timer: Timer | None = None
        self._counts_timer: Timer | None = None

    def save(self, what: str, ident: int, value: object = None) -> None:
        """Queue a read/star/seen change; a worker saves it."""
        if self.writing() and self.writes.add(what, ident, value):
            self.host.save_changes()

    def read_later(self, rowid: int, delay: float | None) -> None:
        """The entry on show is read after `delay` seconds if the cursor is
        still on it (0: now, None: never by looking)."""
        self.cancel_read()
        if delay is None:
            return
        if delay <= 0:
            self.set_read(rowid, True)
        else:
            self._read_timer = self.host.set_timer(delay, partial(self._read_if_still, rowid))

    def cancel_read(self) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None

    def _read_if_still(self, rowid: int) -> None:
        self._read_timer = None
        if self.host.entry_list.current_rowid == rowid:
            self.set_read(rowid, True)

    def set_read(self, rowid: int, read: bool) -> None:
        entry_list = self.host.entry_list
        row = entry_list.row(rowid)
        if row is None or row.read == read:
            return
        self.save("read", rowid, read)
        entry_list.update_row(rowid, read=read)
        self._adjust_counts(row.page_id, unread=-1 if read else 1)

    def toggle_read(self) -> None:
        entry_list = self.host.entry_list
        rowid = entry_list.current_rowid
        row = entry_list.row(rowid) if rowid is not None else None
        if row is not None:
            self.set_read(row.rowid, not row.read)

    def toggle_star(self) -> tuple[int, bool] | None:
        """Star or unstar the entry under the cursor: (rowid, starred)."""
        entry_list = self.host.entry_list
        rowid = entry_list.current_rowid
        row = entry_list.row(rowid) if rowid is not None else None
        if row is None or not self.writing():
            return None
        starred = not row.starred
        self.save("star", row.rowid, starred)
        entry_list.update_row(row.rowid, starred=starred)
        self._adjust_counts(row.page_id, starred=1 if starred else -1)
        return row.rowid, starred

    def _adjust_counts(self, page_id: int, unread: int = 0, starred: int = 0) -> None:
        self.host.pages = [
            replace(p, unread=p.unread + unread, starred=p.starred + starred)
            if p.id == page_id else p for p in self.host.pages]
        if self._counts_timer is None:
            self._counts_timer = self.host.set_timer(COUNTS_DELAY, self._show_counts)

    def _show_counts(self) -> None:
        self._counts_timer = None
        still = time.monotonic() - self.host.last_move
        if still < COUNTS_DELAY:
            self._counts_timer = self.host.set_timer(COUNTS_DELAY - still, self._show_counts)
            return
        self.host.show_counts(self.host.pages)

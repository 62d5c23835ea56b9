"""Read, star and seen marks, saved off the UI thread.

The UI records a change here and shows it at once (optimistically); a thread
worker of the app drains the queue into the library, so a write that waits
(another process holding the database in a write transaction, a worker holding
the library's lock through a big merge) never freezes the screen. Read marks
made while a save is under way are batched into one `set_read` per value.

Until a change is committed, `overlay` applies it to rows read from the
library (a row re-read before the save lands must not flip back).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.library import EntryRow, Library

#: (what, id, value): ("read", rowid, bool), ("star", rowid, bool), ("seen", page_id, None),
#: ("seen", 0, view): a view of several pages seen (the river, "live").
Op = tuple[str, int, object]


class WriteQueue:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ops: list[Op] = []
        self._busy = False
        #: rowid -> {"read": bool, "starred": bool}: changes not yet committed.
        self.pending: dict[int, dict[str, bool]] = {}

    def add(self, what: str, ident: int, value: object = None) -> bool:
        """Queue a change; True when no save is under way (start one)."""
        with self._lock:
            self._ops.append((what, ident, value))
            if what in ("read", "star"):
                field = "read" if what == "read" else "starred"
                self.pending.setdefault(ident, {})[field] = bool(value)
            start = not self._busy
            self._busy = True
            return start

    def overlay(self, row: EntryRow) -> EntryRow:
        changes = self.pending.get(row.rowid) if self.pending else None
        return replace(row, **changes) if changes else row  # type: ignore[arg-type]

    def drain(self, library: Library) -> None:
        """In the worker: save until the queue is empty."""
        try:
            while True:
                with self._lock:
                    ops, self._ops = self._ops, []
                    if not ops:
                        self._busy = False
                        return
                self.flush(library, ops)
        except BaseException:
            with self._lock:
                self._busy = False
            raise

    def flush(self, library: Library, ops: list[Op] | None = None) -> None:
        """Save `ops` (default: everything queued, on the calling thread:
        quitting). Changes leave `pending` once saved, or failed."""
        if ops is None:
            with self._lock:
                ops, self._ops = self._ops, []
        reads: dict[int, bool] = {}
        stars: dict[int, bool] = {}
        seen: list[int | str] = []
        for what, ident, value in ops:
            if what == "read":
                reads[ident] = bool(value)
            elif what == "star":
                stars[ident] = bool(value)
            elif (seen_what := value if isinstance(value, str) else ident) not in seen:
                seen.append(seen_what)
        try:
            for value in (True, False):
                ids = [rowid for rowid, read in reads.items() if read == value]
                if ids:
                    library.set_read(ids, value)
            for rowid, starred in stars.items():
                library.set_starred(rowid, starred)
            for page_or_view in seen:
                if isinstance(page_or_view, str):
                    library.mark_view_seen(page_or_view)
                else:
                    library.mark_seen(page_or_view)
        finally:
            with self._lock:
                for field, done in (("read", reads), ("starred", stars)):
                    for rowid, value in done.items():
                        changes = self.pending.get(rowid)
                        if changes is not None and changes.get(field) == value:
                            del changes[field]
                            if not changes:
                                del self.pending[rowid]

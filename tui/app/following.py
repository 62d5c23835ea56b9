"""Following live blogs while the app runs: a timer looks for due pages, a
thread worker polls them (tui.follow, no network on the UI thread), and the
outcome comes back as a `FollowPolled` message.

New entries slot into the list without moving the cursor or the scroll (the
list keeps the entry under the cursor on the same screen line), are marked
fresh, counted in the sidebar and announced with one notification per page.
`p` pauses and resumes following; `u` jumps to the first unread entry. The
state of the page on show (following/paused/ended, last update, next try,
last error) sits in the entry list's subtitle.

A mixin for NewsReaderApp, so the app module keeps its shape: the app calls
`start_following()` once mounted and adds `follow_status()` to its subtitle.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message

from tui.app.text import one_line
from tui.follow import Follower, PollOutcome, describe, load_follow_config
from tui.library import PageSummary

if TYPE_CHECKING:
    from tui.app.app import NewsReaderApp

#: Seconds between looks at the follow state (no I/O unless a page is due).
FOLLOW_TICK = 1.0
#: Seconds between re-reading which pages are live (new pages, removed ones).
SYNC_EVERY = 30.0


@dataclass
class FollowPolled(Message):
    """Due pages were polled (in a worker)."""

    outcomes: list[PollOutcome]
    pages: list[PageSummary] | None = None  # fresh counts when something changed
    problem: str | None = None  # config.toml trouble, said once
    started: list[int] = field(default_factory=list)


def new_entries_line(count: int, title: str) -> str:
    noun = "entry" if count == 1 else "entries"
    return f"{count} new {noun} — {one_line(title)}"


class Following:
    """Mixin: following for NewsReaderApp (see the module docstring)."""

    follower: Follower | None = None
    follow_tick: float = FOLLOW_TICK
    fresh_rowids: set[int]
    _follow_busy: bool = False
    _follow_synced: float = 0.0

    def start_following(self) -> None:
        """On mount: start the timer; the follower itself is made in a worker
        once the library is open."""
        app: Any = self
        self.fresh_rowids = set()
        app.entry_list.fresh = self.fresh_rowids
        app.set_interval(self.follow_tick, self._follow_tick, name="follow")

    def _follow_tick(self) -> None:
        app: NewsReaderApp = self  # type: ignore[assignment]
        if app.library is None or self._follow_busy:
            return
        now = time.time()
        follower = self.follower
        if follower is not None:
            if not follower.due(now) and now - self._follow_synced < SYNC_EVERY:
                return
        self._follow_busy = True
        self.follow_poll()

    @work(thread=True, group="follow", name="follow", exit_on_error=False)
    def follow_poll(self) -> None:
        """In a worker: (re)read the live pages when it is time, poll the due ones."""
        app: NewsReaderApp = self  # type: ignore[assignment]
        try:
            library = app.library
            if library is None:
                return
            problem = None
            if self.follower is None:
                config = load_follow_config()
                problem = config.problem
                self.follower = Follower(library, config)
            started: list[int] = []
            if time.time() - self._follow_synced >= SYNC_EVERY:
                before = set(self.follower.states)
                started = [i for i in self.follower.sync() if i not in before]
                self._follow_synced = time.time()
            outcomes = self.follower.poll_due()
            changed = any(o.status == "updated" for o in outcomes)
            pages = library.pages() if changed else None
            if outcomes or problem or started:
                app.post_message(FollowPolled(outcomes, pages, problem, started))
        finally:
            self._follow_busy = False

    def on_follow_polled(self, message: FollowPolled) -> None:
        app: NewsReaderApp = self  # type: ignore[assignment]
        if message.problem:
            app.notify(message.problem, title="config.toml [follow] ignored",
                       severity="warning")
        if message.pages is not None:
            app._set_pages(message.pages)
            app.sidebar.update_counts(message.pages)
        updated: set[int] = set()
        for outcome in message.outcomes:
            if outcome.status != "updated":
                continue
            updated.add(outcome.page_id)
            if outcome.new_rows:
                self.fresh_rowids.update(r.rowid for r in outcome.new_rows)
                state = self.follower.states.get(outcome.page_id) if self.follower else None
                title = state.title if state else (outcome.result.title if outcome.result
                                                   else "")
                app.notify(new_entries_line(len(outcome.new_rows), title),
                           title="Following", timeout=6)
        if updated:
            self._show_updates(updated)
        if message.started or message.pages is not None:
            app.refresh_bindings()  # `p` shows once something is followed
        app._title_list()

    def _show_updates(self, page_ids: set[int]) -> None:
        """Reload the list if it shows an updated page, keeping the cursor's
        entry where it is on screen; refresh the entry on show if it changed."""
        app: NewsReaderApp = self  # type: ignore[assignment]
        entry_list = app.entry_list
        on_show = app.page_context in page_ids if app.view_key.startswith("page:") else True
        busy = any(w.group == "view" and w.is_running for w in app.workers)
        if on_show and app.search_query is None and not busy:
            app.load_view(app.view_key, select=entry_list.current_rowid, anchor=True)
        detail = app.detail
        if detail is not None and detail.row.page_id in page_ids and app.reader is not None:
            new = app._entry_detail(detail.row.rowid)
            if new != detail:
                app.entry_view.show(new)  # the same entry: its scroll is kept

    def following_any(self) -> bool:
        """Is some page being followed (live, not ended)?"""
        follower = self.follower
        return follower is not None and any(s.ended is None for s in follower.states.values())

    def follow_status(self, page_id: int | None) -> str:
        """The follow state of a page for the subtitle, "" when not followed."""
        if self.follower is None or page_id is None:
            return ""
        state = self.follower.states.get(page_id)
        if state is None:
            return ""
        return describe(state, time.time(), paused=self.follower.paused)

    def action_toggle_follow(self) -> None:
        app: NewsReaderApp = self  # type: ignore[assignment]
        if self.follower is None:
            app.notify("Nothing to follow yet.", severity="warning")
            return
        paused = self.follower.toggle_pause()
        live = sum(1 for s in self.follower.states.values() if s.ended is None)
        app.notify(f"Following paused ({live} live pages)." if paused else
                   f"Following {live} live pages again.", title="Following")
        app._title_list()

    def action_first_unread(self) -> None:
        """Jump to the first unread entry of the list (on a live blog, the
        newest one you have not read)."""
        app: NewsReaderApp = self  # type: ignore[assignment]
        entry_list = app.entry_list
        for index, row in entry_list.rows_from(-1, +1):
            if not row.read:
                entry_list.move_to(index)
                entry_list.focus()
                return
        app.notify("Nothing unread here.")

"""Following live blogs while the reader runs: a timer looks for due pages, a
thread worker polls them (tui.pipeline.follow, no network on the UI thread),
and the outcome comes back to the screen as a `FollowPolled` message, which
the screen hands to `FollowingController.take`.

New entries are marked fresh and announced with one notification per page;
the screen slots them into the list (the cursor's entry keeps its screen
line). `p` pauses and resumes following; `r` fetches a page now
(`refresh`). The state of the page on show (following/paused/ended, last
update, next try, last error) is `status(page_id)`, for the list's subtitle.

A controller the reader screen owns: it knows the follower and the fresh
entries, and talks to the screen only through `run_worker`, `post_message`,
`set_interval` and `notify`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import Protocol

from textual.message import Message
from textual.timer import Timer
from textual.worker import Worker

from tui.app.messages import FollowPolled, PageRefreshed
from tui.app.safe_text import one_line
from tui.errors import UserError
from tui.i18n import _, ngettext
from tui.library import EntryRow, Library
from tui.model import cut_note
from tui.pipeline.follow import Follower, PollOutcome, describe, load_follow_config, poll_once

#: Seconds between looks at the follow state (no I/O unless a page is due).
FOLLOW_TICK = 1.0
#: Seconds between re-reading which pages are live (new pages, removed ones).
SYNC_EVERY = 30.0


class FollowHost(Protocol):
    """What the controller needs of the screen that owns it."""

    def run_worker(self, work: Callable[[], None], *, name: str, group: str,
                   thread: bool, exit_on_error: bool, exclusive: bool = False
                   ) -> Worker[None]: ...
    def post_message(self, message: Message) -> bool: ...
    def set_interval(self, interval: float, callback: Callable[[], None], *,
                     name: str) -> Timer: ...
    def notify(self, message: str, *, title: str = "", timeout: float | None = None
               ) -> None: ...


def new_entries_line(count: int, title: str) -> str:
    return ngettext("{n} new entry — {title}", "{n} new entries — {title}", count).format(
        n=count, title=one_line(title))


class FollowingController:
    def __init__(self, host: FollowHost, library: Callable[[], Library | None],
                 tick: float = FOLLOW_TICK,
                 watch: Callable[[], tuple[str, ...]] = tuple) -> None:
        self.host = host
        self.library = library  # the writing library, once it is open
        self.watch = watch  # the watch words (config.toml [watch])
        self.tick = tick
        self.follower: Follower | None = None
        self.fresh_rowids: set[int] = set()  # entries new since the reader opened
        self._busy = False
        self._synced = 0.0

    def start(self) -> None:
        """On mount: start the timer; the follower itself is made in a worker
        once the library is open."""
        self.host.set_interval(self.tick, self._tick, name="follow")

    def _tick(self) -> None:
        if self.library() is None or self._busy:
            return
        now = time.time()
        follower = self.follower
        if follower is not None and not follower.due(now) and now - self._synced < SYNC_EVERY:
            return
        self._busy = True
        self.host.run_worker(self._poll, name="follow", group="follow", thread=True,
                             exit_on_error=False)

    def _poll(self) -> None:
        """In a worker: (re)read the live pages when it is time, poll the due ones."""
        try:
            library = self.library()
            if library is None:
                return
            problem = None
            if self.follower is None:
                config = load_follow_config()
                problem = config.problem
                self.follower = Follower(library, config)
            started: list[int] = []
            if time.time() - self._synced >= SYNC_EVERY:
                before = set(self.follower.states)
                started = [i for i in self.follower.sync() if i not in before]
                self._synced = time.time()
            outcomes = self.follower.poll_due()
            changed = any(o.status == "updated" for o in outcomes)
            pages = library.pages() if changed else None
            watched = self._watched(library, outcomes)
            if outcomes or problem or started:
                self.host.post_message(FollowPolled(outcomes, pages, problem, started, watched))
        finally:
            self._busy = False

    def _watched(self, library: Library, outcomes: list[PollOutcome]) -> list[EntryRow]:
        """The new entries that hold a watched word (the library's index)."""
        words = self.watch()
        new = {row.rowid: row for o in outcomes for row in o.new_rows}
        if not words or not new:
            return []
        hits = library.with_words(list(new), words)
        return [row for rowid, row in new.items() if rowid in hits]

    def take(self, message: FollowPolled, on_show: int | None = None) -> set[int]:
        """A poll's outcome, on the UI thread: fresh entries marked, each
        page's news announced once, except the page on show (its list says
        "▲ 3 new": no notice over the text being read). Returns the ids of
        the pages updated."""
        if message.problem:
            self.host.notify(message.problem, title=_("config.toml [follow] ignored"))
        for row in message.watched:  # announced wherever they are
            self.host.notify(f"◆ {one_line(row.headline)}", title=_("Watched word"), timeout=8)
        updated: set[int] = set()
        for outcome in message.outcomes:
            if outcome.status != "updated":
                continue
            updated.add(outcome.page_id)
            if outcome.new_rows:
                self.fresh_rowids.update(r.rowid for r in outcome.new_rows)
                if outcome.page_id == on_show:
                    continue
                self.host.notify(new_entries_line(len(outcome.new_rows), self._title(outcome)),
                                 title=_("Following"), timeout=6)
        return updated

    def _title(self, outcome: PollOutcome) -> str:
        state = self.follower.states.get(outcome.page_id) if self.follower else None
        if state is not None:
            return state.title
        return outcome.result.title if outcome.result else ""

    def refresh(self, page_id: int) -> None:
        """Fetch a page now (`r`), in a worker; a `PageRefreshed` comes back."""
        self.host.run_worker(partial(self._refresh, page_id), name="refresh", group="refresh",
                             thread=True, exit_on_error=False, exclusive=True)

    def _refresh(self, page_id: int) -> None:
        """Fetch the page again (through the follow poll) and move its follow
        state on, as a scheduled poll would: the follow line then says
        "updated"/"checked" and when the next try is. A failure is raised,
        for the app's error funnel."""
        library = self.library()
        assert library is not None
        outcome = poll_once(library, page_id)
        if self.follower is not None:
            self.follower.apply(outcome)
        if outcome.status == "failed":
            raise UserError(outcome.error or _("the refresh failed"))
        result = outcome.result
        summary = _("unchanged (304)") if result is None else result.describe(changes_only=True)
        if result is not None and result.cut:
            summary += f"; {cut_note(result.total, result.cut)}"
        self.host.post_message(PageRefreshed(page_id, summary, outcome))

    def following_any(self) -> bool:
        """Is some page being followed (live, not ended)?"""
        follower = self.follower
        return follower is not None and any(s.ended is None for s in follower.states.values())

    def status(self, page_id: int | None) -> str:
        """The follow state of a page for the subtitle, "" when not followed."""
        if self.follower is None or page_id is None:
            return ""
        state = self.follower.states.get(page_id)
        if state is None:
            return ""
        return describe(state, time.time(), paused=self.follower.paused)

    def toggle_pause(self) -> str:
        """Pause or resume; the line that says which."""
        if self.follower is None:
            return _("Nothing to follow yet.")
        paused = self.follower.toggle_pause()
        live = sum(1 for s in self.follower.states.values() if s.ended is None)
        line = ngettext("Following paused ({n} live page).", "Following paused ({n} live pages).",
                        live) if paused else \
            ngettext("Following {n} live page again.", "Following {n} live pages again.", live)
        return line.format(n=live)


"""Following live blogs: re-fetch live pages on a schedule, merge what is new,
back off when the network or the publisher fails.

No Textual here: the app and `newsreader follow` drive the same `Follower`.
The decisions (when is a page due, how long to back off, has a live blog
ended) are pure functions of plain numbers, so they are tested without a
clock or a network; `poll_once` is the only I/O: one conditional fetch, one
parse, one library write, and failures come back as data, never raised.

Settings, in config.toml (see tui.config for where it lives):

    [follow]
    every = 60                 # seconds between checks of a live page
    minimum = 5                # the shortest interval allowed (lower it only
                               # for a server of your own)
    [follow.pages]
    "https://example.org/live" = 120   # per-page interval, by URL
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time as _time
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from tui.errors import one_line_error
from tui.i18n import _, count, decimal
from tui.library import EntryRow, Library, SaveResult

DEFAULT_EVERY = 60.0  # seconds
MIN_EVERY = 5.0  # the shortest interval, unless config.toml lowers it
LOWEST_MINIMUM = 0.05  # how far `minimum` may go (tests poll a local server)
MAX_BACKOFF = 30 * 60.0  # a failing page is retried at least every 30 min
JITTER = 0.1  # +-10 % so many followed pages do not fire together
ENDED_AFTER = 24 * 3600.0  # no new entry for a day: the live blog is over
POLL_TIMEOUT = 20.0  # seconds for one poll's whole fetch
HOST_GAP = 2.0  # seconds between two requests to one host (never above `minimum`)
IN_FLIGHT = 4  # fetches at once when many followed pages are due together

Status = Literal["updated", "unchanged", "not_modified", "failed"]


# --- settings ---------------------------------------------------------------


@dataclass(frozen=True)
class FollowConfig:
    every: float = DEFAULT_EVERY
    pages: dict[str, float] = field(default_factory=dict)  # URL -> seconds
    problem: str | None = None  # what was wrong with the file, if anything
    minimum: float = MIN_EVERY  # no page is checked more often than this


def _seconds(value: object, floor: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if floor <= value < float("inf") else None


def parse_follow_config(data: dict[str, object]) -> FollowConfig:
    """The `[follow]` table of a parsed config.toml; bad values (not a
    number, below the minimum) are skipped and said in `problem`."""
    table = data.get("follow")
    if not isinstance(table, dict):
        return FollowConfig()
    skipped: list[str] = []
    minimum = MIN_EVERY
    if "minimum" in table:
        minimum = _seconds(table["minimum"], LOWEST_MINIMUM) or MIN_EVERY
        if minimum != table["minimum"]:
            skipped.append(f"minimum = {table['minimum']!r}")

    def seconds(name: str, value: object) -> float | None:
        got = _seconds(value, minimum)
        if got is None:
            skipped.append(f"{name} = {value!r}")
        return got

    every = seconds("every", table["every"]) if "every" in table else None
    pages: dict[str, float] = {}
    raw_pages = table.get("pages")
    if isinstance(raw_pages, dict):
        for url, value in raw_pages.items():
            got = seconds(f'"{url}"', value)
            if got is not None:
                pages[str(url)] = got
    problem = None
    if skipped:
        problem = _("ignored {settings} (a number of seconds, at least {minimum})").format(
            settings=", ".join(skipped), minimum=decimal(minimum))
    return FollowConfig(every=every or max(DEFAULT_EVERY, minimum), pages=pages,
                        problem=problem, minimum=minimum)


def load_follow_config(path: Path | None = None) -> FollowConfig:
    """Read `[follow]` from config.toml; a missing or broken file gives defaults."""
    if path is None:
        from tui.config import config_path

        path = config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return FollowConfig()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return FollowConfig(problem=f"{path}: {exc}")
    return parse_follow_config(data)


# --- pure decisions ---------------------------------------------------------


def retry_delay(interval: float, failures: int, *, cap: float = MAX_BACKOFF,
                jitter: float = JITTER, rand: Callable[[], float] = random.random) -> float:
    """Seconds until the next try: the interval after a success, doubled for
    each failure in a row (interval x 2^failures), never more than `cap`
    (nor less than the interval), spread by +-`jitter` (0 turns it off)."""
    base = interval * (2.0 ** min(max(failures, 0), 30))
    base = max(min(base, cap), interval)
    if jitter:
        base *= 1.0 + jitter * (2.0 * rand() - 1.0)
    return base


def ended_reason(now: float, coverage_end: float | None,
                 last_activity: float | None, *, after: float = ENDED_AFTER) -> str | None:
    """Why a live blog has ended, or None while it is live: the publisher said
    coverage ended (coverageEndTime in the past), or no new entry for a day."""
    if coverage_end is not None and coverage_end <= now:
        return _("coverage ended")
    if last_activity is not None and now - last_activity >= after:
        return _("no new entry for 24 h")
    return None


def last_activity(rows: Iterable[EntryRow]) -> float | None:
    """When the page last had something new: its newest entry time, or when
    no entry has a time, when the library last saw a new entry."""
    times = [r.time.timestamp() for r in rows if r.time is not None]
    if times:
        return max(times)
    seen = [r.first_seen.timestamp() for r in rows]
    return max(seen) if seen else None


def sort_new(rows: Iterable[EntryRow]) -> list[EntryRow]:
    """New entries oldest first: by time when both have one, else page order
    (a live blog lists newest first, so a higher position is older)."""
    rows = list(rows)
    return sorted(rows, key=lambda r: (r.time.timestamp() if r.time else float("-inf"),
                                       -r.position))


# --- state ------------------------------------------------------------------


@dataclass
class FollowState:
    """What following knows about one page. Times are Unix timestamps."""

    page_id: int
    url: str
    title: str
    interval: float = DEFAULT_EVERY
    failures: int = 0
    next_due: float = 0.0
    last_error: str | None = None
    last_checked: float | None = None  # last attempt that reached the publisher
    last_updated: float | None = None  # last check that brought something new
    paused: bool = False
    ended: str | None = None  # why it is no longer polled

    @property
    def active(self) -> bool:
        return not self.paused and self.ended is None

    def is_due(self, now: float) -> bool:
        return self.active and now >= self.next_due


def due_pages(states: Iterable[FollowState], now: float) -> list[int]:
    """Ids of the pages to poll now, the most overdue first."""
    due = [s for s in states if s.is_due(now)]
    due.sort(key=lambda s: s.next_due)
    return [s.page_id for s in due]


def host_of(url: str) -> str:
    """The host a page is fetched from (the URL itself when it has none)."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def spaced_by_host(due: Iterable[FollowState], last_request: dict[str, float], now: float,
                   gap: float) -> list[int]:
    """Of the due pages (most overdue first), those whose host has had no
    request for `gap` seconds, one per host: many followed pages of one
    publisher are fetched `gap` apart, never in a burst. The others stay due
    and go at a later tick."""
    taken: set[str] = set()
    out: list[int] = []
    for state in due:
        host = host_of(state.url)
        if host in taken or now - last_request.get(host, float("-inf")) < gap:
            continue
        taken.add(host)
        out.append(state.page_id)
    return out


def describe(state: FollowState, now: float, paused: bool = False) -> str:
    """One short line for a status bar, most telling part first (it may be
    cut): "updated 12:04 · next at 12:05:30", "retry at 12:09:30 (3
    failures): HTTP 503 ...", "paused · updated 12:04", "ended (coverage
    ended)". Clock times, not countdowns: the line changes only when a poll
    does, so a reader over SSH is not sent a repaint every second."""
    seen = ""
    if state.last_updated is not None:
        seen = _("updated {time}").format(time=_clock(state.last_updated))
    elif state.last_checked is not None:
        seen = _("checked {time}").format(time=_clock(state.last_checked))
    if state.ended:
        ended = _("ended ({reason})").format(reason=state.ended)
        return " · ".join(p for p in (ended, seen) if p)
    if paused or state.paused:
        return " · ".join(p for p in (_("paused"), seen) if p)
    at = _clock(max(state.next_due, now), seconds=True)
    if state.last_error:
        if state.failures > 1:  # so always a plural
            return _("retry at {time} ({n} failures): {error}").format(
                time=at, n=count(state.failures), error=state.last_error)
        return _("retry at {time}: {error}").format(time=at, error=state.last_error)
    return " · ".join(p for p in (seen, _("next at {time}").format(time=at)) if p)


def _clock(ts: float, seconds: bool = False) -> str:
    return datetime.fromtimestamp(ts).astimezone().strftime("%H:%M:%S" if seconds else "%H:%M")


# --- one poll (I/O) ---------------------------------------------------------


@dataclass(frozen=True)
class PollOutcome:
    page_id: int
    status: Status
    checked_at: float
    result: SaveResult | None = None
    new_rows: tuple[EntryRow, ...] = ()  # oldest first
    error: str | None = None
    activity: float | None = None  # last_activity of the page after the poll
    coverage_end: float | None = None


def poll_once(library: Library, page_id: int, now: float | None = None,
              timeout: float = POLL_TIMEOUT) -> PollOutcome:
    """Fetch the page once (conditionally), save what changed, and report.
    Never raises for network, HTTP, parse or library trouble: the outcome
    carries the error text instead (and the library records it). Other
    exceptions are bugs and propagate."""
    from tui.errors import UserError
    from tui.ingest import IngestError
    from tui.library import LibraryError
    from tui.pipeline.sources import refetch

    now = _time.time() if now is None else now
    try:
        result = refetch(library, page_id, timeout=timeout)
        coverage_end = _ts(library.fetch_state(page_id).coverage_end)
        if result is None:
            return PollOutcome(page_id, "not_modified", now,
                               activity=library.last_activity(page_id),
                               coverage_end=coverage_end)
        new_ids = result.new_rowids
        new_rows = sort_new(library.entry_rows(new_ids)) if new_ids else []
        changed = bool(new_rows or result.edited or result.removed)
        return PollOutcome(page_id, "updated" if changed else "unchanged", now, result=result,
                           new_rows=tuple(new_rows), activity=library.last_activity(page_id),
                           coverage_end=coverage_end)
    except (UserError, LibraryError, IngestError, OSError, sqlite3.Error) as exc:
        # A failed poll, retried with back-off; any other exception is a bug
        # and propagates.
        error = one_line_error(exc)
        if not isinstance(exc, UserError):  # refetch records its own failures
            try:
                library.record_check(page_id, error=error)
            except (LibraryError, OSError, sqlite3.Error):
                pass  # the library is the trouble: the outcome still says why
        return PollOutcome(page_id, "failed", now, error=error)


def _ts(value: datetime | None) -> float | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


# --- the follower: states for many pages ------------------------------------


class Follower:
    """Keeps a FollowState per followed page and runs due polls.

    Thread-safe enough for the app: the UI thread reads `states` and toggles
    pause while a worker thread calls `poll`; a lock guards the state table.
    """

    def __init__(self, library: Library, config: FollowConfig | None = None, *,
                 jitter: float = JITTER, clock: Callable[[], float] = _time.time,
                 every: float | None = None) -> None:
        self.library = library
        self.config = config or FollowConfig()
        self.jitter = jitter
        self.clock = clock
        self.every = every  # overrides the config for every page (`follow --every`)
        self.paused = False
        self._lock = threading.RLock()
        self.states: dict[int, FollowState] = {}
        self._last_request: dict[str, float] = {}  # host -> when it was last fetched

    # which pages
    def interval_for(self, *urls: str | None) -> float:
        """`--every` when given, else the first of the page's URLs that
        config.toml names, else the configured default."""
        if self.every is not None:
            return self.every
        for url in urls:
            if url and url in self.config.pages:
                return self.config.pages[url]
        return self.config.every

    def sync(self, now: float | None = None) -> list[int]:
        """Follow every live blog with a URL in the library (new ones are due
        after one interval: they were just fetched). Returns the ids followed."""
        now = self.clock() if now is None else now
        live = [p for p in self.library.pages() if p.kind == "liveblog" and p.fetch_url]
        with self._lock:
            ids = {p.id for p in live}
            for gone in set(self.states) - ids:
                del self.states[gone]
            for p in live:
                if p.id not in self.states:
                    self.add(p.id, now=now, due_now=False)
                else:
                    self.states[p.id].title = p.title
        return sorted(ids)

    def add(self, page_id: int, now: float | None = None, due_now: bool = True) -> FollowState:
        """Follow one page; `due_now` polls it at the next tick."""
        now = self.clock() if now is None else now
        summary = self.library.page_summary(page_id)
        url = summary.fetch_url or summary.url or ""
        interval = self.interval_for(summary.url, summary.fetch_url)
        info = self.library.fetch_state(page_id)
        checked = summary.last_checked.timestamp() if summary.last_checked else None
        # Due one interval after the last check: at once for a page not checked lately.
        next_due = now if due_now else max(now, (checked or now) + self._delay(interval, 0))
        state = FollowState(
            page_id=page_id, url=url, title=summary.title, interval=interval,
            next_due=next_due, last_checked=checked,
            last_error=summary.last_error,
            ended=ended_reason(now, _ts(info.coverage_end),
                               self.library.last_activity(page_id)),
        )
        with self._lock:
            self.states[page_id] = state
        return state

    def _delay(self, interval: float, failures: int) -> float:
        return retry_delay(interval, failures, jitter=self.jitter)

    # when
    def due(self, now: float | None = None) -> list[int]:
        if self.paused:
            return []
        now = self.clock() if now is None else now
        with self._lock:
            due = [self.states[i] for i in due_pages(list(self.states.values()), now)]
            return spaced_by_host(due, self._last_request, now,
                                  min(HOST_GAP, self.config.minimum))

    def toggle_pause(self) -> bool:
        self.paused = not self.paused
        return self.paused

    # do
    def poll(self, page_id: int, now: float | None = None) -> PollOutcome:
        """Poll one page and move its state on (back-off, end detection)."""
        now = self.clock() if now is None else now
        outcome = poll_once(self.library, page_id, now)
        self.apply(outcome)
        return outcome

    def poll_due(self, now: float | None = None) -> list[PollOutcome]:
        """Poll the due pages, at most IN_FLIGHT fetches at once (one per
        host: `due` spaces a publisher's pages); saves take the library's
        lock one at a time. Outcomes in the order the pages were due."""
        now = self.clock() if now is None else now
        due = self.due(now)
        if len(due) <= 1:
            return [self.poll(page_id, now) for page_id in due]
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=min(IN_FLIGHT, len(due)),
                                thread_name_prefix="follow") as pool:
            return list(pool.map(lambda page_id: self.poll(page_id, now), due))

    def apply(self, outcome: PollOutcome) -> FollowState | None:
        with self._lock:
            state = self.states.get(outcome.page_id)
            if state is None:
                return None
            now = outcome.checked_at
            host = host_of(state.url)
            self._last_request[host] = max(now, self._last_request.get(host, now))
            if outcome.status == "failed":
                state.failures += 1
                state.last_error = outcome.error
            else:
                state.failures = 0
                state.last_error = None
                state.last_checked = now
                if outcome.status == "updated":
                    state.last_updated = now
                state.ended = ended_reason(now, outcome.coverage_end, outcome.activity)
            state.next_due = now + self._delay(state.interval, state.failures)
            return state

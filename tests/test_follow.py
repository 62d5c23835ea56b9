"""Following against a real HTTP live_server on 127.0.0.1 whose live blog grows,
edits, drops entries, answers 304 or fails between requests."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import headlines
from liveserver import P1, P2, P3, P4, P5, LiveServer, Post, Reply, Request, liveblog_html

from tui.library import EntryFilter, Library
from tui.pipeline.follow import HOST_GAP, FollowConfig, Follower, poll_once
from tui.pipeline.sources import import_source, read_source


def versions(live_server: LiveServer, path: str, *pages: list[Post], **kw: object) -> str:
    """Serve `pages[n-1]` to the n-th request (the last one from then on)."""
    url = live_server.url(path)
    built = [liveblog_html("Live: Geneva talks", posts, url=url, **kw)  # type: ignore[arg-type]
             for posts in pages]
    live_server.routes[path] = lambda req: Reply(200, built[min(req.n, len(built)) - 1])
    return url


def add(lib: Library, url: str) -> int:
    return import_source(lib, read_source(url)).page_id


def rows_by_headline(lib: Library, page_id: int) -> dict[str, object]:
    return {r.headline: r for r in lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=page_id)))}


def test_test_page_parses_as_a_live_blog(live_server: LiveServer, lib: Library) -> None:
    url = versions(live_server, "/live", [P3, P2, P1])
    page_id = add(lib, url)
    summary = lib.page_summary(page_id)
    assert summary.kind == "liveblog"
    assert summary.fetch_url == url
    assert headlines(lib, page_id) == [P3.headline, P2.headline, P1.headline]


def test_growing_live_blog_adds_only_new_entries_oldest_first(
        live_server: LiveServer, lib: Library) -> None:
    url = versions(live_server, "/live", [P2, P1], [P4, P3, P2, P1], [P5, P4, P3, P2, P1])
    page_id = add(lib, url)
    follower = Follower(lib, FollowConfig(every=60), jitter=0)
    state = follower.add(page_id, due_now=True)
    assert follower.due() == [page_id]

    outcome = follower.poll(page_id)
    assert outcome.status == "updated"
    assert [r.headline for r in outcome.new_rows] == [P3.headline, P4.headline]
    assert outcome.result is not None and outcome.result.added == 2
    assert state.last_updated == outcome.checked_at and state.failures == 0
    assert state.next_due == pytest.approx(outcome.checked_at + 60)
    assert follower.due() == []  # not due again for a minute

    outcome = follower.poll(page_id)
    assert [r.headline for r in outcome.new_rows] == [P5.headline]
    assert headlines(lib, page_id) == [p.headline for p in (P5, P4, P3, P2, P1)]
    new = [r for r in lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=page_id)))
           if not r.read]
    assert len(new) == 5  # nothing read yet; new ones are unread like the rest
    # The same content once more: nothing new, nothing changed.
    outcome = follower.poll(page_id)
    assert outcome.status == "unchanged" and outcome.new_rows == ()


def test_edited_and_dropped_entries_are_marked_not_deleted(
        live_server: LiveServer, lib: Library) -> None:
    edited = Post("p2", 40, P2.headline, "The first session ended with a short statement.")
    url = versions(live_server, "/edits", [P3, P2, P1], [P3, edited])
    page_id = add(lib, url)
    outcome = poll_once(lib, page_id)
    assert outcome.status == "updated" and outcome.new_rows == ()
    assert outcome.result is not None
    assert (outcome.result.edited, outcome.result.removed) == (1, 1)
    rows = rows_by_headline(lib, page_id)
    assert set(rows) == {P3.headline, P2.headline, P1.headline}  # P1 is kept
    assert rows[P1.headline].removed and not rows[P1.headline].edited  # type: ignore[attr-defined]
    assert rows[P2.headline].edited and not rows[P2.headline].removed  # type: ignore[attr-defined]
    detail = lib.entry_detail(rows[P2.headline].rowid)  # type: ignore[attr-defined]
    assert "short statement" in detail.body_markdown
    assert detail.previous_body is not None and "without a statement" in detail.previous_body


def test_not_modified_uses_the_stored_validators(live_server: LiveServer, lib: Library) -> None:
    body = liveblog_html("Live: Geneva talks", [P2, P1], url=live_server.url("/etag"))

    def route(req: Request) -> Reply:
        if req.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(200, body, {"ETag": '"v1"', "Last-Modified": "Wed, 11 Feb 2026 10:00:00 GMT"})

    live_server.routes["/etag"] = route
    page_id = add(lib, live_server.url("/etag"))
    follower = Follower(lib, FollowConfig(every=30), jitter=0)
    state = follower.add(page_id)
    outcome = follower.poll(page_id)
    assert outcome.status == "not_modified" and outcome.new_rows == ()
    second = live_server.hits("/etag")[1]
    assert second.headers["if-none-match"] == '"v1"'
    assert second.headers["if-modified-since"] == "Wed, 11 Feb 2026 10:00:00 GMT"
    assert state.last_checked == outcome.checked_at and state.last_updated is None
    assert state.next_due == pytest.approx(outcome.checked_at + 30)
    assert lib.page_summary(page_id).last_checked is not None
    assert headlines(lib, page_id) == [P2.headline, P1.headline]


def test_back_off_on_failures_then_recovery(live_server: LiveServer, lib: Library) -> None:
    good = [liveblog_html("Live: Geneva talks", posts, url=live_server.url("/flaky"))
            for posts in ([P2, P1], [P3, P2, P1])]

    def route(req: Request) -> Reply:
        if req.n == 1:
            return Reply(200, good[0])
        if req.n <= 4:
            return Reply(503, b"busy")
        return Reply(200, good[1])

    live_server.routes["/flaky"] = route
    page_id = add(lib, live_server.url("/flaky"))
    follower = Follower(lib, FollowConfig(every=60), jitter=0)
    t = time.time()
    state = follower.add(page_id, now=t, due_now=False)
    assert state.next_due == pytest.approx(t + 60, abs=2)  # one interval after the add
    assert follower.due(t + 50) == []
    delays = []
    for attempt in (1, 2, 3):
        t = state.next_due
        assert follower.due(t) == [page_id]
        outcome = follower.poll(page_id, now=t)
        assert outcome.status == "failed" and "503" in (outcome.error or "")
        assert state.failures == attempt and state.last_error == outcome.error
        assert lib.page_summary(page_id).last_error == outcome.error
        delays.append(state.next_due - t)
        assert follower.due(t + delays[-1] - 1) == []
    assert delays == [120, 240, 480]
    t = state.next_due
    outcome = follower.poll(page_id, now=t)
    assert outcome.status == "updated"
    assert [r.headline for r in outcome.new_rows] == [P3.headline]
    assert (state.failures, state.last_error) == (0, None)
    assert state.next_due - t == 60
    assert lib.page_summary(page_id).last_error is None
    assert len(live_server.hits("/flaky")) == 5


def test_unreachable_server_is_an_outcome_not_an_exception(
        live_server: LiveServer, lib: Library) -> None:
    url = versions(live_server, "/gone", [P1])
    page_id = add(lib, url)
    live_server.routes.pop("/gone")
    outcome = poll_once(lib, page_id)
    assert outcome.status == "failed" and "404" in (outcome.error or "")
    assert headlines(lib, page_id) == [P1.headline]


def test_coverage_end_in_the_past_stops_polling(live_server: LiveServer, lib: Library) -> None:
    past = datetime.now(UTC) - timedelta(minutes=5)
    url = versions(live_server, "/ended", [P2, P1], [P3, P2, P1], coverage_end=past)
    page_id = add(lib, url)
    follower = Follower(lib, FollowConfig(every=60), jitter=0)
    state = follower.add(page_id)
    assert state.ended == "coverage ended"
    assert follower.due(time.time() + 3600) == []


def test_a_day_without_new_entries_stops_polling(live_server: LiveServer, lib: Library) -> None:
    old = [Post("o2", 26 * 60, "Yesterday's late update", "Old."),
           Post("o1", 27 * 60, "Yesterday's update", "Older.")]
    url = versions(live_server, "/stale", old)
    page_id = add(lib, url)
    follower = Follower(lib, FollowConfig(every=60), jitter=0)
    assert follower.add(page_id).ended == "no new entry for 24 h"
    # A live one ends after a poll when the day has passed.
    live_url = versions(live_server, "/live", [P2, P1])
    live_id = add(lib, live_url)
    state = follower.add(live_id)
    assert state.ended is None
    follower.poll(live_id, now=time.time() + 25 * 3600)
    assert state.ended == "no new entry for 24 h"


def test_sync_follows_live_blogs_with_a_url_and_config_intervals(
        live_server: LiveServer, lib: Library) -> None:
    live_url = versions(live_server, "/live", [P2, P1])
    slow_url = versions(live_server, "/slow", [P1])
    live_id, slow_id = add(lib, live_url), add(lib, slow_url)
    config = FollowConfig(every=45, pages={slow_url: 300})
    follower = Follower(lib, config, jitter=0)
    assert follower.sync() == sorted([live_id, slow_id])
    assert follower.states[live_id].interval == 45
    assert follower.states[slow_id].interval == 300
    follower.toggle_pause()
    assert follower.due(time.time() + 1000) == []
    follower.toggle_pause()
    later = time.time() + 1000
    first = follower.due(later)  # both due, on one host: one at a time
    assert len(first) == 1 and first[0] in (live_id, slow_id)
    follower.poll(first[0], now=later)
    assert follower.due(later + 1) == []  # polite: HOST_GAP between two requests
    assert follower.due(later + HOST_GAP) == [({live_id, slow_id} - set(first)).pop()]


def test_poll_fails_on_trouble_but_lets_a_bug_through(
        live_server: LiveServer, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Library/parse/OS trouble is a failed poll (retried with back-off); any
    other exception is a programming bug and is raised, not retried forever."""
    import tui.pipeline.sources

    page_id = add(lib, versions(live_server, "/bug", [P2, P1]))

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(tui.pipeline.sources, "refetch", disk_full)
    outcome = poll_once(lib, page_id)
    assert outcome.status == "failed" and outcome.error == "No space left on device"
    assert lib.page_summary(page_id).last_error == "No space left on device"

    def bug(*args: object, **kwargs: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'entries'")

    monkeypatch.setattr(tui.pipeline.sources, "refetch", bug)
    with pytest.raises(AttributeError):
        poll_once(lib, page_id)


def test_many_due_pages_are_fetched_four_at_a_time(tmp_path: Path) -> None:
    """Eight live blogs on eight hosts (loopback addresses): one poll cycle
    fetches them all, never more than IN_FLIGHT at once."""
    import socket
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from tui.pipeline.follow import IN_FLIGHT

    active = [0]
    most = [0]
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            with lock:
                active[0] += 1
                most[0] = max(most[0], active[0])
            time.sleep(0.15)
            body = liveblog_html(f"Live {self.path}", [P2, P1])
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            with lock:
                active[0] -= 1

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("0.0.0.0", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    try:
        try:
            socket.create_connection(("127.0.0.8", port), timeout=1).close()
        except OSError:
            pytest.skip("no loopback addresses beyond 127.0.0.1 here")
        with Library.open(tmp_path / "lib.sqlite3", seed=False) as lib:
            for n in range(1, 9):
                import_source(lib, read_source(f"http://127.0.0.{n}:{port}/b{n}"))
            follower = Follower(lib, FollowConfig(every=60), jitter=0)
            follower.sync(now=time.time() - 1000)
            for state in follower.states.values():
                state.next_due = 0
            most[0] = 0
            outcomes = follower.poll_due()
        assert len(outcomes) == 8 and all(o.status != "failed" for o in outcomes)
        assert most[0] == IN_FLIGHT
    finally:
        httpd.shutdown()

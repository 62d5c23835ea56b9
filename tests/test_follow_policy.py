"""The pure decisions of following: back-off, end detection, due pages, settings."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.library import EntryRow
from tui.pipeline.follow import (
    DEFAULT_EVERY,
    ENDED_AFTER,
    MAX_BACKOFF,
    FollowState,
    describe,
    due_pages,
    ended_reason,
    last_activity,
    load_follow_config,
    parse_follow_config,
    retry_delay,
    sort_new,
    spaced_by_host,
)


def test_retry_delay_is_the_interval_after_success():
    assert retry_delay(60, 0, jitter=0) == 60


def test_retry_delay_doubles_per_failure_up_to_the_cap():
    assert [retry_delay(60, n, jitter=0) for n in range(1, 6)] == [120, 240, 480, 960, 1800]
    assert retry_delay(60, 50, jitter=0) == MAX_BACKOFF
    assert retry_delay(10, 3, cap=50, jitter=0) == 50


def test_retry_delay_never_below_the_interval_even_with_a_small_cap():
    assert retry_delay(3600, 2, jitter=0) == 3600


def test_retry_delay_jitter_stays_within_bounds():
    assert retry_delay(100, 0, jitter=0.1, rand=lambda: 0.0) == pytest.approx(90)
    assert retry_delay(100, 0, jitter=0.1, rand=lambda: 1.0) == pytest.approx(110)
    assert retry_delay(100, 1, jitter=0.1, rand=lambda: 0.5) == pytest.approx(200)


def test_ended_by_coverage_end_in_the_past():
    assert ended_reason(1000, coverage_end=999, last_activity=990) == "coverage ended"
    assert ended_reason(1000, coverage_end=1001, last_activity=990) is None


def test_ended_after_a_day_without_a_new_entry():
    now = 10 * ENDED_AFTER
    assert ended_reason(now, None, now - ENDED_AFTER) == "no new entry for 24 h"
    assert ended_reason(now, None, now - ENDED_AFTER + 60) is None
    assert ended_reason(now, None, None) is None


def _row(rowid: int, position: int, time: datetime | None, first_seen: float = 0) -> EntryRow:
    return EntryRow(rowid=rowid, page_id=1, position=position, time=time, headline=f"h{rowid}",
                    read=False, starred=False, edited=False, removed=False,
                    first_seen=datetime.fromtimestamp(first_seen, UTC))


def test_last_activity_is_the_newest_entry_time_else_first_seen():
    t1 = datetime(2026, 2, 11, 10, 0, tzinfo=UTC)
    t2 = datetime(2026, 2, 11, 11, 0, tzinfo=UTC)
    rows = [_row(1, 0, t2, 5), _row(2, 1, t1, 9), _row(3, 2, None, 50)]
    assert last_activity(rows) == t2.timestamp()
    assert last_activity([_row(1, 0, None, 5), _row(2, 1, None, 9)]) == 9
    assert last_activity([]) is None


def test_sort_new_puts_oldest_first_and_untimed_by_page_order():
    t1 = datetime(2026, 2, 11, 10, 0, tzinfo=UTC)
    t2 = datetime(2026, 2, 11, 11, 0, tzinfo=UTC)
    rows = [_row(1, 0, t2), _row(2, 1, t1)]
    assert [r.rowid for r in sort_new(rows)] == [2, 1]
    # No times: a live blog lists newest first, so the higher position is older.
    assert [r.rowid for r in sort_new([_row(5, 0, None), _row(6, 1, None)])] == [6, 5]


def test_due_pages_most_overdue_first_skipping_paused_and_ended():
    states = [
        FollowState(1, "u1", "a", next_due=50),
        FollowState(2, "u2", "b", next_due=10),
        FollowState(3, "u3", "c", next_due=200),
        FollowState(4, "u4", "d", next_due=0, paused=True),
        FollowState(5, "u5", "e", next_due=0, ended="coverage ended"),
    ]
    assert due_pages(states, 100) == [2, 1]
    assert due_pages(states, 5) == []


def test_pages_of_one_host_are_spaced_not_fetched_in_a_burst():
    states = [FollowState(1, "https://news.example/a", "a"),
              FollowState(2, "https://NEWS.example:443/b", "b"),
              FollowState(3, "https://other.example/c", "c"),
              FollowState(4, "not a url", "d")]
    assert spaced_by_host(states, {}, 100, 2) == [1, 3, 4]  # one per host
    # news.example was fetched 1 s ago: it waits; a second later it may go
    assert spaced_by_host(states[1:], {"news.example": 99}, 100, 2) == [3, 4]
    assert spaced_by_host(states[1:], {"news.example": 98}, 100, 2) == [2, 3, 4]


def test_describe_shows_state_next_try_and_error():
    def clock(ts: float) -> str:
        return datetime.fromtimestamp(ts).astimezone().strftime("%H:%M:%S")

    state = FollowState(1, "u", "t", next_due=145)
    # A clock time, not a countdown: the line does not change every second.
    assert describe(state, 100) == f"next at {clock(145)}"
    assert describe(state, 120) == describe(state, 130)
    state.last_checked = 50.0
    assert describe(state, 100).startswith("checked ")
    state.last_updated = 60.0
    assert describe(state, 100).startswith("updated ") and describe(state, 100).endswith(
        f" · next at {clock(145)}")
    state.failures, state.last_error, state.next_due = 2, "HTTP 503", 100 + 240
    assert describe(state, 100) == f"retry at {clock(340)} (2 failures): HTTP 503"
    assert describe(state, 100, paused=True).startswith("paused · updated ")
    state.ended = "coverage ended"
    assert describe(state, 100).startswith("ended (coverage ended) · updated ")


def test_follow_settings_from_toml():
    config = parse_follow_config({"follow": {"every": 30, "pages": {"https://x/live": 120,
                                                                     "https://y": "bad"}}})
    assert config.every == 30
    assert config.pages == {"https://x/live": 120.0}
    assert parse_follow_config({}).every == DEFAULT_EVERY
    assert parse_follow_config({"follow": {"every": -1}}).every == DEFAULT_EVERY


def test_follow_settings_file_missing_or_broken(tmp_path: Path):
    assert load_follow_config(tmp_path / "none.toml").every == DEFAULT_EVERY
    bad = tmp_path / "bad.toml"
    bad.write_text("[follow\nevery = ", encoding="utf-8")
    config = load_follow_config(bad)
    assert config.every == DEFAULT_EVERY and config.problem
    good = tmp_path / "config.toml"
    good.write_text('theme = "x"\n[follow]\nevery = 90\n[follow.pages]\n"https://a/b" = 300\n',
                    encoding="utf-8")
    config = load_follow_config(good)
    assert (config.every, config.pages, config.problem) == (90, {"https://a/b": 300}, None)


def test_follow_settings_below_the_minimum_are_ignored_and_said():
    config = parse_follow_config({"follow": {"every": 1e-300, "pages": {"https://x": 2}}})
    assert (config.every, config.pages, config.minimum) == (DEFAULT_EVERY, {}, 5.0)
    assert config.problem == ('ignored every = 1e-300, "https://x" = 2 '
                              "(a number of seconds, at least 5)")
    lowered = parse_follow_config({"follow": {"minimum": 1, "every": 2}})
    assert (lowered.every, lowered.minimum, lowered.problem) == (2.0, 1.0, None)
    floor = parse_follow_config({"follow": {"minimum": 0}})
    assert floor.minimum == 5.0 and floor.problem

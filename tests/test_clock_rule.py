"""One clock rule: a time is shown as the page prints it, its zone named,
and the reader's own clock beside it when they differ; config.toml's
`clock = "local"` switches the list to the machine's clock."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.config import Config
from tui.moments import on_clock, page_and_local, zone_label

PARIS_SUMMER = timezone(timedelta(hours=2))
NINE_05 = datetime(2024, 7, 18, 9, 5, tzinfo=PARIS_SUMMER)


def test_zone_labels() -> None:
    assert zone_label(NINE_05, "Europe/Paris") == "Paris"
    assert zone_label(NINE_05, "America/New_York") == "New York"
    assert zone_label(NINE_05, "BST") == "BST"
    assert zone_label(NINE_05) == "UTC+2"
    assert zone_label(NINE_05.astimezone(UTC)) == "UTC"
    assert zone_label(datetime(2024, 1, 1, tzinfo=timezone(-timedelta(hours=4, minutes=30)))) \
        == "UTC-4:30"


def test_page_clock_and_the_readers() -> None:
    utc = NINE_05.astimezone(UTC)
    assert page_and_local(NINE_05, "Europe/Paris", here=utc) == "09:05 Paris · 07:05 here"
    assert page_and_local(NINE_05, "Europe/Paris", here=NINE_05) == "09:05 Paris"


def test_on_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        assert on_clock(NINE_05, "page") is NINE_05
        assert f"{on_clock(NINE_05, 'local'):%H:%M}" == "07:05"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_config_clock_and_mark_read_after(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('clock = "local"\nmark_read_after = 0\n', encoding="utf-8")
    config = Config.load(path)
    assert (config.clock, config.mark_read_after, config.problem) == ("local", 0.0, None)
    path.write_text('mark_read_after = "never"\n', encoding="utf-8")
    assert Config.load(path).mark_read_after is None
    path.write_text('clock = "utc"\nmark_read_after = -1\n', encoding="utf-8")
    config = Config.load(path)
    assert (config.clock, config.mark_read_after) == ("page", 1.5)
    assert config.problem is not None
    assert "clock = 'utc'" in config.problem and "mark_read_after = -1" in config.problem

"""Dates and clock times as French, English and German pages print them."""

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from tui.ingest.dates import (
    find_date,
    find_datetime,
    from_epoch,
    parse_clock,
    parse_iso,
    split_clock_prefix,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14h32", time(14, 32)),
        ("14 h 32", time(14, 32)),
        ("à 9h", time(9, 0)),
        ("21:23", time(21, 23)),
        ("10.31 Uhr", time(10, 31)),
        ("8.44am", time(8, 44)),
        ("at 11:48 pm", time(23, 48)),
        ("12 heures", None),
        ("3.5 million", None),
        ("en 2024", None),
    ],
)
def test_parse_clock(text, expected):
    assert parse_clock(text) == expected


@pytest.mark.parametrize(
    ("line", "clock", "printed", "rest"),
    [
        ("9h05 -\u00a0La Bourse de Paris", time(9, 5), "9h05", "La Bourse de Paris"),
        ("12.31 Uhr: Ultraorthodoxe", time(12, 31), "12.31 Uhr", "Ultraorthodoxe"),
        ("21:22 Goodnight", time(21, 22), "21:22", "Goodnight"),
    ],
)
def test_split_clock_prefix(line, clock, printed, rest):
    assert split_clock_prefix(line) == (clock, printed, rest)


def test_split_clock_prefix_ignores_lines_without_a_leading_time():
    assert split_clock_prefix("2024 sera une année") is None
    assert split_clock_prefix("Gaza : 14h32") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mercredi 11 février 2026", date(2026, 2, 11)),
        ("ParGuitel Benishay 25 janvier 2026", date(2026, 1, 25)),
        ("le 1er mars 2026", date(2026, 3, 1)),
        ("Dienstag, 27. August 2024", date(2024, 8, 27)),
        ("Thu, July 18, 2024", date(2024, 7, 18)),
        ("18 July 2024", date(2024, 7, 18)),
        ("2024-07-18T11:48", date(2024, 7, 18)),
        ("18/07/2024", date(2024, 7, 18)),
        ("31 février 2026", None),
        ("no date here", None),
    ],
)
def test_find_date(text, expected):
    assert find_date(text) == expected


def test_find_datetime_reads_the_time_written_after_the_date():
    paris = timezone(timedelta(hours=2))
    found = find_datetime("Publié le 30 août 2023 à 14h52, modifié le 31 août", paris)
    assert found == datetime(2023, 8, 30, 14, 52, tzinfo=paris)


def test_find_datetime_without_time_is_a_date_not_an_invented_midnight():
    assert find_datetime("Publié le 30 août 2023") == date(2023, 8, 30)


def test_parse_iso_keeps_the_page_offset_and_fills_a_missing_one():
    assert parse_iso("2024-07-18T11:48:00+0100").utcoffset() == timedelta(hours=1)
    assert parse_iso("2020-10-06T21:22:00Z").utcoffset() == timedelta(0)
    bst = timezone(timedelta(hours=1))
    assert parse_iso("2024-07-18T11:48", bst) == datetime(2024, 7, 18, 11, 48, tzinfo=bst)
    assert parse_iso("yesterday") is None


def test_from_epoch_takes_seconds_and_milliseconds():
    ms = from_epoch("1602019320000")
    assert ms == datetime(2020, 10, 6, 21, 22, tzinfo=UTC)
    assert from_epoch(1602019320) == ms
    assert from_epoch("not a number") is None


def test_moments_format_and_sort_whether_day_or_timestamp():
    from tui.ingest.dates import parse_iso_moment
    from tui.moments import day_of, format_moment, sort_timestamp

    assert parse_iso_moment("2015-04-30") == date(2015, 4, 30)
    stamp = parse_iso_moment("2015-04-30T07:19:00+02:00")
    assert isinstance(stamp, datetime) and stamp.hour == 7
    assert format_moment(date(2015, 4, 30)) == "2015-04-30"
    assert format_moment(stamp) == "2015-04-30 07:19"
    assert day_of(stamp) == date(2015, 4, 30)
    assert sort_timestamp(date(2015, 4, 30)) < sort_timestamp(stamp)


def test_fold_drops_accents_and_case_and_keeps_other_characters():
    from tui.textnorm import fold

    assert fold("Février MÄRZ Œuvre") == "fevrier marz œuvre"
    assert fold("e\u0301tats ﬁn ² ß") == "etats fin 2 ss"  # combining mark, compatibility forms
    assert fold("\u034f") == "\u034f"  # a mark of combining class 0 stays
    assert fold("plain ASCII") == "plain ascii"


def test_fold_keeps_lone_surrogates_and_astral_characters():
    from tui.textnorm import fold

    assert fold("\ud800É\U0001f600") == "\ud800e\U0001f600"
    assert fold("\U0001d165\u0301a") == "a"  # combining marks outside the BMP go too

"""Read marks as in a mail reader: nothing is read at start-up; an entry is
read when opened (enter) or once shown for `mark_read_after` seconds without
moving; skimming past entries reads none of them; "never" leaves it to `m`."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app import make_page, marks, page_id, settle

from tui.app.app import NewsReaderApp
from tui.config import Config
from tui.library import Library


@pytest.fixture
def library_path(home: Path) -> Path:
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        library.save_page(make_page("https://example.org/live", "Live: the summit",
                                    [f"Update number {n}" for n in range(1, 13)]))
    return path


def app_for(path: Path, after: float | None) -> NewsReaderApp:
    return NewsReaderApp(path, initial_page=page_id(path, "summit"),
                         config=Config(mark_read_after=after))


async def test_start_reads_nothing_and_skimming_reads_nothing(library_path: Path) -> None:
    app = app_for(library_path, 0.4)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.pause(0.6)  # the first entry, on show since start
        await pilot.press("j", "j", "j")  # skimming: each shown for less than 0.4 s
        await pilot.pause(0.1)
        await pilot.press("q")
    state = marks(library_path, page_id(library_path, "summit"))
    assert not any(read for read, _star in state.values())


async def test_an_entry_shown_for_a_moment_is_read(library_path: Path) -> None:
    app = app_for(library_path, 0.3)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await pilot.pause(0.6)
        await pilot.press("j")
        await pilot.pause(0.05)
        await pilot.press("q")
    state = marks(library_path, page_id(library_path, "summit"))
    assert [name for name, (read, _) in state.items() if read] == ["Update number 2"]


async def test_never_reads_only_by_enter_or_m(library_path: Path) -> None:
    app = app_for(library_path, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await pilot.pause(0.3)
        await pilot.press("j", "enter")  # opened: read
        await settle(pilot)
        await pilot.press("escape", "j", "m")  # m: read by hand
        await settle(pilot)
        await pilot.press("q")
    state = marks(library_path, page_id(library_path, "summit"))
    assert sorted(name for name, (read, _) in state.items() if read) == [
        "Update number 3", "Update number 4"]


async def test_the_reader_opens_where_it_was_left(home: Path) -> None:
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        library.save_page(make_page("https://example.org/live", "Live: the summit",
                                    [f"Update number {n}" for n in range(1, 13)]))
        other = library.save_page(make_page("https://example.org/b", "Live: other",
                                            [f"Other {n}" for n in range(1, 6)])).page_id
    app = NewsReaderApp(path, initial_page=other, config=Config(mark_read_after=None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        await pilot.press("q")
    app = NewsReaderApp(path, config=Config(mark_read_after=None))  # no page asked for
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = app.reader_screen
        assert str(reader.view_key) == f"page:{other}"
        assert reader.detail is not None and reader.detail.row.headline == "Other 3"


def test_a_followed_page_with_news_comes_first_when_nothing_was_left(tmp_path: Path) -> None:
    from tui.app.resume import where_to_start
    from tui.library.merge import FetchInfo

    with Library.open(tmp_path / "lib.sqlite3", seed=False) as library:
        library.clock = lambda: 1e8
        quiet = library.save_page(make_page("https://example.org/a", "Live: quiet", ["A1"]),
                                  fetch=FetchInfo(origin="u", fetch_url="https://example.org/a"))
        busy = library.save_page(make_page("https://example.org/b", "Live: busy", ["B1"]),
                                 fetch=FetchInfo(origin="u", fetch_url="https://example.org/b"))
        assert str(where_to_start(library).key) == f"page:{quiet.page_id}"  # the first
        library.clock = lambda: 1e9
        library.mark_seen(busy.page_id)
        library.mark_seen(quiet.page_id)
        library.clock = lambda: 2e9
        library.save_page(make_page("https://example.org/b", "Live: busy", ["B2", "B1"]),
                          fetch=FetchInfo(origin="u", fetch_url="https://example.org/b"))
        assert str(where_to_start(library).key) == f"page:{busy.page_id}"
        assert where_to_start(library, initial_page=quiet.page_id).key.page_id == quiet.page_id


async def test_escape_leaves_a_topic_and_space_goes_on_from_the_detail(home: Path) -> None:
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        pid = library.save_page(make_page(
            "https://example.org/live", "Live: the summit",
            [f"Update number {n}" for n in range(1, 13)],
            topics=[("Iran",) if n % 3 == 0 else ("Gaza",) for n in range(12)])).page_id
    app = NewsReaderApp(path, initial_page=pid, config=Config(mark_read_after=0))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = app.reader_screen
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"ira", "enter")
        await settle(pilot)
        assert reader.entry_list.entry_count == 4
        await pilot.press("escape")  # out of the topic, to its page
        await settle(pilot)
        assert str(reader.view_key) == f"page:{pid}" and reader.entry_list.entry_count == 12
        await pilot.press("enter")  # the detail has the focus
        await settle(pilot)
        assert reader.entry_view.has_focus
        first = reader.detail.row.headline if reader.detail else None
        await pilot.press("space", "space", "space")  # a short entry: at its end, go on
        await settle(pilot)
        assert reader.detail is not None and reader.detail.row.headline != first


def test_page_names_in_a_wide_sidebar() -> None:
    from tui.app.widgets.topic_sidebar import middle_cut, page_label

    label = page_label("LIVE BLOG | Après leur rencontre, Trump insiste pour prolonger les "
                       "négociations avec Téhéran", "i24NEWS")
    assert label.startswith("i24NEWS · Après leur rencontre")
    cut = middle_cut(label, 30)
    assert cut.startswith("i24NEWS · Après") and cut.endswith(" … Téhéran") and len(cut) <= 30
    assert page_label("Live: Geneva talks", "Test Gazette") == "Test Gazette · Geneva talks"
    assert page_label("i24NEWS: a day", "i24NEWS") == "i24NEWS: a day"


async def test_enter_gives_the_entry_the_whole_screen(library_path: Path) -> None:
    app = app_for(library_path, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = app.reader_screen
        await pilot.press("enter")
        await settle(pilot)
        assert reader.has_class("-pager") and reader.entry_view.has_focus
        assert not reader.entry_list.display or reader.entry_list.region.height == 0
        assert reader.entry_view.region.width >= 98  # the whole width
        await pilot.press("escape")
        await settle(pilot)
        assert not reader.has_class("-pager") and reader.entry_list.has_focus
        await pilot.press("z")
        await settle(pilot)
        assert reader.has_class("-pager")
        await pilot.press("z")
        await settle(pilot)
        assert not reader.has_class("-pager")


async def test_the_sidebar_gives_a_cut_page_title_whole(home: Path) -> None:
    title = "Live: " + "a very long title that the sidebar cannot show in full " * 2
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        pid = library.save_page(make_page("https://example.org/long", title, ["One"])).page_id
    app = NewsReaderApp(path, initial_page=pid, config=Config(mark_read_after=None))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        sidebar = app.reader_screen.sidebar
        sidebar.focus()
        await pilot.press("G", "k", "j")  # through the options, back to the page
        await settle(pilot)
        assert sidebar.tooltip == " ".join(title.split())

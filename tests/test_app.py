"""The reader app, driven with Pilot over a real library in a temp folder."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app.app import NewsReaderApp
from tui.app.screens.help import HelpScreen
from tui.app.view_key import ViewKey
from tui.app.widgets.entry_list import EntryList
from tui.config import Config
from tui.library import EntryFilter, Library
from tui.model import Entry, Page, PageKind, entry_id

MARKUP_HEADLINE = "[bold red]x[/] and [link=https://evil.example]click[/link]"


def current_headline(app: NewsReaderApp) -> str:
    """The headline of the entry under the list's cursor."""
    entry_list = app.reader_screen.entry_list
    row = entry_list.row(entry_list.current_rowid)  # type: ignore[arg-type]
    return row.headline if row else ""


def screen_text(app: NewsReaderApp) -> str:
    """What the terminal shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot: Pilot) -> None:  # type: ignore[type-arg]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.15)  # the body waits for the cursor to settle


def make_page(url: str, title: str, headlines: list[str], *, kind: PageKind = PageKind.LIVEBLOG,
              timed: bool = True, topics: list[tuple[str, ...]] | None = None) -> Page:
    start = datetime(2026, 2, 11, 18, 0, tzinfo=UTC)
    entries = []
    for position, headline in enumerate(headlines):
        when = start - timedelta(minutes=10 * position) if timed else None
        entries.append(Entry(
            id=entry_id(url, headline, when), position=position, headline=headline,
            body_markdown=f"Body of **{headline}**.\n\nSecond paragraph {position}.",
            time=when, topics=(topics[position] if topics else ()),
            links=()))
    return Page(kind=kind, title=title, entries=tuple(entries), url=url, source="Testwire")


@pytest.fixture
def library_path(home: Path) -> Path:
    """A library of two made-up pages (no seeds) in the temp home."""
    path = home / "lib.sqlite3"
    with Library.open(path, seed=False) as library:
        library.save_page(make_page(
            "https://example.org/live", "Live: the summit",
            [f"Update number {n}" for n in range(1, 13)],
            topics=[("Iran",) if n % 3 == 0 else ("Gaza",) for n in range(12)]))
        library.save_page(make_page(
            "https://example.org/other", "Other page",
            [MARKUP_HEADLINE, "Escape \x1b[31mred\x1b[0m and \x1b]0;title\x07 done",
             "Plain one"], timed=False))
    return path


def page_id(path: Path, title: str) -> int:
    with Library.open(path, seed=False) as library:
        return library.find_page(title).id


def marks(path: Path, page: int) -> dict[str, tuple[bool, bool]]:
    """(read, starred) by headline, as saved in the library."""
    with Library.open(path, read_only=True) as library:
        rows = library.entry_rows(library.entry_rowids(EntryFilter(page_id=page)))
    return {row.headline: (row.read, row.starred) for row in rows}


def new_app(path: Path | None, page: int | None = None,
            mark_read_after: float | None = 0) -> NewsReaderApp:
    """The app on `path`; an entry moved to is read at once unless said."""
    return NewsReaderApp(path, initial_page=page,
                         config=Config(mark_read_after=mark_read_after))


async def test_list_and_detail_follow_the_cursor(library_path: Path) -> None:
    app = new_app(library_path, page_id(library_path, "summit"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Update number 1" in text and "Update number 5" in text
        assert "Live: the summit" in text
        assert app.reader_screen.entry_view.body_text.startswith("Body of **Update number 1**")
        await pilot.press("j")
        await settle(pilot)
        assert app.reader_screen.entry_view.body_text.startswith("Body of **Update number 2**")
        text = screen_text(app)
        assert "Body of Update number 2." in text
        assert "Second paragraph 1." in text
        # the cursor line and the read mark
        line = next(line for line in text.splitlines() if "›" in line)
        assert "Update number 2" in line


async def test_moving_marks_read_and_survives_restart(library_path: Path) -> None:
    pid = page_id(library_path, "summit")
    app = new_app(library_path, pid)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("s")  # star "Update number 2"
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("m")  # "Update number 3" back to unread
        await pilot.press("q")
    state = marks(library_path, pid)
    assert state["Update number 1"] == (False, False)  # shown at start: not read
    assert state["Update number 2"] == (True, True)
    assert state["Update number 3"] == (False, False)
    assert state["Update number 4"] == (False, False)

    app = new_app(library_path, pid)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        starred = next(line for line in lines if "Update number 2" in line)
        assert "★" in starred and "●" not in starred
        unread = next(line for line in lines if "Update number 3 " in line + " ")
        assert "●" in unread
        assert "Starred" in screen_text(app)


async def test_topic_filter_narrows_the_list(library_path: Path) -> None:
    app = new_app(library_path, page_id(library_path, "summit"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.reader_screen.entry_list.entry_count == 12
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"ira", "enter")
        await settle(pilot)
        assert app.reader_screen.entry_list.entry_count == 4
        text = screen_text(app)
        assert "#Iran" in text
        assert "Update number 2" not in text  # topic Gaza
        assert "Update number 4" in text and "Update number 10" in text  # Iran


async def test_sidebar_choice_filters(library_path: Path) -> None:
    app = new_app(library_path, page_id(library_path, "summit"))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert "TOPICS" in screen_text(app)
        app.reader_screen.sidebar.focus()
        await pilot.press("g", "j")  # "All", under "◉ Live"
        await settle(pilot)
        assert str(app.reader_screen.view_key) == "all"
        assert app.reader_screen.entry_list.entry_count == 15
        await pilot.press("j", "j")  # "Starred": nothing yet
        await settle(pilot)
        assert str(app.reader_screen.view_key) == "starred"
        assert "No starred entries yet" in screen_text(app)


async def test_search_results_in_the_list(library_path: Path) -> None:
    app = new_app(library_path, page_id(library_path, "summit"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"plain", "enter")
        await settle(pilot)
        assert app.reader_screen.search_query == "plain"
        assert app.reader_screen.entry_list.entry_count == 1
        text = screen_text(app)
        assert "Search: plain" in text and "Plain one" in text
        await pilot.press("escape")
        await settle(pilot)
        assert app.reader_screen.search_query is None
        assert app.reader_screen.entry_list.entry_count == 12


async def test_page_text_is_shown_literally(library_path: Path) -> None:
    app = new_app(library_path, page_id(library_path, "Other page"))
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "[bold red]x[/] and [link=https://evil.example]click[/link]" in text
        assert "#1" in text and "#3" in text  # positions: the page gives no times
        await pilot.press("j")
        await settle(pilot)
        text = screen_text(app)
        assert "Escape red and  done" in text or "Escape red and done" in text
        assert "\x1b" not in text and "\x07" not in text


async def test_next_unread_and_pages(library_path: Path) -> None:
    app = new_app(library_path, page_id(library_path, "summit"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("n")  # skips the two read ones
        await settle(pilot)
        detail = app.reader_screen.detail
        assert detail is not None and detail.row.headline == "Update number 4"
        await pilot.press("G")
        await settle(pilot)
        assert app.reader_screen.detail.row.headline == "Update number 12"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.reader_screen.entry_list.border_title == "Other page"


async def test_small_terminal_folds_the_sidebar(library_path: Path) -> None:
    app = new_app(library_path, page_id(library_path, "summit"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.reader_screen.sidebar.display or app.screen.has_class("-no-sidebar")
        text = screen_text(app)
        assert "Update number 1" in text and "Body of Update number 1." in text
        assert all(len(line) <= 80 for line in text.splitlines())
        await pilot.press("backslash")
        await pilot.pause()
        assert not app.screen.has_class("-no-sidebar") and app.reader_screen.sidebar.has_focus
        await pilot.press("backslash")
        await pilot.pause()
        assert app.screen.has_class("-no-sidebar") and app.reader_screen.entry_list.has_focus
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert not app.screen.has_class("-no-sidebar")


async def test_panes_and_paging(library_path: Path) -> None:
    app = new_app(library_path, page_id(library_path, "summit"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert app.reader_screen.entry_view.has_focus
        await pilot.press("escape")
        assert app.reader_screen.entry_list.has_focus
        await pilot.press("l")
        assert app.reader_screen.entry_view.has_focus
        await pilot.press("h")
        assert app.reader_screen.entry_list.has_focus
        await pilot.press("tab")
        assert not app.reader_screen.entry_list.has_focus


async def test_help_lists_every_key(library_path: Path) -> None:
    app = new_app(library_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ("Next unread", "Star", "Copy link", "Previous page", "Search",
                      "Sidebar", "Quit", "Command palette"):
            assert words in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_has_every_action(library_path: Path) -> None:
    app = new_app(library_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = {title for title, _, _ in app.palette_commands()}
        for words in ("Star", "Next unread", "Refresh", "Open link", "Copy link",
                      "Search", "Topic", "Down", "Back", "Keys"):
            assert words in titles
        star = next(cb for title, _, cb in app.palette_commands() if title == "Star")
        star()
        await settle(pilot)
        assert app.reader_screen.entry_list.row(app.reader_screen.entry_list.current_rowid).starred


async def test_theme_and_keymap_from_config(library_path: Path, home: Path) -> None:
    config = Config.load()
    config.keys = {"entry.star": "asterisk"}
    config.save()
    app = NewsReaderApp(library_path, initial_page=page_id(library_path, "summit"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("asterisk")
        await settle(pilot)
        assert app.reader_screen.entry_list.row(app.reader_screen.entry_list.current_rowid).starred
        app.theme = "nord"
        await pilot.pause()
    assert Config.load().theme == "nord"
    assert Config.load().keys == {"entry.star": "asterisk"}
    app = NewsReaderApp(library_path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "nord"


async def test_broken_config_is_reported_not_fatal(library_path: Path) -> None:
    Config().path.parent.mkdir(parents=True, exist_ok=True)
    Config().path.write_text("theme = [unclosed\n")
    app = NewsReaderApp(library_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.reader_screen.entry_list.entry_count > 0
        assert any("config.toml" in (n.title or "") for n in app._notifications)


async def test_big_list_draws_only_what_shows(home: Path) -> None:
    path = home / "big.sqlite3"
    with Library.open(path, seed=False) as library:
        for page in range(2):
            library.save_page(make_page(f"https://example.org/big{page}", f"Big {page}",
                                        [f"Entry {page}.{n}" for n in range(1500)]))
    app = new_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.reader_screen.load_view(ViewKey())
        await settle(pilot)
        entries = app.query_one(EntryList)
        assert len(entries.children) == 0  # no widget per entry
        assert entries.entry_count == 3000
        await pilot.press("G")
        await settle(pilot)
        assert app.reader_screen.detail is not None
        assert app.reader_screen.detail.row.headline in screen_text(app)
        assert len(entries._rows) < 2000  # the first page (1,500) + a window, not 3,000


# --- the seeded library a new user meets ------------------------------------


async def test_new_user_sees_the_i24news_live_blog(home: Path) -> None:
    app = NewsReaderApp()  # default library: created and seeded on first start
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        with Library.open() as library:
            page = library.find_page("Trump insiste")
            rows = library.entry_rows(library.entry_rowids(EntryFilter(page_id=page.id)))
        assert len(rows) == 20
        assert app.reader_screen.page_context == page.id
        text = screen_text(app)
        assert "20 entries" in text
        for row in rows:
            assert " ".join(row.headline.split())[:25] in text
        for position in (1, 10, 20):  # no times on the page: positions instead
            assert f"#{position} " in text
        first = app.reader_screen.entry_view.rendered_text
        assert " ".join(rows[0].headline.split())[:30] in " ".join(first.split())
        await pilot.press("j")
        await settle(pilot)
        with Library.open() as library:
            body = library.entry_detail(rows[1].rowid).body_markdown
        shown = " ".join(app.reader_screen.entry_view.rendered_text.split())
        assert " ".join(body.split())[:60] in shown
        assert "i24NEWS" in screen_text(app)
        assert "◉" in text  # the live blog is marked live in the sidebar


async def test_open_app_imports_sources_first(home: Path) -> None:
    from tui.cli.open_app import import_sources

    seed = Path(__file__).resolve().parent.parent / "seeds" / (
        "article_guerre-israel-hamas-chefs-defense.txt")
    first, failed = import_sources([str(seed), str(home / "missing.html")])
    assert len(failed) == 1 and first is not None
    app = NewsReaderApp(initial_page=first)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.reader_screen.page_context == first
        assert "chefs de la défense" in screen_text(app)


@pytest.fixture
def header_library(home: Path) -> Path:
    """A live blog that prints no times (dated by day) and an article with a
    lead, authors and a bare publication day."""
    from datetime import date

    path = home / "headers.sqlite3"
    live = make_page("https://example.org/untimed", "Live: no clocks here",
                     [f"Clockless update {n}" for n in range(1, 13)], timed=False)
    article = Page(
        kind=PageKind.ARTICLE, title="Gaza : alignés sur la suite", url="https://a.example/x",
        source="ActuJ", lead="Steve Witkoff a confirmé l'accord ce dimanche.",
        authors=("Guitel Benishay",), published=date(2026, 1, 25),
        entries=(Entry(id="art", position=0, headline="Gaza : alignés sur la suite",
                       body_markdown="Le corps de l'article.", time=None),))
    with Library.open(path, seed=False) as library:
        library.save_page(replace(live, published=date(2026, 2, 11)))
        library.save_page(article)
    return path


async def test_header_of_a_live_blog_entry_without_times(header_library: Path) -> None:
    app = new_app(header_library, page_id(header_library, "no clocks"))
    async with app.run_test(size=(160, 30)) as pilot:  # side by side: the header on one line
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        text = screen_text(app)
        assert "Update 2 of 12 · Wed 11 Feb 2026 (the page gives no times) · Testwire" in text
        assert "on the page (no time given)" not in text
        assert "in Live: no clocks here" not in text  # the list shows that page alone
        await pilot.press("slash")  # search results mix pages: the page is named
        await pilot.pause()
        await pilot.press(*"clockless", "enter")
        await settle(pilot)
        assert app.reader_screen.search_query == "clockless"
        assert "in Live: no clocks here" in screen_text(app)


async def test_header_of_an_article_and_a_list_of_one(header_library: Path) -> None:
    app = new_app(header_library, page_id(header_library, "alignés"))
    async with app.run_test(size=(100, 30)) as pilot:  # stacked: list above detail
        await settle(pilot)
        lines = screen_text(app).splitlines()
        text = "\n".join(lines)
        assert "ActuJ · Sun 25 Jan 2026 · by Guitel Benishay" in text
        assert "Steve Witkoff a confirmé l'accord ce dimanche." in text  # the lead
        assert "Le corps de l'article." in text
        assert "(no time given)" not in text and "in Gaza" not in text
        # one entry: the list is three rows tall, the detail gets the rest
        bottom = next(i for i, line in enumerate(lines) if "1 entry" in line)
        assert bottom == 4
        assert app.reader_screen.entry_list.outer_size.height == 5
        assert app.reader_screen.entry_view.outer_size.height == 30 - 1 - 5
        lead_line = next(i for i, line in enumerate(lines) if "Steve Witkoff" in line)
        body_line = next(i for i, line in enumerate(lines) if "Le corps" in line)
        assert lead_line < body_line
        # a page of many entries keeps its share of the height (2/5)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "12 entries" in screen_text(app)
        assert app.reader_screen.entry_list.outer_size.height == (30 - 1) * 2 // 5


async def test_markup_in_titles_topics_and_notifications_is_shown_as_typed(home: Path) -> None:
    # "[/]" alone is a markup error: anything that parsed page text as markup
    # would crash here (sidebar, picker, the refresh notification and its error).
    title = "Odd [/] [b]title[/b] [link=https://x.example]y"
    path = home / "odd.sqlite3"
    from tui.library import FetchInfo

    with Library.open(path, seed=False) as library:
        page = make_page("http://127.0.0.1:9/live", title, ["First [/] headline", "Second"],
                         topics=[("[/]Topic",), ("[/]Topic",)])
        result = library.save_page(page, fetch=FetchInfo(origin="http://127.0.0.1:9/live",
                                                        fetch_url="http://127.0.0.1:9/live"))
    app = new_app(path, result.page_id)
    # notifications=True: the toasts are really drawn (and their text parsed).
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Odd [/] [b]title[/b]" in text
        assert "[/]Topic" in text
        await pilot.press("r")  # refresh: "Refreshing <title>…", then the error
        await settle(pilot)
        await pilot.pause(0.3)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Refreshing Odd [/] [b]title[/b]") for m in messages)
        assert "Refreshing Odd [/] [b]title[/b]" in screen_text(app)  # the toast, as typed
        assert any("127.0.0.1" in m for m in messages)  # the fetch error, as a line
        await pilot.press("t")  # the topic picker shows the page's topics and source
        await pilot.pause(0.3)
        assert "[/]Topic" in screen_text(app)


async def test_ui_stays_responsive_while_another_process_writes(library_path: Path) -> None:
    """Another connection holds the database in a write transaction (a cron
    `newsreader refresh`): moving still updates list and detail at once, read
    marks show at once and are saved once the writer lets go."""
    import sqlite3
    import time

    pid = page_id(library_path, "summit")
    app = new_app(library_path, pid)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        other = sqlite3.connect(library_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE pages SET last_error = 'held' WHERE id = ?", (pid,))
            started = time.monotonic()
            for _ in range(3):
                await pilot.press("j")
                await pilot.pause(0.1)
            await pilot.press("s")
            await pilot.pause(0.1)
            elapsed = time.monotonic() - started
            assert elapsed < 3, f"the UI waited {elapsed:.1f} s on the writer"
            assert app.reader_screen.entry_view.body_text.startswith("Body of **Update number 4**")
            lines = screen_text(app).splitlines()
            cursor = next(line for line in lines if "›" in line)
            assert "Update number 4" in cursor and "★" in cursor
            read = next(line for line in lines if "Update number 2 " in line + " ")
            assert "●" not in read  # shown read before it is saved
            saved = marks(library_path, pid)
            assert saved["Update number 2"] == saved["Update number 3"] == (False, False)
        finally:
            other.execute("ROLLBACK")
            other.close()
        await settle(pilot)
        state = marks(library_path, pid)
        assert state["Update number 2"] == (True, False)
        assert state["Update number 3"] == (True, False)
        assert state["Update number 4"] == (True, True)
        assert state["Update number 5"] == (False, False)


async def test_view_switch_reads_only_what_changed(library_path: Path) -> None:
    """All <-> Unread read no pages and no topics; ] reads the next page's
    topics, not the pages; the topics shown follow the page."""
    app = new_app(library_path, page_id(library_path, "summit"))
    app.follow_tick = 3600  # following reads the pages too: not in this test
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert "# Gaza" in screen_text(app)
        statements: list[str] = []
        for library in {app.reader_screen.library, app.reader_screen.reader}:
            library._conn.set_trace_callback(statements.append)  # type: ignore[union-attr]
        app.reader_screen.sidebar.focus()
        await pilot.press("g", "j")  # All (under Live): the whole library's topics
        await settle(pilot)
        assert str(app.reader_screen.view_key) == "all" and "# Gaza" in screen_text(app)
        statements.clear()
        await pilot.press("j")  # Unread
        await settle(pilot)
        await pilot.press("k")  # All again
        await settle(pilot)
        assert str(app.reader_screen.view_key) == "all"
        assert not [s for s in statements if "entry_topics" in s or "FROM pages p" in s]
        await pilot.press("right_square_bracket")  # a page: its topics, no pages
        await settle(pilot)
        assert str(app.reader_screen.view_key).startswith("page:")
        assert [s for s in statements if "entry_topics" in s]
        assert not [s for s in statements if "FROM pages p" in s]
        assert app.reader_screen.entry_list.entry_count in (12, 3)
        text = screen_text(app)
        assert ("# Gaza" in text) == (app.reader_screen.entry_list.entry_count == 12)


async def test_big_page_keeps_the_rows_on_screen_cached(home: Path) -> None:
    """A page of more entries than the row cache holds: the list gets the
    rows around the cursor, not all of them (the first screen's rows would
    be pushed out of the cache), and day dividers are still there."""
    from tui.app.views import FIRST_ROWS

    path = home / "big.sqlite3"
    with Library.open(path, seed=False) as library:
        pid = library.save_page(make_page(
            "https://example.org/big", "Big live", [f"Big update {n}" for n in range(6000)]
        )).page_id
    app = new_app(path, pid)
    app.follow_tick = 3600
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        entries = app.reader_screen.entry_list
        assert entries.entry_count == 6000
        assert len(entries._rows) <= 2 * FIRST_ROWS
        assert "Big update 0" in screen_text(app) and "Wednesday 11 February 2026" in \
            screen_text(app)
        assert app.reader_screen.entry_view.body_text.startswith("Body of **Big update 0**")


def test_article_lead_shown_unless_the_body_opens_with_it(home: Path) -> None:
    from tui.app.widgets.entry_view import lead_text

    lead = "The  summit ended\nwith a statement."
    path = home / "lead.sqlite3"
    with Library.open(path, seed=False) as library:
        details = []
        for body in (f"{lead}\n\n" + "More text. " * 50_000, "Other words. " * 50_000):
            page = replace(make_page(f"https://example.org/{len(details)}", "Article",
                                     ["Headline"], kind=PageKind.ARTICLE), lead=lead)
            page = replace(page, entries=(replace(page.entries[0], body_markdown=body),))
            pid = library.save_page(page).page_id
            details.append(library.entry_detail(library.entry_rowids(
                EntryFilter(page_id=pid))[0]))
    assert lead_text(details[0]) is None
    shown = lead_text(details[1])
    assert shown is not None and shown.plain == "The summit ended with a statement."


async def test_the_end_of_a_long_entry_is_on_screen_after_g(home: Path) -> None:
    # The i24NEWS seed's 4th entry ends with its video caption. Scrolling to
    # the bottom is animated; the last line must be drawn once it stops (the
    # panes once read a rounded scroll position with int() and stayed a line short).
    app = NewsReaderApp()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j")
        await settle(pilot)
        assert app.reader_screen.entry_view.detail is not None
        headline = app.reader_screen.entry_view.detail.row.headline
        assert headline.startswith("Iran : Benjamin Netanyahou")
        await pilot.press("enter", "G")
        await pilot.pause(1.0)
        assert "[video] Trump-Netanyahou : la rencontre" in screen_text(app)


async def test_a_match_report_lists_its_minutes(home: Path) -> None:
    """Entries marked by the minute of play show it in the list and the
    header, never as a clock time."""
    path = home / "match.sqlite3"
    minutes = ["90+3'", "67'", "12'"]
    entries = tuple(
        Entry(id=f"m{i}", position=i, headline=f"Event at {m}", body_markdown="Text.",
              time_text=m, minute=m)
        for i, m in enumerate(minutes))
    with Library.open(path, seed=False) as library:
        library.save_page(Page(kind=PageKind.LIVEBLOG, title="Live: the final", entries=entries,
                               url="https://example.org/final", source="Testwire"))
    app = new_app(path, page_id(path, "final"))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        for m in minutes:
            assert any(m in line and f"Event at {m}" in line for line in lines), m
        assert "90+3' (minute of play)" in screen_text(app)
        assert "#1" not in screen_text(app)

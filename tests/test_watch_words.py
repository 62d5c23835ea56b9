"""Watch words: entries with a watched word (whole words, accents and case
aside) are marked ◆, counted under "Watched" in the sidebar, announced when
following brings them, and `follow --match WORD` prints only them; `w`
watches a word and keeps it in config.toml."""

from __future__ import annotations

from pathlib import Path

from test_app import screen_text, settle

from tui.app.app import NewsReaderApp
from tui.cli.follow import matches
from tui.config import Config
from tui.library import EntryFilter, Library
from tui.model import Entry, Page, PageKind
from tui.textnorm import watched_in

HEADLINES = ["Talks in Gaza resume", "The Gazan economy", "Macron speaks",
             "Les États-Unis répondent", "Weather"]


def _library(path: Path) -> int:
    entries = tuple(Entry(id=f"e{n}", position=n, headline=h, body_markdown=f"Body {n}.")
                    for n, h in enumerate(HEADLINES))
    with Library.open(path, seed=False) as library:
        return library.save_page(Page(kind=PageKind.LIVEBLOG, title="Live", entries=entries,
                                      url="https://news.example/live")).page_id


def test_whole_words_accents_and_case_aside(tmp_path: Path) -> None:
    assert watched_in("Les États-Unis et MACRON à Gaza", ["etats unis", "Macron", "gazan"]) \
        == ["etats unis", "Macron"]
    path = tmp_path / "lib.sqlite3"
    _library(path)
    with Library.open(path, read_only=True) as library:
        rows = library.entry_rows(library.entry_rowids(
            EntryFilter(watch=("GAZA", "Etats-Unis"))))
        assert sorted(r.headline for r in rows) == ["Les États-Unis répondent",
                                                    "Talks in Gaza resume"]
        assert library.entry_rowids(EntryFilter(watch=("",))) == []
        row = next(r for r in library.entry_rows(library.entry_rowids(EntryFilter()))
                   if r.headline == "Macron speaks")
        assert matches(library, row, ("macron",)) and not matches(library, row, ("gaza",))


async def test_the_reader_marks_counts_and_lists_watched_entries(home: Path) -> None:
    path = home / "lib.sqlite3"
    pid = _library(path)
    config = Config(mark_read_after=None, watch=["Gaza", "Macron"])
    app = NewsReaderApp(path, initial_page=pid, config=config)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "◆ Talks in Gaza resume" in text and "◆ Macron speaks" in text
        assert "◆ The Gazan economy" not in text
        watched = next(line for line in text.splitlines() if "Watched" in line)
        assert watched.split("│")[1].split() == ["Watched", "2"]
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*"Etats-Unis", "enter")
        await settle(pilot)
        assert "◆ Les États-Unis répondent" in screen_text(app)
        assert Config.load().watch == ["Gaza", "Macron", "Etats-Unis"]
        reader = app.reader_screen
        reader.sidebar.select_key("watched")
        reader.load_view(reader.view_key.parse("watched"))
        await settle(pilot)
        assert reader.entry_list.entry_count == 3


def test_following_announces_new_entries_with_a_watched_word(tmp_path: Path) -> None:
    from tui.app.following import FollowingController
    from tui.app.messages import FollowPolled
    from tui.pipeline.follow import PollOutcome

    path = tmp_path / "lib.sqlite3"
    _library(path)
    notices: list[tuple[str, str]] = []

    class Host:
        def notify(self, message: str, *, title: str = "", timeout: float | None = None,
                   **_: object) -> None:
            notices.append((title, message))

    with Library.open(path) as library:
        rows = library.entry_rows(library.entry_rowids(EntryFilter()))
        controller = FollowingController(Host(), lambda: library,  # type: ignore[arg-type]
                                         watch=lambda: ("macron",))
        outcome = PollOutcome(1, "updated", 0.0, new_rows=tuple(rows))
        watched = controller._watched(library, [outcome])
        assert [r.headline for r in watched] == ["Macron speaks"]
        controller.take(FollowPolled([outcome], watched=watched))
    assert ("Watched word", "◆ Macron speaks") in notices

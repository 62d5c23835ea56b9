"""Watch words: entries with a watched word (whole words, accents and case
aside) are marked ◆, counted under "Watched" in the sidebar, announced when
following brings them, and `follow --match WORD` prints only them; `w`
watches a word and keeps it in config.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app import screen_text, settle

from tui.app.app import NewsReaderApp
from tui.app.navigation import name_in
from tui.config import Config
from tui.library import EntryFilter, Library
from tui.model import Entry, Page, PageKind

HEADLINES = ["Talks in Gaza resume", "The Gazan economy", "Macron speaks",
             "Les États-Unis répondent", "Weather", "Les États-Unis et MACRON à Gaza"]


def _library(path: Path) -> int:
    entries = tuple(Entry(id=f"e{n}", position=n, headline=h, body_markdown=f"Body {n}.")
                    for n, h in enumerate(HEADLINES))
    with Library.open(path, seed=False) as library:
        return library.save_page(Page(kind=PageKind.LIVEBLOG, title="Live", entries=entries,
                                      url="https://news.example/live")).page_id


@pytest.mark.parametrize(("headline", "watched", "offered"), [
    ("Guerre au Proche-Orient : Macron appelle au calme", (), "Proche-Orient"),
    ("Guerre au Proche-Orient : Macron appelle au calme", ("proche-orient",), "Macron"),
    ("Israeli strikes hit Gaza City overnight", (), "Gaza City"),
    ("Les États-Unis répondent", ("Etats-Unis",), ""),
    ("the UN says aid is blocked", (), "UN"),
    ("rien de nouveau", (), ""),
])
def test_w_offers_the_name_in_the_headline(headline: str, watched: tuple[str, ...],
                                           offered: str) -> None:
    assert name_in(headline, watched) == offered


def test_whole_words_accents_and_case_aside(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    _library(path)
    with Library.open(path, read_only=True) as library:
        by_headline = {r.headline: r.rowid for r in
                       library.entry_rows(library.entry_rowids(EntryFilter()))}
        mixed = by_headline["Les États-Unis et MACRON à Gaza"]
        assert [w for w in ("etats unis", "Macron", "gazan")
                if library.with_words([mixed], (w,))] == ["etats unis", "Macron"]
        rows = library.entry_rows(library.entry_rowids(
            EntryFilter(watch=("GAZA", "Etats-Unis"))))
        assert sorted(r.headline for r in rows) == [
            "Les États-Unis et MACRON à Gaza", "Les États-Unis répondent",
            "Talks in Gaza resume"]
        assert library.entry_rowids(EntryFilter(watch=("",))) == []
        macron = by_headline["Macron speaks"]  # what `follow --match` keeps
        assert library.with_words([macron], ("macron",)) == {macron}
        assert library.with_words([macron], ("gaza",)) == set()


async def test_the_reader_marks_counts_and_lists_watched_entries(home: Path) -> None:
    path = home / "lib.sqlite3"
    pid = _library(path)
    config = Config(mark_read_after=None, watch=["Gaza", "Macron"])
    app = NewsReaderApp(path, initial_page=pid, config=config)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "◆ Talks in Gaza resume" in text and "◆ Macron speaks" in text
        assert "◆ Les États-Unis et MACRON à Gaza" in text
        assert "◆ The Gazan economy" not in text
        watched = next(line for line in text.splitlines() if "Watched" in line)
        assert watched.split("│")[1].split() == ["Watched", "3"]
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*"Etats-Unis", "enter")
        await settle(pilot)
        assert "◆ Les États-Unis répondent" in screen_text(app)
        assert Config.load().watch == ["Gaza", "Macron", "Etats-Unis"]
        # `w` on an entry offers its name; enter takes it.
        await pilot.press("j", "w")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert Config.load().watch == ["Gaza", "Macron", "Etats-Unis", "Gazan"]
        assert "◆ The Gazan economy" in screen_text(app)
        reader = app.reader_screen
        reader.sidebar.select_key("watched")
        reader.load_view(reader.view_key.parse("watched"))
        await settle(pilot)
        assert reader.entry_list.entry_count == 5


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
        assert sorted(r.headline for r in watched) == [
            "Les États-Unis et MACRON à Gaza", "Macron speaks"]
        controller.take(FollowPolled([outcome], watched=watched))
    assert ("Watched word", "◆ Macron speaks") in notices

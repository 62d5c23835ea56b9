"""The library on a real SQLite file in a temp folder, fed Page objects built
directly from tui.model (no parser involved)."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import headlines

from tui.library import EntryFilter, Library, LibraryError, PageNotFound
from tui.model import Entry, Page, PageKind

T0 = datetime(2026, 2, 11, 10, 0, tzinfo=UTC)


def entry(n: int, headline: str | None = None, body: str | None = None,
          topics: tuple[str, ...] = (), minutes: int | None = None) -> Entry:
    return Entry(
        id=f"e{n}", position=n, headline=headline or f"Headline {n}",
        body_markdown=body if body is not None else f"Body of entry {n}.",
        time=T0 + timedelta(minutes=minutes if minutes is not None else -n),
        topics=topics,
    )


def page(entries: list[Entry], title: str = "Live: the talks",
         url: str | None = "https://news.example/live") -> Page:
    return Page(kind=PageKind.LIVEBLOG, title=title, entries=tuple(entries), url=url,
                source="Example News", published=T0 - timedelta(hours=2))


def test_save_new_page_counts_and_order(lib: Library) -> None:
    result = lib.save_page(page([entry(i) for i in range(5)]))
    assert (result.total, result.added, result.edited, result.removed) == (5, 5, 0, 0)
    assert result.title == "Live: the talks"
    [summary] = lib.pages()
    assert (summary.id, summary.entries, summary.unread, summary.starred) == (
        result.page_id, 5, 5, 0)
    assert summary.kind == "liveblog" and summary.source == "Example News"
    assert headlines(lib, EntryFilter(page_id=result.page_id)) == [
        f"Headline {i}" for i in range(5)]
    # Across pages: newest first by entry time (entry 0 is the newest here).
    assert headlines(lib, EntryFilter()) == [f"Headline {i}" for i in range(5)]


def test_cross_page_order_is_newest_first_by_time(lib: Library) -> None:
    lib.save_page(page([entry(0, "old", minutes=-300), entry(1, "new", minutes=30)],
                       title="A", url="https://a.example/"))
    lib.save_page(page([entry(0, "middle", minutes=0)], title="B", url="https://b.example/"))
    assert headlines(lib, EntryFilter()) == ["new", "middle", "old"]


def test_entry_without_time_sorts_by_page_published(lib: Library) -> None:
    untimed = Entry(id="u", position=1, headline="untimed")
    lib.save_page(page([entry(0, "timed", minutes=0), untimed]))
    # page published is T0 - 2 h, older than the timed entry
    assert headlines(lib, EntryFilter()) == ["timed", "untimed"]
    row = lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=1)))[1]
    assert row.time is None


def test_readd_adds_only_new_and_keeps_state(lib: Library) -> None:
    first = lib.save_page(page([entry(i) for i in range(3)]))
    ids = lib.entry_rowids(EntryFilter(page_id=first.page_id))
    lib.set_read(ids[:2])
    lib.set_starred(ids[1], True)
    again = lib.save_page(page([entry(i) for i in range(3)]))
    assert (again.page_id, again.added, again.edited, again.removed) == (first.page_id, 0, 0, 0)
    more = lib.save_page(page([entry(i) for i in range(5)]))
    assert (more.total, more.added) == (5, 2)
    rows = lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=first.page_id)))
    assert [(r.read, r.starred) for r in rows] == [
        (True, False), (True, True), (False, False), (False, False), (False, False)]
    assert lib.page_summary(first.page_id).unread == 3


def test_save_reports_the_new_rowids_and_last_activity(lib: Library) -> None:
    from tui.pipeline.follow import last_activity

    first = lib.save_page(page([entry(i) for i in range(3)]))
    ids = lib.entry_rowids(EntryFilter(page_id=first.page_id))
    assert first.new_rowids == tuple(ids)
    assert lib.save_page(page([entry(i) for i in range(3)])).new_rowids == ()
    more = lib.save_page(page([entry(i, minutes=30 - i) for i in (7, 3, 4)]))
    new = lib.entry_rows(more.new_rowids)
    assert [r.headline for r in new] == ["Headline 7", "Headline 3", "Headline 4"]
    rows = lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=first.page_id)))
    assert lib.last_activity(first.page_id) == last_activity(rows) == (
        T0 + timedelta(minutes=27)).timestamp()
    untimed = lib.save_page(Page(kind=PageKind.LIVEBLOG, title="No clocks", entries=(
        Entry(id="u1", position=0, headline="Untimed"),)))
    rows = lib.entry_rows(untimed.new_rowids)
    assert lib.last_activity(untimed.page_id) == pytest.approx(last_activity(rows), abs=1e-5)


def test_url_fragment_is_same_page(lib: Library) -> None:
    a = lib.save_page(page([entry(0)], url="https://news.example/live#top"))
    b = lib.save_page(page([entry(0)], url="https://NEWS.example/live"))
    assert a.page_id == b.page_id and len(lib.pages()) == 1


def test_page_without_url_is_keyed_by_source_and_title(lib: Library) -> None:
    a = lib.save_page(page([entry(0)], url=None, title="Dump"))
    b = lib.save_page(page([entry(0), entry(1)], url=None, title="Dump"))
    c = lib.save_page(page([entry(0)], url=None, title="Other"))
    assert a.page_id == b.page_id != c.page_id
    assert b.added == 1


def test_edited_entry_is_updated_and_keeps_previous_body(lib: Library) -> None:
    lib.save_page(page([entry(0, "Talks begin", "First version.")]))
    rowid = lib.entry_rowids(EntryFilter(page_id=1))[0]
    lib.set_read([rowid])
    result = lib.save_page(page([entry(0, "Talks begin", "Second, corrected version.")]))
    assert (result.added, result.edited) == (0, 1)
    detail = lib.entry_detail(rowid)
    assert detail.body_markdown == "Second, corrected version."
    assert detail.previous_body == "First version."
    assert detail.row.edited and detail.row.read
    # The index follows the edit.
    assert [h.rowid for h in lib.search("corrected")] == [rowid]
    assert lib.search("first version") == []


def test_a_removed_entry_stays_where_it_was_as_the_blog_grows(lib: Library) -> None:
    """Newest first: e2 (the oldest) and e1 are on the page, e1 is removed,
    new entries arrive on top: e1 stays between e2 and the entry that came
    before it, not among the newest; every position is its own."""
    lib.save_page(page([entry(0), entry(1), entry(2)]))
    lib.save_page(page([entry(0), entry(2)]))  # e1 removed
    grown = [replace(e, position=k) for k, e in enumerate(
        [entry(n, minutes=n) for n in (5, 4, 3)] + [entry(0), entry(2)])]
    lib.save_page(page(grown))
    rows = lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=1)))
    assert [(r.headline, r.removed) for r in rows] == [
        ("Headline 5", False), ("Headline 4", False), ("Headline 3", False),
        ("Headline 0", False), ("Headline 1", True), ("Headline 2", False)]
    with lib._read() as conn:
        positions = [p for (p,) in conn.execute(
            "SELECT position FROM entries WHERE page_id = 1 ORDER BY position")]
    assert positions == list(range(6))


def test_order_with_gone_is_linear_and_keeps_neighbours() -> None:
    from tui.library.merge import order_with_gone

    assert order_with_gone(["n", "a", "c"], ["a", "b", "c"]) == ["n", "a", "b", "c"]
    assert order_with_gone(["c"], ["x", "a", "c", "d"]) == ["x", "a", "c", "d"]
    big = [f"e{i}" for i in range(200_000)]
    assert order_with_gone(big[::2], big) == big


def test_vanished_entry_is_marked_removed_and_can_come_back(lib: Library) -> None:
    lib.save_page(page([entry(i) for i in range(3)]))
    result = lib.save_page(page([entry(0), entry(2)]))
    assert (result.total, result.removed) == (2, 1)
    rows = lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=1)))
    assert [(r.headline, r.removed) for r in rows] == [
        ("Headline 0", False), ("Headline 1", True), ("Headline 2", False)]
    # Still counted once, not re-counted as removed on the next refresh.
    assert lib.save_page(page([entry(0), entry(2)])).removed == 0
    back = lib.save_page(page([entry(i) for i in range(3)]))
    assert (back.added, back.removed) == (0, 0)
    assert not any(r.removed for r in lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=1))))


def test_duplicate_entry_ids_on_one_page_keep_the_first(lib: Library) -> None:
    result = lib.save_page(page([entry(0, "one"), entry(0, "two")]))
    assert result.total == 1
    assert headlines(lib, EntryFilter(page_id=1)) == ["one"]


def test_filters_unread_starred_topic(lib: Library) -> None:
    lib.save_page(page([entry(0, "a", topics=("Iran", "Gaza")), entry(1, "b", topics=("Iran",)),
                        entry(2, "c")]))
    lib.save_page(page([entry(0, "d", topics=("Gaza",))], title="Other",
                       url="https://other.example/"))
    ids = lib.entry_rowids(EntryFilter(page_id=1))
    lib.set_read([ids[0]])
    lib.set_starred(ids[2], True)
    assert headlines(lib, EntryFilter(unread_only=True)) == ["d", "b", "c"]
    assert headlines(lib, EntryFilter(starred_only=True)) == ["c"]
    assert headlines(lib, EntryFilter(topic="Gaza")) == ["d", "a"]  # same time: newer page first
    assert headlines(lib, EntryFilter(topic="Gaza", page_id=1)) == ["a"]
    assert headlines(lib, EntryFilter(topic="Iran", unread_only=True)) == ["b"]
    assert lib.topics() == [("Gaza", 2), ("Iran", 2)]
    assert lib.topics(1) == [("Iran", 2), ("Gaza", 1)]
    lib.set_read(ids, read=False)
    assert lib.page_summary(1).unread == 3
    lib.set_starred(ids[2], False)
    assert lib.entry_rowids(EntryFilter(starred_only=True)) == []


def test_topic_change_updates_topic_index(lib: Library) -> None:
    lib.save_page(page([entry(0, topics=("Iran",))]))
    lib.save_page(page([entry(0, topics=("Liban",))]))
    assert lib.topics() == [("Liban", 1)]
    assert lib.entry_detail(lib.entry_rowids(EntryFilter())[0]).topics == ("Liban",)


def test_entry_detail_has_everything(lib: Library) -> None:
    from tui.model import Link, Media

    e = Entry(id="x", position=0, headline="H", body_markdown="B **bold**", time=T0,
              time_text="10h00", topics=("Iran",), links=(Link("https://l.example", "l"),),
              media=(Media("image", "A caption", "AFP", None),))
    lib.save_page(page([e]))
    d = lib.entry_detail(lib.entry_rowids(EntryFilter())[0])
    assert (d.entry_id, d.time_text, d.body_markdown) == ("x", "10h00", "B **bold**")
    assert d.links == (("https://l.example", "l"),)
    assert d.media == (("image", "A caption", "AFP", None),)
    assert (d.page_title, d.page_kind, d.page_url, d.source) == (
        "Live: the talks", "liveblog", "https://news.example/live", "Example News")
    assert d.row.time == T0 and d.previous_body is None
    assert (d.minute, d.zone) == (None, None)
    with pytest.raises(PageNotFound):
        lib.entry_detail(9999)


def test_entry_keeps_its_match_minute_and_stated_zone(lib: Library) -> None:
    minute = Entry(id="m", position=0, headline="Goal!", time_text="95'", minute="95'")
    zoned = Entry(id="z", position=1, headline="Update", time=T0, time_text="10.00",
                  zone="GMT")
    lib.save_page(page([minute, zoned]))
    details = [lib.entry_detail(r) for r in lib.entry_rowids(EntryFilter())]
    got = {d.entry_id: (d.minute, d.zone, d.time_text) for d in details}
    assert got == {"m": ("95'", None, "95'"), "z": (None, "GMT", "10.00")}
    # A re-parse that only learns the zone updates the stored entry.
    lib.save_page(page([minute, Entry(id="z", position=1, headline="Update", time=T0,
                                      time_text="10.00", zone="Europe/London")]))
    details = [lib.entry_detail(r) for r in lib.entry_rowids(EntryFilter())]
    assert {d.entry_id: d.zone for d in details} == {"m": None, "z": "Europe/London"}


def test_entry_detail_carries_the_page_lead_authors_and_date(lib: Library) -> None:
    from datetime import date

    article = Page(kind=PageKind.ARTICLE, title="Gaza : alignés", url="https://a.example/x",
                   source="ActuJ", lead="Steve Witkoff a confirmé l'accord.",
                   authors=("Guitel Benishay", "Avi Cohen"), published=date(2026, 1, 25),
                   entries=(entry(0, headline="Gaza : alignés"),))
    lib.save_page(article)
    d = lib.entry_detail(lib.entry_rowids(EntryFilter())[0])
    assert d.lead == "Steve Witkoff a confirmé l'accord."
    assert d.authors == ("Guitel Benishay", "Avi Cohen")
    assert d.page_published == date(2026, 1, 25)  # a bare day stays a day
    lib.save_page(page([entry(0)], url="https://news.example/other"))
    other = lib.entry_detail(lib.entry_rowids(EntryFilter(page_id=2))[0])
    assert (other.lead, other.authors) == (None, ())
    assert other.page_published == T0 - timedelta(hours=2)


def test_entry_rows_keep_requested_order_and_skip_unknown(lib: Library) -> None:
    lib.save_page(page([entry(i) for i in range(3)]))
    ids = lib.entry_rowids(EntryFilter(page_id=1))
    rows = lib.entry_rows([ids[2], 999, ids[0]])
    assert [r.rowid for r in rows] == [ids[2], ids[0]]


def test_seen_up_to_and_first_seen(lib: Library) -> None:
    clock = [1_000_000.0]
    lib.clock = lambda: clock[0]
    lib.save_page(page([entry(0)]))
    assert lib.seen_up_to(1) is None
    clock[0] += 60
    lib.mark_seen(1)
    clock[0] += 60
    lib.save_page(page([entry(0), entry(1)]))
    seen = lib.seen_up_to(1)
    assert seen == datetime.fromtimestamp(1_000_060.0, UTC)
    rows = lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=1)))
    assert [r.first_seen > seen for r in rows] == [False, True]


def test_find_page(lib: Library) -> None:
    lib.save_page(page([entry(0)], title="Guerre au Proche-Orient : Téhéran répond",
                       url="https://a.example/"))
    lib.save_page(page([entry(0)], title="Élections aux États-Unis", url="https://b.example/"))
    lib.save_page(page([entry(0)], title="Élections", url="https://c.example/"))
    assert lib.find_page("1").id == 1
    assert lib.find_page("teheran").id == 1
    assert lib.find_page("etats-unis").id == 2
    assert lib.find_page("elections").id == 3  # the exact title wins
    with pytest.raises(PageNotFound, match="matches 2 pages"):
        lib.find_page("lect")
    with pytest.raises(PageNotFound, match="no page matches"):
        lib.find_page("nothing like it")


def test_remove_page_removes_entries_and_hits(lib: Library) -> None:
    a = lib.save_page(page([entry(0, "Téhéran talks")]), raw=b"<p>raw</p>")
    lib.save_page(page([entry(0, "Gaza")], title="B", url="https://b.example/"))
    assert lib.search("teheran")
    lib.remove_page(a.page_id)
    assert [p.title for p in lib.pages()] == ["B"]
    assert lib.search("teheran") == []
    assert headlines(lib, EntryFilter()) == ["Gaza"]
    assert lib.topics() == []
    with pytest.raises(PageNotFound):
        lib.remove_page(a.page_id)


def test_search_accents_ranking_snippet(lib: Library) -> None:
    lib.save_page(page([
        entry(0, "Les États-Unis et l'Iran", "Réunion à Téhéran."),
        entry(1, "Autre chose", "On parle des États-Unis en passant, loin du titre."),
        entry(2, "Rien", "Pas de mot ici."),
        entry(3, "Sport", "Football.", topics=("Téhéran",)),
    ]))
    hits = lib.search("etats-unis")
    assert [h.headline for h in hits] == ["Les États-Unis et l'Iran", "Autre chose"]
    assert hits[0].page_title == "Live: the talks" and hits[0].page_id == 1
    assert hits[0].time == T0
    assert "**États-Unis**" in hits[0].snippet
    assert {h.headline for h in lib.search("TEHERAN")} == {"Les États-Unis et l'Iran", "Sport"}
    assert [h.headline for h in lib.search("footb")] == ["Sport"]  # prefix on the last word
    assert lib.search("teh", markers=("<", ">"))[0].snippet.count("<") >= 1
    assert len(lib.search("etats", limit=1)) == 1


# Words of the entry, among FTS5 syntax: found; syntax only, or words the
# entry lacks: nothing (and never an error).
FINDS_THE_ENTRY = ['"États-Unis', "NEAR(", "AND", "OR NOT", "etats-unis*", "*teheran"]
FINDS_NOTHING = ['"', "*", ":", "-", "a:b", "^x", "(", "{}", "col:value", "'", "\\", "  ", ""]


@pytest.mark.parametrize("query", FINDS_THE_ENTRY + FINDS_NOTHING)
def test_search_never_raises_on_odd_queries(lib: Library, query: str) -> None:
    lib.save_page(page([entry(0, "Les États-Unis", "Téhéran AND OR NOT near")]))
    hits = lib.search(query)
    if query in FINDS_THE_ENTRY:
        assert [h.headline for h in hits] == ["Les États-Unis"]
    else:
        assert hits == []


def test_search_quoted_phrase(lib: Library) -> None:
    lib.save_page(page([entry(0, "x", "trump rencontre netanyahou"),
                        entry(1, "y", "netanyahou rencontre trump")]))
    assert [h.headline for h in lib.search('"trump rencontre"')] == ["x"]
    assert {h.headline for h in lib.search("trump netanyahou")} == {"x", "y"}


def test_decomposed_accents_are_found(lib: Library) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Téhéran")
    lib.save_page(page([entry(0, nfd)]))
    assert [h.headline for h in lib.search("téhéran")] == ["Téhéran"]
    assert lib.search("teheran")


def test_schema_settings(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library.open(path, seed=False).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    from tui.library.schema import SCHEMA_VERSION

    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library.open(path, seed=False).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(LibraryError, match="newer"):
        Library.open(path, seed=False)


def test_corrupted_file_is_one_line_error_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    garbage = b"this is not a database, just some bytes\x00\x01" * 200
    path.write_bytes(garbage)
    with pytest.raises(LibraryError, match="corrupted") as info:
        Library.open(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)
    assert path.read_bytes() == garbage


def test_read_only_database_via_mode_ro(tmp_path: Path) -> None:
    """Tests run as root, which ignores file modes; `mode=ro` gives SQLite's
    own read-only path, the one a chmod 0444 file takes for other users."""
    path = tmp_path / "library.sqlite3"
    with Library.open(path, seed=False) as lib:
        lib.save_page(page([entry(0)]))
    before = path.read_bytes()
    ro = Library.open(path, read_only=True)
    try:
        assert [p.title for p in ro.pages()] == ["Live: the talks"]
        with pytest.raises(LibraryError, match="not writable"):
            ro.save_page(page([entry(0), entry(1)]))
        assert ro.page_summary(1).entries == 1
    finally:
        ro.close()
    assert path.read_bytes() == before


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="root ignores file permissions; see test_read_only_database_via_mode_ro")
def test_read_only_file_and_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "library.sqlite3"
    with Library.open(path, seed=False) as lib:
        lib.save_page(page([entry(0)]))
    before = path.read_bytes()
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        with pytest.raises(LibraryError, match="not writable"):
            with Library.open(path) as lib:
                lib.save_page(page([entry(0), entry(1)]))
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert path.read_bytes() == before


def test_failed_save_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    lib = Library.open(tmp_path / "library.sqlite3", seed=False, cache_dir=blocker / "pages")
    try:
        with pytest.raises(LibraryError, match="cache"):
            lib.save_page(page([entry(i) for i in range(10)]), raw=b"<html>")
        assert lib.pages() == []
        assert lib.entry_rowids(EntryFilter()) == []
        assert lib.search("headline") == []
    finally:
        lib.close()


def test_raw_page_is_cached_and_removed_with_page(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "library.sqlite3", seed=False)
    with lib:
        r = lib.save_page(page([entry(0)]), raw=b"<html>raw bytes</html>")
        raw = lib.raw_page(r.page_id)
        assert raw is not None and raw.data == b"<html>raw bytes</html>"
        assert raw.url == "https://news.example/live"
        cached = list(lib.cache_dir.iterdir())
        assert len(cached) == 1
        lib.remove_page(r.page_id)
        assert list(lib.cache_dir.iterdir()) == []


def test_fetch_state_and_record_check(lib: Library) -> None:
    from tui.library.merge import FetchInfo

    r = lib.save_page(page([entry(0)]), fetch=FetchInfo(
        origin="https://news.example/live", fetch_url="https://news.example/live",
        etag='"v1"', last_modified="Wed, 11 Feb 2026 10:00:00 GMT", fetched=True))
    state = lib.fetch_state(r.page_id)
    assert (state.fetch_url, state.etag) == ("https://news.example/live", '"v1"')
    checked = lib.page_summary(r.page_id).last_checked
    assert checked is not None
    lib.record_check(r.page_id, error="HTTP 500 for https://news.example/live")
    s = lib.page_summary(r.page_id)
    assert s.last_error == "HTTP 500 for https://news.example/live" and s.last_checked == checked
    lib.record_check(r.page_id, etag='"v2"')
    s = lib.page_summary(r.page_id)
    assert s.last_error is None and lib.fetch_state(r.page_id).etag == '"v2"'


def test_save_into_given_page_id(lib: Library) -> None:
    r = lib.save_page(page([entry(0)], title="Live, first title", url=None))
    again = lib.save_page(page([entry(0), entry(1)], title="Live, new title", url=None),
                          page_id=r.page_id)
    assert again.page_id == r.page_id and again.added == 1
    assert [p.title for p in lib.pages()] == ["Live, new title"]
    with pytest.raises(PageNotFound):
        lib.save_page(page([entry(0)]), page_id=999)


def test_threads_share_one_library(lib: Library) -> None:
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for k in range(5):
                lib.save_page(page([entry(i) for i in range(20)], title=f"P{n}-{k}",
                                   url=f"https://t.example/{n}/{k}"))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    def reader() -> None:
        try:
            for _ in range(30):
                ids = lib.entry_rowids(EntryFilter())
                lib.entry_rows(ids[:50])
                lib.search("headline")
                lib.pages()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(lib.pages()) == 15
    assert len(lib.entry_rowids(EntryFilter())) == 300


def test_a_page_dated_by_day_only_comes_back_as_that_day(lib: Library) -> None:
    from dataclasses import replace
    from datetime import date

    dated = replace(page([entry(0)], title="Day only", url="https://d.example/"),
                    published=date(2015, 4, 30))
    result = lib.save_page(dated)
    summary = lib.page_summary(result.page_id)
    # No invented midnight: the day stays a day through the database.
    assert summary.published == date(2015, 4, 30)
    assert not isinstance(summary.published, datetime)


def test_a_very_common_word_is_ranked_among_its_newest_matches(
        lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.library import search as store_search

    monkeypatch.setattr(store_search, "RANK_WINDOW", 3)
    # The oldest page mentions the word most (best bm25), the newest pages once.
    lib.save_page(page([entry(0, "gaza gaza gaza", "gaza gaza gaza gaza")],
                       title="Old", url="https://old.example/"))
    for n in range(4):
        lib.save_page(page([entry(0, f"News {n}", "a word about gaza among others")],
                           title=f"New {n}", url=f"https://new{n}.example/"))
    hits = lib.search("gaza", snippets=False)
    # Only the three newest matches are ranked: the old best match is left out.
    assert sorted(h.page_title for h in hits) == ["New 1", "New 2", "New 3"]
    assert all(h.snippet == "" for h in hits)
    # A rarer word (fewer matches than the window) is ranked over all of them.
    monkeypatch.setattr(store_search, "RANK_WINDOW", 50)
    assert lib.search("gaza", limit=1)[0].page_title == "Old"


def test_new_library_has_exactly_the_five_seed_pages(tmp_path: Path) -> None:
    """Every bundled seed parses: a parser regression cannot silently seed
    fewer pages (seeding skips only pages that raise IngestError)."""
    from tui.pipeline.seeding import open_library

    with open_library(tmp_path / "library.sqlite3", cache_dir=tmp_path / "cache") as lib:
        pages = {p.origin: (p.title, p.entries) for p in lib.pages()}
    assert pages == {
        "seed:actuj_2026-01-25_gaza-israel-trump-alignes.txt": (
            "Gaza : Israël et l'administration Trump \"totalement alignés\" sur la suite des "
            "opérations", 1),
        "seed:allisrael_2025-07-08_netanyahu-trump-rencontre.txt": (
            "Netanyahu et Trump se rencontrent pour la deuxième fois en 24 heures pour tenter "
            "de parvenir à un accord de cessez-le-feu à Gaza", 1),
        "seed:article_2026-02-12_netanyahou-interets-securitaires.txt": (
            "Benjamin Netanyahou a tenu à défendre les intérêts sécuritaires de l’Etat "
            "d’Israël lors de sa rencontre avec le président Donald Trump", 1),
        "seed:article_guerre-israel-hamas-chefs-defense.txt": (
            "Guerre Israël-Hamas : les chefs de la défense des États-Unis et d'Israël se "
            "rencontreront alors que les tensions augmentent à propos de Gaza", 1),
        "seed:i24news_liveblog_2026-02-11_trump-netanyahou-iran.txt": (
            "LIVE BLOG | Après leur rencontre, Trump insiste pour prolonger les négociations "
            "avec Téhéran", 20),
    }


def test_spellings_of_one_topic_are_one_topic(lib: Library) -> None:
    """Accents, case, hyphens and spaces aside, "États-Unis", "Etats-Unis"
    and "Etats Unis" are one topic under its most used spelling; choosing it
    lists the entries of every spelling."""
    spellings = ["États-Unis", "Etats-Unis", "États-Unis", "Etats Unis", "Maison-Blanche",
                 "Maison Blanche"]
    lib.save_page(page([entry(n, topics=(t,)) for n, t in enumerate(spellings)]))
    assert lib.topics() == [("États-Unis", 4), ("Maison Blanche", 2)]
    rows = lib.entry_rows(lib.entry_rowids(EntryFilter(topic="Etats unis")))
    assert [r.headline for r in rows] == [f"Headline {n}" for n in range(4)]
    assert len(lib.entry_rowids(EntryFilter(page_id=1, topic="Maison Blanche"))) == 2


def library_at_version(path: Path, version: int) -> sqlite3.Connection:
    """A library as an older newsreader made it, in an open transaction."""
    from tui.library import schema

    conn = schema.connect(path)
    conn.execute("BEGIN IMMEDIATE")
    for step in schema.MIGRATIONS[:version]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def test_topic_keys_are_made_for_an_older_library(tmp_path: Path) -> None:
    """Migration 5 fills the key of every topic already stored."""

    path = tmp_path / "old.sqlite3"
    conn = library_at_version(path, 4)
    conn.execute("INSERT INTO pages (id, key, kind, title, added_at, saved_at)"
                 " VALUES (1, 'k', 'liveblog', 'Old', 0, 0)")
    conn.execute("INSERT INTO entries (id, page_id, entry_id, position, headline, body,"
                 " topics, sort_ts, first_seen)"
                 " VALUES (1, 1, 'a', 0, 'H', 'B', 'États-Unis', 0, 0)")
    conn.execute("INSERT INTO entry_topics (topic, entry, page_id) VALUES ('États-Unis', 1, 1)")
    conn.execute("COMMIT")
    conn.close()
    with Library.open(path) as lib:
        assert lib.entry_rowids(EntryFilter(topic="etats unis")) == [1]


@pytest.mark.parametrize("recovered", [False, True])
def test_shared_wire_items_are_found_in_an_older_library(tmp_path: Path, recovered: bool) -> None:
    """Migration 7 keys the entries of live blogs already stored and marks
    those two pages share, so the river shows each once; so does `check
    --recover`, which copies an older library into a new one."""
    path = tmp_path / "old.sqlite3"
    conn = library_at_version(path, 6)
    wire = "Officials said the border crossing would reopen on Monday morning for aid."
    for pid in (1, 2):
        conn.execute("INSERT INTO pages (id, key, kind, title, added_at, saved_at, fetch_url)"
                     " VALUES (?, ?, 'liveblog', ?, 0, 0, ?)",
                     (pid, f"k{pid}", f"Live {pid}", f"https://news{pid}.example/"))
        conn.executemany(
            "INSERT INTO entries (page_id, entry_id, position, headline, body, sort_ts,"
            " first_seen) VALUES (?, ?, ?, ?, ?, ?, 0)",
            [(pid, "own", 0, f"Own story of page {pid}", "Text.", 10 + pid),
             (pid, "wire", 1, "Crossing to reopen", wire, 5 + pid)])
    conn.execute("COMMIT")
    conn.close()
    if recovered:
        from tui.library.recover import recover

        recover(path)
    with Library.open(path) as lib:
        river = lib.entry_rows(lib.entry_rowids(EntryFilter(live=True)))
        assert [(r.headline, r.also) for r in river] == [
            ("Own story of page 2", ()), ("Own story of page 1", ()),
            ("Crossing to reopen", (2,))]

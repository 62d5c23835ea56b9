"""Reading what the entry list shows from the library: `read_view` runs in
a worker thread and only reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import cast

from tui.app.messages import UNCOUNTED, SidebarData, ViewLoaded
from tui.app.safe_text import one_line
from tui.app.view_key import SPECIAL_VIEWS, ViewKey
from tui.app.widgets.entry_list import Divider, Item, Marks, build_items
from tui.i18n import _, ngettext, number
from tui.library import EntryFilter, Library, PageSummary

#: Above this many entries a page's list has no day separators / "new" line.
MAX_DIVIDER_ROWS = 20_000
#: Rows read with a view on either side of the cursor, so the first screen
#: needs no further query.
FIRST_ROWS = 150
#: Rows of a view of several pages shown first at start-up, while the whole
#: list (a million ids: half a second) is read.
FIRST_SCREEN_ROWS = 300
#: Rows read at a time for a page's dividers (only their time and first_seen are kept).
ROWS_BATCH = 2_000

def read_view(lib: Library, key: ViewKey, page_context: int | None,
              topics_context: int | None, select: int | None = None,
              with_sidebar: bool = False, anchor: bool = False,
              clock: str = "page", watch: tuple[str, ...] = ()) -> ViewLoaded:
    """Row ids (and, for one page, dividers) for `key`; the pages
    (`with_sidebar`: counts or pages changed) and the topics when the page
    they concern is not `topics_context`."""
    flt = key.filter(page_context, watch)
    rowids = lib.entry_rowids(flt)
    single_page = flt.page_id is not None
    # The list's row cache gets the rows around the cursor only (a whole
    # big page would push the rows on screen out of it).
    at = rowids.index(select) if select is not None and select in rowids else 0
    near = slice(max(0, at - FIRST_ROWS), at + FIRST_ROWS)
    if single_page and len(rowids) <= MAX_DIVIDER_ROWS:
        marks: dict[int, Marks] = {}
        rows = []
        for start in range(0, len(rowids), ROWS_BATCH):
            batch = lib.entry_rows(rowids[start:start + ROWS_BATCH])
            marks.update((row.rowid, (row.time, row.first_seen)) for row in batch)
            rows += batch[max(0, near.start - start):max(0, near.stop - start)]
        seen = lib.seen_up_to(key.page_id) if key.page_id is not None else None
        items = build_items(rowids, marks, seen, clock)
    else:
        rows = lib.entry_rows(rowids[near])
        items = cast("list[int | Divider]", rowids)  # no copy of 100k ids
        if flt.live:
            items = river_items(lib, flt, rowids)
    pages = lib.pages() if with_sidebar else None
    new_context = with_sidebar or flt.page_id != topics_context
    topics = lib.topics(flt.page_id) if new_context else None
    watched_count = lib.count_entries(EntryFilter(watch=watch)) \
        if watch and pages is not None else None
    if pages is None:
        live_count = 0
    elif flt == EntryFilter(live=True):  # the river itself: counted already
        live_count = len(rowids)
    else:
        live_count = lib.count_entries(EntryFilter(live=True))
    sidebar = SidebarData(pages, topics, flt.page_id, watched_count, live_count) \
        if pages is not None or topics is not None else None
    if not watch:
        watched: frozenset[int] = frozenset()
    elif flt.watch:  # the Watched view: every entry listed holds a word
        watched = frozenset(rowids)
    else:
        watched = frozenset(lib.entry_rowids(replace(flt, watch=watch)))
    return ViewLoaded(key, items, rows, single_page, select, sidebar, anchor, watched)


def first_rows(lib: Library, key: ViewKey, page_context: int | None, select: int | None,
               pages: list[PageSummary], watch: tuple[str, ...] = (),
               count: int = FIRST_SCREEN_ROWS) -> ViewLoaded | None:
    """The first `count` rows of a big view of several pages, with the
    sidebar's `pages` (read at start-up already), to show while the whole
    list is read (the river of a million entries: 0.5 s). Its counts are not
    known yet (UNCOUNTED). None for one page, for a view of fewer rows, and
    when the entry to select is not among them: the whole list is waited for."""
    flt = key.filter(page_context, watch)
    if flt.page_id is not None:
        return None
    rowids = lib.entry_rowids(flt, count)
    if len(rowids) < count or select is not None and select not in rowids:
        return None  # the whole view is small, or the entry is further down
    rows = lib.entry_rows(rowids[:2 * FIRST_ROWS])
    sidebar = SidebarData(pages, lib.topics(None), None, UNCOUNTED if watch else None,
                          UNCOUNTED)
    watched = frozenset(lib.with_words(rowids, watch)) if watch else frozenset()
    return ViewLoaded(key, cast("list[Item]", rowids), rows, False, select, sidebar,
                      watched=watched, partial=True)


def river_items(lib: Library, flt: EntryFilter, rowids: list[int]) -> list[Item]:
    """The river's rows with its "new since your last visit" line, as a
    page has (tui.app.widgets.entry_list.build_items), once the river has
    been seen. Only the rows down to the last new one are walked: a
    million-entry river is not copied row by row."""
    seen = lib.view_seen_up_to("live")
    if seen is None:
        return cast("list[Item]", rowids)
    new = lib.entries_new_since(flt, seen, MAX_DIVIDER_ROWS)
    if not new or len(new) >= MAX_DIVIDER_ROWS:
        return cast("list[Item]", rowids)
    # The walk stops at the last new row; a new entry stored between the two
    # reads (following) is not in `rowids`: no further than MAX_DIVIDER_ROWS.
    left, end, last = len(new), 0, 0
    for end, rowid in enumerate(rowids[:MAX_DIVIDER_ROWS]):
        if rowid in new:
            left, last = left - 1, end
            if not left:
                break
    end = last + 2  # one row past the last new one: its "seen before" line
    # No times in these marks: the river's time column shows the days.
    after = seen + timedelta(seconds=1)
    marks: dict[int, Marks] = {rowid: (None, after if rowid in new else seen)
                               for rowid in rowids[:end]}
    return build_items(rowids[:end], marks, seen) + cast("list[Item]", rowids[end:])


def view_title(key: ViewKey, search_query: str | None, page: PageSummary | None) -> str:
    """The entry list's title: the search, the view, the page (and topic)."""
    if search_query is not None:
        return _("Search: {query}").format(query=one_line(search_query))
    if key.kind in SPECIAL_VIEWS:
        return _(SPECIAL_VIEWS[key.kind])
    title = one_line(page.title) if page else _("Entries")
    if key.kind == "topic":
        return f"#{one_line(key.topic)}" + (f" · {title}" if page else "")
    return title


def list_subtitle(count: int, key: ViewKey, search_query: str | None,
                  page: PageSummary | None, follow_status: str, partial: bool = False) -> str:
    """Under the list: "20 entries" ("150+ entries" while a big view is
    read), what a cut page left out, and the following state ("following ·
    updated 12:04 · next at 12:05:30")."""
    if partial:
        subtitle = _("{n}+ entries").format(n=number(count))
    else:
        subtitle = (ngettext("{n} result", "{n} results", count) if search_query is not None
                    else ngettext("{n} entry", "{n} entries", count)).format(n=number(count))
    if search_query is None and page is not None and page.cut \
            and key == ViewKey.page(page.id):
        subtitle += " · " + ngettext("{n} older left out (limit)", "{n} older left out (limit)",
                                     page.cut).format(n=number(page.cut))
    if follow_status:
        subtitle += f" · {one_line(follow_status)}"
    return subtitle

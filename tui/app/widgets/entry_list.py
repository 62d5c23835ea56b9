"""The entry list: one line per entry, drawn with the line API.

No widget per entry: the list holds the row ids of what it shows (plus a few
divider rows) and asks its row source for the light `EntryRow`s of the lines
on screen, caching them by row id. Moving the cursor repaints only the line it
leaves and the line it enters.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import cast

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.safe_text import one_line
from tui.app.strips import compact
from tui.i18n import _, day_and_month, day_label
from tui.library import EntryRow
from tui.moments import on_clock

RowSource = Callable[[Sequence[int]], list[EntryRow]]

TIME_WIDTH = 6  # "19:05 ", "  #12 ", "11 Feb"
#: Lines fetched around the visible window, so small scrolls need no query.
FETCH_MARGIN = 60
#: How far up the list looks for a timed entry to tell whether the day changed.
DAY_LOOKBACK = 50


@dataclass(frozen=True)
class Divider:
    """A virtual row: "new since your last visit", or a day."""

    label: str
    kind: str = "day"  # "day" | "new"


Item = int | Divider


#: What dividers need of an entry: its time and when it was first stored.
Marks = tuple[datetime | None, datetime]


def build_items(
    rowids: Sequence[int],
    marks: dict[int, Marks],
    seen_up_to: datetime | None,
    clock: str = "page",
) -> list[Item]:
    """Row ids of one page with its dividers: day separators when the entries
    span more than one day (days on `clock`, tui.moments.on_clock), and a
    line above the entries that are new since the last visit (only once
    there has been a visit). `marks` holds (time, first_seen) by row id."""
    days = {on_clock(when, clock).date() for when, _ in marks.values() if when is not None}
    span_days = len(days) > 1
    items: list[Item] = []
    last_day: date | None = None
    new_block: bool | None = None
    for rowid in rowids:
        mark = marks.get(rowid)
        if mark is not None and seen_up_to is not None:
            is_new = mark[1] > seen_up_to
            if is_new != new_block:
                if is_new:
                    items.append(Divider(_("new since your last visit"), "new"))
                elif new_block:
                    items.append(Divider(_("seen before"), "new"))
                new_block = is_new
        if span_days and mark is not None and mark[0] is not None:
            day = on_clock(mark[0], clock).date()
            if day != last_day:
                items.append(Divider(day_label(day)))
                last_day = day
        items.append(rowid)
    return items


class EntryList(ScrollView, can_focus=True, inherit_bindings=False):
    """The entries of the current view; the cursor picks the one shown."""

    BINDINGS = [
        Binding("j,down", "cursor_down", _("Down"), id="list.down", show=False),
        Binding("k,up", "cursor_up", _("Up"), id="list.up", show=False),
        Binding("g,home", "first", _("First"), id="list.first", show=False),
        Binding("G,end", "last", _("Last"), id="list.last", show=False),
        Binding("pagedown,ctrl+f", "page_down", _("Page down"), id="list.page_down", show=False),
        Binding("pageup,ctrl+b", "page_up", _("Page up"), id="list.page_up", show=False),
        Binding("enter,l,right", "open", _("Read"), id="list.open"),
    ]

    COMPONENT_CLASSES = {
        "entry-list--cursor",
        "entry-list--cursor-blurred",
        "entry-list--time",
        "entry-list--day",
        "entry-list--unread",
        "entry-list--read",
        "entry-list--mark",
        "entry-list--star",
        "entry-list--removed",
        "entry-list--fresh",
        "entry-list--edited",
        "entry-list--watched",
        "entry-list--divider",
        "entry-list--new-divider",
        "entry-list--empty",
    }

    cursor: reactive[int] = reactive(0, repaint=False, init=False)

    @dataclass
    class Opened(Message):
        """Enter on an entry: read it."""

        entry_list: EntryList
        rowid: int

        @property
        def control(self) -> EntryList:
            return self.entry_list

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.row_source: RowSource | None = None
        self.items: Sequence[Item] = []
        self.single_page = False
        self.empty_text = _("Loading…")
        self._rows: LRUCache[int, EntryRow] = LRUCache(maxsize=5000)
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(maxsize=1000)
        self._today = date.today()
        #: Called with the row id under the cursor when it changes, in the same
        #: turn as the list repaints (so list and detail reach the terminal in
        #: one frame). Set by the app.
        self.on_cursor: Callable[[int | None], None] | None = None
        #: Entries that arrived while the app ran (following): marked until read.
        self.fresh: set[int] = set()
        self._fresh_at: list[int] = []  # where the fresh entries are in `items`
        #: The live river: a short page label (publisher) by page id, shown after
        #: the time; empty elsewhere. Set by the app.
        self.page_labels: dict[int, str] = {}
        #: Entries with a watched word (config.toml [watch]): marked ◆. Set by the app.
        self.watched: frozenset[int] = frozenset()
        #: Times as the page prints them ("page") or on this machine's clock
        #: ("local"): config.toml's `clock`. Set by the app.
        self.clock = "page"
        self._styles: dict[str, Style] = {}  # component styles, until the CSS changes
        self._base: Style | None = None

    # --- content -------------------------------------------------------

    def set_items(
        self,
        items: Sequence[Item],
        *,
        rows: Sequence[EntryRow] = (),
        single_page: bool = False,
        select: int | None = None,
        empty_text: str | None = None,
        anchor: bool = False,
    ) -> None:
        """Show new content; put the cursor on row id `select` if it is there.
        `anchor` (new entries arriving): that entry stays on the same screen
        line, and on_cursor is not called when it is the same entry."""
        before = (self.current_rowid, self.cursor - self.scroll_offset.y)
        if anchor:
            self._rows.clear()  # flags and positions may have changed
        for row in rows:
            self._put(row)
        self.items = items
        self._fresh_at = [i for i, item in enumerate(items)
                          if isinstance(item, int) and item in self.fresh] if self.fresh else []
        self.single_page = single_page
        self.empty_text = empty_text if empty_text is not None else _("No entries here.")
        self._today = date.today()
        self._strips.clear()
        index = self.index_of(select) if select is not None else None
        if index is None:
            index = self._step(-1, +1)
        self.virtual_size = Size(self.size.width, len(items))
        self.set_reactive(EntryList.cursor, index if index is not None else 0)
        if anchor and index is not None:
            self.scroll_to(y=max(0, self.cursor - before[1]), animate=False, immediate=True)
        else:
            self.scroll_to(y=max(0, self.cursor - self.scrollable_content_region.height // 3),
                           animate=False, immediate=True)
        self.refresh()
        if not anchor or self.current_rowid != before[0]:
            self._announce()

    def index_of(self, rowid: int) -> int | None:
        """Where the entry `rowid` is in the list, None when it is not."""
        try:
            return self.items.index(rowid)
        except ValueError:
            return None

    @property
    def current_rowid(self) -> int | None:
        if 0 <= self.cursor < len(self.items):
            item = self.items[self.cursor]
            if isinstance(item, int):
                return item
        return None

    def fresh_above(self) -> int:
        """How many fresh entries (arrived while the app ran, unread) sit
        above the rows on screen. On every move: it looks only at the fresh
        entries' places, found once when the items were set."""
        top = int(self.scroll_offset.y)
        count = 0
        for index in self._fresh_at[:bisect_left(self._fresh_at, top)]:
            row = self._rows.get(cast(int, self.items[index]))
            count += row is None or not row.read
        return count

    @property
    def entry_count(self) -> int:
        return sum(1 for item in self.items if isinstance(item, int)) if self.single_page \
            else len(self.items)

    def row(self, rowid: int) -> EntryRow | None:
        """The row for an id, from the cache or else the row source."""
        row = self._rows.get(rowid)
        if row is None:
            self._fetch([rowid])
            row = self._rows.get(rowid)
        return row

    def rows_from(self, start: int, direction: int, batch: int = 500):
        """Yield (index, row) walking from `start` (excluded) in `direction`,
        fetching rows in batches."""
        index = start + direction
        while 0 <= index < len(self.items):
            stop = index + direction * batch
            span = range(index, max(-1, min(len(self.items), stop)), direction)
            self._fetch([item for i in span if isinstance(item := self.items[i], int)])
            for i in span:
                item = self.items[i]
                if isinstance(item, int) and (row := self._rows.get(item)) is not None:
                    yield i, row
            index = stop

    def update_row(self, rowid: int, **changes: object) -> None:
        """Change a cached row (read, starred) and repaint its line."""
        row = self.row(rowid)
        if row is None:
            return
        self._put(replace(row, **changes))  # type: ignore[arg-type]
        index = self.cursor if self.current_rowid == rowid else self.index_of(rowid)
        if index is not None:
            self.refresh_line(index)

    def _fetch(self, rowids: Sequence[int]) -> None:
        missing = [rowid for rowid in rowids if rowid not in self._rows]
        if not missing or self.row_source is None:
            return
        for row in self.row_source(missing):
            self._put(row)

    def _put(self, row: EntryRow) -> None:
        # LRUCache.set keeps an existing value: drop it first.
        self._rows.discard(row.rowid)
        self._rows[row.rowid] = row

    # --- cursor ----------------------------------------------------------

    def _step(self, start: int, delta: int) -> int | None:
        """The first entry (not divider) index from start+delta onwards."""
        index = start + delta
        step = 1 if delta > 0 else -1
        while 0 <= index < len(self.items):
            if isinstance(self.items[index], int):
                return index
            index += step
        return None

    def move_to(self, index: int) -> None:
        index = max(0, min(index, len(self.items) - 1))
        if index >= 0:
            self.cursor = index

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, max(0, len(self.items) - 1)))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_cursor_visible()
        self._announce()

    def _announce(self) -> None:
        if self.on_cursor is not None:
            self.on_cursor(self.current_rowid)

    def scroll_cursor_visible(self) -> None:
        """Scroll when the cursor leaves the window, by half a window at a
        time (vim's 'scrolljump'): a scroll repaints every line of the list,
        so a cursor walking down a long list repaints it once per half page
        rather than once per line."""
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        want = self.cursor
        # Keep a divider just above the cursor in view too.
        if want > 0 and isinstance(self.items[want - 1], Divider):
            want -= 1
        jump = max(1, height // 2)
        if want < top:
            self.scroll_to(y=max(0, min(want, top - jump)), animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=max(self.cursor - height + 1, top + jump), animate=False,
                           immediate=True)

    def action_cursor_down(self) -> None:
        index = self._step(self.cursor, +1)
        if index is not None:
            self.cursor = index

    def action_cursor_up(self) -> None:
        index = self._step(self.cursor, -1)
        if index is not None:
            self.cursor = index

    def action_first(self) -> None:
        index = self._step(-1, +1)
        if index is not None:
            self.cursor = index

    def action_last(self) -> None:
        index = self._step(len(self.items), -1)
        if index is not None:
            self.cursor = index

    def action_page_down(self) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        target = min(len(self.items) - 1, self.cursor + height)
        index = self._step(target - 1, +1) or self._step(target + 1, -1)
        if index is not None:
            self.cursor = index

    def action_page_up(self) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        target = max(0, self.cursor - height)
        index = self._step(target + 1, -1) or self._step(target - 1, +1)
        if index is not None:
            self.cursor = index

    def action_open(self) -> None:
        rowid = self.current_rowid
        if rowid is not None:
            self.post_message(self.Opened(self, rowid))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self.items) and isinstance(self.items[index], int):
            if index == self.cursor:
                self.action_open()
            self.cursor = index

    # --- drawing ---------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.items))
        self._strips.clear()

    def on_focus(self) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._styles.clear()
        self._base = None

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    @property
    def _base_style(self) -> Style:
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def render_lines(self, crop):  # type: ignore[no-untyped-def]
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        lo, hi = max(0, top - FETCH_MARGIN), min(len(self.items), top + height + FETCH_MARGIN)
        visible = self.items[top:top + height]
        if any(isinstance(item, int) and item not in self._rows for item in visible):
            self._fetch([item for item in self.items[lo:hi] if isinstance(item, int)])
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self._base_style
        if not self.items:
            if y == 1:
                text = Text("  " + self.empty_text, style=self._style("entry-list--empty"),
                            no_wrap=True, overflow="ellipsis")
                return Strip(compact(text.render(self.app.console), base),
                             text.cell_len).crop_extend(0, width, base)
            return Strip.blank(width, base)
        if index >= len(self.items):
            return Strip.blank(width, base)
        item = self.items[index]
        is_cursor = index == self.cursor
        focused = self.has_focus
        row = self._rows.get(item) if isinstance(item, int) else None
        new_day = row is not None and self._day_changes(index, row)
        key = (item, row, is_cursor and (focused or 2), width, item in self.fresh, new_day)
        strip = self._strips.get(key)
        if strip is None:
            if isinstance(item, Divider):
                strip = self._divider_strip(item, width)
            else:
                strip = self._row_strip(row, is_cursor, focused, width, new_day)
            if row is not None or isinstance(item, Divider):
                self._strips[key] = strip
        return strip

    def _divider_strip(self, divider: Divider, width: int) -> Strip:
        style = self._style(
            "entry-list--new-divider" if divider.kind == "new" else "entry-list--divider")
        label = f" {one_line(divider.label)} "
        left = 3
        right = max(0, width - left - len(label))
        text = Text("─" * left + label + "─" * right, style=style, no_wrap=True,
                    overflow="ellipsis")
        text.truncate(width)
        return Strip(compact(text.render(self.app.console), self._base_style),
                     width).crop_extend(0, width, self._base_style)

    def _row_strip(self, row: EntryRow | None, is_cursor: bool, focused: bool,
                   width: int, new_day: bool = False) -> Strip:
        get = self._style
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append("›" if is_cursor else " ", get("entry-list--mark"))
        if row is None:
            text.append("…")
        else:
            text.append(self._time_label(row, new_day).rjust(TIME_WIDTH - 1) + " ",
                        get("entry-list--day" if new_day else "entry-list--time"))
            fresh = row.rowid in self.fresh and not row.read
            text.append("✚" if fresh else "●" if not row.read else " ",
                        get("entry-list--fresh" if fresh else "entry-list--mark"))
            text.append("★" if row.starred else " ", get("entry-list--star"))
            text.append(" ")
            label = self.page_labels.get(row.page_id)
            if label:
                # One wire item on several blogs: every blog's label (that
                # row's headline starts further right, which shows it too).
                label = "+".join([label, *(self.page_labels[p] for p in row.also
                                           if p in self.page_labels)])
                text.append(f"{label:<12} ", get("entry-list--time"))
            if row.rowid in self.watched:
                text.append("◆ ", get("entry-list--watched"))
            headline = one_line(row.headline) or _("(no headline)")
            style = get("entry-list--read" if row.read else "entry-list--unread")
            if row.removed:
                style += get("entry-list--removed")
            if fresh:
                style += get("entry-list--fresh")
            text.append(headline, style)
            if row.edited:
                text.append(" ✎", get("entry-list--edited"))
        text.truncate(width, overflow="ellipsis", pad=True)
        if is_cursor:
            text.stylize(get("entry-list--cursor" if focused else "entry-list--cursor-blurred"))
        return Strip(compact(text.render(self.app.console), self._base_style), width)

    def _time_label(self, row: EntryRow, new_day: bool = False) -> str:
        """The time column: the entry's time; in a list of several pages, the
        day instead on the first entry of each day (and on the first entry,
        when it is not today's), as a calendar shows it."""
        if row.time is None:  # a match minute, else a place on its page
            if row.minute:
                return row.minute[:TIME_WIDTH - 1]
            return f"#{row.position + 1}" if self.single_page else ""
        when = on_clock(row.time, self.clock)
        if new_day:
            return day_and_month(when)
        return f"{when:%H:%M}"

    def _day_changes(self, index: int, row: EntryRow) -> bool:
        """Whether the entry at `index` of a several-pages list is on another
        day than the timed entry above it (today's, for the first). Single
        pages have day dividers instead."""
        if self.single_page or row.time is None:
            return False
        day = on_clock(row.time, self.clock).date()
        for above in range(index - 1, max(-1, index - DAY_LOOKBACK), -1):
            item = self.items[above]
            if not isinstance(item, int):
                continue
            other = self.row(item)
            if other is not None and other.time is not None:
                return on_clock(other.time, self.clock).date() != day
        return day != self._today if index < DAY_LOOKBACK else False


__all__ = ["Divider", "EntryList", "Item", "Marks", "build_items"]

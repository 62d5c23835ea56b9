"""How the reader's three panes share the terminal: the sidebar folds away
below SIDEBAR_MIN_WIDTH (`\\` or f2 bring it back until the width crosses the
threshold again), list and detail sit side by side from SIDE_BY_SIDE_WIDTH
and stacked below it, and a stacked short list (an article: one row) takes
only its rows so the detail gets the room. The sizes are app.tcss's."""

from __future__ import annotations

from typing import Protocol

from textual.css.scalar import Unit
from textual.geometry import Size

from tui.app.widgets.entry_list import EntryList
from tui.app.widgets.entry_view import EntryView
from tui.app.widgets.topic_sidebar import TopicSidebar
from tui.config import Config

#: Below this width the sidebar folds away (it comes back on `\\` or f2).
SIDEBAR_MIN_WIDTH = 100
#: From this width list and detail sit side by side; below, the detail is under the list.
SIDE_BY_SIDE_WIDTH = 140


class LayoutHost(Protocol):
    @property
    def entry_list(self) -> EntryList: ...
    @property
    def entry_view(self) -> EntryView: ...
    @property
    def sidebar(self) -> TopicSidebar: ...
    @property
    def config(self) -> Config: ...
    @property
    def screen_size(self) -> Size: ...
    def set_class(self, add: bool, *class_names: str, update: bool = True) -> object: ...
    def has_class(self, *class_names: str) -> bool: ...


class PaneLayout:
    def __init__(self, host: LayoutHost) -> None:
        self.host = host
        self.sidebar_override: bool | None = None  # None: by width
        self._wide: bool | None = None

    def apply(self, width: int) -> None:
        host = self.host
        wide = width >= SIDEBAR_MIN_WIDTH and host.config.sidebar
        if wide != self._wide:  # crossing the threshold undoes a manual toggle
            self._wide = wide
            self.sidebar_override = None
        show = self.sidebar_override if self.sidebar_override is not None else wide
        host.set_class(not show, "-no-sidebar")
        host.set_class(width < SIDE_BY_SIDE_WIDTH, "-stacked")
        host.set_class(width >= SIDE_BY_SIDE_WIDTH, "-side-by-side")
        if not show and host.sidebar.has_focus:
            host.entry_list.focus()
        self.fit_list()

    def toggle_sidebar(self, width: int) -> None:
        self.sidebar_override = self.host.has_class("-no-sidebar")
        self.apply(width)
        if self.sidebar_override:
            self.host.sidebar.focus()

    def fit_list(self) -> None:
        """Stacked (list above detail): a list of few entries (an article:
        one) is only as tall as its rows, at least 3, so the detail gets the
        room; a longer one keeps its share of the height (app.tcss)."""
        entry_list = self.host.entry_list
        rows = max(3, len(entry_list.items)) + entry_list.styles.gutter.height
        fit = self.host.has_class("-stacked") and rows < self._list_share()
        entry_list.styles.height = rows if fit else None

    def _list_share(self) -> int:
        """The lines the list gets from app.tcss's split of the height
        (stacked: #entries 2fr over #detail 3fr), read from the styles (the
        class just set is applied at once); 0 when it is no split of `fr`s."""
        top = self.host.entry_list.styles.base.height
        bottom = self.host.entry_view.styles.base.height
        if top is None or bottom is None or top.unit != Unit.FRACTION \
                or bottom.unit != Unit.FRACTION or top.value + bottom.value <= 0:
            return 0
        lines = self.host.screen_size.height - 1  # the footer's line
        return int(lines * top.value // (top.value + bottom.value))

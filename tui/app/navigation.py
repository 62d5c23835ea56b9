"""Moving in the entry list beyond j and k: to the next unread entry (n, N,
u), to a time (@, tui.app.time_travel), an hour back or on ({, }); asking
for a search (/), a topic (t) and a word to watch (w). A controller the
reader screen owns; it moves the list's cursor and says, in a notice, when
there is nowhere to go."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal, Protocol

from textual.app import App

from tui.app.safe_text import one_line, set_border_text
from tui.app.screens.prompt import PromptScreen
from tui.app.screens.search import SearchScreen
from tui.app.screens.topic_picker import TopicPicker
from tui.app.time_travel import entry_a_step_away, entry_at, spans_days
from tui.app.view_key import ViewKey
from tui.app.widgets.entry_list import EntryList
from tui.app.widgets.topic_sidebar import TopicSidebar
from tui.config import Config
from tui.i18n import _
from tui.library import EntryFilter, Library
from tui.textnorm import fold

Notify = Callable[..., None]


class NavigationHost(Protocol):
    reader: Library | None

    @property
    def entry_list(self) -> EntryList: ...
    def view_filter(self) -> EntryFilter | None: ...
    def notify(self, message: str, *, title: str = "",
               severity: Literal["information", "warning", "error"] = "information",
               timeout: float | None = None, markup: bool = False) -> None: ...
    def action_focus_list(self) -> None: ...


class Navigation:
    def __init__(self, host: NavigationHost) -> None:
        self.host = host

    def unread(self, direction: int) -> None:
        """n, N: the next (previous) unread entry."""
        self._unread_from(self.host.entry_list.cursor, direction,
                          _("No more unread entries below.") if direction > 0
                          else _("No more unread entries above."))

    def first_unread(self) -> None:
        """u: the first unread entry of the list (on a live blog, the newest
        one not read)."""
        self._unread_from(-1, +1, _("Nothing unread here."), focus=True)

    def _unread_from(self, start: int, direction: int, none_left: str,
                     focus: bool = False) -> None:
        entry_list = self.host.entry_list
        for index, row in entry_list.rows_from(start, direction):
            if not row.read:
                entry_list.move_to(index)
                if focus:
                    entry_list.focus()
                return
        self.host.notify(none_left)

    def ask_topic(self, app: App[None], sidebar: TopicSidebar,
                  load_view: Callable[[ViewKey], object]) -> None:
        """t: pick a topic of the sidebar by typing part of its name."""
        def chosen(topic: str | None) -> None:
            if topic:
                key = ViewKey("topic", topic=topic)
                sidebar.select_key(str(key))
                load_view(key)

        app.push_screen(TopicPicker(sidebar.topics, sidebar.topic_scope), chosen)

    def ask_search(self, app: App[None], last: str | None,
                   run_search: Callable[[str], object]) -> None:
        """/: ask for words to search every entry for."""
        def submitted(query: str | None) -> None:
            if query:
                set_border_text(self.host.entry_list, "border_title",
                                _("Searching: {query}…").format(query=one_line(query)))
                run_search(query)

        app.push_screen(SearchScreen(last or ""), submitted)

    def ask_time(self, app: App[None]) -> None:
        """@: go to the entry nearest a typed time."""
        flt, reader = self.host.view_filter(), self.host.reader
        if flt is None or reader is None:
            self.host.notify(_("Time travel works in a page or a view, not in search results."))
            return

        def typed(text: str | None) -> None:
            if text:
                self.go_to(*entry_at(reader, flt, text))

        app.push_screen(PromptScreen(_("Go to a time"), "", _("14:00, 18h, yesterday 6pm, -2h"),
                                     _("enter to go · escape to cancel")), typed)

    def hour(self, step: int) -> None:
        """{ and }: an hour back or on from the entry under the cursor; a
        day on a page whose entries span days."""
        entry_list = self.host.entry_list
        rowid = entry_list.current_rowid
        row = entry_list.row(rowid) if rowid is not None else None
        flt, reader = self.host.view_filter(), self.host.reader
        if row is None or row.time is None or reader is None or flt is None:
            self.host.notify(_("This entry has no time to go from."))
            return
        clock = entry_list.clock
        by_day = flt.page_id is not None and spans_days(reader, flt, clock, row.time)
        found = entry_a_step_away(reader, flt, row.time, step, by_day, clock)
        if by_day:
            problem = _("No entry before this day.") if step < 0 else _("No entry after this day.")
        else:
            problem = _("No entry before this one.") if step < 0 else _("No entry after this one.")
        self.go_to(found, None if found is not None else problem)

    def go_to(self, rowid: int | None, problem: str | None) -> None:
        index = self.host.entry_list.index_of(rowid) if rowid is not None else None
        if index is None:
            self.host.notify(problem or _("That entry is not in this list."), severity="warning")
            return
        self.host.entry_list.move_to(index)
        self.host.action_focus_list()


def name_in(headline: str, watched: Sequence[str] = ()) -> str:
    """The word of a headline `w` offers to watch: its first name (a
    capitalised word past the first, which any sentence capitalises) not
    watched yet, with the names joined to it ("Maison-Blanche", "New
    York"); "" when there is none."""
    known = {fold(w) for w in watched}
    run: list[str] = []
    end = 0
    for n, match in enumerate(re.finditer(r"\w[\w'’-]*", headline)):
        word, gap = match.group().rstrip("'’-"), headline[end:match.start()]
        end = match.end()
        if run and gap.strip():  # "Gaza : Macron" is two names
            name = " ".join(run)
            if fold(name) not in known:
                return name
            run = []
        if n and (word[:1].isupper() and not word.isupper() or len(word) > 1 and word.isupper()):
            run.append(word)
            continue
        name = " ".join(run)
        if name and fold(name) not in known:
            return name
        run = []
    name = " ".join(run)
    if name and fold(name) not in known:
        return name
    return ""


def ask_watch_word(app: App[None], config: Config, notify: Notify,
                   added: Callable[[], object], offered: str = "") -> None:
    """w: watch a word (kept in config.toml's [watch] words); `offered`
    (a name in the entry under the cursor) is filled in, selected: enter
    takes it, typing replaces it."""
    def typed(word: str | None) -> None:
        if not word or word.casefold() in {w.casefold() for w in config.watch}:
            return
        config.watch.append(word)
        try:
            config.save()
        except OSError as exc:
            notify(_("Could not save config.toml: {error}").format(error=exc), severity="warning")
        notify(_("Watching “{word}”: {words}").format(word=word, words=", ".join(config.watch)),
               title=_("Watch words"))
        added()

    app.push_screen(PromptScreen(_("Watch a word: entries with it are marked ◆"), offered,
                                 _("a name, a place, a word"),
                                 _("enter to watch · escape to cancel")),
                    typed)

"""The sidebar: All / Unread / Starred, the pages, the topics.

Each option's id is a filter key the app understands: "all", "unread",
"starred", "page:<id>", "topic:<name>". Moving the highlight chooses.
The counts, the headings, a page with unread entries look as app.tcss's
`topic-sidebar--*` component classes say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.app.safe_text import one_line
from tui.i18n import _, number
from tui.library import PageSummary

LIVE_MARK = "◉ "
#: From this many cells a page's name is "publisher · title", cut in the middle.
WIDE_LABEL = 24
ARTICLE_MARK = "· "


# What a title says that the ◉ mark already does ("LIVE BLOG | ", "Live: ", "EN DIRECT - ").
_LIVE_PREFIX = re.compile(
    r"^\s*(?:live\s*-?\s*blog|live\s*ticker|liveticker|live|en direct|direct|diretta|ticker)"
    r"\s*[|:\u2013\u2014-]\s*", re.IGNORECASE)


def page_label(title: str, source: str | None) -> str:
    """A page as the sidebar names it: publisher, then the title without a
    "LIVE BLOG |" prefix, so pages of one publisher on one story differ where
    they differ."""
    title = _LIVE_PREFIX.sub("", title, count=1) or title
    if source and source.casefold() not in title.casefold():
        return f"{source} · {title}"
    return title


def middle_cut(text: str, room: int) -> str:
    """`text` in at most `room` cells, cut in the middle at word boundaries
    ("i24NEWS · Après leur … avec Téhéran"): the start says whose, the end
    what differs. Plain end-cutting when no whole words fit."""
    if cell_len(text) <= room or room < 8:
        return text
    words = text.split(" ")
    budget = room - 2  # " …" or "… " and a space
    head: list[str] = []
    used = 0
    for word in words:
        if used + cell_len(word) + 1 > budget * 2 // 3:
            break
        head.append(word)
        used += cell_len(word) + 1
    tail: list[str] = []
    for word in reversed(words[len(head):]):
        if used + cell_len(word) + 1 > budget:
            break
        tail.insert(0, word)
        used += cell_len(word) + 1
    if not head or not tail:
        return text[:room - 1] + "…"
    return " ".join(head) + " … " + " ".join(tail)


def fit(label: str, count: str, width: int, style: Style | str = "",
        count_style: Style | str = "") -> Text:
    """`label` cut to leave `count` right-aligned on one line of `width` cells."""
    room = max(1, width - cell_len(count) - 1)
    text = Text(label, style=style, no_wrap=True, overflow="ellipsis", end="")
    if cell_len(label) > room:
        text.truncate(room - 1, overflow="crop")
        text.append("…", style)
    text.pad_right(max(0, width - text.cell_len - cell_len(count)))
    text.append(count, count_style)
    return text



def count_text(count: int) -> str:
    """A sidebar count; "…" while it is being counted (negative)."""
    return "…" if count < 0 else number(count)

class TopicSidebar(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", _("Down"), id="sidebar.down", show=False),
        Binding("k", "cursor_up", _("Up"), id="sidebar.up", show=False),
        Binding("g", "first", _("First"), id="sidebar.first", show=False),
        Binding("G", "last", _("Last"), id="sidebar.last", show=False),
        Binding("l,right", "focus_list", _("Entries"), id="sidebar.entries", show=False),
    ]

    COMPONENT_CLASSES = {
        "topic-sidebar--count",  # entries, unread entries
        "topic-sidebar--unread",  # a page with unread entries
        "topic-sidebar--heading",  # PAGES, TOPICS
        "topic-sidebar--none",  # "(none)" under TOPICS
    }

    @dataclass
    class Chosen(Message):
        sidebar: TopicSidebar
        key: str

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, TopicSidebar.Chosen)

        @property
        def control(self) -> TopicSidebar:
            return self.sidebar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pages: Sequence[PageSummary] = ()
        self._topics: Sequence[tuple[str, int]] = ()
        self._topic_scope = ""
        self._built_width = 0
        self._built_looks: tuple[Style, ...] = ()
        #: Entries with a watched word (config.toml [watch]); None: no words,
        #: no "Watched" line. Set by the app.
        self.watched: int | None = None
        #: Entries in the live river (the live blogs followed); 0: no "Live" line.
        self.live = 0

    @property
    def line_width(self) -> int:
        """Cells for a prompt: inside the border, less the option padding and
        the scrollbar's column, kept free whether or not the scrollbar shows
        (a prompt one cell too wide would wrap its count onto a second line)."""
        width = self.scrollable_content_region.width
        if not width:
            return 24
        if not self.show_vertical_scrollbar:
            width -= self.styles.scrollbar_size_vertical
        return max(12, width - 2)

    def _look(self, part: str) -> Style:
        return self.get_component_rich_style(f"topic-sidebar--{part}", partial=True)

    def _looks(self) -> tuple[Style, ...]:
        return tuple(self._look(part) for part in ("count", "unread", "heading", "none"))

    def _page_prompt(self, page: PageSummary, width: int) -> Text:
        mark = LIVE_MARK if page.kind == "liveblog" else ARTICLE_MARK
        title = one_line(page.title) or one_line(page.url) or _("page {id}").format(id=page.id)
        count = number(page.unread) if page.unread else ""
        room = max(1, width - cell_len(count) - 1 - cell_len(mark))
        # A wide sidebar names publisher and title, cut in the middle; a
        # narrow one keeps the title's start (fit cuts it at the end).
        label = middle_cut(page_label(title, one_line(page.source) or None), room) \
            if room >= WIDE_LABEL else title
        return fit(mark + label, count, width, self._look("unread") if page.unread else "",
                   self._look("count"))

    def _totals(self, pages: Sequence[PageSummary], width: int) -> dict[str, Text]:
        count = self._look("count")
        return {
            **({} if not self.live else {
                "live": fit(LIVE_MARK + _("Live"), count_text(self.live), width,
                            count_style=count)}),
            "all": fit(_("All"), number(sum(p.entries for p in pages)), width,
                       count_style=count),
            "unread": fit(_("Unread"), number(sum(p.unread for p in pages)), width,
                          count_style=count),
            "starred": fit(_("Starred"), number(sum(p.starred for p in pages)), width,
                           count_style=count),
            **({} if self.watched is None else {
                "watched": fit(_("Watched"), count_text(self.watched), width,
                               count_style=count)}),
        }

    def update_counts(self, pages: Sequence[PageSummary]) -> None:
        """New unread/starred counts, same options: only the lines whose text
        changed are repainted."""
        old = {f"page:{page.id}": page for page in self._pages}
        self._pages = pages
        width = self._built_width
        for key, prompt in self._totals(pages, width).items():
            if key != "all" and key in self._option_ids():
                self._set_prompt(key, prompt)
        for page in pages:
            key = f"page:{page.id}"
            if old.get(key) != page:
                self._set_prompt(key, self._page_prompt(page, width))

    def _option_ids(self) -> set[str]:
        return {option.id for option in self.options if option.id}

    def _set_prompt(self, key: str, prompt: Text) -> None:
        """A new one-line prompt for an option, repainting that line alone.
        (OptionList.replace_option_prompt repaints the whole list: a few KB
        to the terminal for one changed count.)"""
        try:
            index = self.get_option_index(key)
        except OptionDoesNotExist:
            return
        option = self.get_option_at_index(index)
        if option.prompt == prompt:
            return
        try:
            line = self._index_to_line[index]
            cache = self._option_render_cache
            stale = [cache_key for cache_key in cache.keys() if cache_key[0] is option]
        except (AttributeError, KeyError, IndexError):  # OptionList internals moved
            self.replace_option_prompt(key, prompt)
            return
        option._set_prompt(prompt)
        for cache_key in stale:
            cache.discard(cache_key)
        self.refresh_line(line)

    def show(
        self,
        pages: Sequence[PageSummary],
        topics: Sequence[tuple[str, int]],
        topic_scope: str,
        selected: str | None,
    ) -> None:
        """Rebuild the options, keeping `selected` highlighted without choosing it."""
        self._pages, self._topics, self._topic_scope = pages, topics, topic_scope
        width = self._built_width = self.line_width
        self._built_looks = self._looks()
        heading, count = self._look("heading"), self._look("count")
        options: list[Option | None] = [
            Option(prompt, id=key) for key, prompt in self._totals(pages, width).items()
        ]
        options.append(Option(Text(_("PAGES"), heading), id="-pages", disabled=True))
        options += [Option(self._page_prompt(page, width), id=f"page:{page.id}")
                    for page in pages]
        # One line whatever the language: the option list would wrap a longer one.
        topics_heading = Text(_("TOPICS · {scope}").format(scope=topic_scope), heading,
                              no_wrap=True, overflow="ellipsis")
        topics_heading.truncate(width, overflow="ellipsis")
        options.append(Option(topics_heading, id="-topics", disabled=True))
        if not topics:
            options.append(Option(Text("  " + _("(none)"), self._look("none")), id="-no-topics",
                                  disabled=True))
        for topic, topic_count in topics:
            options.append(Option(fit("# " + one_line(topic), number(topic_count), width,
                                      count_style=count), id=f"topic:{topic}"))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
        self.select_key(selected)

    def sync(self, pages: Sequence[PageSummary], old_ids: list[int],
             topics: Sequence[tuple[str, int]] | None, scope: str, selected: str,
             counts_changed: bool) -> bool:
        """Show what changed and no more: everything again when the topics
        (`topics` not None) or the pages themselves changed; else the new
        counts, and the highlight. True when the topics were shown anew."""
        if topics is not None or [p.id for p in pages] != old_ids:
            self.show(pages, topics if topics is not None else self._topics, scope, selected)
            return True
        if counts_changed:
            self.update_counts(pages)
        self.select_key(selected)
        return False

    def select_key(self, key: str | None) -> None:
        """Highlight an option without posting Chosen."""
        with self.prevent(OptionList.OptionHighlighted):
            try:
                self.highlighted = None if key is None else self.get_option_index(key)
            except OptionDoesNotExist:
                self.highlighted = None

    @property
    def topics(self) -> Sequence[tuple[str, int]]:
        """The topics listed, with their counts."""
        return self._topics

    @property
    def topic_scope(self) -> str:
        return self._topic_scope

    @property
    def page_keys(self) -> list[str]:
        return [f"page:{page.id}" for page in self._pages]

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        # The whole title of a page the sidebar cuts, as the pane's tooltip.
        page = next((p for p in self._pages if f"page:{p.id}" == event.option_id), None)
        self.tooltip = one_line(page.title) if page is not None else None
        if event.option_id:
            self.post_message(self.Chosen(self, event.option_id))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.post_message(self.Chosen(self, event.option_id))
        self.call_later(self.run_action, "screen.focus_list")

    def on_resize(self, event: events.Resize) -> None:
        if self._pages and self.line_width != self._built_width:
            self._rebuild()

    def _rebuild(self) -> None:
        key = self.highlighted_option.id if self.highlighted_option else None
        self.show(self._pages, self._topics, self._topic_scope, key)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:  # the component classes get their styles after this call
            self.call_after_refresh(self._restyle)

    def _restyle(self) -> None:
        """New looks (another theme, app.tcss changed): the options again."""
        if self._pages and self._looks() != self._built_looks:
            self._rebuild()

    def action_focus_list(self) -> None:
        self.call_later(self.run_action, "screen.focus_list")

"""Every key of the reader, each with an id so config.toml's [keys] can
remap it (Textual's keymap). The app's own keys (help, theme, quit) and the
reader screen's; the panes keep theirs beside their widgets. Descriptions
are translated when this module is imported (tui.i18n picks the language
before)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.i18n import _

APP_BINDINGS: list[BindingType] = [
    Binding("question_mark,f1", "help", _("Keys"), id="app.help"),
    Binding("T", "change_theme", _("Theme"), id="app.theme", show=False),
    Binding("q", "quit", _("Quit"), id="app.quit"),
]

READER_BINDINGS: list[BindingType] = [
    Binding("slash", "search", _("Search"), id="app.search"),
    Binding("t", "pick_topic", _("Topic"), id="app.topic", show=False),
    Binding("n", "next_unread", _("Unread"), id="entry.next_unread",
            tooltip=_("Next unread")),
    Binding("N", "previous_unread", _("Previous unread"), id="entry.previous_unread",
            show=False),
    Binding("s", "toggle_star", _("Star"), id="entry.star"),
    Binding("m", "toggle_read", _("Read/unread"), id="entry.read", show=False),
    Binding("space", "page_detail(1)", _("Page the entry down"), id="detail.page_forward",
            show=False),
    Binding("b", "page_detail(-1)", _("Page the entry up"), id="detail.page_back",
            show=False),
    Binding("z", "pager", _("Whole screen"), id="detail.pager", show=False,
            tooltip=_("The entry on the whole screen (z or escape to go back)")),
    Binding("o", "open_link", _("Open link"), id="entry.open_link", show=False),
    Binding("1", "open_link(1)", _("Open link 1…9 (the numbers in the text)"),
            id="entry.open_numbered_link", show=False),
    Binding("y", "copy_link", _("Copy link"), id="entry.copy_link", show=False),
    Binding("r", "refresh_page", _("Refresh"), id="page.refresh"),
    Binding("a", "add_page", _("Add"), id="page.add",
            tooltip=_("Add a page: a URL, a file or a feed")),
    Binding("d", "remove_page", _("Remove page"), id="page.remove", show=False),
    Binding("p", "toggle_follow", _("Pause"), id="follow.pause",
            tooltip=_("Pause or resume following")),
    Binding("u", "first_unread", _("First unread"), id="entry.first_unread", show=False),
    Binding("w", "watch_word", _("Watch a word"), id="list.watch", show=False,
            tooltip=_("Watch a word: entries with it are marked and announced")),
    Binding("at", "time_travel", _("Go to a time"), id="list.time_travel", show=False,
            tooltip=_("Go to a time (14:00, 18h, yesterday 6pm, -2h)")),
    Binding("left_curly_bracket", "hour(-1)", _("An hour back"), id="list.hour_back",
            show=False, tooltip=_("An hour back (a day, on a page that spans days)")),
    Binding("right_curly_bracket", "hour(1)", _("An hour on"), id="list.hour_on", show=False,
            tooltip=_("An hour on (a day, on a page that spans days)")),
    Binding("left_square_bracket", "switch_page(-1)", _("Previous page"), id="page.previous",
            show=False),
    Binding("right_square_bracket", "switch_page(1)", _("Next page"), id="page.next",
            show=False),
    Binding("backslash,f2", "toggle_sidebar", _("Sidebar"), id="app.sidebar"),
    Binding("escape", "go_back", _("Back"), id="app.back", show=False),
]

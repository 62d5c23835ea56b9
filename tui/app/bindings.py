"""Every key of the reader, each with an id so config.toml's [keys] can
remap it (Textual's keymap). The app's own keys (help, theme, quit) and the
reader screen's; the panes keep theirs beside their widgets."""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP_BINDINGS: list[BindingType] = [
    Binding("question_mark,f1", "help", "Keys", id="app.help"),
    Binding("T", "change_theme", "Theme", id="app.theme", show=False),
    Binding("q", "quit", "Quit", id="app.quit"),
]

READER_BINDINGS: list[BindingType] = [
    Binding("slash", "search", "Search", id="app.search"),
    Binding("t", "pick_topic", "Topic", id="app.topic", show=False),
    Binding("n", "next_unread", "Unread", id="entry.next_unread",
            tooltip="Next unread"),
    Binding("N", "previous_unread", "Previous unread", id="entry.previous_unread",
            show=False),
    Binding("s", "toggle_star", "Star", id="entry.star"),
    Binding("m", "toggle_read", "Read/unread", id="entry.read", show=False),
    Binding("space", "page_detail(1)", "Page the entry down", id="detail.page_forward",
            show=False),
    Binding("b", "page_detail(-1)", "Page the entry up", id="detail.page_back",
            show=False),
    Binding("z", "pager", "Whole screen", id="detail.pager", show=False,
            tooltip="The entry on the whole screen (z or escape to go back)"),
    Binding("o", "open_link", "Open link", id="entry.open_link", show=False),
    Binding("1", "open_link(1)", "Open link 1…9 (the numbers in the text)",
            id="entry.open_numbered_link", show=False),
    Binding("y", "copy_link", "Copy link", id="entry.copy_link", show=False),
    Binding("r", "refresh_page", "Refresh", id="page.refresh"),
    Binding("a", "add_page", "Add", id="page.add", tooltip="Add a page: a URL, a file or a feed"),
    Binding("d", "remove_page", "Remove page", id="page.remove", show=False),
    Binding("p", "toggle_follow", "Pause", id="follow.pause",
            tooltip="Pause or resume following"),
    Binding("u", "first_unread", "First unread", id="entry.first_unread", show=False),
    Binding("w", "watch_word", "Watch a word", id="list.watch", show=False,
            tooltip="Watch a word: entries with it are marked and announced"),
    Binding("at", "time_travel", "Go to a time", id="list.time_travel", show=False,
            tooltip="Go to a time (14:00, 18h, yesterday 6pm, -2h)"),
    Binding("left_curly_bracket", "hour(-1)", "An hour back", id="list.hour_back",
            show=False, tooltip="An hour back (a day, on a page that spans days)"),
    Binding("right_curly_bracket", "hour(1)", "An hour on", id="list.hour_on", show=False,
            tooltip="An hour on (a day, on a page that spans days)"),
    Binding("left_square_bracket", "switch_page(-1)", "Previous page", id="page.previous",
            show=False),
    Binding("right_square_bracket", "switch_page(1)", "Next page", id="page.next",
            show=False),
    Binding("backslash,f2", "toggle_sidebar", "Sidebar", id="app.sidebar"),
    Binding("escape", "go_back", "Back", id="app.back", show=False),
]

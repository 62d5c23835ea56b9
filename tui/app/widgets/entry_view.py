"""The detail view: the entry under the cursor, whole.

The header (headline, time, publisher, topics) is plain `Text` built from the
row, so page text can never be read as markup; the body is Markdown, rendered
only for the selected entry, and replaced as the cursor moves.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from tui.app.text import local, one_line, safe
from tui.library import EntryDetail


def when_label(detail: EntryDetail) -> str:
    row = detail.row
    if row.time is not None:
        when = local(row.time)
        return f"{when:%A} {when.day} {when:%B %Y}, {when:%H:%M}"
    if detail.time_text:
        return one_line(detail.time_text)
    return f"update #{row.position + 1} on the page (no time given)"


def header_text(detail: EntryDetail) -> Text:
    row = detail.row
    text = Text()
    text.append(one_line(row.headline) or "(no headline)", "bold")
    text.append("\n")
    meta = [when_label(detail)]
    if detail.source:
        meta.append(one_line(detail.source))
    text.append(" · ".join(meta), "italic")
    flags = []
    if row.starred:
        flags.append("★ starred")
    if row.edited:
        flags.append(f"edited {local(detail.edited_at):%H:%M}" if detail.edited_at else "edited")
    if row.removed:
        flags.append("removed from the page")
    if flags:
        text.append("  " + " · ".join(flags), "bold")
    if detail.page_title:
        text.append("\n")
        text.append("in ", "dim")
        text.append(one_line(detail.page_title), "dim")
    if detail.topics:
        text.append("\n")
        for i, topic in enumerate(detail.topics):
            if i:
                text.append(" ")
            text.append(f"#{one_line(topic)}", "underline")
    return text


def extras_text(detail: EntryDetail) -> Text | None:
    """Media captions and links, after the body."""
    text = Text()
    for kind, caption, credit, url in detail.media:
        line = one_line(caption) or one_line(url) or ""
        if not line and not credit:
            continue
        text.append(f"[{one_line(kind) or 'media'}] ", "dim")
        text.append(line)
        if credit:
            text.append(f" — {one_line(credit)}", "dim")
        text.append("\n")
    if detail.links:
        if text:
            text.append("\n")
        text.append("Links\n", "bold")
        for number, (url, label) in enumerate(detail.links, 1):
            text.append(f"{number:>2}. ")
            if label and one_line(label) != one_line(url):
                text.append(one_line(label) + " ")
            text.append(one_line(url), "underline")
            text.append("\n")
    if detail.previous_body:
        text.append("\nBefore the last edit\n", "bold")
        text.append(safe(detail.previous_body), "dim")
    text.rstrip()
    return text or None


class EntryView(VerticalScroll, can_focus=True):
    """Scrolls on its own; j/k and the arrows scroll, space/b page."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", id="detail.down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="detail.up", show=False),
        Binding("g,home", "scroll_home", "Top", id="detail.top", show=False),
        Binding("G,end", "scroll_end", "Bottom", id="detail.bottom", show=False),
        Binding("pagedown", "page_down", "Page down", id="detail.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="detail.page_up", show=False),
        Binding("h,escape,left", "back", "Back", id="detail.back"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail: EntryDetail | None = None
        self.body_rowid: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="entry-header")
        yield Markdown(id="entry-body")
        yield Static(id="entry-extras")

    def on_mount(self) -> None:
        self.show_message("Loading…")

    def show_message(self, message: str) -> None:
        self.detail = None
        self.body_rowid = None
        self.query_one("#entry-header", Static).update(Text(message, "dim"))
        self.query_one("#entry-body", Markdown).update("")
        self.query_one("#entry-extras", Static).display = False

    def show_header(self, detail: EntryDetail) -> None:
        """Headline, time, publisher, topics, captions and links: cheap, at once."""
        same = self.detail is not None and self.detail.row.rowid == detail.row.rowid
        self.detail = detail
        self.query_one("#entry-header", Static).update(header_text(detail))
        extras = self.query_one("#entry-extras", Static)
        content = extras_text(detail)
        extras.display = content is not None
        extras.update(content or "")
        if not same:
            self.scroll_home(animate=False, immediate=True)

    def show_body(self, detail: EntryDetail) -> AwaitComplete:
        """The Markdown body: the costly part, done after the cursor settles."""
        self.body_rowid = detail.row.rowid
        body = safe(detail.body_markdown).strip()
        return self.query_one("#entry-body", Markdown).update(body)

    def clear_body(self) -> None:
        if self.body_rowid is not None:
            self.body_rowid = None
            self.query_one("#entry-body", Markdown).update("")

    @property
    def body_text(self) -> str:
        """The Markdown source on display (for tests and copying)."""
        return self.query_one("#entry-body", Markdown).source

    def action_back(self) -> None:
        self.call_later(self.run_action, "app.focus_list")

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

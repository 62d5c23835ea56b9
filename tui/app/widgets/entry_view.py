"""The detail view: the entry under the cursor, whole.

The header (headline, time, publisher, topics) is plain `Text` built from the
row, so page text can never be read as markup; the body is Markdown, rendered
only for the selected entry, and replaced as the cursor moves.

The body is drawn with Rich's Markdown rather than Textual's Markdown widget:
that widget mounts a widget per block (20-40 ms for a one-screen entry,
measured, plus a layout pass of the whole screen), Rich's renderer takes about
1 ms, so a keypress updates list and detail in one frame. Links are not made clickable (no OSC 8
from page text); they are listed under the body and `o`/`y` open or copy.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markdown import Markdown
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

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


class EntryView(ScrollView, can_focus=True):
    """The entry drawn with the line API: header, body and extras are rendered
    to lines once per entry (and per width), so a new entry repaints only this
    pane, with no layout pass for the rest of the screen.

    Scrolls on its own; j/k and the arrows scroll, space/b page."""

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
        self.body_text = ""  # the Markdown source on display
        self._header: Text = Text("Loading…", "dim")
        self._extras: Text | None = None
        self._lines: list[Strip] = []
        self._width = 0

    def show_message(self, message: str) -> None:
        self.detail = None
        self.body_rowid = None
        self.body_text = ""
        self._header, self._extras = Text(message, "dim"), None
        self._rerender(top=True)

    def show_header(self, detail: EntryDetail) -> None:
        """Headline, time, publisher, topics, captions and links."""
        same = self.detail is not None and self.detail.row.rowid == detail.row.rowid
        self.detail = detail
        if not same:
            self.body_rowid = None
            self.body_text = ""
        self._header, self._extras = header_text(detail), extras_text(detail)
        self._rerender(top=not same)

    def show_body(self, detail: EntryDetail) -> None:
        """The Markdown body, once the cursor has settled on the entry."""
        self.body_rowid = detail.row.rowid
        self.body_text = safe(detail.body_markdown).strip()
        self._rerender()

    def clear_body(self) -> None:
        if self.body_rowid is not None or self.body_text:
            self.body_rowid = None
            self.body_text = ""
            self._rerender()

    # --- drawing ---------------------------------------------------------

    def _rerender(self, top: bool = False) -> None:
        width = self.scrollable_content_region.width
        self._width = width
        if width <= 0:
            self._lines = []
            return
        parts: list[RenderableType] = [self._header]
        if self.body_text:
            parts += [Text(), Markdown(self.body_text, hyperlinks=False)]
        elif self.detail is not None and self.body_rowid is not None:
            parts += [Text(), Text("(no text)", "dim")]
        if self._extras is not None:
            parts += [Text(), self._extras]
        console = self.app.console
        options = console.options.update_width(width).update(height=None, highlight=False)
        base = self.rich_style
        self._lines = [Strip(Segment.apply_style(line, base), width)
                       for line in console.render_lines(Group(*parts), options, pad=True)]
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            # No layout pass for the screen: the scrollbar is always shown
            # (overflow-y: scroll), so only this pane and its scrollbar change.
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
        if top or self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=0 if top else self.max_scroll_y, animate=False, immediate=True)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rerender()

    def on_mount(self) -> None:
        self.call_after_refresh(self._rerender)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._rerender()

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_y)
        width = self.scrollable_content_region.width
        if 0 <= index < len(self._lines):
            return self._lines[index].crop_extend(0, width, self.rich_style)
        return Strip.blank(width, self.rich_style)

    @property
    def rendered_text(self) -> str:
        """Every line of the pane as plain text (for tests)."""
        return "\n".join(line.text.rstrip() for line in self._lines)

    def action_back(self) -> None:
        self.call_later(self.run_action, "app.focus_list")

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

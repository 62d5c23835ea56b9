"""The detail view: the entry under the cursor, whole.

The header (headline, time, publisher, topics) is plain `Text` built from the
row, so page text can never be read as markup; the body is Markdown, rendered
only for the selected entry, and replaced as the cursor moves. How the parts
look (bold headline, italic dateline...) is app.tcss's: the `entry-view--*`
component classes, read into a `Looks`.

The body is drawn with Rich's Markdown rather than Textual's Markdown widget:
that widget mounts a widget per block (20-40 ms for a one-screen entry,
measured, plus a layout pass of the whole screen), Rich's renderer takes about
1 ms, so a keypress updates list and detail in one frame. Links are not made clickable (no OSC 8
from page text); they are listed under the body and `o`/`y` open or copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime

from rich.console import Group, RenderableType
from rich.markdown import Markdown
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tui.app.safe_text import local, one_line, safe
from tui.app.strips import compact
from tui.i18n import _, short_day
from tui.library import EntryDetail
from tui.moments import page_and_local


@dataclass(frozen=True)
class Looks:
    """The styles of the detail's parts, from the `entry-view--NAME` component
    classes (app.tcss); plain text by default."""

    headline: Style = Style.null()
    meta: Style = Style.null()  # when, publisher, authors
    flags: Style = Style.null()  # starred, edited, removed
    page: Style = Style.null()  # "in <page>" where the list mixes pages
    topic: Style = Style.null()
    lead: Style = Style.null()  # an article's standfirst
    media: Style = Style.null()  # a media item's kind and credit
    heading: Style = Style.null()  # "Links", "Before the last edit"
    link: Style = Style.null()
    previous: Style = Style.null()  # the text before the last edit
    message: Style = Style.null()  # "Loading…", "(no text)", a note instead of an entry


PLAIN = Looks()
LOOK_CLASSES = {look.name: f"entry-view--{look.name}" for look in fields(Looks)}


def day_label(day: date | datetime) -> str:
    """"Wed 11 Feb 2026" ("mer. 11 févr. 2026")."""
    return short_day(day)


def moment_label(moment: date | datetime, zone: str | None = None) -> str:
    """The page's clock with its zone named, this machine's beside it when it
    differs, and the page's day: "09:05 Paris · 07:05 here · Thu 18 Jul
    2024"; "Wed 11 Feb 2026" for a bare day."""
    if isinstance(moment, datetime):
        return f"{page_and_local(moment, zone)} · {day_label(moment)}"
    return day_label(moment)


def when_label(detail: EntryDetail, page_entries: int | None = None) -> str:
    """When a live-blog entry was posted, or where it sits on the page when
    the page does not say."""
    row = detail.row
    if row.time is not None:
        return moment_label(row.time, detail.zone)
    day = detail.page_published
    day_text = f" · {day_label(local(day) if isinstance(day, datetime) else day)}" \
        if day is not None else ""
    if detail.minute:
        return _("{minute} (minute of play)").format(minute=one_line(detail.minute)) + day_text
    if detail.time_text:
        return _("{time} (as printed on the page)").format(
            time=one_line(detail.time_text) + day_text)
    position = row.position + 1
    update = _("Update {position} of {total}").format(position=position, total=page_entries) \
        if page_entries else _("Update {position}").format(position=position)
    return _("{update} (the page gives no times)").format(update=update + day_text)


def header_text(detail: EntryDetail, *, cross_page: bool = False,
                page_entries: int | None = None, looks: Looks = PLAIN) -> Text:
    """Headline, then for a live-blog entry its time and publisher, for an
    article its publisher, date and authors; the page title only where the
    list mixes pages (it says which live blog the entry belongs to)."""
    row = detail.row
    headline = one_line(row.headline) or _("(no headline)")
    article = detail.page_kind == "article"
    text = Text()
    text.append(headline, looks.headline)
    text.append("\n")
    meta = []
    if article:
        if detail.source:
            meta.append(one_line(detail.source))
        moment = detail.page_published or row.time
        if moment is not None:
            meta.append(moment_label(moment))
        authors = [one_line(a) for a in detail.authors if one_line(a)]
        if authors:
            meta.append(_("by {authors}").format(authors=", ".join(authors)))
    else:
        meta.append(when_label(detail, page_entries))
        if detail.source:
            meta.append(one_line(detail.source))
    text.append(" · ".join(meta) or _("(no date or publisher given)"), looks.meta)
    flags = []
    if row.starred:
        flags.append("★ " + _("starred"))
    if row.edited:
        flags.append(_("edited {time}").format(time=f"{local(detail.edited_at):%H:%M}")
                     if detail.edited_at else _("edited"))
    if row.removed:
        flags.append(_("removed from the page"))
    if flags:
        text.append("  " + " · ".join(flags), looks.flags)
    title = one_line(detail.page_title)
    if cross_page and title and title != headline:
        text.append("\n")
        text.append(_("in {page}").format(page=title), looks.page)
    if detail.also_in:  # one wire item on several live blogs
        text.append("\n")
        text.append(_("also on {pages}").format(
            pages=", ".join(one_line(name) for name in detail.also_in)), looks.page)
    if detail.topics:
        text.append("\n")
        for i, topic in enumerate(detail.topics):
            if i:
                text.append(" ")
            text.append(f"#{one_line(topic)}", looks.topic)
    return text


def lead_text(detail: EntryDetail, looks: Looks = PLAIN) -> Text | None:
    """An article's standfirst, above the body."""
    lead = one_line(detail.lead)
    if detail.page_kind != "article" or not lead:
        return None
    # Does the body open with it? Only the body's start is folded to one line
    # (a long article's whole body was, for a prefix test).
    if one_line(detail.body_markdown[:len(lead) + 200]).startswith(lead):
        return None
    return Text(lead, looks.lead)


# An inline Markdown link (not a picture): [text](url "title").
_INLINE_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{1,500})\]\(\s*<?([^\s()<>]{1,2000})>?"
                          r"(?:\s+\"[^\"\n]*\")?\s*\)")


def numbered_links(markdown: str, links: list[str]) -> str:
    """The body with each link as its text and a reference, "Geneva [2]",
    numbered as the Links list under the body (a URL not in it gets the
    next number): the text reads on over SSH and `2` opens that link."""
    numbers = {url: n for n, url in reversed(list(enumerate(links, 1)))}

    def reference(m: re.Match[str]) -> str:
        url = m.group(2)
        if url not in numbers:
            numbers[url] = len(numbers) + 1
        return f"{m.group(1)} \\[{numbers[url]}\\]"

    return _INLINE_LINK.sub(reference, markdown)


def extras_text(detail: EntryDetail, looks: Looks = PLAIN) -> Text | None:
    """Media captions and links, after the body."""
    text = Text()
    for kind, caption, credit, url in detail.media:
        line = one_line(caption) or one_line(url) or ""
        if not line and not credit:
            continue
        text.append("[" + (one_line(kind) or _("media")) + "] ", looks.media)
        text.append(line)
        if credit:
            text.append(f" — {one_line(credit)}", looks.media)
        text.append("\n")
    if detail.links:
        if text:
            text.append("\n")
        text.append(_("Links") + "\n", looks.heading)
        for number, (url, label) in enumerate(detail.links, 1):
            text.append(f"{number:>2}. ")
            if label and one_line(label) != one_line(url):
                text.append(one_line(label) + " ")
            text.append(one_line(url), looks.link)
            text.append("\n")
    if detail.previous_body:
        text.append("\n" + _("Before the last edit") + "\n", looks.heading)
        text.append(safe(detail.previous_body), looks.previous)
    text.rstrip()
    return text or None


class EntryView(ScrollView, can_focus=True):
    """The entry drawn with the line API: header, body and extras are rendered
    to lines once per entry (and per width), so a new entry repaints only this
    pane, with no layout pass for the rest of the screen.

    Scrolls on its own; j/k and the arrows scroll, space/b page."""

    BINDINGS = [
        Binding("j,down", "scroll_down", _("Scroll down"), id="detail.down", show=False),
        Binding("k,up", "scroll_up", _("Scroll up"), id="detail.up", show=False),
        Binding("g,home", "scroll_home", _("Top"), id="detail.top", show=False),
        Binding("G,end", "scroll_end", _("Bottom"), id="detail.bottom", show=False),
        Binding("pagedown", "page_down", _("Page down"), id="detail.page_down", show=False),
        Binding("pageup", "page_up", _("Page up"), id="detail.page_up", show=False),
        Binding("h,escape,left", "back", _("Back"), id="detail.back"),
    ]

    COMPONENT_CLASSES = set(LOOK_CLASSES.values())

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail: EntryDetail | None = None
        self.body_rowid: int | None = None
        self.body_text = ""  # the Markdown source on display
        #: The list mixes pages (All, Unread, Starred, a topic, search): the
        #: header says which page an entry is from. Set by the app.
        self.cross_page = False
        #: Entries per page id, for "Update 2 of 20". Set by the app.
        self.page_entries: dict[int, int] = {}
        self._message = _("Loading…")  # shown while there is no header
        self._header: Text | None = None
        self._lead: Text | None = None
        self._extras: Text | None = None
        self._lines: list[Strip] = []
        self._width = 0
        self._base: Style | None = None
        self._looks: Looks | None = None

    @property
    def looks(self) -> Looks:
        """The parts' styles (app.tcss), read once per style change."""
        if self._looks is None:
            self._looks = self._read_looks()
        return self._looks

    def _read_looks(self) -> Looks:
        get = self.get_component_rich_style
        return Looks(**{name: get(cls, partial=True) for name, cls in LOOK_CLASSES.items()})

    def show_message(self, message: str) -> None:
        self.detail = None
        self.body_rowid = None
        self.body_text = ""
        self._message = message
        self._header, self._lead, self._extras = None, None, None
        self._rerender(top=True)

    def _set_parts(self, detail: EntryDetail) -> None:
        self.detail = detail
        looks = self.looks
        self._header = header_text(detail, cross_page=self.cross_page,
                                   page_entries=self.page_entries.get(detail.row.page_id),
                                   looks=looks)
        self._lead, self._extras = lead_text(detail, looks), extras_text(detail, looks)

    def show(self, detail: EntryDetail) -> None:
        """The whole entry, drawn in one go (one render, one repaint); the
        same entry again (starred, edited) keeps its scroll position."""
        same = self.detail is not None and self.detail.row.rowid == detail.row.rowid
        self._set_parts(detail)
        self.body_rowid = detail.row.rowid
        self.body_text = safe(detail.body_markdown).strip()
        self._rerender(top=not same)

    # --- drawing ---------------------------------------------------------

    def _rerender(self, top: bool = False) -> None:
        width = self.scrollable_content_region.width
        old_lines, old_width, old_y = self._lines, self._width, self.scroll_offset.y
        self._width = width
        if width <= 0:
            self._lines = []
            return
        header = self._header
        parts: list[RenderableType] = [
            header if header is not None else Text(self._message, self.looks.message)]
        if self._lead is not None:
            parts += [Text(), self._lead]
        if self.body_text:
            links = [url for url, _label in self.detail.links] if self.detail else []
            parts += [Text(), Markdown(numbered_links(self.body_text, links),
                                       hyperlinks=False)]
        elif self.detail is not None and self.body_rowid is not None:
            parts += [Text(), Text(_("(no text)"), self.looks.message)]
        if self._extras is not None:
            parts += [Text(), self._extras]
        console = self.app.console
        options = console.options.update_width(width).update(height=None, highlight=False)
        base = self._base = self.rich_style
        self._lines = [Strip(compact(line, base), width)
                       for line in console.render_lines(Group(*parts), options, pad=True)]
        size = Size(width, len(self._lines))
        resized = size != self.virtual_size
        if resized:
            # No layout pass for the screen: the scrollbar is always shown
            # (overflow-y: scroll), so only this pane and its scrollbar change.
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
        if top or self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=0 if top else self.max_scroll_y, animate=False, immediate=True)
        y = self.scroll_offset.y
        if resized or width != old_width or y != old_y:
            self.refresh()
            return
        # Same place, same size: repaint only the lines that changed (a
        # header flag, a blank line where there was text), not the pane.
        height = self.scrollable_content_region.height
        blank = Strip.blank(width, base)
        for row in range(height):
            index = y + row
            new = self._lines[index] if index < len(self._lines) else blank
            old = old_lines[index] if index < len(old_lines) else blank
            if new != old:
                self.refresh_line(index)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rerender()

    def on_mount(self) -> None:
        self.call_after_refresh(self._rerender)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._rerender()
            self.refresh()
            # The component classes get their styles after this call.
            self.call_after_refresh(self._restyle)

    def _restyle(self) -> None:
        """New looks (another theme, app.tcss changed): the parts again."""
        looks = self._read_looks()
        if looks == self._looks:
            return
        self._looks = looks
        if self.detail is not None:
            self._set_parts(self.detail)
        self._rerender()

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self._base if self._base is not None else self.rich_style
        if 0 <= index < len(self._lines):
            line = self._lines[index]
            return line if line.cell_length == width else line.crop_extend(0, width, base)
        return Strip.blank(width, base)

    @property
    def rendered_text(self) -> str:
        """Every line of the pane as plain text (for tests)."""
        return "\n".join(line.text.rstrip() for line in self._lines)

    def action_back(self) -> None:
        self.call_later(self.run_action, "screen.focus_list")

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

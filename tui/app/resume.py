"""Where the reader opens: the page asked for on the command line; else where
it was left (the view, the entry, the detail's scroll), kept in the library
when it quits; else a followed live blog with entries new since it was left;
else the first live blog, which is what this reader is for."""

from __future__ import annotations

from dataclasses import dataclass

from tui.app.view_key import ViewKey
from tui.library import Library, PageSummary


@dataclass(frozen=True)
class Start:
    key: ViewKey
    entry: int | None = None  # the entry under the cursor
    context: int | None = None  # the page whose topics were shown
    scroll: float = 0.0  # the detail's scroll

    def to_state(self) -> dict[str, str]:
        return {"view": str(self.key), "entry": _text(self.entry),
                "context": _text(self.context), "scroll": f"{self.scroll:g}"}


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def _number(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def where_to_start(library: Library, initial_page: int | None = None,
                   pages: list[PageSummary] | None = None) -> Start:
    """Where the reader opens (see above); `pages`: the library's, when
    the caller has read them."""
    pages = library.pages() if pages is None else pages
    ids = {p.id for p in pages}
    if initial_page is not None and initial_page in ids:
        return Start(ViewKey.page(initial_page))
    state = library.reader_state()
    key = ViewKey.parse(state.get("view", ""))
    if state.get("view") and (key.kind != "page" or key.page_id in ids):
        context = _number(state.get("context"))
        try:
            scroll = max(0.0, float(state.get("scroll") or 0))
        except ValueError:
            scroll = 0.0
        return Start(key, _number(state.get("entry")), context if context in ids else None,
                     scroll)
    unseen = library.unseen()
    followed = [p for p in pages if p.kind == "liveblog" and p.fetch_url and unseen.get(p.id)]
    if followed:
        return Start(ViewKey.page(followed[0].id))
    live = [p for p in pages if p.kind == "liveblog"]
    return Start(ViewKey.page((live or pages)[0].id)) if pages else Start(ViewKey())

"""What the entry list can show: every entry, the unread or starred ones,
one page, or one topic (of the page on show, or of the whole library). The
sidebar's option ids are the keys' text ("page:12", "topic:Gaza"); they are
parsed once, here, into a `ViewKey`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

from tui.i18n import N_, _
from tui.library import EntryFilter

Kind = Literal["live", "all", "unread", "starred", "watched", "page", "topic"]
#: The special views' titles, in English: `_()` where they are shown.
SPECIAL_VIEWS: dict[str, str] = {"live": N_("Live"), "all": N_("All"), "unread": N_("Unread"),
                                 "starred": N_("Starred"), "watched": N_("Watched")}
EMPTY_TEXT = {
    "unread": N_("Nothing unread. All caught up."),
    "starred": N_("No starred entries yet: s stars the entry under the cursor."),
    "live": N_("No live blog is followed: a adds one by its URL."),
    "watched": N_("No entry has a watched word: w adds one (or [watch] words in config.toml)."),
}


@dataclass(frozen=True)
class ViewKey:
    kind: Kind = "all"
    page_id: int | None = None  # for "page"
    topic: str | None = None  # for "topic"

    @classmethod
    def parse(cls, text: str) -> ViewKey:
        """'all', 'unread', 'starred', 'page:12' or 'topic:NAME'; anything
        else is 'all'."""
        if text.startswith("page:") and text[5:].isdigit():
            return cls("page", page_id=int(text[5:]))
        if text.startswith("topic:"):
            return cls("topic", topic=text[6:])
        if text in SPECIAL_VIEWS:
            return cls(cast(Kind, text))
        return cls()

    @classmethod
    def page(cls, page_id: int) -> ViewKey:
        return cls("page", page_id=page_id)

    def __str__(self) -> str:
        if self.kind == "page":
            return f"page:{self.page_id}"
        if self.kind == "topic":
            return f"topic:{self.topic}"
        return self.kind

    def filter(self, page_context: int | None, watch: tuple[str, ...] = ()) -> EntryFilter:
        """The library filter; a topic is looked for on the page on show;
        "watched" is the entries with any of the `watch` words."""
        if self.kind == "watched":
            return EntryFilter(watch=watch or ("",))
        if self.kind == "live":
            return EntryFilter(live=True)
        if self.kind == "page":
            return EntryFilter(page_id=self.page_id)
        if self.kind == "topic":
            return EntryFilter(page_id=page_context, topic=self.topic)
        return EntryFilter(unread_only=self.kind == "unread",
                           starred_only=self.kind == "starred")

    @property
    def empty_text(self) -> str:
        text = EMPTY_TEXT.get(self.kind)
        return _(text) if text is not None else _("No entries here.")


def next_page(keys: list[str], current: int | None, step: int) -> ViewKey | None:
    """The page `step` after (before) page `current` among the sidebar's
    page keys, round the end; the first (last) when none is on show."""
    if not keys:
        return None
    here = str(ViewKey.page(current)) if current is not None else None
    if here in keys:
        index = (keys.index(here) + step) % len(keys)
    else:
        index = 0 if step > 0 else len(keys) - 1
    return ViewKey.parse(keys[index])

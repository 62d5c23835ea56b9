"""`/`: ask for a full-text search; the results go in the entry list."""

from __future__ import annotations

from tui.app.screens.prompt import PromptScreen
from tui.i18n import _


class SearchScreen(PromptScreen):
    def __init__(self, query: str = "") -> None:
        super().__init__(_("Search every entry"), query, _("words to find…"),
                         _("enter to search · escape to cancel"))

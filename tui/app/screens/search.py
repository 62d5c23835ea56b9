"""`/`: ask for a full-text search; the results go in the entry list."""

from __future__ import annotations

from tui.app.screens.prompt import PromptScreen


class SearchScreen(PromptScreen):
    def __init__(self, query: str = "") -> None:
        super().__init__("Search every entry", query, "words to find…",
                         "enter to search · escape to cancel")

"""`/`: ask for a full-text search; the results go in the entry list."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class SearchScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="search.cancel")]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search every entry"
            yield Input(self.initial, placeholder="words to find…", id="search-input")
            yield Label("enter to search · escape to cancel", id="search-hint")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

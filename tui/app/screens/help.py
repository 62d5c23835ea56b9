"""`?`: every key, grouped by where it works, as the current keymap has them.
The keys and the section titles look as app.tcss's `key-table--*` component
classes say."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget

from tui.i18n import _


def key_label(app, binding: Binding) -> str:  # type: ignore[no-untyped-def]
    """The keys of a binding after keymap overrides, as the Footer shows them."""
    keys = app._keymap.get(binding.id, binding.key) if binding.id else binding.key
    shown = []
    for key in keys.split(","):
        key = key.strip()
        if key:
            shown.append(app.get_key_display(Binding(key, binding.action)))
    return " ".join(shown)


class KeyTable(Widget):
    """The keys, a section at a time: a key column, then what it does."""

    COMPONENT_CLASSES = {"key-table--key", "key-table--section"}

    def __init__(self, sections: Sequence[tuple[str, Sequence[Binding]]], *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.sections = sections

    def render(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style=self.get_component_rich_style("key-table--key", partial=True),
                         no_wrap=True)
        table.add_column()
        section_style = self.get_component_rich_style("key-table--section", partial=True)
        for title, bindings in self.sections:
            if table.row_count:
                table.add_row("", "")
            table.add_row(Text(title, section_style), "")
            for binding in bindings:
                if binding.description:  # the tooltip: the long form of a footer word
                    table.add_row(key_label(self.app, binding),
                                  binding.tooltip or binding.description)
        return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", _("Close"), id="help.close"),
        Binding("j,down", "scroll('down')", show=False),
        Binding("k,up", "scroll('up')", show=False),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = _("Keys")
            body.border_subtitle = _("escape to close · keys can be changed in config.toml")
            yield KeyTable(self.sections, id="help-table")

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down(animate=False)
        else:
            body.scroll_up(animate=False)

"""A one-line question in a box over the reader: `/` (search) and `a` (add a
page) ask with it; `d` asks for a yes or no before removing a page."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.app.safe_text import one_line
from tui.i18n import _


class PromptScreen(ModalScreen[str | None]):
    """Asks for one line; dismissed with it (stripped), or None."""

    BINDINGS = [Binding("escape", "dismiss(None)", _("Cancel"), id="prompt.cancel")]

    def __init__(self, title: str, initial: str = "", placeholder: str = "",
                 hint: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.placeholder = placeholder
        self.hint = hint if hint is not None else _("enter · escape to cancel")

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box") as box:
            box.border_title = self.title_text
            yield Input(self.initial, placeholder=self.placeholder, id="prompt-input")
            yield Label(self.hint, id="prompt-hint", markup=False)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or enter says yes; n or escape, no."""

    BINDINGS = [
        Binding("y,enter", "dismiss(True)", _("Yes"), id="confirm.yes"),
        Binding("n,escape", "dismiss(False)", _("No"), id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = one_line(question)

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box") as box:
            box.border_title = _("Are you sure?")
            yield Label(self.question, markup=False)
            yield Label(_("y to confirm · n or escape to keep it"), id="prompt-hint")

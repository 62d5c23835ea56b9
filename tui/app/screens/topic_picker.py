"""`t`: pick a topic by typing part of its name."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.app.safe_text import set_border_text
from tui.app.widgets.topic_sidebar import fit
from tui.i18n import _, number
from tui.textnorm import fold


class TopicPicker(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", _("Cancel"), id="topics.cancel"),
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    COMPONENT_CLASSES = {"topic-picker--count"}  # app.tcss

    def __init__(self, topics: Sequence[tuple[str, int]], scope: str) -> None:
        super().__init__()
        self.topics = topics
        self.scope = scope

    def compose(self) -> ComposeResult:
        with Vertical(id="topic-box") as box:
            set_border_text(box, "border_title",
                            _("Topics · {scope}").format(scope=self.scope))
            yield Input(placeholder=_("type to filter, enter to choose"), id="topic-input")
            yield OptionList(id="topic-options")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, query: str) -> None:
        options = self.query_one("#topic-options", OptionList)
        wanted = fold(query.strip())
        width = max(20, options.scrollable_content_region.width - 2 or 40)
        count_style = self.get_component_rich_style("topic-picker--count", partial=True)
        options.set_options(
            Option(fit(topic, number(count), width, count_style=count_style), id=topic)
            for topic, count in self.topics
            if wanted in fold(topic)
        )
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        options = self.query_one("#topic-options", OptionList)
        option = options.highlighted_option
        self.dismiss(option.id if option is not None else None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_move(self, delta: int) -> None:
        options = self.query_one("#topic-options", OptionList)
        if delta > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

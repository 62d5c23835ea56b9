"""The keys, in sections, for the help screen, and the command palette
(ctrl+p) that lists every reader action with its key."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from tui.app.screens.help import key_label
from tui.app.widgets.entry_list import EntryList
from tui.app.widgets.entry_view import EntryView
from tui.app.widgets.topic_sidebar import TopicSidebar
from tui.i18n import _


class PaletteReader(Protocol):
    """What the palette needs of the reader screen."""

    def binding_sections(self) -> list[tuple[str, list[Binding]]]: ...
    def palette_targets(self) -> dict[str, object]: ...


PaletteCommand = tuple[str, str, Callable[[], object]]


def binding_sections(app: App[None], screen: Screen[None]) -> list[tuple[str, list[Binding]]]:
    """The keys by where they work: anywhere (the app's and the reader
    screen's), in the list, in the detail, in the sidebar."""
    anywhere = [b for b in [*app.BINDINGS, *screen.BINDINGS] if isinstance(b, Binding)]
    return [
        (_("Anywhere"), anywhere + [Binding("tab", "focus_next", _("Next pane")),
                                    Binding("shift+tab", "focus_previous", _("Previous pane")),
                                    Binding("ctrl+p", "command_palette", _("Command palette"))]),
        # The section titles are the keys of the reader's palette_targets.
        (_("Entry list"), list(EntryList.BINDINGS)),  # type: ignore[arg-type]
        (_("Entry (detail pane)"), list(EntryView.BINDINGS)),  # type: ignore[arg-type]
        (_("Sidebar"), [b for b in TopicSidebar.BINDINGS if isinstance(b, Binding)]
         + [Binding("enter", "select", _("Choose and go to the entries"))]),
    ]


def palette_commands(app: App[None], reader: PaletteReader) -> list[PaletteCommand]:
    """Every action with a description, run where its key works."""
    targets = reader.palette_targets()
    commands: list[PaletteCommand] = []
    seen: set[str] = set()
    for section, bindings in reader.binding_sections():
        target = targets.get(section)
        for binding in bindings:
            title = binding.tooltip or binding.description
            if not title or binding.action == "command_palette" or title in seen:
                continue
            seen.add(title)
            keys = key_label(app, binding)
            where = "" if target is None else f" ({section.lower()})"
            commands.append((title, f"{keys}{where}",
                             partial(_run, app, reader, binding.action, target)))
    return commands


def _run(app: App[None], reader: PaletteReader, action: str, target: object) -> None:
    if target is not None:
        target.focus()  # type: ignore[attr-defined]
    else:  # a key that works anywhere: the reader's action, else the app's
        name = action.split("(", 1)[0]
        target = reader if hasattr(reader, f"action_{name}") else app
    app.call_later(app.run_action, action, target)


class ReaderCommands(Provider):
    def _commands(self) -> list[PaletteCommand]:
        return self.app.palette_commands()  # type: ignore[attr-defined, no-any-return]

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)

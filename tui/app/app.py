"""NewsReaderApp: the application around the reader screen.

It owns what is the whole program's: the settings (config.toml, the theme,
the keymap), notifications made terminal-safe, the one place where a failed
worker is told, help, and quitting. Reading is the `ReaderScreen`'s
(tui.app.reader).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.worker import Worker, WorkerState

from tui.app.bindings import APP_BINDINGS
from tui.app.following import FOLLOW_TICK
from tui.app.hangup import watch_for_hangup
from tui.app.palette import PaletteCommand, ReaderCommands, palette_commands
from tui.app.reader import ReaderScreen
from tui.app.safe_text import one_line, safe
from tui.app.screens.help import HelpScreen
from tui.config import Config
from tui.errors import one_line_error
from tui.i18n import N_, _

#: What each worker does, as its failure notice says it ("Could not …"):
#: by worker name (the names are ids, in English).
WORKER_TASKS = {
    "add": N_("add"), "follow": N_("follow"), "hangup watch": N_("watch the terminal"),
    "load entries": N_("load entries"), "load library": N_("load library"),
    "open link": N_("open link"), "refresh": N_("refresh"), "remove": N_("remove"),
    "save read and star marks": N_("save read and star marks"), "search": N_("search"),
}

UNKNOWN_TASK = N_("work")

#: Keys Textual names in words (as get_key_display writes them), for the
#: help and the footer: "espace", "échap" in French.
KEY_NAMES = frozenset((
    N_("space"), N_("esc"), N_("home"), N_("end"), N_("pgup"), N_("pgdn"), N_("tab")))

#: Textual's own palette commands (App.get_system_commands), in the catalog:
#: titles and help as Textual writes them.
SYSTEM_COMMANDS = (
    N_("Bell"), N_("Ring the bell"), N_("Theme"), N_("Change the current theme"),
    N_("Quit"), N_("Quit the application as soon as possible"), N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"), N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


class NewsReaderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    NOTIFICATION_TIMEOUT = 4

    BINDINGS = APP_BINDINGS

    #: Seconds between looks at the follow state (tests make it shorter).
    follow_tick: float = FOLLOW_TICK

    def __init__(
        self,
        library_path: Path | None = None,
        *,
        initial_page: int | None = None,
        config: Config | None = None,
        notices: list[str] | None = None,
    ) -> None:
        self.config = config if config is not None else Config.load()
        super().__init__()
        self.library_path = library_path
        self.initial_page = initial_page
        self.notices = list(notices or [])
        if self.config.theme and self.config.theme in self.available_themes:
            self.theme = self.config.theme

    def get_default_screen(self) -> ReaderScreen:
        self._reader = ReaderScreen(self.library_path, self.initial_page, self.follow_tick)
        return self._reader

    @property
    def reader_screen(self) -> ReaderScreen:
        """The reader (the bottom screen: help or search may be on top)."""
        return self._reader

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications carry page titles, URLs and error text: plain text by
        default, so a title like "[/] x" shows as typed instead of crashing,
        and made terminal-safe (escape sequences and controls removed)
        whatever the text came from: page, server, file name or exception."""
        super().notify(safe(message), title=one_line(title), severity=severity,
                       timeout=timeout, markup=markup)

    def on_mount(self) -> None:
        if self.config.keys:
            self.set_keymap(self.config.keys)
        if self.config.problem:
            self.notify(self.config.problem, title=_("config.toml ignored"), severity="warning")
        for notice in self.notices:
            self.notify(notice, severity="warning")
        watch_for_hangup(self.set_interval, self.action_quit)
        self._theme_chosen_by_user = True

    # Set once mounted: the theme given at start-up is not a choice to save.
    _theme_chosen_by_user = False

    def watch_theme(self, theme: str) -> None:
        if self._theme_chosen_by_user and theme != self.config.theme:
            self.config.theme = theme
            try:
                self.config.save()
            except OSError as exc:
                self.notify(_("Could not save the theme: {error}").format(error=exc),
                            severity="warning")

    def worker_failed(self, worker: Worker[None]) -> str:
        """Every worker is started with exit_on_error=False: its failure is
        told here, in one notification, and the reader stays open. Returns
        the line told."""
        error = worker.error
        line = one_line_error(error) if error is not None else _("unknown error")
        task = _(WORKER_TASKS.get(worker.name or "", UNKNOWN_TASK))
        self.notify(line, title=_("Could not {task}").format(task=task), severity="error",
                    timeout=8)
        return line

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The app's own workers (opening a link) fail here too."""
        if event.state == WorkerState.ERROR:
            self.worker_failed(event.worker)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette commands, in the interface's language."""
        for command in super().get_system_commands(screen):
            yield SystemCommand(_(command.title), _(command.help), command.callback,
                                command.discover)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=_("Search for commands…")))

    def get_key_display(self, binding: Binding) -> str:
        shown = super().get_key_display(binding)
        parts = shown.split("+")
        if parts[-1] in KEY_NAMES:  # "shift+tab": the modifier as Textual writes it
            parts[-1] = _(parts[-1])
        return "+".join(parts)

    def search_themes(self) -> None:
        self.push_screen(CommandPalette(providers=[ThemeProvider],
                                        placeholder=_("Search for themes…")))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.reader_screen.binding_sections()))

    def palette_commands(self) -> list[PaletteCommand]:
        return palette_commands(self, self.reader_screen)

    def action_quit(self) -> None:  # type: ignore[override]
        self.reader_screen.save_and_close()
        self.exit()

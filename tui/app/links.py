"""The links of an entry that `o` opens and `y` copies, and how to open one.

A link is the entry's own (the first link of its text), else its page's
address, and only when it is an http(s) URL: a page's og:url may say file:,
javascript:, smb: or vscode:; such a link is shown, never opened.

Opening never lets another program draw into the reader's terminal: with a
display, a graphical browser; without one (over SSH), a text browser with
the reader suspended while it runs; with neither, the link is copied.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Callable, Mapping
from functools import partial
from typing import Literal

from textual.app import App

from tui.i18n import _
from tui.library import EntryDetail
from tui.textnorm import web_url

#: Browsers that draw in the terminal they are started from.
TERMINAL_BROWSERS = ("w3m", "lynx", "elinks", "links", "links2", "www-browser", "browsh",
                     "carbonyl")

Opener = tuple[Literal["gui", "terminal", "none"], list[str]]


def entry_link(detail: EntryDetail | None, number: int = 1
               ) -> tuple[str | None, str | None]:
    """Link `number` of the entry (1: its own link, else its page's):
    (url, None) for a web link; (url or None, why not) otherwise."""
    url = None
    if detail is not None:
        links = [u for u, _text in detail.links]
        if number == 1:
            url = links[0] if links else detail.page_url
        elif number <= len(links):
            url = links[number - 1]
        else:
            return None, _("This entry has no link {number}.").format(number=number)
    if url is None:
        return None, _("This entry has no link.")
    if web_url(url) is None:
        return url, _("Not opened or copied: {url} (only http and https links are).").format(
            url=url)
    return url, None


def how_to_open(env: Mapping[str, str] = os.environ, platform: str = sys.platform,
                which: Callable[[str], str | None] = shutil.which) -> Opener:
    """("gui", []) a graphical browser (Python's webbrowser); ("terminal",
    argv) a text browser to run with the reader suspended; ("none", [])."""
    display = platform in ("darwin", "win32") or bool(
        env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    chosen = env.get("BROWSER", "").split(os.pathsep)[0].strip()
    if chosen:
        try:
            argv = shlex.split(chosen.replace("%s", ""))
        except ValueError:
            argv = []
        if argv and os.path.basename(argv[0]) in TERMINAL_BROWSERS and which(argv[0]):
            return "terminal", argv
        if argv and display:
            return "gui", []
    if display:
        return "gui", []
    for name in TERMINAL_BROWSERS:
        path = which(name)
        if path:
            return "terminal", [path]
    return "none", []


Notify = Callable[..., None]


def open_link(app: App[None], url: str, notify: Notify) -> None:
    """Open `url` the way this terminal allows (see how_to_open)."""
    kind, argv = how_to_open()
    if kind == "gui":
        app.run_worker(partial(_open_in_browser, app, url, notify), name="open link",
                       group="browser", thread=True, exit_on_error=False)
    elif kind == "terminal":
        _open_in_terminal(app, [*argv, url], notify)
    else:  # over SSH with no browser at all: the link goes to the clipboard
        app.copy_to_clipboard(url)
        notify(_("No browser here — link copied: {url}").format(url=url), title=_("Link copied"))


def _open_in_terminal(app: App[None], argv: list[str], notify: Notify) -> None:
    """A text browser gets the terminal to itself: the reader is suspended
    while it runs and redrawn after."""
    import subprocess

    try:
        with app.suspend():
            subprocess.run(argv, check=False)
    except Exception as exc:  # SuspendNotSupported (a web terminal), OSError
        notify(_("Could not run {program}: {error}").format(program=argv[0], error=exc),
               severity="warning")


def _open_in_browser(app: App[None], url: str, notify: Notify) -> None:
    """In a worker: webbrowser may wait for the browser to start."""
    import webbrowser

    if not webbrowser.open(url):
        app.call_from_thread(notify, _("No browser to open {url} — y copies the link.")
                             .format(url=url), severity="warning")

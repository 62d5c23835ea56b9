"""Adding and removing pages from inside the reader (`a`, `d`): the work runs
in thread workers through the pipeline and the library (no fetching or
parsing here), and comes back to the screen as `PageAdded` / `PageRemoved`;
a failure goes to the app's error funnel as one line."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from textual.app import App
from textual.message import Message
from textual.worker import Worker

from tui.app.messages import PageAdded, PageRemoved
from tui.app.screens.prompt import ConfirmScreen, PromptScreen
from tui.i18n import _, ngettext
from tui.library import Library, PageSummary


class ActionHost(Protocol):
    def run_worker(self, work: Callable[[], None], *, name: str, group: str,
                   thread: bool, exit_on_error: bool) -> Worker[None]: ...
    def post_message(self, message: Message) -> bool: ...


class PageActions:
    def __init__(self, host: ActionHost, library: Callable[[], Library | None]) -> None:
        self.host = host
        self.library = library

    def ask_add(self, app: App[None], notify: Callable[..., None]) -> None:
        """`a`: ask for a URL, a saved page or a feed, then add it."""
        def submitted(spec: str | None) -> None:
            if spec:
                notify(_("Adding {spec}…").format(spec=spec), timeout=3)
                self.add(spec)

        app.push_screen(PromptScreen(
            _("Add a page: a URL, a file or an RSS/Atom feed"), "",
            _("https://… or a saved page's path"), _("enter to add · escape to cancel")),
            submitted)

    def ask_remove(self, app: App[None], page: PageSummary) -> None:
        """`d`: remove the page after a yes."""
        def confirmed(yes: bool | None) -> None:
            if yes:
                self.remove(page.id, page.title)

        question = ngettext('Remove "{title}" and its {n} entry?',
                            'Remove "{title}" and its {n} entries?', page.entries)
        app.push_screen(ConfirmScreen(question.format(title=page.title, n=page.entries)),
                        confirmed)

    def add(self, spec: str) -> None:
        """A URL, a file or a feed into the library."""
        self.host.run_worker(partial(self._add, spec), name="add", group="add",
                             thread=True, exit_on_error=False)

    def _add(self, spec: str) -> None:
        from tui.pipeline.adding import add_source

        library = self.library()
        assert library is not None
        added = add_source(library, spec)  # UserError/LibraryError: the error funnel
        first = added.pages[0] if added.pages else None
        if added.feed is not None:
            feed = added.feed
            line = ngettext('Feed "{title}": {n} new item', 'Feed "{title}": {n} new items',
                            feed.added).format(title=feed.title, n=feed.added)
            if feed.failed:
                line += ngettext(", {n} failed", ", {n} failed", feed.failed).format(
                    n=feed.failed)
        elif first is not None:
            line = _('Added "{title}": {summary}').format(title=first.title,
                                                          summary=first.describe())
        else:
            line = _("Nothing was added.")
        self.host.post_message(PageAdded(first.page_id if first else None, line))

    def remove(self, page_id: int, title: str) -> None:
        self.host.run_worker(partial(self._remove, page_id, title), name="remove",
                             group="add", thread=True, exit_on_error=False)

    def _remove(self, page_id: int, title: str) -> None:
        library = self.library()
        assert library is not None
        library.remove_page(page_id)
        self.host.post_message(PageRemoved(page_id, title))

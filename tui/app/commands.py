"""The command palette (ctrl+p) lists every reader action with its key."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ReaderCommands(Provider):
    def _commands(self) -> list[tuple[str, str, object]]:
        return self.app.palette_commands()  # type: ignore[attr-defined, no-any-return]

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback,  # type: ignore[arg-type]
                          help=help_text)

"""Errors meant for people: the CLI prints their message as one line."""


class UserError(Exception):
    """Bad input or a failed source: one clear line on stderr, exit status 2
    (3 when the network or a server failed: tui.pipeline.fetch.FetchError)."""

    exit_status = 2


def batch_status(failures: list[BaseException]) -> int:
    """A batch's exit status: 0 when nothing failed, 3 when every failure
    was the network's, else 2 (bad input)."""
    if not failures:
        return 0
    statuses = {getattr(exc, "exit_status", 2) for exc in failures}
    return 3 if statuses == {3} else 2


def one_line_error(exc: BaseException) -> str:
    """An exception's message on one line and terminal-safe (its text may
    come from a server, a page or a file name: escape sequences and control
    characters removed); its type's name when it has none."""
    from tui.textnorm import clean_inline

    return clean_inline(str(exc)) or type(exc).__name__


def print_error(message: object) -> None:
    """The command line's one error line on stderr, `newsreader: ...`, made
    terminal-safe (on one line, escape sequences and controls removed)
    whatever the message holds: every CLI error is printed through here."""
    import sys

    from tui.textnorm import clean_inline

    print(f"newsreader: {clean_inline(str(message))}", file=sys.stderr, flush=True)

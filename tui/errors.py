"""Errors meant for people: the CLI prints their message as one line."""


class UserError(Exception):
    """Bad input or a failed source: one clear line on stderr, exit status 2."""

    exit_status = 2


def one_line_error(exc: BaseException) -> str:
    """An exception's message on one line; its type's name when it has none."""
    return " ".join(str(exc).split()) or type(exc).__name__

"""Errors meant for people: the CLI prints their message as one line."""


class UserError(Exception):
    """Bad input or a failed source: one clear line on stderr, exit status 2."""

    exit_status = 2

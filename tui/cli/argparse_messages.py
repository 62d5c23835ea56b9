"""argparse's own words ("usage: ", "options", its error lines), in our
catalog: argparse writes them through its module globals `_` and
`ngettext`, which `route()` points at tui.i18n. The msgids are argparse's,
letter for letter (Python 3.11's argparse.py): listed here with N_ so that
scripts/catalog.py finds them. Those people never see are left out: its
programming errors (conflicting option strings, ...) and argparse.FileType's
(no option here opens a file through it)."""

from __future__ import annotations

import argparse

from tui import i18n
from tui.i18n import N_, ngettext

MESSAGES = (
    # help
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    # errors: "%(prog)s: error: %(message)s\n", the message one of the others
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def _plurals() -> None:  # never called: marks argparse's plural message
    ngettext("expected %s argument", "expected %s arguments", 2)


def route() -> None:
    """argparse speaks through tui.i18n from now on (it looks `_` and
    `ngettext` up each time it writes a message, so parsers built after
    this, and their errors, are in the interface's language)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]

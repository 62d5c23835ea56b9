"""Entry point: `newsreader [SOURCE...]` opens the app; `newsreader CMD ...`
runs a subcommand. Subcommand modules are imported only when used, so the
app starts without loading what it does not need."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from tui import __version__
from tui.cli import argparse_messages
from tui.errors import UserError, one_line_error, print_error
from tui.i18n import _

# name -> module under tui.cli
COMMANDS: dict[str, str] = {
    "parse": "parse",
    "add": "add",
    "list": "pages",
    "search": "search",
    "refresh": "refresh",
    "export": "export",
    "remove": "remove",
    "reparse": "reparse",
    "follow": "follow",
    "check": "check",
    "serve": "serve",
}


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(f"tui.cli.{COMMANDS[name]}")


def _command_list() -> str:
    """The commands with what each does, for `newsreader --help`."""
    lines = [_("commands (newsreader CMD --help for each):")]
    for name in COMMANDS:
        lines.append(f"  {name:<9} {_(_command_module(name).HELP)}")
    return "\n".join(lines)


def build_parser(command: str | None, with_commands: bool = False) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description=_("A terminal reader for news live blogs and articles."),
        epilog=_command_list() if with_commands else
        _("commands: {commands} (newsreader --help lists them)").format(
            commands=", ".join(COMMANDS)),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}",
                        help=_("show program's version number and exit"))
    if command is None:
        parser.add_argument(
            "sources", nargs="*", metavar="SOURCE",
            help=_("files, URLs or - (stdin) to import before opening the reader"),
        )
        return parser
    sub = parser.add_subparsers(dest="command", required=True)
    module = _command_module(command)
    cmd_parser = sub.add_parser(command, help=_(module.HELP), description=_(module.HELP))
    module.add_arguments(cmd_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    argparse_messages.route()  # argparse's own words in our language
    command = argv[0] if argv and argv[0] in COMMANDS else None
    try:
        if command is None and argv:
            _refuse_unknown_command(argv[0])
        wants_help = command is None and any(a in ("-h", "--help") for a in argv)
        args = build_parser(command, with_commands=wants_help).parse_args(argv)
        if command is None:
            from tui.cli import open_app

            return open_app.run(args)
        return int(_command_module(command).run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `newsreader list | head`: the reader went away; not an error.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return 0
    except UserError as exc:
        _error(one_line_error(exc))
        return exc.exit_status
    except Exception as exc:  # never a traceback for people
        from tui.library import LibraryError

        if isinstance(exc, LibraryError):
            _error(one_line_error(exc))
            return 2
        if os.environ.get("NEWSREADER_DEBUG"):
            raise
        _error(_("internal error: {kind}: {message}").format(
            kind=type(exc).__name__, message=one_line_error(exc)))
        return 1


def _refuse_unknown_command(word: str) -> None:
    """`newsreader serach x`: a word that is no command, no file and no URL
    is a mistyped command, said in one line (not "no such file" for each
    argument)."""
    import difflib

    if word == "-" or word.startswith("-") or "/" in word or "." in word or ":" in word:
        return  # stdin, an option, a path or a URL
    if os.path.exists(word):
        return
    close = difflib.get_close_matches(word, list(COMMANDS), n=1, cutoff=0.6)
    if close:
        raise UserError(_("unknown command '{word}' — did you mean '{command}'?").format(
            word=word, command=close[0]))
    raise UserError(
        _("unknown command '{word}' (commands: {commands}; a file to read needs a path)")
        .format(word=word, commands=", ".join(COMMANDS)))


def _error(line: str) -> None:
    print_error(line)



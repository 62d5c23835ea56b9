"""`newsreader serve [--port N] [--host ADDRESS]`: the same reader, on the
same library and config.toml, in a web browser (textual-serve runs one
`newsreader` per browser tab). Loopback only unless --host says otherwise:
anyone who can reach the address reads the library."""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from tui.cli.output import report
from tui.i18n import N_, _

HELP = N_("serve the reader to a web browser (http://127.0.0.1:8000 by default)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help=_("port (default 8000)"))
    parser.add_argument("--host", default="127.0.0.1",
                        help=_("address to listen on (default 127.0.0.1: this machine only)"))


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    from textual_serve.server import Server

    if not 0 < args.port < 65536:
        from tui.errors import UserError

        raise UserError(_("--port must be between 1 and 65535, not {port}").format(
            port=args.port))
    if not _loopback(args.host):
        report(_("serving on {host}: anyone who can reach it reads (and changes) "
                 "your library").format(host=args.host))
    command = f"{shlex.quote(sys.executable)} -m tui.cli"
    print(_("newsreader in a browser: {url}  (Ctrl-C stops)").format(
        url=f"http://{args.host}:{args.port}"), file=sys.stderr, flush=True)
    Server(command, host=args.host, port=args.port, title="newsreader").serve()
    return 0

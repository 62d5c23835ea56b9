"""`newsreader search QUERY [--json] [--limit N]`: full-text search."""

from __future__ import annotations

import argparse
import json
import sys

from tui.cli.common import open_library
from tui.cli.output import clean, truncate, width
from tui.errors import UserError
from tui.i18n import N_, _
from tui.model import iso
from tui.moments import format_moment

HELP = N_("search every entry in the library (headlines, bodies, topics)")

# Private-use characters mark the matches until the text has been cleaned.
_START, _END = "\ue000", "\ue001"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY", help=_("words to look for"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument("--limit", type=int, default=20, metavar="N",
                        help=_("at most N hits (default 20)"))


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UserError(_("--limit must be at least 1"))
    query = " ".join(args.query)
    with open_library(write=False) as library:
        hits = library.search(query, limit=args.limit, markers=(_START, _END))
    if args.json:
        print(json.dumps([{
            "entry": h.rowid, "page_id": h.page_id, "page_title": h.page_title,
            "time": iso(h.time), "headline": h.headline,
            "snippet": h.snippet.replace(_START, "").replace(_END, ""),
        } for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(_("no entries match {query}").format(query=repr(clean(query))), file=sys.stderr)
        return 1
    bold = sys.stdout.isatty()
    on, off = ("\x1b[1m", "\x1b[22m") if bold else ("", "")
    cols = width()
    for h in hits:
        print(truncate(f"{clean(h.page_title)}  {format_moment(h.time)}".rstrip(), cols))
        print("  " + truncate(clean(h.headline), cols - 2))
        snippet = truncate(clean(h.snippet), cols - 4)
        print("    " + snippet.replace(_START, on).replace(_END, off) + (off if bold else ""))
    return 0

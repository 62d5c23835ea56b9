"""`newsreader list [--json]`: the pages in the library."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tui.cli.common import open_library
from tui.cli.output import clean, truncate, width
from tui.library import PageSummary
from tui.model import iso

HELP = "list the pages in the library with entry and unread counts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (all fields)")


def page_json(p: PageSummary) -> dict[str, Any]:
    return {
        "id": p.id, "title": p.title, "source": p.source, "kind": p.kind, "url": p.url,
        "entries": p.entries, "unread": p.unread, "starred": p.starred,
        "published": iso(p.published), "updated": iso(p.updated),
        "last_checked": iso(p.last_checked), "last_error": p.last_error,
        "refresh_url": p.fetch_url, "added": iso(p.added_at),
    }


def run(args: argparse.Namespace) -> int:
    with open_library(write=False, check=False) as library:
        pages = library.pages()
    if args.json:
        print(json.dumps([page_json(p) for p in pages], ensure_ascii=False, indent=2))
        return 0
    if not pages:
        print("the library is empty; add pages with `newsreader add SOURCE`")
        return 0
    id_w = max(2, *(len(str(p.id)) for p in pages))
    head = f"{'id':>{id_w}}  {'kind':<7}  {'entries':>7}  {'unread':>6}  "
    room = width() - len(head)
    print(head + "title")
    for p in pages:
        kind = "live" if p.kind == "liveblog" else p.kind
        print(f"{p.id:>{id_w}}  {kind:<7}  {p.entries:>7}  {p.unread:>6}  "
              f"{truncate(clean(p.title), room)}")
    return 0

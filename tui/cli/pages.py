"""`newsreader list [--json]`: the pages in the library."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tui.cli.common import open_library
from tui.cli.output import clean, truncate, width
from tui.i18n import N_, _
from tui.library import PageSummary
from tui.model import iso

HELP = N_("list the pages in the library with entry and unread counts")

# TRANSLATORS: a page's kind in the KIND column of `newsreader list`.
KINDS = {"liveblog": N_("live"), "article": N_("article")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON (all fields)"))


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
        print(_("the library is empty; add pages with `newsreader add SOURCE`"))
        return 0
    # TRANSLATORS: the column heads of `newsreader list` (columns widen to fit).
    names = (_("id"), _("kind"), _("entries"), _("unread"), _("title"))
    kinds = [_(KINDS[p.kind]) if p.kind in KINDS else p.kind for p in pages]
    id_w = max(2, len(names[0]), *(len(str(p.id)) for p in pages))
    kind_w = max(7, len(names[1]), *(len(k) for k in kinds))
    entries_w, unread_w = max(7, len(names[2])), max(6, len(names[3]))
    head = (f"{names[0]:>{id_w}}  {names[1]:<{kind_w}}  {names[2]:>{entries_w}}  "
            f"{names[3]:>{unread_w}}  ")
    room = width() - len(head)
    print(head + names[4])
    for p, kind in zip(pages, kinds, strict=True):
        print(f"{p.id:>{id_w}}  {kind:<{kind_w}}  {p.entries:>{entries_w}}  "
              f"{p.unread:>{unread_w}}  {truncate(clean(p.title), room)}")
    return 0

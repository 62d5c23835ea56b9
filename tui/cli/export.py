"""`newsreader export PAGE [--format md|json] [-o FILE]` or `--starred`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tui.cli.common import open_library
from tui.cli.output import clean
from tui.errors import UserError
from tui.i18n import N_, _, count, ngettext
from tui.ingest.dates import clock_label
from tui.library import EntryDetail, PageSummary
from tui.model import Entry, Link, Media, Page
from tui.moments import format_moment

HELP = N_("write a page (or the starred entries) as Markdown or JSON")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", nargs="?", metavar="PAGE",
                        help=_("page id or a unique part of its title"))
    parser.add_argument("--starred", action="store_true",
                        help=_("the starred entries (of PAGE, or of every page)"))
    parser.add_argument("--format", choices=("md", "json"), default="md",
                        help=_("md (default) or json"))
    parser.add_argument("-o", "--output", metavar="FILE",
                        help=_("write to FILE, not stdout"))


def entry_model(e: EntryDetail) -> Entry:
    """The stored entry as the page model has it."""
    return Entry(
        id=e.entry_id, position=e.row.position, headline=e.row.headline,
        body_markdown=e.body_markdown, time=e.row.time, time_text=e.time_text,
        topics=e.topics, links=tuple(Link(u, t) for u, t in e.links),
        media=tuple(Media(k, c, cr, u) for k, c, cr, u in e.media))


def entry_json(e: EntryDetail) -> dict[str, Any]:
    """The page model's Entry shape, plus the library's state."""
    return {**entry_model(e).to_json(), "read": e.row.read, "starred": e.row.starred,
            "edited": e.row.edited, "removed": e.row.removed}


def page_json(page: Page, entries: list[EntryDetail]) -> dict[str, Any]:
    """The page model's Page shape (its stored fields), entries with their state."""
    return {**page.to_json(), "entries": [entry_json(e) for e in entries]}


def entry_markdown(e: EntryDetail, with_page: bool) -> str:
    stamp = clock_label(e.row.time, e.time_text) or clean(e.time_text)
    title = clean(e.row.headline) or _("(no headline)")
    head = f"## {stamp} — {title}" if stamp else f"## {title}"
    lines = [head, ""]
    if with_page:
        lines += [f"*{clean(e.page_title)}*" + (f" — <{e.page_url}>" if e.page_url else ""), ""]
    body = clean(e.body_markdown, multiline=True).strip()
    if body:
        lines += [body, ""]
    return "\n".join(lines)


def page_markdown(p: PageSummary | None, entries: list[EntryDetail]) -> str:
    out: list[str] = []
    if p is None:
        out += ["# " + _("Starred entries"), ""]
    else:
        out += [f"# {clean(p.title)}", ""]
        about = " · ".join(x for x in (
            clean(p.source or ""), p.url or "",
            format_moment(p.published)) if x)
        if about:
            out += [about, ""]
    out += [entry_markdown(e, with_page=p is None) for e in entries]
    return "\n".join(out).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    if not args.page and not args.starred:
        raise UserError(_("give a PAGE or --starred"))
    with open_library(write=False) as library:
        page = library.find_page(args.page) if args.page else None
        entries = library.entries(page.id if page else None, starred_only=args.starred)
        stored = library.stored_page(page.id) if page else None
    if args.format == "json":
        if stored is None:
            text = json.dumps([{**entry_json(e), "page_title": e.page_title,
                                "page_url": e.page_url} for e in entries],
                              ensure_ascii=False, indent=2)
        else:
            text = json.dumps(page_json(stored, entries), ensure_ascii=False, indent=2)
        text += "\n"
    else:
        text = page_markdown(page, entries)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(_("cannot write {file}: {reason}").format(
                file=args.output, reason=exc.strerror or exc)) from None
        print(ngettext("wrote {n} entries to {file}", "wrote {n} entries to {file}",
                       len(entries)).format(n=count(len(entries)), file=clean(args.output)),
              file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0

"""`newsreader parse SOURCE [--json]`: read one page and show what ingest makes
of it, without touching the library. An outline by default (title, publisher,
date, one line per entry: its time or --:--, its headline); with --json the
page model exactly as DESIGN.md documents it."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace

from tui.cli.output import clean
from tui.errors import print_error
from tui.ingest.dates import clock_label
from tui.model import Page, cut_note
from tui.moments import format_moment
from tui.pipeline.sources import parse_source, read_source

HELP = "parse a page (a file, - for standard input, or a URL) and print its outline or JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE",
                        help="a saved page or text dump, - for standard input, or a URL")
    parser.add_argument("--json", action="store_true",
                        help="print the page model as JSON instead of an outline")


def run(args: argparse.Namespace) -> int:
    source = read_source(args.source)  # UserError (one line) when unreadable
    page = parse_source(source)
    if page.url is None and source.url is not None:
        page = replace(page, url=source.url)
    if page.cut:
        print_error(cut_note(len(page.entries), page.cut))
    if args.json:
        text = json.dumps(page.to_json(), ensure_ascii=False, indent=2)
        print(clean(text, multiline=True))
    else:
        print("\n".join(outline(page)))
    return 0


def outline(page: Page) -> list[str]:
    """Title, publisher, date, then `HH:MM  headline` (or the match minute,
    or `--:--`) per entry."""
    count = len(page.entries)
    lines = [
        clean(page.title) or "(untitled)",
        f"publisher: {clean(page.source) or 'unknown'}",
        f"published: {format_moment(page.published) or 'unknown'}"
        + (f" (updated {format_moment(page.updated)})" if page.updated else ""),
        f"kind: {page.kind}, {count} {'entry' if count == 1 else 'entries'}",
    ]
    if page.authors:
        lines.append("authors: " + ", ".join(clean(a) for a in page.authors))
    if page.topics:
        lines.append("topics: " + ", ".join(clean(t) for t in page.topics))
    lines.append("")
    for entry in page.entries:
        clock = clock_label(entry.time, entry.time_text) or clean(entry.minute or "") or "--:--"
        lines.append(f"{clock:<5}  {clean(entry.headline)}")
    return lines

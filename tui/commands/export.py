"""`newsreader export PAGE [--format md|json] [-o FILE]` or `--starred`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tui.commands._common import clean, open_library
from tui.errors import UserError
from tui.ingest.dates import format_moment
from tui.library import EntryDetail, PageSummary
from tui.model import iso

HELP = "write a page (or the starred entries) as Markdown or JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", nargs="?", metavar="PAGE",
                        help="page id or a unique part of its title")
    parser.add_argument("--starred", action="store_true",
                        help="the starred entries (of PAGE, or of every page)")
    parser.add_argument("--format", choices=("md", "json"), default="md",
                        help="md (default) or json")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")


def entry_json(e: EntryDetail) -> dict[str, Any]:
    """The page model's Entry shape, plus the library's state."""
    return {
        "id": e.entry_id, "position": e.row.position, "time": iso(e.row.time),
        "time_text": e.time_text, "headline": e.row.headline,
        "body_markdown": e.body_markdown, "topics": list(e.topics),
        "links": [{"url": u, "text": t} for u, t in e.links],
        "media": [{"kind": k, "caption": c, "credit": cr, "url": u} for k, c, cr, u in e.media],
        "read": e.row.read, "starred": e.row.starred, "edited": e.row.edited,
        "removed": e.row.removed,
    }


def page_json(p: PageSummary, entries: list[EntryDetail]) -> dict[str, Any]:
    return {
        "url": p.url, "source": p.source, "kind": p.kind, "title": p.title, "lead": None,
        "published": iso(p.published), "updated": iso(p.updated),
        "entries": [entry_json(e) for e in entries],
    }


def entry_markdown(e: EntryDetail, with_page: bool) -> str:
    stamp = e.row.time.strftime("%H:%M") if e.row.time else (clean(e.time_text) or "")
    title = clean(e.row.headline) or "(no headline)"
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
        out += ["# Starred entries", ""]
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
        raise UserError("give a PAGE or --starred")
    with open_library() as library:
        page = library.find_page(args.page) if args.page else None
        entries = library.entries(page.id if page else None, starred_only=args.starred)
    if args.format == "json":
        if page is None:
            text = json.dumps([{**entry_json(e), "page_title": e.page_title,
                                "page_url": e.page_url} for e in entries],
                              ensure_ascii=False, indent=2)
        else:
            text = json.dumps(page_json(page, entries), ensure_ascii=False, indent=2)
        text += "\n"
    else:
        text = page_markdown(page, entries)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        print(f"wrote {len(entries)} entries to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0

"""`newsreader follow URL|PAGE [--every SECONDS] [--body]`: print each new
entry of a live blog as it arrives, until Ctrl-C.

Standard output carries only the new entries (one line each: time and
headline; with --body the text under it), so it can feed a pipe; what
following is doing (started, failed, retrying, ended) goes to standard error.
The pages and their state are the library's: what `follow` stores, the app
shows, and the other way round.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time

from tui.cli.common import open_library
from tui.cli.output import clean, report, width
from tui.errors import UserError
from tui.ingest.dates import clock_label
from tui.library import EntryRow, Library, PageSummary
from tui.pipeline.adding import find_or_add as find_or_add_page
from tui.pipeline.follow import Follower, load_follow_config

HELP = "print each new entry of a live blog as it arrives (until Ctrl-C)"


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"--every must be more than 0 seconds, not {text}")
    return value  # the floor ([follow] minimum) is checked once config.toml is read


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="URL|PAGE",
                        help="a live blog's http(s) URL (added if new), or a page id or title")
    parser.add_argument("--every", type=_seconds, metavar="SECONDS",
                        help="seconds between checks (default: [follow] every in config.toml,"
                             " else 60)")
    parser.add_argument("--body", action="store_true", help="print each entry's text too")
    parser.add_argument("--match", action="append", default=[], metavar="WORD",
                        help="print only entries with this word (whole words, accents and "
                             "case aside; give it again for more words)")


def find_or_add(library: Library, target: str) -> PageSummary:
    """The page to follow (tui.pipeline.adding.find_or_add); says on stderr
    when it had to be fetched and added first."""
    page, added = find_or_add_page(library, target)
    if added is not None:
        print(f'added "{clean(added.title)}" ({added.total} entries)', file=sys.stderr,
              flush=True)
    return page


def entry_lines(library: Library, row: EntryRow, body: bool) -> list[str]:
    # In the page's own offset, as `parse`; a match minute where there is no time.
    clock = clock_label(row.time, None) or clean(row.minute or "") or "--:--"
    lines = [f"{clock}  {clean(row.headline) or '(no headline)'}"]
    if body:
        text = clean(library.entry_detail(row.rowid).body_markdown, multiline=True).strip()
        wrap = max(20, width() - 8)  # the body wraps to the terminal, under the headline
        for line in text.splitlines():
            lines += textwrap.wrap(line, wrap, initial_indent="       ",
                                   subsequent_indent="       ") if line.strip() else [""]
        lines.append("")
    return lines


def run(args: argparse.Namespace) -> int:
    try:
        with open_library() as library:
            return follow(library, args.target, every=args.every, body=args.body,
                          match=tuple(args.match))
    except KeyboardInterrupt:
        return 0


def follow(library: Library, target: str, every: float | None = None,
           body: bool = False, match: tuple[str, ...] = ()) -> int:
    config = load_follow_config()
    if every is not None and every < config.minimum:
        raise UserError(f"--every must be at least {config.minimum:g} seconds, not {every:g} "
                        "(publishers are asked no more often)")
    if config.problem:
        report(f"config: {config.problem}")
    page = find_or_add(library, target)
    if not page.fetch_url:
        raise UserError(f'"{page.title}" has no URL to follow (it came from a file)')
    follower = Follower(library, config, every=every)
    state = follower.add(page.id, due_now=False)
    title = clean(page.title)
    if state.ended:
        report(f'"{title}" has ended ({state.ended}); not following')
        return 0
    print(f'following "{title}" every {state.interval:g} s; Ctrl-C to stop',
          file=sys.stderr, flush=True)
    while True:
        time.sleep(max(0.0, state.next_due - time.time()))
        outcome = follower.poll(page.id)
        if outcome.status == "failed":
            wait = max(0.0, state.next_due - time.time())
            report(f'"{title}": {outcome.error}; trying again in about {wait:.0f} s')
        out: list[str] = []
        rows = outcome.new_rows
        if match:  # the words as the reader's watch words are matched
            hits = library.with_words([row.rowid for row in rows], match)
            rows = tuple(row for row in rows if row.rowid in hits)
        for row in rows:
            out += entry_lines(library, row, body)
        if out:
            sys.stdout.write("\n".join(out) + "\n")
            sys.stdout.flush()
        result = outcome.result
        if result is not None and (result.edited or result.removed):
            print(f"({result.edited} edited, {result.removed} removed)", file=sys.stderr,
                  flush=True)
        if state.ended:
            report(f'"{title}" has ended ({state.ended}); stopped following')
            return 0

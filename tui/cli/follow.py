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
from tui.i18n import N_, _, count, decimal, ngettext
from tui.ingest.dates import clock_label
from tui.library import EntryRow, Library, PageSummary
from tui.pipeline.adding import find_or_add as find_or_add_page
from tui.pipeline.follow import Follower, load_follow_config

HELP = N_("print each new entry of a live blog as it arrives (until Ctrl-C)")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a number of seconds: {text}").format(text=repr(text))) from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(
            _("--every must be more than 0 seconds, not {text}").format(text=text))
    return value  # the floor ([follow] minimum) is checked once config.toml is read


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="URL|PAGE",
                        help=_("a live blog's http(s) URL (added if new), or a page id or "
                               "title"))
    parser.add_argument("--every", type=_seconds, metavar="SECONDS",
                        help=_("seconds between checks (default: [follow] every in "
                               "config.toml, else 60)"))
    parser.add_argument("--body", action="store_true", help=_("print each entry's text too"))
    parser.add_argument("--match", action="append", default=[], metavar="WORD",
                        help=_("print only entries with this word (whole words, accents and "
                               "case aside; give it again for more words)"))


def find_or_add(library: Library, target: str) -> PageSummary:
    """The page to follow (tui.pipeline.adding.find_or_add); says on stderr
    when it had to be fetched and added first."""
    page, added = find_or_add_page(library, target)
    if added is not None:
        print(ngettext('added "{title}" ({n} entries)', 'added "{title}" ({n} entries)',
                       added.total).format(title=clean(added.title), n=count(added.total)),
              file=sys.stderr, flush=True)
    return page


def entry_lines(library: Library, row: EntryRow, body: bool) -> list[str]:
    # In the page's own offset, as `parse`; a match minute where there is no time.
    clock = clock_label(row.time, None) or clean(row.minute or "") or "--:--"
    lines = [f"{clock}  {clean(row.headline) or _('(no headline)')}"]
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
        raise UserError(_("--every must be at least {minimum} seconds, not {every} "
                          "(publishers are asked no more often)").format(
            minimum=decimal(config.minimum), every=decimal(every)))
    if config.problem:
        report(_("config: {problem}").format(problem=config.problem))
    page = find_or_add(library, target)
    if not page.fetch_url:
        raise UserError(_('"{title}" has no URL to follow (it came from a file)').format(
            title=page.title))
    follower = Follower(library, config, every=every)
    state = follower.add(page.id, due_now=False)
    title = clean(page.title)
    if state.ended:
        report(_('"{title}" has ended ({reason}); not following').format(
            title=title, reason=state.ended))
        return 0
    print(_('following "{title}" every {seconds} s; Ctrl-C to stop').format(
        title=title, seconds=decimal(state.interval)), file=sys.stderr, flush=True)
    while True:
        time.sleep(max(0.0, state.next_due - time.time()))
        outcome = follower.poll(page.id)
        if outcome.status == "failed":
            wait = max(0.0, state.next_due - time.time())
            report(_('"{title}": {error}; trying again in about {seconds} s').format(
                title=title, error=outcome.error, seconds=f"{wait:.0f}"))
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
            edited = ngettext("{n} edited", "{n} edited", result.edited).format(
                n=count(result.edited))
            removed = ngettext("{n} removed", "{n} removed", result.removed).format(
                n=count(result.removed))
            print(f"({edited}, {removed})", file=sys.stderr, flush=True)
        if state.ended:
            report(_('"{title}" has ended ({reason}); stopped following').format(
                title=title, reason=state.ended))
            return 0

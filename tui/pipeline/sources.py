"""Reading a SOURCE (a file path, `-` for stdin, an http(s) URL) into bytes,
and bytes into a Page. Shared by `add`, `refresh`, `reparse` and the app.

Every failure is a UserError whose message is one line naming the source.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, TypeVar

from tui.errors import UserError
from tui.i18n import _
from tui.model import Page
from tui.pipeline.fetch import MAX_BYTES, TIMEOUT, Fetched, check_url, fetch

if TYPE_CHECKING:
    from tui.library import Library, SaveResult
    from tui.library.merge import FetchInfo

T = TypeVar("T")


@dataclass(frozen=True)
class Source:
    spec: str  # as given: path, "-" or URL
    data: bytes
    url: str | None  # final URL for a fetched page, else None
    content_type: str | None
    fetched: Fetched | None = None  # for URLs: status, validators

    @property
    def not_modified(self) -> bool:
        return self.fetched is not None and self.fetched.not_modified


def is_url(spec: str) -> bool:
    return "://" in spec and not Path(spec).exists()


def read_source(spec: str, *, etag: str | None = None, last_modified: str | None = None,
                stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES,
                **fetch_options: float) -> Source:
    """The bytes of one SOURCE. For URLs `etag`/`last_modified` make the
    request conditional; `fetch_options` (timeout, connect_timeout) go to fetch."""
    if not spec.strip():
        raise UserError(_("an empty SOURCE: give a file, - for standard input, or a URL"))
    if spec == "-":
        return _checked(Source("-", _read_stdin(stdin, max_bytes), None, None),
                        _("standard input"))
    name = shown_name(spec)
    if is_url(spec):
        if name != spec:
            raise UserError(_("not a valid URL: {url}").format(url=name))
        check_url(spec)
        got = fetch(spec, etag=etag, last_modified=last_modified, max_bytes=max_bytes,
                    **fetch_options)  # type: ignore[arg-type]
        source = Source(spec, got.data, got.url, got.content_type, got)
        return source if got.not_modified else _checked(source, got.url)
    data = _read_file(Path(spec).expanduser(), name, max_bytes)
    return _checked(Source(name, data, None, None), name)


def shown_name(spec: str) -> str:
    """A SOURCE as it can be printed and stored: a file name that is not
    UTF-8 (its bytes came through as surrogates) with U+FFFD for them."""
    return spec.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _too_large(what: str, max_bytes: int) -> UserError:
    return UserError(_("{source} is larger than {size} MB").format(
        source=what, size=max_bytes // (1024 * 1024)))


def _read_stdin(stdin: BinaryIO | None, max_bytes: int) -> bytes:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    try:
        if stream is None:
            raise ValueError("closed")
        data = stream.read(max_bytes + 1)  # never more: `add - < /dev/zero`
    except (OSError, ValueError) as exc:
        reason = _("it is closed") if isinstance(exc, ValueError) else (exc.strerror or exc)
        raise UserError(_("cannot read standard input: {reason}").format(
            reason=reason)) from None
    if len(data) > max_bytes:
        raise _too_large(_("standard input"), max_bytes)
    return data


def _read_file(path: Path, name: str, max_bytes: int) -> bytes:
    """A regular file's bytes, at most `max_bytes`: opened without blocking
    (a FIFO with no writer would wait forever) and refused unless it is a
    regular file (a device such as /dev/zero never ends)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise UserError(_("no such file: {name}").format(name=name)) from None
    except IsADirectoryError:
        raise UserError(_("{name} is a folder, not a page").format(name=name)) from None
    except PermissionError:
        raise UserError(_("cannot read {name}: permission denied").format(name=name)) \
            from None
    except OSError as exc:
        raise UserError(_("cannot read {name}: {reason}").format(
            name=name, reason=exc.strerror or exc)) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise UserError(_("{name} is a folder, not a page").format(name=name))
        raise UserError(_("{name} is not a regular file (a device, FIFO or socket); "
                          "use - to read standard input").format(name=name))
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read(max_bytes + 1)
        except OSError as exc:
            raise UserError(_("cannot read {name}: {reason}").format(
                name=name, reason=exc.strerror or exc)) from None
    if len(data) > max_bytes:
        raise _too_large(name, max_bytes)
    return data


def _checked(source: Source, name: str) -> Source:
    """Refuse, naming the source, what is clearly no page (before a feed is
    looked for); cheap: no copy of the data (parse checks these again)."""
    if not source.data or source.data.isspace():
        raise UserError(_("{name} is empty").format(name=name))
    from tui.ingest.decode import describe_binary

    what = describe_binary(source.data, source.content_type)
    if what is not None:
        raise UserError(_("not a web page ({what}): {name}").format(what=what, name=name))
    return source


def parse_source(source: Source) -> Page:
    """The Page in a source's bytes; UserError naming the source if unreadable."""
    from tui.ingest import IngestError, parse

    name = source.url or (_("standard input") if source.spec == "-" else source.spec)
    try:
        page = parse(source.data, url=source.url, content_type=source.content_type)
    except IngestError as exc:
        raise UserError(_("cannot read a page from {name}: {reason}").format(
            name=name, reason=exc)) from None
    if not page.entries and not page.title:
        raise UserError(_("no page found in {name}").format(name=name))
    return page


def fetch_info(source: Source, page: Page) -> FetchInfo:
    """Where a page came from, as the library keeps it for `refresh`."""
    from tui.library.merge import FetchInfo

    got = source.fetched
    refresh_url = source.spec if got is not None else None
    if refresh_url is None and page.url and page.url.lower().startswith(("http://", "https://")):
        refresh_url = page.url
    return FetchInfo(
        origin=source.spec, fetch_url=refresh_url, content_type=source.content_type,
        etag=got.etag if got else None, last_modified=got.last_modified if got else None,
        fetched=got is not None,
    )


def import_source(library: Library, source: Source, page_id: int | None = None) -> SaveResult:
    """Parse a source and store it (merging with the stored page): what `add`,
    `refresh` and the app do with a source that has been read."""
    page = parse_source(source)
    if page.url is None and source.url is not None:
        page = replace(page, url=source.url)
    return library.save_page(page, raw=source.data, fetch=fetch_info(source, page),
                             page_id=page_id)


def reparse(library: Library, page_id: int) -> SaveResult:
    """Parse a page again from its cached bytes (or its bundled seed), offline,
    and store it in place. UserError when there is no copy to parse."""
    from tui.pipeline.seeding import seed_raw

    raw = library.raw_page(page_id)
    data = seed_raw(raw)
    if data is None:
        raise UserError(_("no cached copy to parse again"))
    parsed = parse_source(Source(str(page_id), data, raw.url, raw.content_type))
    return library.save_page(parsed, page_id=page_id)


class RecordCheck(Protocol):
    """Records a conditional re-fetch: a failure (`error`) or a 304 (the
    validators the publisher sent with it, when any)."""

    def __call__(self, *, error: str | None = None, etag: str | None = None,
                 last_modified: str | None = None) -> None: ...


def read_again(url: str, etag: str | None, last_modified: str | None, record: RecordCheck,
               use: Callable[[Source], T], **fetch_options: Any) -> T | None:
    """Fetch a stored URL again, conditionally, and `use` what came: what
    refreshing a page and a feed share. None (recorded) on a 304; a failure
    of the fetch or of `use` is recorded and raised (UserError)."""
    try:
        source = read_source(url, etag=etag, last_modified=last_modified, **fetch_options)
        if source.not_modified:
            got = source.fetched
            record(etag=got.etag if got else None,
                   last_modified=got.last_modified if got else None)
            return None
        return use(source)
    except UserError as exc:
        record(error=str(exc))
        raise


def refetch(library: Library, page_id: int, timeout: float = TIMEOUT) -> SaveResult | None:
    """Fetch a stored page again, conditionally, and merge it: what `refresh`,
    the app and following do. None when the publisher answered 304. A failure
    is recorded as the page's last error and raised (UserError)."""
    state = library.fetch_state(page_id)
    if not state.fetch_url:
        raise UserError(_("no URL to refresh from"))
    fetch_url = state.fetch_url

    def merge(source: Source) -> SaveResult:
        if source.url and _site(source.url) != _site(fetch_url):
            raise UserError(_("{url} now redirects to {target}, another host or port: not "
                              "merged into the page (add that URL if it is the same)").format(
                url=fetch_url, target=source.url))
        return import_source(library, source, page_id=page_id)

    return read_again(fetch_url, state.etag, state.last_modified,
                      partial(library.record_check, page_id), merge, timeout=timeout)


def _site(url: str) -> tuple[str | None, int | None]:
    """Host and port of a URL (the scheme's own port counts as none, so an
    http -> https upgrade stays on the site)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return (url, None)
    return (parts.hostname, None if port in (80, 443) else port)

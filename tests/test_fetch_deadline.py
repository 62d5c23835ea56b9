"""One deadline for the whole fetch (connect, headers, body), whoever fetches:
`add` (read_source), `refresh` and following (refetch through poll_once, the
app's worker too); and a body shorter than its Content-Length is an error,
never a page (on a refresh it would mark every entry removed). Against a raw
server on 127.0.0.1 that trickles its bytes; deadlines of about a second."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from liveserver import P1, P2, liveblog_html
from rawserver import RawServer, response, trickle

from tui.library import EntryFilter, Library
from tui.pipeline.fetch import FetchError, fetch
from tui.pipeline.follow import poll_once
from tui.pipeline.sources import import_source, read_source

# Headers that never end: a byte every 0.2 s for minutes.
SLOW_HEADERS = trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: " + b"a" * 2000)
# Headers at once, then a body that drips.
SLOW_BODY = trickle(response("200 OK", b"<p>" + b"a" * 2000, Content_Type="text/html",
                             Content_Length="2003")[:-2000] + b"a" * 2000, every=0.01)


@pytest.fixture
def server() -> Iterator[RawServer]:
    srv = RawServer()
    srv.routes["/slow-headers"] = SLOW_HEADERS
    srv.routes["/slow-body"] = SLOW_BODY
    with srv.running():
        yield srv


@pytest.mark.parametrize("path", ["/slow-headers", "/slow-body"])
def test_the_deadline_covers_headers_and_body(server: RawServer, path: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 1 s fetching http://127\.0\.0\.1"):
        fetch(server.url(path), timeout=1.0)
    assert time.monotonic() - start < 2.5  # the deadline, not the server's pace


def test_add_times_out_on_trickled_headers(server: RawServer) -> None:
    # What `add` and `parse` call, with the same setting fetch has.
    with pytest.raises(FetchError, match="timed out after 0.8 s"):
        read_source(server.url("/slow-headers"), timeout=0.8)


def test_refresh_and_following_time_out_on_trickled_headers(
        server: RawServer, lib: Library) -> None:
    url = server.url("/live")
    server.routes["/live"] = response("200 OK", liveblog_html("Live: Geneva", [P2, P1], url=url),
                                      Content_Type="text/html; charset=utf-8")
    page_id = import_source(lib, read_source(url)).page_id
    server.routes["/live"] = SLOW_HEADERS
    start = time.monotonic()
    outcome = poll_once(lib, page_id, timeout=1.0)  # refresh, follow and the app's worker
    assert time.monotonic() - start < 2.5
    assert outcome.status == "failed"
    assert outcome.error is not None and "timed out after 1 s" in outcome.error


def test_a_truncated_response_is_an_error_and_removes_nothing(
        server: RawServer, lib: Library, tmp_path: Path) -> None:
    url = server.url("/live")
    page = liveblog_html("Live: Geneva", [P2, P1], url=url)
    server.routes["/live"] = response("200 OK", page, Content_Type="text/html; charset=utf-8",
                                      Content_Length=str(len(page)))
    page_id = import_source(lib, read_source(url)).page_id
    cut = page[:len(page) // 3]
    server.routes["/live"] = response("200 OK", cut, Content_Type="text/html; charset=utf-8",
                                      Content_Length=str(len(page)))
    with pytest.raises(FetchError, match="truncated response from http://127"):
        fetch(url, timeout=5)
    outcome = poll_once(lib, page_id, timeout=5)
    assert outcome.status == "failed" and "truncated" in (outcome.error or "")
    rows = lib.entry_rows(lib.entry_rowids(EntryFilter(page_id=page_id)))
    assert len(rows) == 2 and not any(r.removed for r in rows)


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compressed_body_cut_short_is_truncated_even_without_a_length(
        server: RawServer, encoding: str) -> None:
    """Without a Content-Length only the compressed stream's own end tells a
    whole body from a cut one: a stream with no end is an error."""
    import gzip
    import zlib

    page = liveblog_html("Live: Geneva", [P2, P1], url="")
    packed = gzip.compress(page) if encoding == "gzip" else zlib.compress(page)
    for path, body in (("/whole", packed), ("/cut", packed[:len(packed) // 2])):
        server.routes[path] = response("200 OK", body, Content_Type="text/html",
                                       Content_Encoding=encoding, Connection="close")
    assert fetch(server.url("/whole"), timeout=5).data == page
    with pytest.raises(FetchError, match=f"truncated response from .*/cut: the {encoding} "
                                         "stream ends early"):
        fetch(server.url("/cut"), timeout=5)
    server.routes["/garbled"] = response("200 OK", b"no gzip here", Content_Type="text/html",
                                         Content_Encoding=encoding, Connection="close")
    with pytest.raises(FetchError, match=f"cannot decode the {encoding} response"):
        fetch(server.url("/garbled"), timeout=5)

"""tui.pipeline.fetch and tui.pipeline.sources against a real http.server on 127.0.0.1."""

from __future__ import annotations

import gzip
import io
import socket
import time
from pathlib import Path

import pytest
from liveserver import LiveServer, Reply, Request

from tui import __version__
from tui.errors import UserError
from tui.pipeline.fetch import FetchError, check_url, fetch
from tui.pipeline.sources import read_source

PAGE = b"<!DOCTYPE html><html><head><title>Hello</title></head><body><p>Hi</p></body></html>"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


@pytest.fixture(scope="module")
def server(quiet_server: LiveServer) -> LiveServer:
    return quiet_server


def test_plain_get_sends_user_agent_and_returns_validators(server: LiveServer) -> None:
    server.routes["/p"] = lambda r: Reply(200, PAGE, {
        "ETag": '"v1"', "Last-Modified": "Wed, 11 Feb 2026 10:00:00 GMT",
        "Content-Type": "text/html; charset=utf-8"})
    got = fetch(server.url("/p"))
    assert got.status == 200 and got.data == PAGE and not got.not_modified
    assert (got.content_type, got.charset) == ("text/html", "utf-8")
    assert (got.etag, got.last_modified) == ('"v1"', "Wed, 11 Feb 2026 10:00:00 GMT")
    [req] = server.hits("/p")
    assert req.headers["user-agent"] == f"newsreader/{__version__}"
    assert "gzip" in req.headers["accept-encoding"]
    assert "if-none-match" not in req.headers


def test_conditional_request_gets_304(server: LiveServer) -> None:
    def route(r: Request) -> Reply:
        if r.headers.get("if-none-match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return Reply(200, PAGE, {"ETag": '"v1"'})

    server.routes["/c"] = route
    first = fetch(server.url("/c"))
    again = fetch(server.url("/c"), etag=first.etag,
                  last_modified="Wed, 11 Feb 2026 10:00:00 GMT")
    assert again.not_modified and again.data == b"" and again.etag == '"v1"'
    assert server.hits("/c")[1].headers["if-modified-since"] == "Wed, 11 Feb 2026 10:00:00 GMT"


def test_gzip_body_is_decoded(server: LiveServer) -> None:
    server.routes["/z"] = lambda r: Reply(200, gzip.compress(PAGE), {"Content-Encoding": "gzip"})
    assert fetch(server.url("/z")).data == PAGE


def _redirects(server: LiveServer, hops: int) -> str:
    for i in range(hops):
        server.routes[f"/{hops}r{i}"] = (lambda n: lambda r: Reply(
            302, b"", {"Location": server.url(f"/{hops}r{n + 1}")}))(i)
    server.routes[f"/{hops}r{hops}"] = lambda r: Reply(200, PAGE)
    return server.url(f"/{hops}r0")


def test_up_to_five_redirects_are_followed(server: LiveServer) -> None:
    got = fetch(_redirects(server, 5))
    assert got.data == PAGE and got.url == server.url("/5r5")


def test_six_redirects_are_too_many(server: LiveServer) -> None:
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(_redirects(server, 6))


def test_redirect_to_another_scheme_is_refused(server: LiveServer) -> None:
    server.routes["/x"] = lambda r: Reply(302, b"", {"Location": "ftp://127.0.0.1/file"})
    with pytest.raises(FetchError, match="unsupported URL scheme"):
        fetch(server.url("/x"))


def test_404_names_status_and_url(server: LiveServer) -> None:
    url = server.url("/missing")
    with pytest.raises(FetchError) as info:
        fetch(url)
    assert str(info.value) == f"HTTP 404 Not Found for {url}"


def test_slow_response_times_out(server: LiveServer) -> None:
    def slow(r: Request) -> Reply:
        time.sleep(2)
        return Reply(200, PAGE)

    server.routes["/slow"] = slow
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s fetching http://127"):
        fetch(server.url("/slow"), timeout=0.5)
    assert time.monotonic() - start < 1.8


def test_oversized_declared_body_is_refused(server: LiveServer) -> None:
    server.routes["/big"] = lambda r: Reply(200, b"x" * 5000)
    with pytest.raises(FetchError, match="response larger than"):
        fetch(server.url("/big"), max_bytes=4096)


def test_oversized_body_is_cut_while_streaming(server: LiveServer) -> None:
    # Small on the wire, large once decoded: the cap applies to what we keep.
    bomb = gzip.compress(b"<p>" + b"a" * 200_000)
    server.routes["/bomb"] = lambda r: Reply(200, bomb, {"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="response larger than"):
        fetch(server.url("/bomb"), max_bytes=100_000)


def test_thirty_megabytes_against_the_default_cap(server: LiveServer) -> None:
    body = b"<p>" + b"x" * (30 * 1024 * 1024)
    server.routes["/huge"] = lambda r: Reply(200, body)
    with pytest.raises(FetchError, match="response larger than 20 MB"):
        fetch(server.url("/huge"))


def test_image_content_type_is_not_a_page(server: LiveServer) -> None:
    server.routes["/img"] = lambda r: Reply(200, PNG, {"Content-Type": "image/png"})
    with pytest.raises(FetchError, match=r"not a web page \(image/png\)"):
        fetch(server.url("/img"))


def test_png_served_as_html_is_not_a_page(server: LiveServer) -> None:
    server.routes["/fake"] = lambda r: Reply(200, PNG, {"Content-Type": "text/html"})
    with pytest.raises(UserError, match="not a web page .*PNG"):
        read_source(server.url("/fake"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/page.html",
                                 "gopher://x/", "javascript:alert(1)"])
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="unsupported URL scheme"):
        check_url(url)


def test_file_url_given_as_source_is_refused() -> None:
    with pytest.raises(UserError, match="unsupported URL scheme 'file'"):
        read_source("file:///etc/hostname")


def test_unreachable_host_says_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Nothing listens on the port now.
    with pytest.raises(FetchError) as info:
        fetch(f"http://127.0.0.1:{port}/", timeout=2)
    assert str(info.value) == "cannot reach 127.0.0.1: connection refused"


def test_read_source_file_stdin_and_errors(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_bytes(PAGE)
    src = read_source(str(f))
    assert (src.data, src.url, src.fetched) == (PAGE, None, None)
    assert read_source("-", stdin=io.BytesIO(PAGE)).data == PAGE
    with pytest.raises(UserError, match="no such file"):
        read_source(str(tmp_path / "nope.html"))
    with pytest.raises(UserError, match="is a folder"):
        read_source(str(tmp_path))
    (tmp_path / "empty.html").write_bytes(b"  \n")
    with pytest.raises(UserError, match="is empty"):
        read_source(str(tmp_path / "empty.html"))
    (tmp_path / "pic.html").write_bytes(PNG)
    with pytest.raises(UserError, match="not a web page"):
        read_source(str(tmp_path / "pic.html"))
    with pytest.raises(UserError, match="larger than"):
        read_source(str(f), max_bytes=10)

"""Fetching a page over HTTP(S) with httpx: the limits that keep a hostile or
broken server from hanging or flooding us, and conditional requests.

- http and https only; at most 5 redirects (each must stay http/https)
- a connect timeout and one deadline for the whole request: connecting,
  the headers and the body (a server that sends a byte a second is cut off
  at the deadline, not only when a single read stalls)
- a body shorter than its Content-Length is an error, not a page
- text the server controls (reason phrase, content type) is made
  terminal-safe before it goes into an error message
- the body is streamed and cut at a size cap (20 MB by default)
- gzip/deflate (and brotli/zstd when installed) decoded by httpx
- `If-None-Match` / `If-Modified-Since` from the stored validators; a 304
  comes back as `Fetched.not_modified`
- errors are `FetchError` (a UserError): one line naming the URL

No Textual import here: the app calls this from worker threads.
"""

from __future__ import annotations

import errno
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tui import __version__
from tui.errors import UserError
from tui.i18n import _, decimal
from tui.textnorm import clean_inline

if TYPE_CHECKING:  # httpx (~50 ms) is imported by fetch(), when a page is fetched
    import httpcore
    import httpx

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
CHUNK = 64 * 1024  # bytes decoded at a time (a small gzip bomb stays small in memory)
USER_AGENT = f"newsreader/{__version__}"

# Content types we hand to the parser; a missing type is sniffed later.
_TEXT_TYPES = (
    "text/", "application/xhtml+xml", "application/xml", "application/rss+xml",
    "application/atom+xml", "application/json", "application/ld+json",
)


class FetchError(UserError):
    """A fetch failed; the message is one line that names the URL. Its own
    exit status: the network or the server failed, not the input."""

    exit_status = 3


class BadURL(FetchError):
    """The address itself is wrong (not http/https, no host): bad input."""

    exit_status = 2


class RefusedResponse(FetchError):
    """What came back is no page to read (an image, over the size cap): the
    source is wrong, not the network."""

    exit_status = 2


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL, after redirects
    status: int  # 200-range, or 304
    data: bytes  # empty for a 304
    content_type: str | None  # media type without parameters, lower case
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> str:
    """The URL if its scheme is http or https; FetchError otherwise."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = scheme or _("none")
        raise BadURL(_("unsupported URL scheme {scheme} in {url} (only http and https)").format(
            scheme=repr(shown), url=url))
    if not parts.hostname:
        raise BadURL(_("no host in URL {url}").format(url=url))
    return url.strip()


def _size(n: int) -> str:
    return _("{size} MB").format(size=decimal(n / (1024 * 1024)))


def _reason(exc: BaseException) -> str:
    """A short, lower-case reason from a connection error."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError) and cause.errno is not None:
            if cause.errno == errno.ECONNREFUSED:
                return _("connection refused")
            if cause.strerror:
                return cause.strerror.lower()
        cause = cause.__cause__ or cause.__context__
    text = str(exc) or type(exc).__name__
    low = text.lower()
    if "name or service not known" in low or "nodename nor servname" in low or \
            "temporary failure in name resolution" in low:
        return _("host name not found")
    if "connection refused" in low:
        return _("connection refused")
    if "]" in text and text.startswith("["):
        text = text.split("]", 1)[1].strip()
    return clean_inline(text).lower() or _("connection failed")


def _deadline_transport(deadline: float) -> httpx.HTTPTransport:
    """httpx's own transport whose every network operation (connect, TLS,
    each read and write) is given at most the time left until `deadline`:
    httpx's timeouts are per operation, so without this a server trickling
    its headers a byte at a time would never time out."""
    import httpcore
    import httpx

    def left(timeout: float | None) -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise httpcore.ReadTimeout("deadline passed")
        return remaining if timeout is None else min(timeout, remaining)

    class Stream(httpcore.NetworkStream):
        def __init__(self, inner: httpcore.NetworkStream) -> None:
            self.inner = inner

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            return self.inner.read(max_bytes, left(timeout))

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self.inner.write(buffer, left(timeout))

        def close(self) -> None:
            self.inner.close()

        def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                      timeout: float | None = None) -> httpcore.NetworkStream:
            return Stream(self.inner.start_tls(ssl_context, server_hostname, left(timeout)))

        def get_extra_info(self, info: str) -> Any:
            return self.inner.get_extra_info(info)

    class Backend(httpcore.SyncBackend):
        def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                        local_address: str | None = None,
                        socket_options: Any = None) -> httpcore.NetworkStream:
            return Stream(super().connect_tcp(host, port, left(timeout), local_address,
                                              socket_options))

    context = _ssl_context()
    transport = httpx.HTTPTransport(verify=context, trust_env=False)
    # The one way to give httpx a network backend (httpx 0.2x keeps its
    # httpcore pool in `_pool`): the same pool httpx builds, our backend.
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001
        ssl_context=context, network_backend=Backend())
    return transport


@cache
def _ssl_context() -> Any:
    """One TLS context for every fetch: loading the CA bundle costs ~20 ms
    of CPU, which a follower polling 100 blogs paid twice per poll."""
    import httpx

    return httpx.create_ssl_context(trust_env=False)


def fetch(url: str, *, etag: str | None = None, last_modified: str | None = None,
          timeout: float = TIMEOUT, connect_timeout: float = CONNECT_TIMEOUT,
          max_bytes: int = MAX_BYTES, client: httpx.Client | None = None) -> Fetched:
    """GET `url` within the limits above. Raises FetchError with one line."""
    import httpx

    url = check_url(url)
    host = urlsplit(url).hostname or url
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
               "text/plain;q=0.9,*/*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + timeout
    own = client is None
    if client is None:
        client = httpx.Client(
            follow_redirects=True, max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(timeout, connect=min(connect_timeout, timeout)),
            trust_env=False, transport=_deadline_transport(deadline),
        )
    try:
        with client.stream("GET", url, headers=headers) as response:
            return _read(response, url, deadline, timeout, max_bytes)
    except FetchError:
        raise
    except httpx.TooManyRedirects:
        raise FetchError(_("too many redirects (more than {n}) fetching {url}").format(
            n=MAX_REDIRECTS, url=url)) from None
    except httpx.UnsupportedProtocol as exc:
        raise FetchError(_("unsupported URL scheme in a redirect from {url} ({reason})").format(
            url=url, reason=exc)) from None
    except httpx.TimeoutException:
        raise FetchError(_timed_out(timeout, url)) from None
    except httpx.ConnectError as exc:
        raise FetchError(_("cannot reach {host}: {reason}").format(
            host=host, reason=_reason(exc))) from None
    except httpx.DecodingError as exc:
        raise FetchError(_("cannot decode the response from {url}: {reason}").format(
            url=url, reason=clean_inline(str(exc)))) from None
    except httpx.RemoteProtocolError as exc:
        if "incomplete" in str(exc) or "complete message body" in str(exc):
            raise FetchError(_("truncated response from {url}: {reason}").format(
                url=url, reason=_reason(exc))) from None
        raise FetchError(_("fetching {url} failed: {reason}").format(
            url=url, reason=_reason(exc))) from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FetchError(_("fetching {url} failed: {reason}").format(
            url=url, reason=_reason(exc))) from None
    finally:
        if own:
            client.close()


def _timed_out(timeout: float, url: str) -> str:
    return _("timed out after {seconds} s fetching {url}").format(
        seconds=decimal(timeout), url=url)


def _body_chunks(response: httpx.Response, final: str) -> Iterator[bytes]:
    """The body, decoded. gzip and deflate are decoded here rather than by
    httpx so that a stream cut short is known: without a Content-Length, a
    compressed body whose stream has no end is a truncated response, not a
    page (an uncompressed one cut short cannot be told from a whole one)."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        yield from response.iter_bytes()
        return
    # 32 + 15: a gzip or zlib header, found by zlib; raw deflate is tried after.
    decoder = zlib.decompressobj(47)
    started = False
    for chunk in response.iter_raw():
        try:
            try:
                out = decoder.decompress(chunk, CHUNK)
            except zlib.error:
                if started or encoding != "deflate":
                    raise
                decoder = zlib.decompressobj(-15)
                out = decoder.decompress(chunk, CHUNK)
            started = True
            while True:
                yield out
                if not decoder.unconsumed_tail:
                    break
                out = decoder.decompress(decoder.unconsumed_tail, CHUNK)
        except zlib.error:
            raise FetchError(_("cannot decode the {encoding} response from {url}").format(
                encoding=encoding, url=final)) from None
    if started and not decoder.eof:
        raise FetchError(_("truncated response from {url}: the {encoding} stream ends early")
                         .format(url=final, encoding=encoding))


def _read(response: httpx.Response, url: str, deadline: float, timeout: float,
          max_bytes: int) -> Fetched:
    final = str(response.url)
    check_url(final)
    if response.status_code == 304:
        return Fetched(final, 304, b"", None, None, response.headers.get("etag"),
                       response.headers.get("last-modified"))
    if response.status_code >= 400 or response.status_code < 200:
        phrase = clean_inline(response.reason_phrase)
        reason = f" {phrase}" if phrase else ""
        raise FetchError(_("HTTP {status}{reason} for {url}").format(
            status=response.status_code, reason=reason, url=final))
    ctype_header = response.headers.get("content-type", "")
    media = clean_inline(ctype_header.split(";", 1)[0]).lower() or None
    if media is not None and not media.startswith(_TEXT_TYPES):
        raise RefusedResponse(_("not a web page ({type}) at {url}").format(
            type=media, url=final))
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes \
            and "content-encoding" not in response.headers:
        raise RefusedResponse(_("response larger than {limit} ({size}) from {url}").format(
            limit=_size(max_bytes), size=_size(int(declared)), url=final))
    chunks: list[bytes] = []
    size = 0
    for chunk in _body_chunks(response, final):
        size += len(chunk)
        if size > max_bytes:
            raise RefusedResponse(_("response larger than {limit} from {url}").format(
                limit=_size(max_bytes), url=final))
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise FetchError(_timed_out(timeout, url))
    raw = response.num_bytes_downloaded
    if declared and declared.isdigit() and raw < int(declared):
        raise FetchError(_("truncated response from {url}: {got} of {declared} bytes").format(
            url=final, got=raw, declared=declared))
    return Fetched(final, response.status_code, b"".join(chunks), media,
                   response.charset_encoding, response.headers.get("etag"),
                   response.headers.get("last-modified"))

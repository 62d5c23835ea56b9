"""A hostile HTTP server on 127.0.0.1 that writes raw bytes: reason phrases
and headers holding escape sequences, headers trickled a byte at a time,
bodies shorter than their Content-Length. http.server cannot say these
things; a socket can. Routes map a path to the bytes of the whole response,
or to a function that gets the socket and writes what it likes."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Handler = Callable[[socket.socket], None]


def response(status: str, body: bytes = b"", **headers: str) -> bytes:
    """`HTTP/1.1 {status}`, the headers (latin-1, as given: escapes kept),
    then the body."""
    head = f"HTTP/1.1 {status}\r\n" + "".join(
        f"{name.replace('_', '-')}: {value}\r\n" for name, value in headers.items())
    return head.encode("latin-1") + b"\r\n" + body


def trickle(data: bytes, every: float = 0.2) -> Handler:
    """Send `data` one byte every `every` seconds (until the client leaves)."""
    def handle(conn: socket.socket) -> None:
        for byte in data:
            conn.sendall(bytes([byte]))
            time.sleep(every)
    return handle


class RawServer:
    def __init__(self) -> None:
        self.routes: dict[str, bytes | Handler] = {}
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self._stop = threading.Event()

    def url(self, path: str) -> str:
        return self.base + path

    def _serve(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(10)
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                request += chunk
            path = request.split(b" ", 2)[1].decode("latin-1")
            route = self.routes.get(path, response("404 Not Found", Content_Length="0"))
            if callable(route):
                route(conn)
            else:
                conn.sendall(route)
        except OSError:
            pass  # the client hung up: what a deadline does
        finally:
            conn.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    @contextmanager
    def running(self) -> Iterator[RawServer]:
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join(5)
            self.sock.close()

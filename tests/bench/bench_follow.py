"""Following 100 live blogs at once, on a local server (each blog on its own
loopback address, 127.0.0.N, so per-host spacing does not serialise them):
per poll cycle, the wall time, the CPU time and the memory; and the time
from a new entry on the server to its row in the library (what the river
shows). Conditional requests: an unchanged blog costs a 304. Prints;
asserts nothing.

    python tests/bench/bench_follow.py [--blogs 100] [--cycles 5]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from liveserver import Post, liveblog_html  # noqa: E402

from tui.library import EntryFilter, Library  # noqa: E402
from tui.pipeline.follow import IN_FLIGHT, FollowConfig, Follower  # noqa: E402
from tui.pipeline.sources import import_source, read_source  # noqa: E402


class Blogs:
    def __init__(self, count: int) -> None:
        self.posts = {n: [Post(f"b{n}p{k}", 10 + k, f"Blog {n} update {k}", "Text of it.")
                          for k in range(20)] for n in range(count)}
        self.versions = dict.fromkeys(self.posts, 1)
        self.lock = threading.Lock()
        self.requests = 0
        self.not_modified = 0

    def page(self, n: int) -> tuple[bytes, str]:
        with self.lock:
            return liveblog_html(f"Live: story {n}", self.posts[n]), f'"v{self.versions[n]}"'

    def add(self, n: int, headline: str) -> None:
        with self.lock:
            self.posts[n].insert(0, Post(f"b{n}new{len(self.posts[n])}", 0, headline, "New."))
            self.versions[n] += 1


def serve(blogs: Blogs) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            n = int(self.path.strip("/b") or 0)
            body, etag = blogs.page(n)
            blogs.requests += 1
            if self.headers.get("If-None-Match") == etag:
                blogs.not_modified += 1
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("0.0.0.0", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--blogs", type=int, default=100)
    parser.add_argument("--cycles", type=int, default=5)
    args = parser.parse_args()
    blogs = Blogs(args.blogs)
    httpd = serve(blogs)
    port = httpd.server_address[1]
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "follow.sqlite3", seed=False)
        for n in range(args.blogs):
            host = f"127.0.{n // 250}.{n % 250 + 1}"
            import_source(library, read_source(f"http://{host}:{port}/b{n}"))
        follower = Follower(library, FollowConfig(every=1.0, minimum=0.05), jitter=0)
        follower.sync(now=time.time() - 10)  # all due at once
        print(f"{args.blogs} live blogs, {IN_FLIGHT} fetches in flight at most")
        for cycle in range(args.cycles):
            if cycle == args.cycles - 1:  # the last cycle brings a new entry
                blogs.add(7, "A new entry to find")
                added = time.perf_counter()
            for state in follower.states.values():
                state.next_due = 0
            before = blogs.requests
            cpu = time.process_time()
            start = time.perf_counter()
            outcomes = follower.poll_due()
            wall = time.perf_counter() - start
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  cycle {cycle + 1}: {len(outcomes)} polls, {blogs.requests - before} "
                  f"requests in {wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU, "
                  f"max RSS {rss:.0f} MB")
        river = library.entry_rows(library.entry_rowids(EntryFilter(live=True))[:5])
        found = any(r.headline == "A new entry to find" for r in river)
        print(f"  new entry on the server -> in the river: "
              f"{time.perf_counter() - added:.2f} s (found: {found})")
        print(f"  304 Not Modified answers: {blogs.not_modified} of {blogs.requests} requests")
        library.close()
    httpd.shutdown()


if __name__ == "__main__":
    main()

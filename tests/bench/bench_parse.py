"""Parse-time benchmark: prints the median of a few runs per page. No asserts.

    .venv/bin/python tests/bench/bench_parse.py [runs]

Pages: the seeds (through tui.ingest.parse), the real pages in
../shared/corpus when present, and a synthesized ~500 KB live blog.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.ingest import parse  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def synthesized_liveblog(target_bytes: int = 500_000, paragraphs: int = 1) -> bytes:
    """A live blog shaped like real ones: head metadata, JSON-LD with every
    update, navigation, scripts, then time-stamped entry containers. With
    paragraphs=1 entries are ~0.9 KB (dense: ~560 entries in 500 KB); real
    pages in the corpus carry 5-10 KB of HTML per entry."""
    entry = (
        '<div class="live-post" id="post-{i}" data-post-time="{ms}">'
        '<div class="post-meta"><time>{hh:02d}:{mm:02d}</time><span>Jane Doe</span></div>'
        "<h3>Update {i}: ministers meet as the situation develops</h3>"
        "<p>The meeting began at {hh:02d}:{mm:02d}, officials said, with <a href=\"/story/{i}\">"
        "more details here</a>. Talks are expected to go on late into the night, and a "
        "statement may follow.</p>{extra}<p>&ldquo;We are making progress,&rdquo; a "
        "spokesperson told reporters outside the building, declining to say more.</p>"
        '<figure><img src="/img/{i}.jpg" alt="Ministers arrive"><figcaption>Ministers '
        'arrive <span class="credit">Photo: Agency</span></figcaption></figure>'
        '<div class="share-bar"><a href="#">Share</a><a href="#">Tweet</a></div></div>'
    )
    start_ms = 1_721_299_680_000
    extra = ("<p>" + "Negotiators from both sides returned to the table after a short break, "
             "according to people familiar with the matter. " * 4 + "</p>") * (paragraphs - 1)
    parts: list[str] = []
    updates: list[dict[str, str]] = []
    size = i = 0
    while size < target_bytes * 0.8:
        minute = 600 - i
        text = entry.format(i=i, ms=start_ms - i * 60_000, hh=minute // 60 % 24, mm=minute % 60,
                            extra=extra)
        parts.append(text)
        updates.append({"@type": "BlogPosting", "headline": f"Update {i}",
                        "articleBody": "The meeting began, officials said.",
                        "datePublished": "2024-07-18T10:00:00+01:00"})
        size += len(text)
        i += 1
    ld = json.dumps({"@context": "https://schema.org", "@type": "LiveBlogPosting",
                     "headline": "Live: talks go on", "datePublished": "2024-07-18T07:00:00+01:00",
                     "liveBlogUpdate": updates})
    head = (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Live: talks go on - "
        "The Paper</title><meta property=og:site_name content='The Paper'>"
        f'<script type="application/ld+json">{ld}</script>'
        + "<script>var x = '" + "y" * 20_000 + "';</script></head><body>"
        + "<nav>" + "<a href='/s'>Section</a>" * 200 + "</nav><main>"
    )
    return (head + "".join(parts) + "</main><footer>(c) The Paper</footer></body></html>").encode()


def measure(data: bytes, runs: int) -> tuple[float, int, str]:
    times = []
    page = None
    for _ in range(runs):
        start = time.perf_counter()
        page = parse(data)
        times.append(time.perf_counter() - start)
    assert page is not None
    return statistics.median(times) * 1000, len(page.entries), str(page.kind)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    pages: list[tuple[str, bytes]] = [
        (f"seed {p.name}", p.read_bytes()) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    if CORPUS.is_dir():
        pages += [(f"corpus {p.name}", p.read_bytes()) for p in sorted(CORPUS.glob("*.html"))]
    pages.append(("synthesized live blog, dense (0.9 KB entries)", synthesized_liveblog()))
    pages.append(("synthesized live blog, 4 KB entries", synthesized_liveblog(paragraphs=8)))
    print(f"{'page':<66} {'KB':>6} {'ms':>8} {'entries':>8}  kind")
    for name, data in pages:
        ms, count, kind = measure(data, runs)
        print(f"{name:<66} {len(data) / 1024:>6.0f} {ms:>8.1f} {count:>8}  {kind}")


if __name__ == "__main__":
    main()

"""Parse-time benchmark: prints the median of a few runs per page. No asserts.

    .venv/bin/python tests/bench/bench_parse.py [runs]

Pages: the seeds (through tui.ingest.parse), the real pages in
../shared/corpus when present, and synthesized ~500 KB live blogs (dense HTML,
HTML with long entries, a plain-text dump). For the synthesized pages it also
prints where the time goes: the parser, assign_topics and sanitize.
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
from tui.ingest.clean import sanitize  # noqa: E402
from tui.ingest.decode import decode, looks_like_html  # noqa: E402
from tui.ingest.html import parse_html  # noqa: E402
from tui.ingest.text import parse_text  # noqa: E402
from tui.ingest.topics import assign_topics  # noqa: E402

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


TEXT_SEED = ROOT / "seeds" / "i24news_liveblog_2026-02-11_trump-netanyahou-iran.txt"


def synthesized_text_liveblog(target_bytes: int = 500_000) -> bytes:
    """A plain-text dump of a French live blog: the i24NEWS seed's menus and
    header, then its updates repeated (numbered, so headlines differ) under
    clock-time lines, then its footer; ~0.75 KB per entry, accented text."""
    lines = TEXT_SEED.read_text().split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("Donald Trump : « J’ai"))
    last = next(i for i, line in enumerate(lines) if line.startswith("https://x.com/"))
    head, footer = "\n".join(lines[:first]), "\n".join(lines[last:])
    # (headline, first paragraph) pairs of the seed's updates
    blocks = [b.strip() for b in "\n".join(lines[first:last]).split("\n\n") if b.strip()]
    updates = [(h, b) for h, b in zip(blocks, blocks[1:], strict=False)
               if len(h) < 160 and len(b) > 160]
    parts: list[str] = []
    size = i = 0
    while size < target_bytes * 0.97:
        headline, body = updates[i % len(updates)]
        minute = 23 * 60 + 50 - i
        part = f"{minute // 60 % 24:02d}:{minute % 60:02d}\n\n{headline} ({i})\n\n{body}\n\n"
        parts.append(part)
        size += len(part.encode())
        i += 1
    return (head + "\n\n" + "".join(parts) + footer).encode()


def breakdown(data: bytes, runs: int) -> str:
    """Median ms of each stage of tui.ingest.parse: parser, topics, sanitize."""
    text = decode(data, None)
    html = looks_like_html(text, None)
    stages: dict[str, list[float]] = {"parse": [], "topics": [], "sanitize": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        page = parse_html(text, None) if html else parse_text(text, None)
        t1 = time.perf_counter()
        page = assign_topics(page)
        t2 = time.perf_counter()
        sanitize(page)
        t3 = time.perf_counter()
        for key, value in zip(stages, (t1 - t0, t2 - t1, t3 - t2), strict=True):
            stages[key].append(value)
    name = "parse_html" if html else "parse_text"
    parse_ms, topics_ms, clean_ms = (statistics.median(v) * 1000 for v in stages.values())
    return (f"    {name} {parse_ms:.1f} ms, assign_topics {topics_ms:.1f} ms, "
            f"sanitize {clean_ms:.1f} ms")


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
    synthesized = [
        ("synthesized live blog, dense (0.9 KB entries)", synthesized_liveblog()),
        ("synthesized live blog, 4 KB entries", synthesized_liveblog(paragraphs=8)),
        ("synthesized text dump live blog (0.75 KB entries)", synthesized_text_liveblog()),
    ]
    print(f"{'page':<66} {'KB':>6} {'ms':>8} {'entries':>8}  kind")
    for name, data in pages + synthesized:
        ms, count, kind = measure(data, runs)
        print(f"{name:<66} {len(data) / 1024:>6.0f} {ms:>8.1f} {count:>8}  {kind}")
        if any(data is d for _n, d in synthesized):
            print(breakdown(data, runs))


if __name__ == "__main__":
    main()
